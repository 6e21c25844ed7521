"""How large a table file may be before it is refused at reading time, and the refusals' words.

Each cap is read from this module when a file is read (tests lower them with monkeypatch).
"""

from __future__ import annotations

from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Rows looked at when searching for the header (titles and notes may stand above it).
HEADER_SCAN_ROWS = 30
#: A file with more data rows than this is refused rather than read into memory.
MAX_ROWS = 200_000
#: Columns kept per row; anything further right is ignored.
MAX_COLUMNS = 200
#: Longest text a cell may hold: Excel's own limit, so no list typed in Excel or WPS comes near it.
#: An 8-million-character cell once took minutes (its pinyin was worked out) before anything said no.
MAX_CELL_CHARS = 32_767
#: Most distinct texts (shared strings) a workbook may hold: two or three a row for a list of MAX_ROWS rows.
#: Excel and WPS declare the count, so most oversized files are refused at once; one that hides it is
#: refused after this many strings are read (about a second: 2 million once took 47 s and 686 MB).
MAX_SHARED_STRINGS = 500_000
#: Most rows a sheet may write (blank ones too) and cells a row may write: Excel's own limits.
MAX_SHEET_ROWS = 1_048_576
MAX_ROW_CELLS = 16_384


def too_many_rows(name: str) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "文件“{name}”超过 {limit} 行，请分成几个文件导入。"),
                        name=name, limit=MAX_ROWS)


def cell_too_long(name: str, row: int | None = None) -> InvalidInput:
    if row is None:
        return InvalidInput(QT_TRANSLATE_NOOP(
            "BookroomError", "文件“{name}”中有超过 {limit} 个字符的格子，这不像书单或名册，没有导入。"),
            name=name, limit=MAX_CELL_CHARS)
    return InvalidInput(QT_TRANSLATE_NOOP(
        "BookroomError", "文件“{name}”第 {row} 行有超过 {limit} 个字符的格子，这不像书单或名册，没有导入。"),
        name=name, row=row, limit=MAX_CELL_CHARS)


def sheet_too_large(name: str) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP(
        "BookroomError", "文件“{name}”太大（超过 {rows} 行、{cells} 列或 {strings} 个不同的文字），请分成几个文件导入。"),
        name=name, rows=MAX_SHEET_ROWS, cells=MAX_ROW_CELLS, strings=MAX_SHARED_STRINGS)


def check_cells(texts: list[str], row: int, name: str) -> None:
    """InvalidInput when a cell of a row read is longer than :data:`MAX_CELL_CHARS`."""
    if max(map(len, texts)) > MAX_CELL_CHARS:
        raise cell_too_long(name, row)
