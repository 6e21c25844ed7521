"""Reading the rows of an .xlsx workbook quickly: openpyxl for the workbook's parts, lxml for the sheets' cells.

openpyxl's read-only reader builds a cell object per cell and, when the sheet gives no
dimension (as lists written by openpyxl or many export tools do not), parses the whole sheet
once more only to size it: a 100,000-row delivery list took about 20 s to read. Here the
workbook's shared strings, date styles and sheet order still come from openpyxl (so they mean
what they meant), and each sheet's rows are streamed with lxml, keeping one row in memory at a
time. The cell values are those openpyxl gives with ``values_only=True, data_only=True``.
The shared strings are read here too, so a workbook past the caps of services/xlsx/limits.py is
refused while it is read, not after it has filled the memory.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.xlsx import limits

SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE = f"{SHEET_NS}row", f"{SHEET_NS}c", f"{SHEET_NS}v"
_INLINE, _TEXT, _RUN = f"{SHEET_NS}is", f"{SHEET_NS}t", f"{SHEET_NS}r"
_SHARED = f"{SHEET_NS}si"
_UNIQUE_COUNT = re.compile(rb"<(?:\w+:)?sst\b[^>]*?\buniqueCount=\"(\d+)\"")


_DIGITS = "0123456789"


@cache
def _column(letters: str) -> int:
    """0-based column of a cell reference's letters ('C' -> 2, 'AA' -> 26)."""
    number = 0
    for ch in letters:
        number = number * 26 + (ord(ch.upper()) - 64)
    return number - 1


class Workbook:
    """An opened workbook: its worksheets' names and, for each, its rows of values."""

    def __init__(self, data: bytes, name: str = "") -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet
        from openpyxl.xml.constants import SHARED_STRINGS

        self.name = name
        reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
        reader.read_manifest()
        part = reader.package.find(SHARED_STRINGS)
        try:
            self.strings = self._shared_strings(reader.archive, part.PartName[1:]) if part is not None else []
        except BookroomError:
            reader.archive.close()
            raise
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        self.archive = reader.archive
        self.epoch = reader.wb.epoch
        self.date_styles = {int(s) for s in reader.wb._date_formats}
        self.duration_styles = {int(s) for s in reader.wb._timedelta_formats}
        self.sheets = [(sheet.name, rel.target) for sheet, rel in reader.parser.find_sheets()
                       if rel.target in reader.valid_files and "chartsheet" not in rel.Type]

    def close(self) -> None:
        self.archive.close()

    def _shared_strings(self, archive, path: str) -> list[str]:
        """The workbook's shared strings as openpyxl reads them, refused past their caps as they are read.

        openpyxl's own reader holds every string first: 2 million of them took 47 s and 686 MB.
        """
        from lxml import etree

        most, longest = limits.MAX_SHARED_STRINGS, limits.MAX_CELL_CHARS
        with archive.open(path) as source:  # the count Excel and WPS declare: said before a string is read
            declared = _UNIQUE_COUNT.search(source.read(4096))
        if declared and int(declared.group(1)) > most:
            raise limits.sheet_too_large(self.name)
        strings: list[str] = []
        append = strings.append
        with archive.open(path) as source:
            parser = etree.iterparse(source, events=("end",), tag=_SHARED, resolve_entities=False, no_network=True,
                                     huge_tree=True)
            for _event, node in parser:
                if len(node) == 1 and node[0].tag == _TEXT:  # the usual plain string
                    text = node[0].text or ""
                else:
                    text = _inline_text(node)
                if "x005F_" in text:
                    text = text.replace("x005F_", "")
                if len(text) > longest:
                    raise limits.cell_too_long(self.name)
                if len(strings) >= most:
                    raise limits.sheet_too_large(self.name)
                append(text)
                node.clear()
                while node.getprevious() is not None:
                    del node.getparent()[0]
        return strings

    def rows(self, target: str, max_columns: int) -> Iterator[tuple[int, list[Any]]]:
        """(1-based row number, values up to ``max_columns``) of each row the sheet writes."""
        from lxml import etree

        with self.archive.open(target) as source:
            parser = etree.iterparse(source, events=("end",), tag=_ROW, resolve_entities=False, no_network=True,
                                     huge_tree=True)
            number = written = 0
            most_rows, most_cells = limits.MAX_SHEET_ROWS, limits.MAX_ROW_CELLS
            for _event, row in parser:
                given = row.get("r")
                number = int(given) if given else number + 1
                written += 1
                if number > most_rows or written > most_rows or len(row) > most_cells:
                    raise limits.sheet_too_large(self.name)
                yield number, self._values(row, max_columns)
                row.clear()
                while row.getprevious() is not None:  # the rows already read: let them go
                    del row.getparent()[0]

    def _values(self, row, max_columns: int) -> list[Any]:
        # The inner loop of reading a list (a million cells): attribute reads and calls kept few.
        values: list[Any] = []
        column = -1
        for cell in row.iterchildren(_CELL):
            get = cell.get
            reference = get("r")
            column = _column(reference.rstrip(_DIGITS)) if reference else column + 1
            if column >= max_columns:
                break
            kind = get("t")
            if kind == "inlineStr":
                inline = cell.find(_INLINE)
                value = None if inline is None else _inline_text(inline)
            elif kind == "s":
                text = cell.findtext(_VALUE)
                value = self.strings[int(text)] if text else None
            else:
                value = self._value(cell, kind or "n", get("s"))
            if value is None:
                continue
            if column == len(values):
                values.append(value)
            elif column > len(values):
                values.extend([None] * (column - len(values)))
                values.append(value)
            else:
                values[column] = value
        return values

    def _value(self, cell, kind: str, style: str | None) -> Any:
        text = cell.findtext(_VALUE) or None
        if text is None:
            return None
        if kind == "n":
            number = _number(text)
            if style and int(style) in self.date_styles:
                from openpyxl.utils.datetime import from_excel

                try:
                    return from_excel(number, self.epoch, timedelta=int(style) in self.duration_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self.strings[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            return from_ISO8601(text)
        return text  # "str" (a formula's text), "e" (an error such as #N/A)


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        return float(text)


def _inline_text(inline) -> str:
    """An inline string's text: its plain part, then its formatted runs' (phonetic guides left out, as openpyxl does)."""
    if len(inline) == 1 and inline[0].tag == _TEXT:  # the usual plain string
        return inline[0].text or ""
    plain = inline.find(_TEXT)
    parts = [plain.text or ""] if plain is not None else []
    parts.extend(run.findtext(_TEXT) or "" for run in inline.iterchildren(_RUN))
    return "".join(parts)
