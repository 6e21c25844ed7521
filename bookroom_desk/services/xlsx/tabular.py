"""Reading tabular files (.xlsx, .csv in UTF-8 or GBK) into rows, and finding their header by name."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from bookroom_desk.errors import BookroomError, InvalidInput
from bookroom_desk.files import os_error_text
from bookroom_desk.services.common.bulk import collector_paused
from bookroom_desk.services.xlsx import csv_text, limits
from bookroom_desk.services.xlsx.limits import HEADER_SCAN_ROWS, MAX_COLUMNS
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_phrases

# Control characters but tab and line feed: a cell loses them wherever it stands in the file.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .et) format


@dataclass
class Grid:
    """A file's cells as text: ``rows`` are (1-based file row number, cells), blank rows left out."""

    file_name: str
    rows: list[tuple[int, list[str]]]
    sheet: str = ""


@dataclass
class Table:
    """A grid with its header found: which column holds which field, and the data rows below it."""

    grid: Grid
    header_row: int  # 1-based row number in the file
    headers: list[str]  # the header cells as written
    mapping: dict[str, int]  # field -> 0-based column index
    missing: list[str]  # required fields with no column

    @property
    def file_name(self) -> str:
        return self.grid.file_name

    def data_rows(self) -> list[tuple[int, list[str]]]:
        return [(number, cells) for number, cells in self.grid.rows if number > self.header_row]

    def column_title(self, field_name: str) -> str:
        """The header text of the column mapped to ``field_name`` ('' when unmapped)."""
        index = self.mapping.get(field_name)
        return self.headers[index] if index is not None and index < len(self.headers) else ""

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(row number, {field: text}) for each data row; unmapped fields are absent."""
        for number, cells in self.data_rows():
            yield number, {name: (cells[i] if i < len(cells) else "") for name, i in self.mapping.items()}


_NOTE = re.compile(r"[(\[<【].*?[)\]>】]")


def fold(text: str) -> str:
    """A header cell reduced for matching: full-width folded; notes in brackets, blanks, marks and case dropped.

    '  书 名*', '书名（必填）' and '书名' all fold to '书名'; 'ＩＳＢＮ' to 'isbn'.
    """
    folded = _NOTE.sub("", unicodedata.normalize("NFKC", text)).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def cell_text(value: Any) -> str:
    """The text of a cell value as a person reads it (9787111234567.0 -> '9787111234567')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    text = str(value)
    if text.isprintable():  # no control character in it (the usual case, checked in C)
        return text.strip()
    return _CONTROL.sub("", text).strip()


# ---------------------------------------------------------------------------------------------
# Reading a file into a grid


@collector_paused()
def read_grid(source: Path | str | bytes, file_name: str | None = None) -> Grid:
    """The cells of ``source`` (a path or the file's bytes), whatever kind of table it is.

    The kind is told from the content, not the name: a zip is an .xlsx workbook, the old binary
    Excel format is refused with advice, anything else is read as CSV text.
    """
    if isinstance(source, (str, Path)):
        data, name = read_file_bytes(source), file_name or Path(source).name
    else:
        data, name = bytes(source), file_name or ""
    if not data.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "文件“{name}”是空的。"), name=name)
    if data.startswith(_ZIP_MAGIC):
        grid = _read_xlsx(data, name)
    elif data.startswith(_OLE_MAGIC):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "BookroomError", "文件“{name}”是旧的 .xls 格式。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。"), name=name)
    else:
        grid = Grid(name, csv_text.read_rows(data, name, _keep))
    if not grid.rows:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "文件“{name}”中没有任何数据。"), name=name)
    return grid


#: Cells this short are kept once per file (see :func:`_keep`).
_SHARED_LENGTH = 12


def _keep(cells: Sequence[Any], shared: dict[str, str] | None = None) -> list[str] | None:
    """A row's cells as text, trailing blanks dropped (None when nothing is left).

    With ``shared``, a short text already seen in the file is kept as the string seen first: a list
    repeats its dates, prices, quantities, classes and publishers on every row, and a 100,000-row
    list held about 25 MB of equal strings.
    """
    # cell_text's usual case (printable text) written out here: a list has a million cells
    texts = [value.strip() if type(value) is str and value.isprintable() else cell_text(value)
             for value in cells[:MAX_COLUMNS]]
    while texts and not texts[-1]:
        texts.pop()
    if shared is not None:
        remember = shared.setdefault
        texts = [remember(text, text) if len(text) <= _SHARED_LENGTH else text for text in texts]
    return texts or None


def _read_xlsx(data: bytes, name: str) -> Grid:
    """The first sheet that holds anything, streamed (services/xlsx/reading.py); openpyxl's own reader when that fails."""
    from bookroom_desk.services.xlsx.reading import Workbook

    try:
        workbook = Workbook(data, name)
    except BookroomError:  # too large: refused before anything more is read
        raise
    except Exception:  # a workbook whose parts are unusual or broken: openpyxl's reader says which
        return _read_xlsx_openpyxl(data, name)
    try:
        for title, target in workbook.sheets:
            shared: dict[str, str] = {}
            rows = _kept_rows(workbook.rows(target, limits.MAX_COLUMNS), name, shared)
            if rows:
                return Grid(name, rows, title)
    except BookroomError:
        raise
    except Exception:
        return _read_xlsx_openpyxl(data, name)
    finally:
        workbook.close()
    return Grid(name, [])


