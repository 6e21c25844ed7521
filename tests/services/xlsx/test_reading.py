"""The streaming .xlsx reader gives the same rows as openpyxl's own reader, and falls back to it when it cannot."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.xlsx import tabular


def _saved(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _same(data: bytes) -> tabular.Grid:
    fast, slow = tabular._read_xlsx(data, "x.xlsx"), tabular._read_xlsx_openpyxl(data, "x.xlsx")
    assert (fast.rows, fast.sheet) == (slow.rows, slow.sheet)
    return fast


def test_dates_numbers_booleans_formulas_and_sparse_cells_read_as_openpyxl_reads_them():
    book = openpyxl.Workbook()
    book.active.title = "说明"  # an empty first sheet is skipped
    sheet = book.create_sheet("清单")
    sheet["B3"], sheet["C3"], sheet["D3"] = "书名", dt.date(2024, 5, 1), dt.datetime(2024, 5, 1, 13, 5)
    sheet["E3"], sheet["F3"], sheet["G3"], sheet["H3"] = 12.5, True, "=SUM(1,2)", dt.time(10, 30)
    sheet["A7"], sheet["AA7"], sheet["B8"], sheet["B9"] = 9787111234567, " x ", 1e20, "#N/A"
    sheet["C10"] = dt.timedelta(hours=5)
    sheet["C10"].number_format = "[h]:mm:ss"
    grid = _same(_saved(book))
    assert grid.sheet == "清单"
    assert grid.rows[0] == (3, ["", "书名", "2024-05-01", "2024-05-01 13:05:00", "12.5", "TRUE", "", "10:30:00"])
    assert grid.rows[1][1][26] == "x"


def test_inline_rich_text_keeps_its_runs_and_drops_phonetic_guides():
    book = openpyxl.Workbook(write_only=True)
    book.create_sheet("w").append(["书名", "作者"])
    parts = zipfile.ZipFile(io.BytesIO(_saved(book)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as changed:
        for item in parts.infolist():
            data = parts.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"<is><t>&#20070;&#21517;</t></is>", (
                    '<is><r><t>红楼</t></r><r><rPr><b/></rPr><t xml:space="preserve">梦 </t></r>'
                    '<rPh sb="0" eb="1"><t>hong</t></rPh></is>').encode())
            changed.writestr(item, data)
    assert b"rPh" in changed_sheet(out.getvalue())
    assert _same(out.getvalue()).rows == [(1, ["红楼梦", "作者"])]


def changed_sheet(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")


cells = st.one_of(st.none(), st.text(max_size=12), st.integers(-10**15, 10**15),
                  st.floats(allow_nan=False, allow_infinity=False, width=32), st.booleans(),
                  st.dates(dt.date(1901, 1, 1), dt.date(2100, 1, 1)))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cells, max_size=8), max_size=12), st.booleans())
def test_any_sheet_reads_as_openpyxl_reads_it(rows, write_only):
    book = openpyxl.Workbook(write_only=write_only)
    sheet = book.create_sheet("s") if write_only else book.active
    for row in rows:
        try:
            sheet.append(row)
        except openpyxl.utils.exceptions.IllegalCharacterError:
            return
    data = _saved(book)
    try:
        _same(data)
    except InvalidInput:  # nothing in it: both say so the same way
        with pytest.raises(InvalidInput):
            tabular.read_grid(data, "x.xlsx")


def test_a_broken_workbook_is_still_refused_clearly():
    with pytest.raises(InvalidInput, match="无法读取"):
        tabular.read_grid(b"PK\x03\x04 not a workbook", "x.xlsx")
