"""A report of the library (services.reporting.library) as a one-sheet workbook, ready to print.

The sheet: a title row (room, report, period), the header row, the rows typed by their column's kind (numbers
as numbers, dates as dates, money as 0.00, user text always text), the total row in bold, the note below;
thin borders round the table; A4, fitted to the width, the header row repeated on every page.
"""

from __future__ import annotations

from copy import copy
from decimal import Decimal
from pathlib import Path

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray

from bookroom_desk.services.reporting.library import DATE, DECIMAL, INT, MONEY, PERCENT, TEXT, Column, ReportTable
from bookroom_desk.services.xlsx import workbook as xlsx

TITLE_FONT = Font(bold=True, size=14)
TOTAL_FONT = Font(bold=True)
FORMATS = {MONEY: xlsx.MONEY_FORMAT, DECIMAL: "0.00", PERCENT: "0.0", INT: "0", DATE: xlsx.DATE_FORMAT}


def title_text(table: ReportTable, room_name: str) -> str:
    """What the sheet's first row and the printed page's header say: room, report, period."""
    return "　".join(part for part in (room_name, table.title, table.period.label) if part)


def write_cell(cell: Cell, value: object, kind: str) -> Cell:
    """``value`` in ``cell`` as its column's ``kind`` wants it: text kept as text, numbers and dates typed (the
    number format is the cell's style, set beforehand: see :func:`_styles`)."""
    if value is None:
        cell.value = None
    elif kind == TEXT or isinstance(value, str):
        xlsx.write_text(cell, value if isinstance(value, str) else str(value))
    elif isinstance(value, float) and kind != INT:
        cell.value = Decimal(str(value))
    else:
        cell.value = value
    return cell


def _styles(workbook, columns: list[Column]) -> tuple[list[StyleArray], list[StyleArray]]:
    """Each column's style for a row and for the total row (bordered, its kind's number format, the total bold),
    made once on a scratch sheet: setting a style cell by cell hashes it each time (15 s for 13,000 rows)."""
    scratch = workbook.create_sheet("scratch")
    body, total = [], []
    for index, col in enumerate(columns, start=1):
        cell = scratch.cell(row=1, column=index)
        cell.border = xlsx.HEADER_BORDER
        cell.number_format = FORMATS.get(col.kind, "General")
        body.append(copy(cell._style))
        cell.font = TOTAL_FONT
        total.append(copy(cell._style))
    workbook.remove(scratch)
    return body, total


def write_report_xlsx(table: ReportTable, path: Path | str, room_name: str) -> Path:
    """Write ``table`` to ``path`` (whole or not at all); returns the path written."""
    workbook, sheet = xlsx.new_workbook(table.title)
    columns: list[Column] = table.columns
    width = max(1, len(columns))
    title = xlsx.write_text(sheet.cell(row=1, column=1), title_text(table, room_name))
    title.font = TITLE_FONT
    title.alignment = Alignment(horizontal="center", vertical="center")
    if width > 1:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.row_dimensions[1].height = 24
    xlsx.write_header(sheet, [c.title for c in columns], row=2)
    body, bold = _styles(workbook, columns)
    row = 3
    for values in (*table.rows, *([table.total] if table.total is not None else [])):
        styles = bold if values is table.total else body
        for index, (value, col) in enumerate(zip(values, columns, strict=True), start=1):
            cell = sheet.cell(row=row, column=index)
            cell._style = copy(styles[index - 1])
            write_cell(cell, value, col.kind)
        row += 1
    if table.note:
        note = xlsx.write_text(sheet.cell(row=row + 1, column=1), table.note)
        note.alignment = Alignment(wrap_text=False, vertical="top")
    shown = [[c.title for c in columns], *([_shown(v) for v in values] for values in table.rows[:500])]
    if table.total is not None:
        shown.append([_shown(v) for v in table.total])
    xlsx.fit_column_widths(sheet, shown, minimum=8, maximum=40)
    xlsx.setup_print(sheet, title_text(table, room_name), landscape=width > 6, title_rows="2:2")
    return xlsx.save_workbook(workbook, path)


def _shown(value: object) -> str:
    return "" if value is None else str(value)


__all__ = ["title_text", "write_cell", "write_report_xlsx"]
