"""A report of the library (services.reporting.library) as a one-sheet workbook, ready to print.

The sheet: a title row (room, report, period), the header row, the rows typed by their column's kind (numbers
as numbers, dates as dates, money as 0.00, user text always text), the total row in bold, the note below;
thin borders round the table; A4, fitted to the width, the header row repeated on every page.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from bookroom_desk.services.reporting.library import DATE, DECIMAL, INT, MONEY, PERCENT, TEXT, Column, ReportTable
from bookroom_desk.services.xlsx import workbook as xlsx
from bookroom_desk.services.xlsx.streaming import StreamSheet

TOTAL_FONT = Font(bold=True)
FORMATS = {MONEY: xlsx.MONEY_FORMAT, DECIMAL: "0.00", PERCENT: "0.0", INT: "0", DATE: xlsx.DATE_FORMAT}


def title_text(table: ReportTable, room_name: str) -> str:
    """What the sheet's first row and the printed page's header say: room, report, period."""
    return "　".join(part for part in (room_name, table.title, table.period.label) if part)


def cell_value(value: object, kind: str) -> object:
    """``value`` as its column's ``kind`` wants it in the sheet: text kept as text (the streamed sheet keeps a
    leading = + - @ as text), numbers and dates typed, a float amount as an exact decimal."""
    if value is None:
        return None
    if kind == TEXT or isinstance(value, str):
        return value if isinstance(value, str) else str(value)
    if isinstance(value, float) and kind != INT:
        return Decimal(str(value))
    return value


def column_widths(table: ReportTable) -> list[float]:
    """Each column as wide as its header and its first 500 values (8 to 40 characters)."""
    widths = [float(xlsx.display_width(c.title) + 2) for c in table.columns]
    for values in (*table.rows[:500], *([table.total] if table.total is not None else [])):
        for index, value in enumerate(values):
            widths[index] = max(widths[index], xlsx.display_width(_shown(value)) + 2)
    return [min(40.0, max(8.0, width)) for width in widths]


def write_report_xlsx(table: ReportTable, path: Path | str, room_name: str) -> Path:
    """Write ``table`` to ``path`` (whole or not at all), streamed: a 90,000-row asset ledger in a few seconds
    and little memory; returns the path written."""
    workbook = Workbook(write_only=True)
    columns: list[Column] = table.columns
    width = max(1, len(columns))
    sheet = StreamSheet(workbook, xlsx.sheet_title(table.title), column_widths(table), bordered=True)
    heading = title_text(table, room_name)
    sheet.print_setup(heading, landscape=width > 6, title_rows="2:2")
    sheet.freeze_below(2)
    sheet.height(24)
    sheet.title(heading, width)
    sheet.header([c.title for c in columns])
    formats = [FORMATS.get(c.kind) for c in columns]
    kinds = [c.kind for c in columns]
    for values in table.rows:
        sheet.append([cell_value(v, k) for v, k in zip(values, kinds, strict=True)], formats=formats)
    if table.total is not None:
        sheet.append([cell_value(v, k) for v, k in zip(table.total, kinds, strict=True)], font=TOTAL_FONT,
                     formats=formats)
    if table.note:
        sheet.blank()
        sheet.append((table.note,), border=False)
    return xlsx.save_workbook(workbook, path)


def _shown(value: object) -> str:
    return "" if value is None else str(value)


__all__ = ["cell_value", "column_widths", "title_text", "write_report_xlsx"]
