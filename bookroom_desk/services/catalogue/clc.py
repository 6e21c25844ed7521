"""中图法 (Chinese Library Classification): the 22 top classes and class-number checks."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from bookroom_desk.config import DATA_DIR
from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common.entry import column_length, too_long, visible
from bookroom_desk.store.models import Title
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

# A letter (two for T's subclasses, e.g. TP), digits with dotted groups, then the CLC's
# auxiliary signs (-, =, (), <>, ") and their digits, e.g. D922.5, TP311.13, K825.6=76, O4-43.
_CLASS_RE = re.compile(r"^(?:T[A-Z]?|[A-Z])\d*(?:\.\d+)*(?:[-=(\"<][0-9A-Z.()\-=<>\"]*)?$")


@dataclass(frozen=True)
class ClcClass:
    """A top class: its letter and its Chinese and English names."""

    code: str
    name: str
    name_en: str


@cache
def top_classes() -> tuple[ClcClass, ...]:
    """The 22 top classes A–Z as shipped in data/clc.csv, in order."""
    with open(DATA_DIR / "clc.csv", encoding="utf-8", newline="") as handle:
        return tuple(ClcClass(r["code"], r["name"], r["name_en"]) for r in csv.DictReader(handle))


def normalize_class_number(value: str) -> str:
    """Upper-case, no blanks or control characters; full-width characters folded (Ｄ９２２．５ → D922.5)."""
    import unicodedata

    folded = visible(unicodedata.normalize("NFKC", value))
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch) != "Cc").upper()


def validate_class_number(value: str) -> str:
    """Return the normalised class number, or raise InvalidInput naming the problem."""
    number = normalize_class_number(value)
    if not number:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "分类号不能为空。"))
    codes = {c.code for c in top_classes()}
    if number[0] not in codes:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("BookroomError", "分类号“{value}”不在中图法的22个基本大类（A–Z）之中。"),
            value=value,
        )
    limit = column_length(Title.clc)
    if len(number) > limit:
        raise too_long(translate("book_import", "分类号"), limit)
    if not _CLASS_RE.match(number):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("BookroomError", "分类号“{value}”的格式不对（例如 D922.5、TP311.13）。"),
            value=value,
        )
    return number


def class_in_range(class_number: str, low: str, high: str) -> bool:
    """Whether ``class_number`` falls in a shelf's range ``low``–``high`` (by prefix order).

    ``D`` to ``D`` holds every D class; ``I2`` to ``I3`` holds I2xx and I3xx; an empty bound is open.
    """
    number = normalize_class_number(class_number)
    low, high = normalize_class_number(low), normalize_class_number(high)
    if low and number < low and not number.startswith(low):
        return False
    if high and number > high and not number.startswith(high):
        return False
    return bool(low or high)
