"""Reading CSV text (UTF-8, UTF-16 or GBK) into rows: a quote left open is refused at its row, not read on."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable
from typing import Any

from bookroom_desk.errors import ImportRejected, InvalidInput
from bookroom_desk.services.xlsx import limits
from bookroom_desk.services.xlsx.problems import RowProblem
from bookroom_desk.text import QT_TRANSLATE_NOOP

# Control characters other than tab and line breaks. Cells lose them wherever they stand (see
# tabular.cell_text); a text made of more than one in a hundred is not a table but a binary file.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def unreadable(name: str, detail: str = "") -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP("BookroomError", "无法读取文件“{name}”：它不是有效的 Excel（.xlsx）或 CSV 表格。{detail}"),
        name=name, detail=detail)


def decode_text(data: bytes, name: str = "") -> str:
    """CSV bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise unreadable(name) from exc
    if b"\x00" in data:
        raise unreadable(name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidInput(QT_TRANSLATE_NOOP(
        "BookroomError", "文件“{name}”的文字编码无法识别。请另存为 UTF-8 或 GBK 编码的 CSV，或 .xlsx。"), name=name)


def _refused_at(row: int, reason: str, **params: str) -> ImportRejected:
    """The whole file refused for one row, the row named in the message itself (no preview shows it yet)."""
    problem = RowProblem(row, "", reason, params)
    return ImportRejected([problem], QT_TRANSLATE_NOOP("BookroomError", "未导入任何数据：{problem}"),
                          problem=str(problem))


def _open_quote(row: int) -> ImportRejected:
    return _refused_at(row, QT_TRANSLATE_NOOP(
        "BookroomError", "这一行的引号（\"）没有在本行闭合，下面的行会被读进同一个格子。请删去或补全这个引号。"))


def read_rows(data: bytes, name: str, keep: Callable[[list[Any]], list[str] | None]) -> list[tuple[int, list[str]]]:
    """(1-based line a row starts on, its cells as ``keep`` gives them) of each row of CSV ``data``.

    A quoted cell may hold line breaks (a note written on two lines), but one that holds a line
    break and the separator, or runs to the end of the file, is a stray quote that swallowed the
    rows below it: the file is refused at the row where it opened.
    """
    text = decode_text(data, name)
    if "\x00" in text or len(_CONTROL.findall(text)) * 100 > len(text):
        raise unreadable(name)
    sample = text[:8192]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;，").delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows: list[tuple[int, list[str]]] = []
    most = limits.MAX_ROWS + limits.HEADER_SCAN_ROWS
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    ended = 0  # the line the row before ended on
    try:
        for values in reader:
            start, ended = ended + 1, reader.line_num
            if ended > start and any(delimiter in value and ("\n" in value or "\r" in value) for value in values):
                raise _open_quote(start)
            kept = keep(values)
            if kept:
                if len(rows) >= most:
                    raise limits.too_many_rows(name)
                limits.check_cells(kept, start, name)
                rows.append((start, kept))
    except csv.Error as exc:
        if "end of data" in str(exc):  # a quote never closed: it ran from its row to the end of the file
            raise _open_quote(ended + 1) from exc
        if "field limit" in str(exc):  # csv's own cap (131,072 characters) is above a cell's
            raise limits.cell_too_long(name, ended + 1) from exc
        raise _refused_at(ended + 1, QT_TRANSLATE_NOOP("BookroomError", "这一行的引号用法不对（{detail}）。"),
                          detail=str(exc)) from exc
    return rows
