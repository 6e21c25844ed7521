"""Reading one cell of a delivery list: a quantity, barcodes and their ranges, an ISBN, a class, a vocabulary
word, and the 合计 line that is not a book (services.catalogue.import_plan checks the rows with them)."""

from __future__ import annotations

import re

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.catalogue.clc import validate_class_number
from bookroom_desk.services.common import vocab
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.services.common.isbn import compact, normalize_isbn
from bookroom_desk.services.xlsx import tabular
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_list

#: Most copies one row may ask for.
MAX_QUANTITY = 1000
_SPLIT = re.compile(r"[,，、;；\s]+")
_RANGE = re.compile(r"^(?P<a>.*?\d+)\s*[-~～—至]\s*(?P<b>.*?\d+)$")


def parse_quantity(text: str) -> int:
    value = re.sub(r"\.0+$", "", text.strip().rstrip("册本套"))  # '2.0' from a spreadsheet's number
    if not re.fullmatch(r"\d+", value) or not 1 <= int(value) <= MAX_QUANTITY:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "数量“{value}”不是 1 到 {most} 之间的整数。"),
                           value=text, most=MAX_QUANTITY)
    return int(value)


def parse_barcodes(text: str) -> list[str]:
    """Barcodes in one cell: a list ('00000001、00000002') and/or ranges ('00000001-00000010')."""
    codes: list[str] = []
    for part in (p for p in _SPLIT.split(text.strip()) if p):
        match = _RANGE.match(part)
        if match and not normalize(part).isdigit():
            codes.extend(expand_range(match.group("a"), match.group("b"), part))
        else:
            codes.append(normalize(part))
    return codes


def expand_range(first: str, last: str, text: str) -> list[str]:
    a, b = normalize(first), normalize(last)
    match_a, match_b = re.match(r"^(.*?)(\d+)$", a), re.match(r"^(.*?)(\d+)$", b)
    assert match_a and match_b  # _RANGE made both end in digits, and normalising keeps digits
    head_a, num_a = match_a.groups()
    head_b, num_b = match_b.groups()
    if head_a != head_b or len(num_a) != len(num_b) or int(num_b) < int(num_a) \
            or int(num_b) - int(num_a) >= MAX_QUANTITY:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "条码范围“{value}”看不懂。"), value=text)
    return [f"{head_a}{n:0{len(num_a)}d}" for n in range(int(num_a), int(num_b) + 1)]


def cell_isbn(text: str) -> str:
    """The ISBN-13 for a cell: a well-formed ISBN-13 is checked here at once (lists hold thousands),
    anything else (ISBN-10, a wrong check digit) goes through :func:`normalize_isbn` and its messages."""
    digits = text if text.isascii() and text.isdigit() else compact(text)
    if len(digits) == 13 and digits.isdigit() and digits[:3] in ("978", "979"):
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits[:12]))
        if (10 - total % 10) % 10 == int(digits[12]):
            return digits
    return normalize_isbn(text)


def class_of(call_number: str) -> str:
    """The class number at the head of a call number ('' when it is not a valid one)."""
    try:
        return validate_class_number(call_number.split("/", 1)[0])
    except InvalidInput:
        return ""


def is_total_line(cells: list[str], values: dict[str, str]) -> bool:
    """A 合计/总计 line at the foot of a list (no title, no ISBN), which is not a book."""
    if values.get("title", "").strip() or values.get("isbn", "").strip():
        return False
    return any(tabular.fold(cell).startswith(("合计", "总计", "小计")) for cell in cells)


def vocab_code(vocabulary: dict[str, str], text: str, default: str) -> str:
    if not text.strip():
        return default
    code = vocab.code_for(vocabulary, text)
    if code is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{value}”不是可选的值（可选：{choices}）。"),
                           value=text, choices=join_list(vocabulary.values()))
    return code
