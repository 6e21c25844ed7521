"""The 统计报表 page's 报表库 tab: a chosen report and period show the service's table; options run it again; an older answer is
dropped; an empty table shows its note; the table is printed and saved as a PDF."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox

from bookroom_desk.printing.report_values import cell_text
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import library, report_list
from bookroom_desk.services.reporting.library import INT, LINE, TEXT, Chart, Column, Report, ReportTable
from bookroom_desk.services.roomwork.profile import update_profile
from bookroom_desk.ui.reports.page import ReportsPage
from tests.printing.test_report_pdf import report_text
from tests.support.desk_room import past_loan, small_room


def _top_report(session, period: Period, top: int) -> ReportTable:
    rows = [(f"第{n}名", 100 - n) for n in range(1, top + 1)]
    return ReportTable("test-top", "测试排行", period, [Column("who", "名次", TEXT), Column("n", "次数", INT)], rows,
                       ("合计", sum(r[1] for r in rows)), chart=Chart(LINE, "who", ("n",)))


TOP = Report("test-top", "测试排行", "前几名的测试报表。", _top_report, {"top": 5}, group="测试")


@pytest.fixture
def room(ctx):
    with ctx.write() as session:
        update_profile(session, name="机务段职工书屋", actor=OPERATOR)
        room = small_room(session)
        past_loan(session, "00000004", room.zhang, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
        past_loan(session, "00000005", room.zhang, dt.date(2026, 4, 1), dt.date(2026, 4, 20))
        past_loan(session, "00000006", room.li, dt.date(2025, 4, 1), dt.date(2025, 4, 20))
    return room


@pytest.fixture
def page(ctx, room, qtbot, sync_tasks, monkeypatch):
    monkeypatch.setitem(library.REPORTS, TOP.name, TOP)
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activated()
    widget.tabs.setCurrentWidget(widget.library)
    return widget.library


def _choose_year(page, year: int) -> None:
    page.chooser.kind.setCurrentIndex(page.chooser.kind.findData("year"))
    page.chooser.year.setValue(year)


def _shown(page) -> list[list[str]]:
    model = page.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _expected(ctx, name: str, period: Period, **options) -> list[list[str]]:
    with ctx.read() as session:
        table = report_list.run(session, name, period, **options)
    rows = table.rows + ([table.total] if table.total else [])
    return [[cell_text(c.kind, v) for c, v in zip(table.columns, row)] for row in rows]


def test_the_reports_are_listed_by_group_with_what_they_are_for(page):
    groups = {page.list.topLevelItem(i).text(0): page.list.topLevelItem(i) for i in range(page.list.topLevelItemCount())}
    loans = groups["借阅"]
    titles = [loans.child(i).text(0) for i in range(loans.childCount())]
    assert "各部门借阅排行" in titles
    item = loans.child(titles.index("各部门借阅排行"))
    assert item.toolTip(0).startswith("每个部门的读者数")
    assert groups["测试"].child(0).text(0) == "测试排行"


def test_choosing_a_report_and_a_period_shows_its_rows(page, ctx):
    page.choose("loans-by-department")
    _choose_year(page, 2026)
    assert page.findChild(QLabel, "reportTitle").text() == "各部门借阅排行"
    assert "每个部门" in page.findChild(QLabel, "reportAbout").text()
    shown = _shown(page)
    assert shown == _expected(ctx, "loans-by-department", Period.year(2026))
    assert shown[0][:4] == ["检修车间", "1", "1", "2"] and shown[-1][0] == "合计"
    last = page.model.rowCount() - 1
    assert page.model.index(last, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert not isinstance(page.model.index(0, 0).data(Qt.ItemDataRole.FontRole), QFont)
    assert page.model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    _choose_year(page, 2025)
    assert _shown(page) == _expected(ctx, "loans-by-department", Period.year(2025))
    chart = page.chart.chart()
    assert chart.series()[0].barSets()[0].label() == "借阅册次"


def test_sorting_by_a_header_keeps_the_total_last(page):
    page.choose("loans-by-department")
    page.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    shown = _shown(page)
    names = [row[0] for row in shown[:-1]]
    assert names == sorted(names) and shown[-1][0] == "合计"


def test_the_option_spin_box_runs_the_report_again(page, ctx):
    page.choose("test-top")
    spin = page.findChild(QSpinBox, "option_top")
    assert spin is not None and spin.value() == 5
    assert page.model.rowCount() == 6  # five and the total
    spin.setValue(8)
    assert _shown(page) == _expected(ctx, "test-top", Period.year(2026), top=8)
    assert page.chart.chart().series()[0].count() == 8
    page.choose("loans-by-department")
    assert page.findChild(QSpinBox, "option_top") is None or not page.findChild(QSpinBox, "option_top").isVisible()


def test_an_empty_table_shows_its_note(page):
    page.choose("loans-by-department")
    _choose_year(page, 2020)
    note = page.findChild(QLabel, "reportNote")
    assert note.text() == "这段时间没有借阅。" and note.isVisible()
    assert not page.chart.isVisible()


def test_an_older_answer_for_a_changed_choice_is_dropped(page, ctx, monkeypatch):
    page.choose("loans-by-department")
    asked = []
    real = ctx.tasks.run

    def held(work, on_done=None, **kw):  # the library's runs held back; the overview's run at once
        if kw.get("owner") is page:
            asked.append((work, on_done))
        else:
            real(work, on_done, **kw)

    monkeypatch.setattr(ctx.tasks, "run", held)
    _choose_year(page, 2025)
    _choose_year(page, 2026)
    assert len(asked) == 2
    (old_work, old_done), (new_work, new_done) = asked
    new_done(new_work(None))
    old_done(old_work(None))  # arrives last, for a period no longer chosen
    assert page.table.period == Period.year(2026)
    assert _shown(page) == _expected(ctx, "loans-by-department", Period.year(2026))


def test_the_table_saved_as_a_pdf_from_the_page(page, tmp_path, monkeypatch):
    page.choose("loans-by-department")
    target = tmp_path / "各部门"
    monkeypatch.setattr(page, "ask_save_path", lambda title, suggested, pattern: str(target))
    page.findChild(QPushButton, "pdfReportButton").click()
    written = tmp_path / "各部门.pdf"
    text = report_text(written)
    assert "各部门借阅排行" in text and "机务段职工书屋" in text and "合计" in text
    assert str(written) in page.findChild(QLabel, "libraryStatus").text()


def test_the_table_printed_from_the_page(page, tmp_path, monkeypatch):
    page.choose("loans-by-department")
    printers = [QPrinter(QPrinter.PrinterMode.HighResolution)]
    printers[0].setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printers[0].setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(page, "ask_printer", lambda: printers[0])
    page.findChild(QPushButton, "printReportButton").click()
    assert "1 页" in page.findChild(QLabel, "libraryStatus").text()
    printers.clear()  # the printer goes, and its PDF is written out
    text = report_text(tmp_path / "printed.pdf")
    assert "各部门借阅排行" in text and "检修车间" in text and "第1页共1页" in text


def test_showing_a_table_does_not_load_the_workbook_writer(page):
    """openpyxl is loaded for an export, on its worker thread: loaded when a table was shown, it held the GUI
    thread 0.2 s."""
    import sys

    sys.modules.pop("bookroom_desk.services.reporting.report_xlsx", None)
    page.choose("test-top")
    assert page.findChild(QPushButton, "excelReportButton").isEnabled()
    assert "bookroom_desk.services.reporting.report_xlsx" not in sys.modules


def test_the_page_in_english(db, qapp, qtbot, room, sync_tasks):
    from bookroom_desk.i18n import install_app_translators
    from bookroom_desk.ui.context import AppContext

    install_app_translators(qapp, "en")
    try:
        reports = ReportsPage(AppContext(db, "en"))
        qtbot.addWidget(reports)
        assert reports.tabs.tabText(1) == "Report library"
        reports.tabs.setCurrentIndex(1)
        reports.activated()
        widget = reports.library
        assert widget.findChild(QLabel, "reportTitle").text() == "Loans by department"
        assert widget.findChild(QPushButton, "pdfReportButton").text() == "Save as PDF…"
        assert widget.model.headerData(0, Qt.Orientation.Horizontal) == "Department"
        assert widget.model.index(widget.model.rowCount() - 1, 0).data() == "Total"
    finally:
        install_app_translators(qapp, "zh_CN")


def test_the_library_runs_only_when_its_tab_is_shown(ctx, room, qtbot, sync_tasks):
    reports = ReportsPage(ctx)
    qtbot.addWidget(reports)
    reports.show()
    qtbot.waitExposed(reports)
    reports.activated()
    assert reports.library.table is None  # the overview is shown
    reports.chooser.year.setValue(2025)
    assert reports.library.table is None
    reports.tabs.setCurrentWidget(reports.library)
    assert reports.library.table is not None and reports.library.table.period == Period.year(2025)
