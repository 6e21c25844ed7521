"""ISBN checks: validated, ISBN-10 stored as ISBN-13."""

from __future__ import annotations

import unicodedata

from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import InvalidChecksum, ValidationError

from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP


def compact(value: str) -> str:
    """Digits (and a final X) only: full-width folded, blanks and hyphens dropped."""
    value = unicodedata.normalize("NFKC", value).upper()
    return "".join(ch for ch in value if ch.isdigit() or ch == "X")


def normalize_isbn(value: str) -> str:
    """The ISBN-13 for ``value`` (ISBN-10 or -13, with or without hyphens), or InvalidInput."""
    digits = compact(value)
    if len(digits) not in (10, 13):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("BookroomError", "ISBN“{value}”应为10位或13位。"), value=value.strip()
        )
    try:
        stdnum_isbn.validate(digits)
    except InvalidChecksum as exc:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("BookroomError", "ISBN“{value}”的校验位不对，请核对。"), value=value.strip()
        ) from exc
    except ValidationError as exc:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("BookroomError", "“{value}”不是ISBN（13位ISBN以978或979开头）。"), value=value.strip()
        ) from exc
    return stdnum_isbn.to_isbn13(digits)


def is_isbn13(value: str) -> bool:
    """Whether ``value`` is exactly a valid 13-digit ISBN (978/979 EAN)."""
    if len(value) != 13 or not value.isdigit() or value[:3] not in ("978", "979"):
        return False
    return stdnum_isbn.is_valid(value)


def format_isbn(isbn13: str) -> str:
    """Hyphenated for display (978-7-...), as far as the ISBN ranges are known."""
    try:
        return stdnum_isbn.format(isbn13)
    except Exception:  # formatting is cosmetic; never fail on it
        return isbn13
