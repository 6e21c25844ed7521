"""The barcode scheme and the scan field's rules: normalise, then tell a scan's kind."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from bookroom_desk.errors import Refused
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.isbn import is_isbn13, without_add_on
from bookroom_desk.text import QT_TRANSLATE_NOOP


def normalize(raw: str) -> str:
    """What a scan or a typed code means, whatever the keyboard or scanner added.

    Full-width characters from a Chinese input method are folded (NFKC), control characters
    and every blank are dropped, letters are upper-cased. Normalising twice equals normalising
    once, and every barcode the program issues comes back unchanged.
    """
    if raw.isascii() and raw.isprintable() and " " not in raw:  # what a scanner sends: NFKC leaves ASCII as it is
        return raw.upper()
    folded = unicodedata.normalize("NFKC", raw)
    kept = "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch)[0] != "C")
    # upper() can produce new compatibility characters (e.g. 'ﬀ' -> 'FF'); fold again.
    return unicodedata.normalize("NFKC", kept.upper())


class ScanKind(Enum):
    READER = "reader"
    COPY = "copy"
    SHELF = "shelf"
    ISBN = "isbn"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Scan:
    """A classified scan: its kind and the normalised code (for a shelf, the shelf code)."""

    kind: ScanKind
    code: str


@dataclass(frozen=True)
class Scheme:
    """The room's barcode scheme (room settings): prefixes and digit counts."""

    copy_prefix: str = ""
    copy_digits: int = 8
    reader_prefix: str = "R"
    reader_digits: int = 6
    shelf_prefix: str = "SJ-"

    @classmethod
    def load(cls, session: Session) -> Scheme:
        return cls(
            copy_prefix=normalize(settings.get(session, settings.COPY_PREFIX)),
            copy_digits=settings.get(session, settings.COPY_DIGITS),
            reader_prefix=normalize(settings.get(session, settings.READER_PREFIX)),
            reader_digits=settings.get(session, settings.READER_DIGITS),
            shelf_prefix=normalize(settings.get(session, settings.SHELF_PREFIX)),
        )

    def _pattern(self, prefix: str, digits: int) -> re.Pattern[str]:
        # [0-9], not \d: \d also matches Arabic-Indic and every other Unicode digit, which int() reads.
        return re.compile(rf"^{re.escape(prefix)}([0-9]{{{digits}}})$")

    def is_copy(self, code: str) -> bool:
        return bool(self._pattern(self.copy_prefix, self.copy_digits).match(code))

    def is_reader(self, code: str) -> bool:
        return bool(self._pattern(self.reader_prefix, self.reader_digits).match(code))

    def copy_barcode(self, number: int) -> str:
        return f"{self.copy_prefix}{number:0{self.copy_digits}d}"

    def reader_card(self, number: int) -> str:
        return f"{self.reader_prefix}{number:0{self.reader_digits}d}"

    def shelf_label(self, shelf_code: str) -> str:
        return f"{self.shelf_prefix}{shelf_code}"

    def classify(self, raw: str) -> Scan:
        """Tell a reader card, a copy, a shelf label and a back-cover ISBN apart, asking nothing."""
        code = normalize(raw)
        if self.shelf_prefix and code.startswith(self.shelf_prefix) and len(code) > len(self.shelf_prefix):
            return Scan(ScanKind.SHELF, code[len(self.shelf_prefix):])
        if self.is_reader(code):
            return Scan(ScanKind.READER, code)
        if self.is_copy(code):
            return Scan(ScanKind.COPY, code)
        # A back cover's EAN-13, possibly with the 2- or 5-digit price add-on read along: the code is the ISBN.
        isbn = without_add_on(code)
        if is_isbn13(isbn):
            return Scan(ScanKind.ISBN, isbn)
        return Scan(ScanKind.UNKNOWN, code)


def _fits(tail: str, digits: int) -> bool:
    return len(tail) == digits and tail.isascii() and tail.isdigit()


def _highest_number(session: Session, column: InstrumentedAttribute[str], prefix: str, digits: int) -> int:
    """The highest number issued in ``column`` under this scheme (0 for none); codes that do not fit are passed over."""
    width = len(prefix) + digits
    candidates = session.scalars(
        select(column).where(column >= prefix + "0" * digits, column <= prefix + "9" * digits,
                             func.length(column) == width).order_by(column.desc()))
    # Nearly always the first code fits; a stray one (letters, other digits) within the range is skipped.
    return next((int(code[len(prefix):]) for code in candidates if _fits(code[len(prefix):], digits)), 0)


RAN_OUT = {
    "copy": QT_TRANSLATE_NOOP("BookroomError", "图书条码已用完：{last} 是 {digits} 位数字能编的最后一个号。"
                                                "请在“设置”里加长图书条码的位数，或换一个前缀。"),
    "reader": QT_TRANSLATE_NOOP("BookroomError", "读者证号已用完：{last} 是 {digits} 位数字能编的最后一个号。"
                                                  "请在“设置”里加长读者证号的位数，或换一个前缀。"),
}


def _issue(kind: str, prefix: str, digits: int, start: int, count: int) -> list[str]:
    """``count`` codes from ``start`` on, refused whole when the last would not fit the scheme's digits."""
    last = 10 ** digits - 1
    if start + count - 1 > last:
        raise Refused(RAN_OUT[kind], last=f"{prefix}{last:0{digits}d}", digits=digits)
    return [f"{prefix}{number:0{digits}d}" for number in range(start, start + count)]


def next_copy_barcodes(session: Session, count: int, scheme: Scheme | None = None,
                       given: Iterable[str] = ()) -> list[str]:
    """``count`` fresh copy barcodes after the highest in use (and in ``given``). Call inside a write session."""
    from bookroom_desk.store.models import Copy

    scheme = scheme or Scheme.load(session)
    prefix, digits = scheme.copy_prefix, scheme.copy_digits
    highest = max([_highest_number(session, Copy.barcode, prefix, digits),
                   *(int(code[len(prefix):]) for code in given
                     if code.startswith(prefix) and _fits(code[len(prefix):], digits))])
    return _issue("copy", prefix, digits, highest + 1, count)


def next_reader_cards(session: Session, count: int, scheme: Scheme | None = None) -> list[str]:
    """``count`` fresh reader card numbers. Call inside a write session."""
    from bookroom_desk.store.models import Reader

    scheme = scheme or Scheme.load(session)
    prefix, digits = scheme.reader_prefix, scheme.reader_digits
    return _issue("reader", prefix, digits, _highest_number(session, Reader.card, prefix, digits) + 1, count)
