"""The return as a printed form (format 3): heading block, ruled tables, signature lines, A4 print setup, appendix."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from bookroom_desk.services.common import clock
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import filing, filing_format
from bookroom_desk.services.reporting.filing_read import read_return
from bookroom_desk.services.roomwork import profile
from tests.support.filing_history import QUARTER_3_2026, build_history

Q3 = Period.quarter(2026, 3)
LANDSCAPE = {"阅读活动", "十有自查", "附表新增图书清单"}
#: Rows repeated on every printed page: the heading block, and the header of a sheet that is one table.
TITLE_ROWS = {"基本情况": "$1:$3", "藏书分类": "$1:$2", "借阅统计": "$1:$2", "新增图书": "$1:$3", "阅读活动": "$1:$3",
              "盘点情况": "$1:$2", "十有自查": "$1:$3", "附表新增图书清单": "$1:$3"}


@pytest.fixture
def workbook(db, tmp_path):
    with db.write() as session:
        build_history(session)
        profile.update_profile(session, workplace="某铁路局机务段", contact="李秀英", phone="0371-6888 1234",
                               actor=OPERATOR)
    with db.read() as session:
        return load_workbook(filing.write_return(session, Q3, tmp_path))


def _ruled(cell) -> bool:
    return all(getattr(cell.border, side).style == "thin" for side in ("left", "right", "top", "bottom"))


def _table(sheet, first: str):
    """The rows of the table whose header begins with ``first``, header to the last row before a blank one."""
    rows = list(sheet.iter_rows())
    start = next(i for i, row in enumerate(rows) if row[0].value == first)
    width = sum(1 for cell in rows[start] if cell.value is not None)
    table = []
    for row in rows[start:]:
        if all(cell.value is None for cell in row[:width]) or str(row[0].value).startswith("注："):
            break  # a blank row, or the note below the table
        table.append(row[:width])
    return table


def test_every_sheet_opens_with_the_form_s_name_and_number(workbook):
    assert workbook.sheetnames == [*filing_format.SHEETS, filing_format.APPENDIX]
    basic = workbook["基本情况"]
    assert basic["A1"].value == "机务段职工书屋 2026年第3季度 职工书屋统计报表"
    assert basic["A3"].value == "表号：职书统1表" and basic["B3"].value.startswith("制表依据：")
    assert basic["C3"].value == "填报单位：某铁路局机务段"
    for number, name in enumerate(filing_format.SHEETS[1:], start=2):
        sheet = workbook[name]
        assert sheet["A1"].value == f"职工书屋统计报表　{name}", name
        assert sheet["A2"].value.startswith(f"表号：职书统{number}表"), name
        assert "统计期间：2026-07-01至2026-09-30" in sheet["A2"].value
    assert workbook[filing_format.APPENDIX]["A2"].value.startswith("表号：职书统附表")


@pytest.mark.parametrize("sheet_name, first", [("基本情况", "项目"), ("基本情况", "指标"), ("藏书分类", "分类号"),
                                               ("藏书分类", "序号"), ("借阅统计", "月份"), ("借阅统计", "名次"),
                                               ("新增图书", "来源"), ("阅读活动", "日期"), ("十有自查", "类别"),
                                               ("附表新增图书清单", "条码")])
def test_every_cell_of_every_table_is_ruled(workbook, sheet_name, first):
    table = _table(workbook[sheet_name], first)
    assert len(table) > 1
    unruled = [cell.coordinate for row in table for cell in row if not _ruled(cell)]
    assert unruled == []  # blank cells too: a table's grid has no gaps


def test_print_setup_of_each_sheet(workbook):
    for sheet in workbook.worksheets:
        name = sheet.title
        assert sheet.page_setup.paperSize == 9, name
        assert sheet.page_setup.orientation == ("landscape" if name in LANDSCAPE else "portrait"), name
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1, name
        assert sheet.page_setup.fitToHeight == (1 if name in ("基本情况", "藏书分类") else 0), name
        assert sheet.print_title_rows == TITLE_ROWS[name], name
        assert sheet.oddHeader.center.text == "机务段职工书屋 2026年第3季度", name
        assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页", name


def test_wrapped_text_makes_its_row_tall(workbook):
    """LibreOffice prints a streamed row one line tall: the 十有 evidence was cut. A row with long text is taller."""
    sheet = workbook["十有自查"]
    for row in sheet.iter_rows(min_row=4):
        evidence = row[3].value or ""
        assert row[3].alignment.wrap_text
        if len(evidence) > 40:
            assert sheet.row_dimensions[row[0].row].height >= 30, evidence


def test_the_signature_lines_are_filled_from_the_profile(workbook):
    sheet = workbook["基本情况"]
    lines = {row[0].value: row[1] for row in sheet.iter_rows() if str(row[0].value or "").endswith("：")}
    assert list(lines) == ["填报单位（盖章）：", "单位负责人：", "填表人：", "联系电话：", "报出日期："]
    assert lines["填报单位（盖章）："].value == "某铁路局机务段" and lines["填表人："].value == "李秀英"
    assert lines["联系电话："].value == "0371-6888 1234" and lines["单位负责人："].value is None
    assert lines["报出日期："].value.date() == clock.today()
    assert all(cell.border.bottom.style == "thin" for cell in lines.values())  # a line to sign or write on
    last_indicator = max(row[0].row for row in sheet.iter_rows() if row[0].value == "盘点缺失（册）")
    assert min(cell.row for cell in lines.values()) > last_indicator


def test_a_profile_without_them_leaves_blank_lines(db, tmp_path):
    with db.write() as session:
        build_history(session)
    with db.read() as session:
        sheet = load_workbook(filing.write_return(session, Q3, tmp_path))["基本情况"]
    lines = {row[0].value: row[1].value for row in sheet.iter_rows() if str(row[0].value or "").endswith("：")}
    assert lines["填报单位（盖章）："] == "机务段工会"  # no workplace: the room's union
    assert lines["填表人："] is None and lines["联系电话："] is None


def test_without_the_appendix_the_summary_by_source_stays(db, tmp_path):
    with db.write() as session:
        build_history(session)
    with db.read() as session:
        path = filing.write_return(session, Q3, tmp_path / "简.xlsx", appendix=False)
    workbook = load_workbook(path)
    assert workbook.sheetnames == list(filing_format.SHEETS)
    rows = [tuple(r) for r in workbook["新增图书"].iter_rows(values_only=True)]
    assert next(r for r in rows if r[0] == "合计")[1:3] == (2, 40)
    assert any(r[0] == "注：本报表未附新增图书的逐册明细。" for r in rows)
    back = read_return(path)
    assert back.format_version == 3 and back.indicators == QUARTER_3_2026


def test_the_note_explains_more_borrowers_than_readers(db, tmp_path):
    """A reader who borrowed in the period and then left is a borrower but no longer a registered reader."""
    from sqlalchemy import select

    from bookroom_desk.store.models import Loan, Reader

    with db.write() as session:
        build_history(session)
        borrowers = set(session.scalars(select(Loan.reader_id).where(Loan.out_at >= dt.datetime(2026, 7, 1))))
        for reader in session.scalars(select(Reader).where(Reader.id.in_(borrowers))):
            reader.status, reader.left_on = "left", dt.date(2026, 9, 20)
    with db.read() as session:
        sheet = load_workbook(filing.write_return(session, Q3, tmp_path))["基本情况"]
    row = next(row for row in sheet.iter_rows() if row[0].value == "本期借阅读者（人）")
    readers = next(row for row in sheet.iter_rows() if row[0].value == "登记读者（人）")[1].value
    assert row[1].value > readers
    assert "期内离职" in row[2].value and row[2].alignment.wrap_text
