"""A report of the library on paper: the heading, the header row on every page, the total, the note, the chart,
page numbers; landscape for many columns; long cells cut; printed on a QPrinter as on a PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFontMetricsF
from PySide6.QtPrintSupport import QPrinter

from bookroom_desk.printing.report_pdf import column_widths, print_report, write_report_pdf
from bookroom_desk.printing.report_values import cell_text
from bookroom_desk.printing.slip import _font
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import report_list
from bookroom_desk.services.reporting.library import (
    BAR,
    DATE,
    DECIMAL,
    INT,
    LINE,
    MONEY,
    PERCENT,
    PIE,
    TEXT,
    Chart,
    Column,
    ReportTable,
)
from tests.printing.test_slip import media_box, pdf_text
from tests.support.desk_room import past_loan, small_room

#: Radicals some CJK fonts map their glyphs to, which NFKC leaves alone.
RADICALS = str.maketrans({"⻔": "门", "⻚": "页", "⻓": "长", "⻋": "车", "⻄": "西", "⻅": "见"})


def report_text(path) -> str:
    """The PDF's text with its radicals folded and its spaces dropped, to look for words in (NFKC has made
    full-width colons and the ellipsis ASCII)."""
    return "".join(pdf_text(path).translate(RADICALS).split())


def pages_of(path) -> list[str]:
    return [("".join(page.translate(RADICALS).split())) for page in pdf_text(path).split("\f") if page.strip()]


def long_table(rows: int, chart: Chart | None = None, columns: int = 4) -> ReportTable:
    kinds = [TEXT, INT, MONEY, PERCENT, DECIMAL, DATE, INT, INT, INT][:columns]
    values = {TEXT: "读者{n}", INT: 7, MONEY: Decimal("12.50"), PERCENT: Decimal("33.3"), DECIMAL: Decimal("1.25"),
              DATE: dt.date(2026, 5, 1)}
    cols = [Column(f"c{i}", f"栏目{i}", kind) for i, kind in enumerate(kinds)]
    body = [tuple(values[k].format(n=n) if k == TEXT else values[k] for k in kinds) for n in range(rows)]
    total = tuple("合计" if k == TEXT else (7 * rows if k == INT else None) for k in kinds)
    return ReportTable("long", "测试长表", Period.year(2026), cols, body, total, "说明：每行一位读者。", chart)


def test_the_loans_report_on_paper_has_its_heading_header_rows_and_total(session, tmp_path, qapp):
    room = small_room(session)
    past_loan(session, "00000004", room.zhang, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
    past_loan(session, "00000005", room.li, dt.date(2026, 4, 1), dt.date(2026, 4, 20))
    table = report_list.run(session, "loans-by-department", Period.year(2026))
    path = write_report_pdf(table, tmp_path / "loans.pdf", "机务段职工书屋")
    text = report_text(path)
    for needed in ("各部门借阅排行", "机务段职工书屋", "统计期间:2026-01-01至2026-12-31", "部门读者数借书人数借阅册次人均册次",
                   "检修车间", "财务科", "合计", "第1页共1页"):
        assert needed in text, needed
    width, height = media_box(path)
    assert width == pytest.approx(210, abs=1) and height == pytest.approx(297, abs=1)


def test_a_long_table_runs_over_pages_with_its_header_on_each_and_numbered(tmp_path, qapp):
    path = write_report_pdf(long_table(150, Chart(BAR, "c0", ("c1",))), tmp_path / "long.pdf", "机务段职工书屋")
    pages = pages_of(path)
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert "栏目0栏目1栏目2栏目3" in page or number == len(pages)  # the last may hold only the chart
        assert f"第{number}页共{len(pages)}页" in page
    text = "".join(pages)
    assert all(f"读者{n}" in text for n in (0, 75, 149))
    assert text.count("测试长表") >= 2  # the heading, and the chart's title
    assert "合计" in text and cell_text(INT, 1050) in text and "说明:每行一位读者。" in text
    assert "12.50" in text and "33.3%" in text


def test_many_columns_go_landscape_and_a_long_cell_is_cut(tmp_path, qapp):
    table = long_table(3, columns=9)
    table.rows[0] = ("很长的部门名称" * 20, *table.rows[0][1:])
    path = write_report_pdf(table, tmp_path / "wide.pdf", "")
    width, height = media_box(path)
    assert width > height
    text = report_text(path)
    assert "很长的部门名称很长的部门名称" in text and "..." in text and "很长的部门名称" * 20 not in text
    assert "栏目8" in text and "2026-05-01" in text


@pytest.mark.parametrize("kind", [BAR, LINE, PIE])
def test_each_kind_of_chart_is_painted_with_its_labels(tmp_path, qapp, kind):
    path = write_report_pdf(long_table(5, Chart(kind, "c0", ("c1",), "读者借阅图")), tmp_path / "chart.pdf", "")
    text = report_text(path)
    assert "读者借阅图" in text and text.count("读者4") >= 2  # in the table and beside the chart


def test_an_empty_table_prints_its_note_and_no_chart(tmp_path, qapp):
    table = ReportTable("none", "空表", Period.year(2020), [Column("a", "部门"), Column("b", "册次", INT)], [],
                        None, "这段时间没有借阅。", Chart(BAR, "a", ("b",)))
    text = report_text(write_report_pdf(table, tmp_path / "empty.pdf", "书屋"))
    assert "空表" in text and "这段时间没有借阅。" in text and "第1页共1页" in text


def test_printed_on_a_printer_in_pdf_mode(tmp_path, qapp):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = print_report(long_table(120), printer, "机务段职工书屋")
    del printer
    found = pages_of(tmp_path / "printed.pdf")
    assert len(found) == pages >= 2
    assert "机务段职工书屋" in found[0] and f"第{pages}页共{pages}页" in found[-1]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.tuples(st.text(max_size=60), st.integers(-10**9, 10**9), st.text(max_size=30)),
                      min_size=0, max_size=12),
       headings=st.tuples(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30),
                          st.text(min_size=1, max_size=30)))
def test_the_columns_never_run_off_the_line(qapp, cells, headings):
    columns = [Column("a", headings[0]), Column("b", headings[1], INT), Column("c", headings[2])]
    table = ReportTable("any", "任意", Period.year(2026), columns, list(cells))
    font = QFontMetricsF(_font(9))
    widths = column_widths(table, font, QFontMetricsF(_font(9, True)), 1000.0, 10.0)
    assert len(widths) == 3 and all(w > 0 for w in widths)
    assert sum(widths) <= 1000.0 + 1e-6 or widths[1] >= 700  # only a number column wider than the line overflows
