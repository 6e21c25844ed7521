"""The 统计报表 page: the chosen period's figures on screen equal the return's; export, open, consolidate."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import filing
from bookroom_desk.services.reporting.filing_read import read_return
from bookroom_desk.services.reporting.indicators import INDICATORS, compute
from bookroom_desk.ui.reports.dashboard import display_value
from bookroom_desk.ui.reports.page import ReportsPage
from bookroom_desk.ui.widgets.format import fmt_date
from tests.support.filing_history import QUARTER_3_2026, YEAR_2025, build_history


@pytest.fixture
def page(ctx, qtbot, sync_tasks):
    with ctx.write() as session:
        build_history(session)
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activated()
    return widget


def _tile(page, key) -> str:
    return page.findChild(QLabel, f"indicator_{key}").text()


def _choose_quarter(page, qtbot, year: int, quarter: int) -> None:
    kind = page.findChild(QComboBox, "periodKind")
    kind.setCurrentIndex(kind.findData("quarter"))
    page.findChild(QSpinBox, "periodYear").setValue(year)
    page.findChild(QComboBox, "periodQuarter").setCurrentIndex(quarter - 1)


def _expected_tiles(values: dict) -> dict:
    return {i.key: display_value(i, values[i.key], values["minimum"], values["volumes"]) for i in INDICATORS}


def test_the_page_opens_on_this_year_and_shows_every_indicator(page, ctx):
    assert page.period() == Period.year(2026)
    with ctx.read() as session:
        figures = compute(session, Period.year(2026))
    assert {i.key: _tile(page, i.key) for i in INDICATORS} == _expected_tiles(figures.values)
    assert _tile(page, "loans") == "5" and _tile(page, "last_stocktake") == fmt_date(dt.date(2026, 6, 30))
    assert "机务段职工书屋" in page.findChild(QLabel, "reportsStatus").text()


def test_choosing_a_quarter_shows_its_figures(page, qtbot):
    _choose_quarter(page, qtbot, 2026, 3)
    assert page.period() == Period.quarter(2026, 3)
    shown = {i.key: _tile(page, i.key) for i in INDICATORS}
    assert shown == _expected_tiles(QUARTER_3_2026)
    assert shown["circulation_rate"] == "66.7" and shown["standard"] == "差2,994册"
    assert page.dashboard.top_titles.item(0, 1).text() == "平凡的世界"
    chart = page.dashboard.months.chart()
    assert [s.label() for s in chart.series()[0].barSets()] == ["借出", "归还"]
    assert list(chart.series()[0].barSets()[0].at(i) for i in range(3)) == [1.0, 1.0, 2.0]


def test_a_date_range_and_a_backwards_range(page, qtbot):
    kind = page.findChild(QComboBox, "periodKind")
    kind.setCurrentIndex(kind.findData("range"))
    page.chooser.start.setDate(QDate(2025, 1, 1))
    page.chooser.end.setDate(QDate(2025, 12, 31))
    assert page.period().label == "2025-01-01至2025-12-31" and page.period().same_dates(Period.year(2025))
    assert {i.key: _tile(page, i.key) for i in INDICATORS} == _expected_tiles(YEAR_2025)
    page.chooser.start.setDate(QDate(2026, 3, 1))
    page.chooser.end.setDate(QDate(2026, 2, 1))
    assert page.period() is None
    page.refresh()
    assert "结束日期不能早于开始日期" in page.findChild(QLabel, "reportsStatus").text()


def test_export_writes_the_same_numbers_and_opens_in_the_spreadsheet_program(page, qtbot, tmp_path, monkeypatch):
    _choose_quarter(page, qtbot, 2026, 3)
    asked = []
    monkeypatch.setattr(page, "ask_save_path", lambda suggested: asked.append(suggested) or str(tmp_path / "q3"))
    open_button = page.findChild(QPushButton, "openButton")
    assert not open_button.isEnabled()
    qtbot.mouseClick(page.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    assert asked[0].endswith("机务段职工书屋_2026年第3季度_统计报表.xlsx")
    written = tmp_path / "q3.xlsx"
    assert (page.progress.maximum(), page.progress.value()) == (10, 10)  # the task reported its steps
    assert not page.progress.isVisible() and page.findChild(QPushButton, "exportButton").isEnabled()
    back = read_return(written)
    assert {i.key: _tile(page, i.key) for i in INDICATORS} == _expected_tiles(back.indicators)
    assert str(written) in page.findChild(QLabel, "reportsStatus").text()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    assert open_button.isEnabled()
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(written)]


def test_the_appendix_box_is_ticked_and_unticking_it_leaves_the_list_out(page, qtbot, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QCheckBox

    from bookroom_desk.services.reporting.filing_format import APPENDIX, SHEETS

    box = page.findChild(QCheckBox, "returnAppendix")
    assert box.isChecked() and box.text() == "附新增图书清单" and box.isVisible()
    _choose_quarter(page, qtbot, 2026, 3)
    monkeypatch.setattr(page, "ask_save_path", lambda suggested: str(tmp_path / "full.xlsx"))
    qtbot.mouseClick(page.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    assert load_workbook(tmp_path / "full.xlsx", read_only=True).sheetnames == [*SHEETS, APPENDIX]
    box.click()
    assert not box.isChecked()
    monkeypatch.setattr(page, "ask_save_path", lambda suggested: str(tmp_path / "short.xlsx"))
    qtbot.mouseClick(page.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    assert load_workbook(tmp_path / "short.xlsx", read_only=True).sheetnames == list(SHEETS)
    assert read_return(tmp_path / "short.xlsx").indicators == QUARTER_3_2026


def test_cancelling_the_save_dialog_writes_nothing(page, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(page, "ask_save_path", lambda suggested: "")
    qtbot.mouseClick(page.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    assert not list(tmp_path.glob("*.xlsx")) and not page.findChild(QPushButton, "openButton").isEnabled()


def _two_returns(ctx, folder):
    paths = []
    for name in ("一号书屋", "二号书屋"):
        with ctx.write() as session:
            from bookroom_desk.services.roomwork.profile import update_profile

            update_profile(session, name=name, actor=OPERATOR)
        with ctx.read() as session:
            paths.append(filing.write_return(session, Period.quarter(2026, 3), folder))
    return paths


def test_consolidating_chosen_files_lists_the_problems(page, qtbot, tmp_path, monkeypatch, ctx):
    _choose_quarter(page, qtbot, 2026, 3)
    a, b = _two_returns(ctx, tmp_path)
    junk = tmp_path / "杂项.xlsx"
    junk.write_bytes(b"not a workbook")
    out = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(page, "ask_files", lambda: [str(a), str(b), str(junk)])
    monkeypatch.setattr(page, "ask_consolidation_path", lambda suggested: str(out))
    qtbot.mouseClick(page.findChild(QPushButton, "consolidateFilesButton"), Qt.MouseButton.LeftButton)
    assert out.exists()
    problems = page.problems
    assert problems.isVisible() and problems.count() == 1 and problems.item(0).text().startswith("杂项.xlsx：")
    status = page.findChild(QLabel, "reportsStatus").text()
    assert "2 个书屋" in status and "1 个文件有问题" in status
    assert page.last_file == out


def test_consolidating_a_folder_of_another_period_reports_every_file(page, qtbot, tmp_path, monkeypatch, ctx):
    _two_returns(ctx, tmp_path)
    page.chooser.set_period(Period.year(2025))
    monkeypatch.setattr(page, "ask_folder", lambda: str(tmp_path))
    suggested = []
    (tmp_path / "out").mkdir()  # a save dialog gives a folder that exists
    monkeypatch.setattr(page, "ask_consolidation_path",
                        lambda s: suggested.append(s) or str(tmp_path / "out" / "汇总.xlsx"))
    qtbot.mouseClick(page.findChild(QPushButton, "consolidateFolderButton"), Qt.MouseButton.LeftButton)
    assert suggested[0].endswith("2025年_职工书屋统计汇总.xlsx")
    assert page.problems.count() == 2
    assert all("不是本次汇总的2025年" in page.problems.item(i).text() for i in range(2))


def test_new_records_refresh_the_figures_while_shown(page, qtbot, ctx):
    from tests.support.helpers import add_copy

    before = int(_tile(page, "volumes"))
    with ctx.write() as session:  # emits dataChanged
        add_copy(session, "00000500", acquired_on=dt.date(2026, 11, 1))
    assert int(_tile(page, "volumes")) == before + 1


def test_typing_a_year_counts_it_once_entered(page, qtbot):
    year = page.findChild(QSpinBox, "periodYear")
    year.setFocus()
    year.selectAll()
    qtbot.keyClicks(year, "2025")
    assert page.period() == Period.year(2026)  # not counted at every digit
    qtbot.keyClick(year, Qt.Key.Key_Return)
    assert page.period() == Period.year(2025)
    assert {i.key: _tile(page, i.key) for i in INDICATORS} == _expected_tiles(YEAR_2025)
