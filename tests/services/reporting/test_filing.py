"""The Excel return: sheets and labels as docs/return-format.md fixes them, values from history, text kept as text."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from bookroom_desk import __version__
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import filing, filing_format
from bookroom_desk.services.reporting.filing_read import read_return
from bookroom_desk.services.reporting.indicators import INDICATORS
from tests.support.filing_history import FORMULA_TITLE, QUARTER_3_2026, READER_NAMES, YEAR_2025, build_history
from tests.support.office import needs_soffice, page_size_points, pdf_pages, to_pdf

Q3 = Period.quarter(2026, 3)


@pytest.fixture
def q3_return(db, tmp_path):
    with db.write() as session:
        build_history(session)
    with db.read() as session:
        return filing.write_return(session, Q3, tmp_path)


def _rows(sheet):
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def _by_label(sheet) -> dict:
    return {row[0].value: row[1] for row in sheet.iter_rows() if row[0].value is not None and len(row) > 1}


def test_the_file_is_named_by_room_and_period_and_has_the_sheets_in_order(q3_return):
    assert q3_return.name == "机务段职工书屋_2026年第3季度_统计报表.xlsx"
    workbook = load_workbook(q3_return)
    assert workbook.sheetnames == ["基本情况", "藏书分类", "借阅统计", "新增图书", "阅读活动", "盘点情况", "十有自查",
                                   "附表新增图书清单"]


def test_basic_sheet_title_profile_and_indicators(q3_return):
    sheet = load_workbook(q3_return)["基本情况"]
    assert sheet["A1"].value == "机务段职工书屋 2026年第3季度 职工书屋统计报表"
    assert sheet["A2"].value == "统计期间：2026-07-01至2026-09-30"
    assert {"A1:C1", "A2:C2"} <= {str(r) for r in sheet.merged_cells.ranges}
    cells = _by_label(sheet)
    assert cells["书屋名称"].value == "机务段职工书屋" and cells["所属工会"].value == "机务段工会"
    assert cells["服务职工人数"].value == 50 and cells["面积（㎡）"].value == 80.0 and cells["统一标牌"].value == "有"
    for label in ("所在单位", "地址", "联系人", "联系电话", "座位数", "开放时间", "全总命名年份", "数字阅读服务"):
        assert label in cells
    for indicator in INDICATORS:
        cell = cells[indicator.label]
        expected = QUARTER_3_2026[indicator.key]
        value = cell.value.date() if isinstance(cell.value, dt.datetime) else cell.value
        assert value == expected, indicator.label
        if isinstance(expected, (int, float)):
            assert cell.data_type == "n", indicator.label  # numbers are numbers, not text
    header = next(row for row in _rows(sheet) if row[0] == "指标")
    assert header[:3] == ("指标", "数值", "说明")
    assert cells["最近盘点日期"].is_date


def test_class_sheet_has_22_classes_a_total_the_kinds_and_a_chart(q3_return):
    rows = _rows(load_workbook(q3_return)["藏书分类"])[2:]  # below the heading block (form name, 表号)
    assert rows[0] == ("分类号", "类名", "种数", "册数", "本期新增（册）", "在借（册）", "本期借出（册次）")
    assert [r[0] for r in rows[1:23]] == list("ABCDEFGHIJKNOPQRSTUVXZ")
    assert rows[9][:7] == ("I", "文学", 1, 2, 1, 1, 2)
    assert rows[23][1] == "未分类（无分类号）" and rows[23][2:] == (1, 1, 0, 1, 1)
    assert rows[24][0] == "合计" and rows[24][2:] == (4, 6, 2, 3, 4)
    kinds = [r for r in rows[26:33]]
    assert kinds[0][:2] == ("序号", "优先配备类别")
    assert [r[1] for r in kinds[1:]] == ["职工思想政治教育", "素质技能提升", "劳动关系及法律维权", "职工文化建设",
                                         "社科文化", "其他"]
    assert rows[33][0] == "合计" and rows[33][2:] == (4, 6, 2, 3, 4)
    with zipfile.ZipFile(q3_return) as archive:
        charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
    assert len(charts) == 2  # 册数 by class, and loans by month


def test_lending_sheet_months_top_titles_and_departments(q3_return):
    rows = _rows(load_workbook(q3_return)["借阅统计"])[2:]
    assert rows[0] == ("月份", "借出（册次）", "归还（册次）", "续借（次）", "借阅读者（人）")
    assert rows[1:5] == [("2026-07", 1, 0, 0, 1), ("2026-08", 1, 1, 0, 1), ("2026-09", 2, 0, 1, 2),
                         ("合计", 4, 1, 1, 3)]
    titles = [r for r in rows if isinstance(r[0], int) and r[1] in ("平凡的世界", "无分类书", "电工基础")]
    assert [(r[0], r[1], r[4]) for r in titles] == [(1, "平凡的世界", 2), (2, "无分类书", 1), (3, "电工基础", 1)]
    departments = [r for r in rows if r[1] in ("检修车间", "技术科")]
    assert [r[1:5] for r in departments] == [("检修车间", 2, 2, 3), ("技术科", 1, 1, 1)]


def test_new_copies_activities_stocktake_and_self_check(q3_return):
    workbook = load_workbook(q3_return)
    new = _rows(workbook["附表新增图书清单"])[2:]
    assert new[0] == ("条码", "书名", "著者", "出版社", "ISBN", "分类号", "来源", "价格", "入藏日期")
    assert [r[0] for r in new[1:]] == ["00000007", "00000010"]
    assert new[1][8] == dt.datetime(2026, 7, 15) and new[1][7] == 20  # the title's price when none was paid
    summary = _rows(workbook["新增图书"])[2:]
    assert summary[0] == ("来源", "册数", "金额（元）", "占本期新增（%）")
    total = next(r for r in summary if r[0] == "合计")
    assert total[1:3] == (2, 40)
    assert sum(r[1] for r in summary[1:] if isinstance(r[1], int) and r[0] != "合计") == 2
    activities = _rows(workbook["阅读活动"])[2:]
    assert activities[1][:5] == (dt.datetime(2026, 8, 1), "劳模讲书", "讲座", 20, "工会")
    stocktake = dict((r[0], r[1]) for r in _rows(workbook["盘点情况"]) if r[0])
    assert stocktake["应盘（册）"] == 5 and stocktake["缺失（册）"] == 1 and stocktake["结束日期"] == dt.datetime(2026, 6, 30)
    assert "00000006" in stocktake  # the missing copy is listed by barcode
    checks = _rows(workbook["十有自查"])[2:]
    assert checks[0] == ("类别", "项目", "状态", "依据", "需补充")
    assert [r[0] for r in checks[1:]] == ["十有"] * 10 + ["基本标准"] * 4
    assert {r[2] for r in checks[1:]} <= {"有", "无", "待补充"}
    renewal = next(r for r in checks if r[1] == "藏书有更新")
    assert renewal[2] == "有" and "本期新增" in renewal[3]


def test_no_reader_name_appears_anywhere(q3_return):
    with zipfile.ZipFile(q3_return) as archive:
        text = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))
    for name in READER_NAMES:
        assert name not in text


def test_document_properties_carry_program_and_format_version(q3_return):
    workbook = load_workbook(q3_return, read_only=True)
    props = {p.name: p.value for p in workbook.custom_doc_props.props}
    assert props[filing_format.PROP_FORMAT] == 3 and props[filing_format.PROP_VERSION] == __version__
    assert props[filing_format.PROP_PROGRAM] == "Bookroom Desk"
    assert (props[filing_format.PROP_START], props[filing_format.PROP_END]) == ("2026-07-01", "2026-09-30")
    assert "format=3" in workbook.properties.keywords and __version__ in workbook.properties.creator
    workbook.close()


def test_each_sheet_prints_on_a4_fitted_to_width_with_frozen_headers(q3_return):
    workbook = load_workbook(q3_return)
    for sheet in workbook.worksheets:
        assert sheet.page_setup.paperSize == 9, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1, sheet.title
        assert sheet.freeze_panes == "A4", sheet.title  # the heading block and the first table's header
        assert "机务段职工书屋" in sheet.oddHeader.center.text
    assert workbook["附表新增图书清单"].page_setup.orientation == "landscape"


def test_a_return_reads_back_with_the_same_figures(q3_return):
    back = read_return(q3_return)
    assert back.indicators == QUARTER_3_2026
    assert (back.room, back.union, back.workers_served, back.lent_copies) == ("机务段职工书屋", "机务段工会", 50, 4)
    assert back.period == Q3 and back.format_version == 3
    assert (back.classes["I"].volumes, back.classes[""].volumes) == (2, 1)
    assert [t.name for t in back.topics][0] == "职工思想政治教育"


def test_a_year_return_into_a_named_file_with_progress(db, tmp_path):
    with db.write() as session:
        build_history(session)
    seen = []
    with db.read() as session:
        path = filing.write_return(session, Period.year(2025), tmp_path / "out.xlsx", lambda d, t: seen.append((d, t)))
    assert path == tmp_path / "out.xlsx"
    assert read_return(path).indicators == YEAR_2025
    assert seen[-1] == (10, 10) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_default_file_name_is_safe():
    assert filing.default_file_name("A/B:书屋", Period.year(2026)) == "A_B_书屋_2026年_统计报表.xlsx"
    assert filing.default_file_name("", Period.year(2026)) == "未命名书屋_2026年_统计报表.xlsx"


def _formula_return(db, tmp_path):
    with db.write() as session:
        build_history(session, title_of_t1=FORMULA_TITLE)
    with db.read() as session:
        return filing.write_return(session, Q3, tmp_path)


def test_a_title_that_looks_like_a_formula_is_written_as_text(db, tmp_path):
    path = _formula_return(db, tmp_path)
    workbook = load_workbook(path)
    found = [(sheet.title, cell) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
             if cell.value == FORMULA_TITLE]
    assert {title for title, _ in found} >= {"借阅统计", "附表新增图书清单"}
    assert all(cell.data_type == "s" and cell.quotePrefix for _, cell in found)
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in xml or "<f " in xml for xml in sheets)


@needs_soffice
def test_libreoffice_opens_the_return_and_prints_it_on_a4(db, tmp_path):
    path = _formula_return(db, tmp_path)
    pdf = to_pdf(path, tmp_path)
    pages = pdf_pages(pdf)
    # one page each: 藏书分类 and 借阅统计 with their charts below the tables, the appendix the last
    assert len(pages) == 8
    assert all(f"第{n}页共8页" in "".join(page.split()) for n, page in enumerate(pages, start=1))
    assert "藏书总量（册）" in pages[0] and "机务段职工书屋" in pages[0]
    assert any(FORMULA_TITLE in page for page in pages)  # shown as typed: the formula did not run
    width, height = page_size_points(pdf)
    assert {round(width), round(height)} == {595, 842}  # A4


@hyp_settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=6))
def test_any_user_text_comes_back_as_the_same_text(tmp_path_factory, texts):
    from openpyxl import Workbook

    from bookroom_desk.services.xlsx.streaming import StreamSheet

    path = tmp_path_factory.mktemp("stream") / "t.xlsx"
    workbook = Workbook(write_only=True)
    sheet = StreamSheet(workbook, "s", (10,) * len(texts))
    sheet.append(texts)
    workbook.save(path)
    row = next(load_workbook(path).active.iter_rows())
    for text, cell in zip(texts, row):
        expected = ILLEGAL_CHARACTERS_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
        assert (cell.value or "") == expected
        if expected:
            assert cell.data_type == "s"


def test_the_return_s_service_rows_agree_with_stats(session, tmp_path):
    """到馆人次, 阅览册次, 预约（次）, 催还（次） of a year's return are the figures `stats` gives for the year."""
    from bookroom_desk.services.reporting.statistics import key_figures

    build_history(session)
    back = read_return(filing.write_return(session, Period.year(2026), tmp_path))
    figures = key_figures(session, dt.date(2026, 12, 31))
    assert (back.indicators["visits"], back.indicators["reads_in_room"], back.indicators["holds"],
            back.indicators["notices"]) == (figures.visits_this_year, figures.reads_in_room_this_year,
                                            figures.holds_this_year, figures.notices_this_year) == (13, 2, 2, 1)
