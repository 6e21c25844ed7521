"""ISBN checks: validated, ISBN-10 stored as ISBN-13, a back cover's price add-on left off.

A scanner reading a back cover may send the EAN-13 with its 2- or 5-digit price add-on (EAN-2/EAN-5)
run on (15 or 18 digits, e.g. 978700003537951234): every place an ISBN comes in (the desk, the
catalogue's search, the title form, a delivery list) takes the ISBN-13 in front of it. Digits are
ASCII after NFKC (so full-width ones count, Arabic-Indic and other scripts' do not).
"""

from __future__ import annotations

import unicodedata

from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import InvalidChecksum, ValidationError

from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Lengths of the price add-on a scanner may read after a back cover's EAN-13.
ADD_ON_LENGTHS = (2, 5)
_DIGITS = frozenset("0123456789")


def compact(value: str) -> str:
    """ASCII digits (and X) only: full-width folded, blanks, hyphens and anything else dropped."""
    value = unicodedata.normalize("NFKC", value).upper()
    return "".join(ch for ch in value if ch in _DIGITS or ch == "X")


def without_add_on(digits: str) -> str:
    """``digits`` without the price add-on read after a valid ISBN-13 (15 or 18 digits); else unchanged."""
    if len(digits) - 13 in ADD_ON_LENGTHS and _DIGITS.issuperset(digits[13:]) and is_isbn13(digits[:13]):
        return digits[:13]
    return digits


def normalize_isbn(value: str) -> str:
    """The ISBN-13 for ``value`` (ISBN-10 or -13, hyphens, a price add-on), or InvalidInput."""
    digits = without_add_on(compact(value))
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
    if len(value) != 13 or not _DIGITS.issuperset(value) or value[:3] not in ("978", "979"):
        return False
    return stdnum_isbn.is_valid(value)


def format_isbn(isbn13: str) -> str:
    """Hyphenated for display (978-7-...), as far as the ISBN ranges are known."""
    try:
        return stdnum_isbn.format(isbn13)
    except Exception:  # formatting is cosmetic; never fail on it
        return isbn13
