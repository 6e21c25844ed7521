"""Write-only (streamed) workbooks: rows of styled, text-safe cells, for returns of any size."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from copy import copy
from decimal import Decimal
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from lxml.etree import fromstring, tostring
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import _set_attributes, etree_write_cell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from bookroom_desk.services.xlsx.workbook import (
    DATE_FORMAT,
    FORMULA_STARTS,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    MONEY_FORMAT,
    set_column_widths,
    setup_print,
    write_value,
)

TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12)
TOTAL_FONT = Font(bold=True)
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
WARN_FILL = PatternFill("solid", fgColor="FCE4E4")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_TOP = Alignment(vertical="top")
_CENTERED = Alignment(horizontal="center", vertical="top")
_PLAIN = (id(None), id(None), None, id(None), False, id(None))


def _inline(text: str) -> str:
    """An inline string's XML, as openpyxl writes it (blanks at either end kept)."""
    text = text[:32767]
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<is><t{space}>{escape(text)}</t></is>"


class _Styled(NamedTuple):
    """A number, date, text (not formula-like) or nothing, and the workbook's id of its cell style."""

    value: Any
    style_id: int


_STYLED_TYPES = (int, float, Decimal, dt.date, dt.datetime)
#: Width of a character in a column of ``n`` characters: CJK and full-width forms take two.
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
LINE_HEIGHT = 15.0  # points: one line of the default 11-point text, as the returns set every row


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide (an estimate, on the safe side)."""
    room = max(width - 1.5, 1.0)
    lines = 0
    for part in text.split("\n"):
        units = len(part) + len(_WIDE.findall(part))
        lines += max(1, -(-units // int(room)))
    return lines


class StreamSheet:
    """A write-only sheet that knows its current row, so merges and chart ranges can name it."""

    def __init__(self, workbook: Workbook, title: str, widths: Sequence[float], bordered: bool = False) -> None:
        self.sheet: WriteOnlyWorksheet = workbook.create_sheet(title)
        self.row = 0
        self.widths = tuple(widths)
        #: ``bordered``: the rows below a header() are a table, every cell ruled, until blank() or title().
        self._bordered = bordered
        self._table_width = 0
        #: Points of rows written since the last page break (rows without a height counted LINE_HEIGHT tall).
        self.since_break = 0.0
        self._ruled_text: int | None = None
        self._styles: dict[tuple, Any] = {}
        self._style_ids: dict[tuple, int] = {}
        self._columns: list[str] = [""]
        set_column_widths(self.sheet, widths)
        self.sheet._write_rows = self._write_rows  # openpyxl's append() starts this generator on the first row

    def _write_rows(self):
        """The sheet's rows as openpyxl's write-only sheet streams them, each row's XML made as text.

        openpyxl binds every value to a cell object and streams each cell on its own (~20 µs a
        cell, and a return's list of new copies has a hundred thousand); here a row is written as
        text, parsed once, and streamed whole. The XML is what openpyxl writes for the same cells.
        """
        sheet = self.sheet
        writer = sheet._writer
        xf = writer.xf.send(True)
        with xf.element("sheetData"):
            index = 1
            try:
                while True:
                    values = yield
                    extra = "".join(f' {k}="{v}"' for k, v in sheet.row_dimensions.get(index, {}))
                    parts = [f'<row r="{index}"{extra}>']
                    for column, value in enumerate(values, 1):
                        if value is not None:
                            parts.append(self._cell_xml(value, column, index))
                    parts.append("</row>")
                    xf.write(fromstring("".join(parts)))
                    index += 1
            except GeneratorExit:
                pass
        writer.xf.send(None)

    def _cell_xml(self, value: Any, column: int, index: int) -> str:
        while len(self._columns) <= column:
            self._columns.append(get_column_letter(len(self._columns)))
        ref = f"{self._columns[column]}{index}"
        kind = type(value)
        if kind is str:
            return f'<c r="{ref}" t="inlineStr">{_inline(value)}</c>' if value else f'<c r="{ref}" t="inlineStr"/>'
        if kind is int or kind is float:
            return f'<c r="{ref}" t="n"><v>{safe_string(value)}</v></c>'
        if kind is _Styled:  # a styled number or date, as openpyxl's _set_attributes writes it
            number = value.value
            if number is None:
                return f'<c r="{ref}" s="{value.style_id}"/>'
            if type(number) is str:
                return f'<c r="{ref}" s="{value.style_id}" t="inlineStr">{_inline(number)}</c>' if number else (
                    f'<c r="{ref}" s="{value.style_id}" t="inlineStr"/>')
            if isinstance(number, dt.date):
                number = to_excel(number, self.sheet.parent.epoch)
            return f'<c r="{ref}" s="{value.style_id}" t="n"><v>{escape(safe_string(number))}</v></c>'
        cell = value if isinstance(value, Cell) else WriteOnlyCell(self.sheet, value)
        if cell._value is None and not cell.has_style:
            return ""
        cell.column, cell.row = column, index
        content, attrs = _set_attributes(cell, cell.has_style)
        if cell.data_type not in ("s", "n", "b", "d", "e") or (cell.data_type == "s" and type(content) is not str):
            found: list[Any] = []  # formulas, rich text: openpyxl's own element writer
            etree_write_cell(type("Into", (), {"write": staticmethod(found.append)}), self.sheet, cell, cell.has_style)
            return tostring(found[0], encoding="unicode")
        head = "<c" + "".join(f' {k}="{v}"' for k, v in attrs.items())
        if content is None or content == "":
            return head + "/>"
        if cell.data_type == "s":
            return f"{head}>{_inline(content)}</c>"
        return f"{head}><v>{escape(safe_string(content))}</v></c>"

    def cell(self, value: Any, font: Font | None = None, fill: PatternFill | None = None,
             number_format: str | None = None, wrap: bool = False, alignment: Alignment | None = None,
             in_row: bool = False, border: Border | None = None) -> Any:
        """A cell for ``value`` (or the plain value when it needs no style): text-safe, formats applied.

        Styles are worked out once per combination and copied onto each cell, because setting
        them one attribute at a time costs more than writing the cell. ``in_row`` (from
        :meth:`append`, which changes nothing on the cell afterwards): a styled number or date
        comes back as a :class:`_Styled` pair, written straight as XML (a return's new copies
        have two such cells in each of tens of thousands of rows).
        """
        if isinstance(value, str):
            if not value.isprintable():
                # Control characters would make the file unreadable; XML reads a carriage return as a new line.
                value = ILLEGAL_CHARACTERS_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
            if not (font or fill or number_format or wrap or alignment or border or value.startswith(FORMULA_STARTS)):
                return value  # the common case, before the general one below
        risky = isinstance(value, str) and value.startswith(FORMULA_STARTS)
        if number_format and (value is None or isinstance(value, str)):
            number_format = None
        if isinstance(value, (dt.date, Decimal)) and not number_format:
            number_format = MONEY_FORMAT if isinstance(value, Decimal) else (
                "yyyy-mm-dd hh:mm" if isinstance(value, dt.datetime) else DATE_FORMAT)
        if wrap:
            alignment = _WRAP
        key = (id(font), id(fill), number_format, id(alignment), risky, id(border))
        if key == _PLAIN:
            return value
        style = self._styles.get(key)
        if style is None:
            prototype = write_value(WriteOnlyCell(self.sheet), "=" if risky else None)
            for name, given in (("font", font), ("fill", fill), ("alignment", alignment), ("border", border)):
                if given is not None:
                    setattr(prototype, name, given)
            if number_format:
                prototype.number_format = number_format
            style = self._styles[key] = prototype._style
        if in_row and (type(value) in _STYLED_TYPES or value is None or (type(value) is str and not risky)) and (
                not self.sheet.parent.iso_dates) and (not isinstance(value, dt.datetime) or value.tzinfo is None):
            style_id = self._style_ids.get(key)
            if style_id is None:
                prototype = WriteOnlyCell(self.sheet)
                prototype._style = copy(style)
                style_id = self._style_ids[key] = prototype.style_id
            return _Styled(value, style_id)
        cell = WriteOnlyCell(self.sheet, value)
        if risky:
            cell.data_type = "s"
        cell._style = copy(style)
        return cell

    def append(self, values: Sequence[Any], font: Font | None = None, fill: PatternFill | None = None,
               formats: Sequence[str | None] = (), wrap: Sequence[int] = (), center: Sequence[int] = (),
               border: bool = True, fit_height: bool = True) -> int:
        """One row of values (text-safe); ``formats`` gives number formats by column, ``wrap`` and
        ``center`` the columns to wrap or centre. Inside a table of a bordered sheet every cell is ruled
        (``border=False``: a note below the table, not part of it); a row with wrapped text is made as tall
        as its lines (LibreOffice prints a streamed row one line tall). Returns the row number."""
        ruled = self._bordered and self._table_width and border
        if ruled and len(values) < self._table_width:
            values = (*values, *(None,) * (self._table_width - len(values)))
        if wrap and fit_height:  # fit_height=False: the caller set the height (a text merged across columns)
            lines = max((text_lines(str(values[i]), self._width(i)) for i in wrap
                         if i < len(values) and values[i] not in (None, "")), default=1)
            if lines > 1:
                self.height(lines * LINE_HEIGHT)
        cells = []
        plain_ruled = ruled and not (font or fill or wrap)
        for index, value in enumerate(values):
            fmt = formats[index] if index < len(formats) else None
            if plain_ruled and type(value) is str and not fmt and index not in center and value.isprintable() and (
                    not value.startswith(FORMULA_STARTS)):
                cells.append(_Styled(value, self._ruled_text_id()))  # most cells of a long table: text, ruled
                continue
            # A wrapped cell makes the row tall: align the whole row to the top so it reads as one line.
            centred = index in center or isinstance(value, dt.date)
            alignment = _CENTERED if centred else _TOP if wrap else None
            cells.append(self.cell(value, font, fill, fmt, wrap=index in wrap, alignment=alignment, in_row=True,
                                   border=HEADER_BORDER if ruled else None))
        self._count_row()
        self.sheet.append(cells)
        self.row += 1
        return self.row

    def _ruled_text_id(self) -> int:
        """The style id of plain text in a ruled table (what cell() gives for it, worked out once)."""
        if self._ruled_text is None:
            styled = self.cell(" ", border=HEADER_BORDER, in_row=True)
            assert isinstance(styled, _Styled)
            self._ruled_text = styled.style_id
        return self._ruled_text

    def _count_row(self) -> None:
        dims = self.sheet.row_dimensions.get(self.row + 1)
        self.since_break += dims.height if dims is not None and dims.height else LINE_HEIGHT

    def _width(self, column: int) -> float:
        return self.widths[column] if column < len(self.widths) else 9.0

    def height(self, points: float) -> None:
        """The next row's height in points."""
        self.sheet.row_dimensions[self.row + 1].height = points

    def blank(self) -> int:
        self._table_width = 0
        self._count_row()
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
        self._count_row()
        self.sheet.append(cells)
        self.row += 1
        self._table_width = len(titles)
        return self.row

    def title(self, text: str, columns: int, font: Font = TITLE_FONT) -> int:
        """A title merged across ``columns`` columns."""
        self._table_width = 0
        cell = self.cell(text, font)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        self._count_row()
        self.sheet.append([cell])
        self.row += 1
        if columns > 1:
            self.sheet.merged_cells.add(f"A{self.row}:{get_column_letter(columns)}{self.row}")
        return self.row

    def page_break(self) -> None:
        """Start a new printed page after the current row."""
        from openpyxl.worksheet.pagebreak import Break

        self.sheet.row_breaks.append(Break(id=self.row))
        self.since_break = 0.0

    def print_setup(self, header: str, landscape: bool = False, title_rows: str = "1:1", footer: str | None = None,
                    one_page: bool = False) -> None:
        """A4 fitted to width (``one_page``: and to one page tall), ``header`` on each page, ``footer`` instead of
        the page numbers. Call before the first row: a write-only sheet writes its properties (fit to page) with it."""
        setup_print(self.sheet, header, landscape=landscape, title_rows=title_rows)
        if footer is not None:
            self.sheet.oddFooter.center.text = footer
        if one_page:
            self.sheet.page_setup.fitToHeight = 1

    def freeze_below(self, row: int) -> None:
        """Keep rows 1..``row`` in view (set before the first row is written)."""
        self.sheet.freeze_panes = f"A{row + 1}"