def _kept_rows(rows: Iterator[tuple[int, Sequence[Any]]], name: str,
               shared: dict[str, str] | None = None) -> list[tuple[int, list[str]]]:
    """The rows that hold anything, refused past :data:`limits.MAX_ROWS` or with a cell past its cap."""
    kept_rows: list[tuple[int, list[str]]] = []
    most = limits.MAX_ROWS + HEADER_SCAN_ROWS
    for number, values in rows:
        kept = _keep(values, shared)
        if kept:
            if len(kept_rows) >= most:
                raise limits.too_many_rows(name)
            limits.check_cells(kept, number, name)
            kept_rows.append((number, kept))
    return kept_rows


def _read_xlsx_openpyxl(data: bytes, name: str) -> Grid:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook; all mean the same
        raise csv_text.unreadable(name) from exc
    try:
        sheets = [Grid(name, _kept_rows(enumerate(sheet.iter_rows(values_only=True), start=1), name), sheet.title)
                  for sheet in workbook.worksheets]
    except BookroomError:
        raise
    except Exception as exc:  # a sheet whose XML is broken fails only while it is read
        raise csv_text.unreadable(name) from exc
    finally:
        workbook.close()
    # The first sheet that holds anything: a workbook may begin with an empty or a notes sheet.
    return next((grid for grid in sheets if grid.rows), Grid(name, []))


# ---------------------------------------------------------------------------------------------
# Finding the header


def _match_row(cells: list[str], folded_aliases: dict[str, set[str]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = fold(cell)
        if not key:
            continue
        for field_name, aliases in folded_aliases.items():
            if field_name not in found and key in aliases:
                found[field_name] = index
                break
    return found


def locate(grid: Grid, aliases: Mapping[str, Sequence[str]], required: Sequence[str] = (),
           mapping: Mapping[str, int | str] | None = None, header_row: int | None = None,
           strict: bool = True) -> Table:
    """Find the header row of ``grid`` and which column holds each field.

    ``aliases`` maps each field to the header names that mean it (the field's own name counts
    too). ``mapping`` overrides the columns found (field -> 0-based index or header text; None or
    -1 unmaps); ``header_row`` fixes the header's row number. With ``strict`` a required field
    left without a column raises InvalidInput; otherwise it is listed in ``Table.missing``.
    """
    folded = {name: {fold(a) for a in (name, *names)} - {""} for name, names in aliases.items()}
    candidates = grid.rows[:HEADER_SCAN_ROWS]
    if header_row is not None:
        chosen = next(((n, c) for n, c in grid.rows if n == header_row), None)
        if chosen is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "第 {row} 行是空的，不能作为表头。"), row=header_row)
        found = _match_row(chosen[1], folded)
    else:
        chosen, found = None, {}
        for number, cells in candidates:
            matched = _match_row(cells, folded)
            better = (sum(f in matched for f in required), len(matched))
            if matched and (chosen is None or better > (sum(f in found for f in required), len(found))):
                chosen, found = (number, cells), matched
        if chosen is None:
            # No header recognised: when the caller maps it or may ask, take the first of the widest
            # rows (a title line above the table has fewer cells than the header).
            if not candidates or (strict and not mapping):
                raise _header_not_found(grid, aliases, required)
            widest = max(sum(bool(c) for c in cells) for _, cells in candidates)
            chosen = next(row for row in candidates if sum(bool(c) for c in row[1]) == widest)
    number, headers = chosen
    result = dict(found)
    for name, column in (mapping or {}).items():
        index = _column_index(headers, column)
        if index is None:
            result.pop(name, None)
        else:
            result[name] = index
    missing = [name for name in required if name not in result]
    if missing and strict:
        raise _header_not_found(grid, aliases, missing)
    return Table(grid, number, list(headers), result, missing)


def _column_index(headers: list[str], column: int | str | None) -> int | None:
    if column is None or column == -1:
        return None
    if isinstance(column, int):
        if column < 0 or column >= max(len(headers), MAX_COLUMNS):
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "没有第 {n} 列。"), n=column + 1)
        return column
    key = fold(column)
    for index, header in enumerate(headers):
        if fold(header) == key:
            return index
    raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "表头中没有“{name}”这一列。"), name=column)


def _header_not_found(grid: Grid, aliases: Mapping[str, Sequence[str]], missing: Sequence[str]) -> InvalidInput:
    wanted = join_phrases("/".join(aliases.get(name) or [name]) for name in missing) or "-"
    return InvalidInput(QT_TRANSLATE_NOOP(
        "BookroomError", "文件“{name}”中找不到表头（需要的列：{wanted}）。请确认第一张工作表是一张带表头的表格。"),
        name=grid.file_name, wanted=wanted)


def read_table(source: Path | str | bytes, aliases: Mapping[str, Sequence[str]], required: Sequence[str] = (),
               mapping: Mapping[str, int | str] | None = None, file_name: str | None = None,
               header_row: int | None = None, strict: bool = True) -> Table:
    """Read ``source`` and find its header: :func:`read_grid` then :func:`locate`."""
    grid = read_grid(source, file_name)
    return locate(grid, aliases, required, mapping=mapping, header_row=header_row, strict=strict)


def read_file_bytes(path: Path | str) -> bytes:
    """The bytes of a file to import, or a readable error (used before reading in a task)."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "无法打开文件“{name}”：{detail}"),
                           name=Path(path).name, detail=os_error_text(exc)) from exc


