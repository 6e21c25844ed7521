"""Writing Excel workbooks: user text kept as text, a styled frozen header, widths for Chinese, A4 printing."""

from __future__ import annotations

import datetime as dt
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from bookroom_desk import files
from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: A text that Excel would take for a formula (or a DDE call) when it begins with one of these.
FORMULA_STARTS = ("=", "+", "-", "@")
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "0.00"

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
_THIN = Side(style="thin", color="999999")
HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def write_text(cell: Cell, value: str) -> Cell:
    """Put user text in ``cell`` so that it is always shown as typed, never run as a formula.

    Control characters, which a worksheet cannot hold, are dropped rather than failing the file.
    """
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_value(cell: Cell, value: Any) -> Cell:
    """Put any value in ``cell``: text safely, dates and money with their formats, None as blank."""
    if value is None:
        cell.value = None
    elif isinstance(value, str):
        write_text(cell, value)
    elif isinstance(value, bool):
        cell.value = value
    elif isinstance(value, Decimal):
        cell.value = value
        cell.number_format = MONEY_FORMAT
    elif isinstance(value, (dt.datetime, dt.date)):
        cell.value = value
        cell.number_format = DATE_FORMAT if not isinstance(value, dt.datetime) else "yyyy-mm-dd hh:mm"
    elif isinstance(value, (int, float)):
        cell.value = value
    else:
        write_text(cell, str(value))
    return cell


def append_row(sheet: Worksheet, values: Sequence[Any]) -> int:
    """Append one row of values (each written with :func:`write_value`); returns its row number."""
    row = sheet._current_row + 1  # kept by openpyxl as cells are added; max_row would scan every cell
    for column, value in enumerate(values, start=1):
        write_value(sheet.cell(row=row, column=column), value)
    return row


def write_header(sheet: Worksheet, titles: Sequence[str], row: int = 1) -> None:
    """A bold, shaded, bordered header row, frozen so it stays in view, with filters on it."""
    for column, title in enumerate(titles, start=1):
        cell = write_text(sheet.cell(row=row, column=column), title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = f"A{row + 1}"  # a string: asking for the cell would create it
    if titles:
        sheet.auto_filter.ref = f"A{row}:{get_column_letter(len(titles))}{row}"


def display_width(text: str) -> int:
    """Width of ``text`` in Excel character units: Chinese (wide) characters count as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def set_column_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    """Fix each column's width (character units)."""
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def fit_column_widths(sheet: Worksheet, rows: Iterable[Sequence[Any]], minimum: int = 6,
                      maximum: int = 50, sample: int = 500) -> list[float]:
    """Widths that fit the header and the first ``sample`` rows of ``rows``, Chinese counted wide."""
    widths: list[int] = []
    for index, values in enumerate(rows):
        if index >= sample:
            break
        for column, value in enumerate(values):
            text = "" if value is None else str(value)
            if column >= len(widths):
                widths.append(minimum)
            widths[column] = max(widths[column], display_width(text) + 2)
    result: list[float] = [min(maximum, width) for width in widths]
    set_column_widths(sheet, result)
    return result


def setup_print(sheet: Worksheet, header_text: str, landscape: bool = False, title_rows: str = "1:1") -> None:
    """Print on A4 fitted to one page wide, header row repeated, ``header_text`` on top, pages numbered."""
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4  # also for write-only sheets, which lack the constant
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as needed
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top, sheet.page_margins.bottom = 0.8, 0.6
    sheet.page_margins.header = 0.3  # room for the page header above the repeated title rows (LibreOffice overlapped)
    sheet.oddHeader.center.text = header_text.replace("&", "&&")
    sheet.oddFooter.center.text = "&P / &N"
    if title_rows:
        sheet.print_title_rows = title_rows


def new_workbook(title: str) -> tuple[Workbook, Worksheet]:
    """A workbook whose first sheet is named ``title`` (cut to Excel's 31 characters)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(title)
    return workbook, sheet


def sheet_title(title: str) -> str:
    """A legal sheet name: no []:*?/\\ and at most 31 characters."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'") or "Sheet"
    return cleaned[:31]


def save_workbook(workbook: Workbook, path: Path | str) -> Path:
    """Save whole or not at all (:func:`files.atomic_write`); a failed save never leaves half a file behind."""
    target = Path(path)
    try:
        with files.atomic_write(target) as temporary:
            _write_archive(workbook, temporary)
    except files.WriteFailed as exc:
        if isinstance(exc.__cause__, PermissionError):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "BookroomError", "无法写入“{path}”：文件可能正在 Excel 或 WPS 中打开，请关闭后再试。"),
                path=str(target)) from exc
        raise
    return target


def _write_archive(workbook: Workbook, path: Path) -> None:
    """openpyxl's own save, with its zip closed even when a write fails (else its finaliser raises again later)."""
    if workbook.write_only and not workbook.worksheets:
        workbook.create_sheet()
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        workbook.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
        ExcelWriter(workbook, archive).save()  # closes the archive when done
    except BaseException:
        with suppress(OSError, ValueError):
            archive.close()
        for sheet in workbook.worksheets:  # a streamed sheet left open breaks its XML writer when collected
            if isinstance(sheet, WriteOnlyWorksheet) and not sheet.closed:
                with suppress(Exception):
                    sheet.close()
        raise
