"""A report as a workbook (services/reporting/report_xlsx.py), read back with openpyxl: the title row, the header,
values typed by their column's kind, the total in bold, the note below, text that looks like a formula kept as
text, and the page set up to print."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting.library import DATE, DECIMAL, INT, MONEY, PERCENT, Column, ReportTable
from bookroom_desk.services.reporting.report_xlsx import write_report_xlsx

COLUMNS = [Column("name", "名称"), Column("n", "册数", INT), Column("amount", "金额（元）", MONEY),
           Column("day", "日期", DATE), Column("rate", "周转率", DECIMAL), Column("share", "占比（%）", PERCENT)]


def _table(rows, total=None, note="") -> ReportTable:
    return ReportTable("test", "测试报表", Period.year(2026), COLUMNS, rows, total, note)


def test_the_sheet_reads_back_typed_with_its_total_and_note(tmp_path):
    rows = [("=SUM(A1)", 3, Decimal("12.50"), dt.date(2026, 3, 1), Decimal("1.46"), Decimal("10.2")),
            ("-负数开头", 0, None, None, None, None)]
    path = write_report_xlsx(_table(rows, ("合计", 3, Decimal("12.50"), None, None, None), "这是说明。"),
                             tmp_path / "r.xlsx", "机务段职工书屋")
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "机务段职工书屋　测试报表　2026年" and sheet["A1"].font.bold
    assert [c.value for c in sheet[2]] == [c.title for c in COLUMNS] and sheet["A2"].font.bold
    assert sheet["A3"].value == "=SUM(A1)" and sheet["A3"].data_type == "s"  # text, never a formula
    assert sheet["A4"].value == "-负数开头" and sheet["A4"].data_type == "s"
    assert sheet["B3"].value == 3 and sheet["B3"].data_type == "n"
    assert sheet["C3"].value == 12.5 and sheet["C3"].number_format == "0.00"
    assert sheet["D3"].value == dt.datetime(2026, 3, 1) and sheet["D3"].is_date
    assert sheet["E3"].value == 1.46 and sheet["F3"].number_format == "0.0"
    assert sheet["C4"].value is None
    assert [c.value for c in sheet[5]][:3] == ["合计", 3, 12.5] and all(c.font.bold for c in sheet[5])
    assert sheet["A7"].value == "这是说明。"
    assert sheet["B3"].border.left.style == "thin" and sheet["A5"].border.bottom.style == "thin"
    assert sheet.print_title_rows == "$2:$2" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.freeze_panes == "A3"


def test_an_empty_table_is_a_header_and_its_note(tmp_path):
    path = write_report_xlsx(_table([], note="这段时间没有借阅。"), tmp_path / "empty.xlsx", "")
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "测试报表　2026年" and sheet["A2"].value == "名称"
    assert sheet["A3"].value is None and sheet["A4"].value == "这段时间没有借阅。"


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_any_text_reads_back_as_written(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("x") / "t.xlsx"
    write_report_xlsx(_table([(value, 1, None, None, None, None)]), path, "书屋")
    cell = openpyxl.load_workbook(path).active["A3"]
    written = "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")
    assert cell.data_type == "s" or cell.value is None
    assert (cell.value or "").splitlines() == written.splitlines()  # line ends read back as \n


def test_the_page_header_has_room_above_the_repeated_header_row(tmp_path):
    """LibreOffice printed the page header over the table's repeated header row with a 0.6-inch top margin."""
    table = ReportTable("t", "剔旧清单", Period.year(2026), [Column("a", "书架")], [("A01",)])
    sheet = openpyxl.load_workbook(write_report_xlsx(table, tmp_path / "r.xlsx", "书屋")).active
    margins = sheet.page_margins
    assert margins.top - margins.header >= 0.45 and sheet.print_title_rows
