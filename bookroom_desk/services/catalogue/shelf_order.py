"""Shelf order (排架顺序): a byte-comparable key that sorts call numbers as the books stand on the shelf.

A call number (索书号) is a CLC class number (分类号), then after ``/`` the book number (书次号:
a 种次号 such as ``12``, or a 著者号 such as ``W123``) and any marks after it (``/12-2``,
``/12:2``, volume ``v.2``). The rules implemented, as classifiers file them:

1. **The class letters first**: ``A`` < ``B`` < … < ``Z``; ``T`` alone (``T-65``) before its
   two-letter subclasses ``TB`` < ``TD`` < … < ``TV`` (the letters compared as letters).
2. **The class digits as a decimal fraction** (层累制: each digit divides the class before it),
   not as a whole number: ``TM101`` (0.101) before ``TM90`` (0.90); a class before its
   subdivisions (``D922`` before ``D922.5``). The dot written after every three digits is only
   for reading and is ignored (``I247.5`` = digits 2475).
3. **Auxiliary marks before the digits** at the same place, since a subdivision from the common
   tables files after its class and before the class's own subdivisions (``B`` < ``B-49`` <
   ``B0``; ``TP311`` < ``TP311-43`` < ``TP311.1``). Among themselves in the order the 《中图法》
   第五版使用手册 (pp. 82–83) gives for filing class numbers: 总论复分号 ``-``, 国家地区区分号
   ``( )``, 种族民族区分号 ``" "``, 时代区分号 ``=``, 通用时间地点和环境人员区分号 ``< >``, then
   the combination signs 组配 ``:`` and 联合 ``+``::

       (end) < closing ) > " < - < ( < " < = < < < : < + < other signs < digits < letters

   Source: DigitalPlatform/dp2, ``DigitalPlatform/4.0/AccessNoUtility.cs`` (class ``CompareSegment``,
   2023), which quotes that page of the manual with its example (R711 < R711-62 < R711(711) <
   R711(711)=535 < R711=6 < R711<326> < R711:R83 < R711+R173 < R711.1) and files the marks in the order
   ``-()"=<>:+``. (dp2's older ``StringUtil.CompareAccessNo`` compares the class line byte-wise.)
   A closing mark ends its group, so it files before anything continuing inside it
   (``D(2)`` < ``D(21)``); dp2 gives ``)`` a place of its own between ``(`` and ``"`` instead.
4. **After ``/`` the book number**: a 种次号 and any later number **as a whole number**
   (``/2`` < ``/12`` < ``/1234``, as dp2 compares the lines after the first right-aligned); a
   著者号 (letters then digits right after ``/``) by its letters, then its digits as a decimal
   fraction (著者号码表 numbers are lengthened to tell authors apart: ``W12`` < ``W123`` <
   ``W13``). Then the marks in the order above, with ``/`` (a further level) first of them:
   ``/12`` < ``/12/2`` < ``/12-2`` < ``/12(2)`` < ``/12=2`` < ``/12:2``; letters after numbers.
5. **Volume and copy marks** (卷册号, 复本号) the same way: ``v.2`` < ``v.10``, ``c.1`` < ``c.2``;
   ``上`` < ``中`` < ``下`` (read as 1, 2, 3); a dot only separates (``v.2`` = ``v2``). Within a
   call number they follow it (``D922.5/12V.2``); a copy's own mark (``Copy.volume_mark``) has its
   key :func:`volume_key` in ``Copy.volume_key``, so copies sort by title, then volume.

Upper/lower case, full-width characters and blanks do not count (the call number as stored is
upper-case without blanks). The key uses only ``0-9`` and ``A-Z``, whose order is the same in
the byte-wise C collation and in the usual language collations; each piece is fixed width or
ends in a mark lower than anything that may continue it, so plain string order of keys is shelf
order, and a key cut at :data:`KEY_LENGTH` still never sorts before a key it stood after.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from bookroom_desk.services.common.entry import column_length
from bookroom_desk.store.models import Copy, Title

#: The longest key kept (the column's length); longer keys are cut, which keeps the order (ties at worst).
KEY_LENGTH = column_length(Title.shelf_key)

_END, _CLOSE = "0", "1"
# One character per mark, in filing order (the class part: '/' never occurs in it).
_CLASS_MARKS = {"-": "2", "(": "3", '"': "4", "=": "5", "<": "6", ":": "7", "+": "8"}
_CLASS_OTHER, _CLASS_LETTER = "9", "K"  # digits are 'A'..'J' between them
# After '/': '/' first of the marks, then the class marks' order.
_REST_MARKS = {"/": "2", "-": "3", "(": "4", '"': "5", "=": "6", "<": "7", ":": "8", "+": "9"}
_REST_OTHER, _REST_NUMBER, _REST_DECIMAL, _REST_LETTER = "A", "B", "C", "D"
_CLOSERS = frozenset(")>]}）》")
_SEPARATORS = frozenset(".,;·、")  # separate without filing as anything (v.2 = v2)
_VOLUME_WORDS = {"上": 1, "中": 2, "下": 3}
_AUTHOR = re.compile(r"([A-Z]+)([0-9]+)")  # W123 right after '/'


def normalized(call_number: str) -> str:
    """The call number as compared: full-width folded (NFKC), upper case, no blanks or control characters."""
    text = call_number or ""
    for _ in range(4):  # dropping a blank may let NFKC join what it parted ('R¸'): to a fixed point
        folded = unicodedata.normalize("NFKC", text).upper()
        folded = "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch)[0] != "C")
        if folded == text:
            break
        text = folded
    return text


def _digit(ch: str) -> str:
    return chr(ord("A") + int(ch))


def _other(code: str, ch: str) -> str:
    return code + f"{ord(ch):06X}"  # fixed width: every code point fits in six hex digits


def _class_key(text: str) -> str:
    """The class part: its letters (two places, '0' when one), then its body, then the end mark."""
    head = ""
    if text[:1].isascii() and text[:1].isalpha():
        head = text[0]
        if head == "T" and text[1:2].isascii() and text[1:2].isalpha():
            head = text[:2]
    out = [head.ljust(2, "0")]
    quoted = False
    for ch in text[len(head):]:
        if "0" <= ch <= "9":
            out.append(_digit(ch))
        elif ch == ".":
            continue  # the reading dot after three digits
        elif ch == '"':
            out.append(_CLOSE if quoted else _CLASS_MARKS[ch])
            quoted = not quoted
        elif ch in _CLASS_MARKS:
            out.append(_CLASS_MARKS[ch])
        elif ch in _CLOSERS:
            out.append(_CLOSE)
        elif "A" <= ch <= "Z":
            out.append(_CLASS_LETTER + ch)
        else:
            out.append(_other(_CLASS_OTHER, ch))
    out.append(_END)
    return "".join(out)


def _number(digits: str) -> str:
    value = digits.lstrip("0")[:99]  # a call number holds at most 60 characters: two places for the length
    return f"{_REST_NUMBER}{len(value):02d}{value}"


def _rest_key(text: str, *, book_number: bool) -> str:
    """The book number and marks after the first '/' (or a copy's volume mark alone), then the end mark."""
    out: list[str] = []
    i, quoted = 0, False
    author = _AUTHOR.match(text) if book_number else None
    if author:  # a 著者号: its letters, then its digits as a decimal fraction
        out.extend(_REST_LETTER + ch for ch in author.group(1))
        out.append(_REST_DECIMAL + "".join(_digit(d) for d in author.group(2)) + _END)
        i = author.end()
    while i < len(text):
        ch = text[i]
        if "0" <= ch <= "9":
            j = i
            while j < len(text) and "0" <= text[j] <= "9":
                j += 1
            out.append(_number(text[i:j]))
            i = j
            continue
        if "A" <= ch <= "Z":
            out.append(_REST_LETTER + ch)
        elif ch in _VOLUME_WORDS:
            out.append(_number(str(_VOLUME_WORDS[ch])))
        elif ch == '"':
            out.append(_CLOSE if quoted else _REST_MARKS[ch])
            quoted = not quoted
        elif ch in _REST_MARKS:
            out.append(_REST_MARKS[ch])
        elif ch in _CLOSERS:
            out.append(_CLOSE)
        elif ch not in _SEPARATORS:
            out.append(_other(_REST_OTHER, ch))
        i += 1
    out.append(_END)
    return "".join(out)


def shelf_key(call_number: str) -> str:
    """The key that sorts ``call_number`` in shelf order by plain string comparison ('' for no call number)."""
    text = normalized(call_number)
    if not text:
        return ""
    klass, slash, rest = text.partition("/")
    key = _class_key(klass) + (_rest_key(rest, book_number=True) if slash else "")
    return key[:KEY_LENGTH]


def volume_key(mark: str) -> str:
    """The key of a copy's volume or copy mark alone (``v.2`` < ``v.10``), for ordering copies of one title."""
    text = normalized(mark)
    return _rest_key(text, book_number=False)[:KEY_LENGTH] if text else ""


def copy_order() -> tuple[Any, ...]:
    """ORDER BY terms for copies joined to their titles: shelf order, a title's copies together by volume, then barcode."""
    return Title.shelf_key, Title.id, Copy.volume_key, Copy.barcode


def copy_sort_key(copy: Copy) -> tuple[str, int, str, str]:
    """A loaded copy's place in shelf order, as :func:`copy_order` sorts it in SQL."""
    return copy.title.shelf_key, copy.title_id, copy.volume_key, copy.barcode
