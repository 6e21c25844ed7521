"""Write-only (streamed) workbooks: rows of styled, text-safe cells, for returns of any size."""

from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from bookroom_desk.services.xlsx import HEADER_BORDER, HEADER_FILL, HEADER_FONT, set_column_widths, write_value

TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12)
TOTAL_FONT = Font(bold=True)
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
WARN_FILL = PatternFill("solid", fgColor="FCE4E4")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_TOP = Alignment(vertical="top")
_CENTERED = Alignment(horizontal="center", vertical="top")


class StreamSheet:
    """A write-only sheet that knows its current row, so merges and chart ranges can name it."""

    def __init__(self, workbook: Workbook, title: str, widths: Sequence[float]) -> None:
        self.sheet: WriteOnlyWorksheet = workbook.create_sheet(title)
        self.row = 0
        set_column_widths(self.sheet, widths)

    def cell(self, value: Any, font: Font | None = None, fill: PatternFill | None = None,
             number_format: str | None = None, wrap: bool = False, alignment: Alignment | None = None) -> WriteOnlyCell:
        cell = write_value(WriteOnlyCell(self.sheet), value)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if number_format and value is not None and not isinstance(value, str):
            cell.number_format = number_format
        if wrap:
            cell.alignment = _WRAP
        elif alignment is not None:
            cell.alignment = alignment
        return cell

    def append(self, values: Sequence[Any], font: Font | None = None, fill: PatternFill | None = None,
               formats: Sequence[str | None] = (), wrap: Sequence[int] = (), center: Sequence[int] = ()) -> int:
        """One row of values (text-safe); ``formats`` gives number formats by column, ``wrap`` and
        ``center`` the columns to wrap or centre. Returns the row number."""
        cells = []
        for index, value in enumerate(values):
            fmt = formats[index] if index < len(formats) else None
            # A wrapped cell makes the row tall: align the whole row to the top so it reads as one line.
            centred = index in center or isinstance(value, dt.date)
            alignment = _CENTERED if centred else _TOP if wrap else None
            cells.append(self.cell(value, font, fill, fmt, wrap=index in wrap, alignment=alignment))
        self.sheet.append(cells)
        self.row += 1
        return self.row

    def blank(self) -> int:
        self.sheet.append([])
        self.row += 1
        return self.row

    def header(self, titles: Sequence[str], height: float | None = None) -> int:
        """A bold, shaded, bordered header row (``height`` in points for headings that wrap)."""
        if height:
            self.sheet.row_dimensions[self.row + 1].height = height
        cells = []
        for title in titles:
            cell = self.cell(title, HEADER_FONT, HEADER_FILL)
            cell.border = HEADER_BORDER
            cell.alignment = _CENTER
            cells.append(cell)
        self.sheet.append(cells)
        self.row += 1
        return self.row

    def title(self, text: str, columns: int, font: Font = TITLE_FONT) -> int:
        """A title merged across ``columns`` columns."""
        cell = self.cell(text, font)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        self.sheet.append([cell])
        self.row += 1
        if columns > 1:
            from openpyxl.utils import get_column_letter

            self.sheet.merged_cells.add(f"A{self.row}:{get_column_letter(columns)}{self.row}")
        return self.row

    def page_break(self) -> None:
        """Start a new printed page after the current row."""
        from openpyxl.worksheet.pagebreak import Break

        self.sheet.row_breaks.append(Break(id=self.row))

    def freeze_below(self, row: int) -> None:
        """Keep rows 1..``row`` in view (set before the first row is written)."""
        self.sheet.freeze_panes = f"A{row + 1}"
