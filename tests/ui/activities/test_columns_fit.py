"""On a 1024x700 window the 书屋工作 tables show their headers whole, the self-check without scrolling
sideways, and a cell too long for its column has its whole text as tooltip (Chinese and English)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QRect
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QStyle, QTableWidget, QToolTip

from bookroom_desk.i18n import install_app_translators
from bookroom_desk.services.roomwork import activities
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.main_window import MainWindow

SMALL = (1024, 700)
LONG_NAME = "“书香工会·悦读人生”职工读书月启动仪式暨优秀读书笔记与家庭藏书展示交流分享会"


class SmallScreen:
    def availableGeometry(self) -> QRect:
        return QRect(0, 0, *SMALL)


@pytest.fixture(params=["zh_CN", "en"])
def page(request, db, qapp, qtbot, monkeypatch):
    install_app_translators(qapp, request.param)
    ctx = AppContext(db, request.param)
    with ctx.write() as session:
        activities.add_activity(session, held_on=dt.date(2026, 4, 23), name=LONG_NAME, kind="share", participants=35)
        activities.add_activity(session, held_on=dt.date(2026, 5, 11), name="安全知识竞赛", kind="quiz", participants=70)
    monkeypatch.setattr(MainWindow, "screen", lambda self: SmallScreen())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= SMALL[0] and window.height() <= SMALL[1]
    window.show_page("activities")
    yield window.page("activities")
    QToolTip.hideText()
    install_app_translators(qapp, "zh_CN")


def _cut_headers(table: QTableWidget) -> list[str]:
    """The headers whose text and the header's margins either side are wider than their section."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    margins = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        needed = metrics.horizontalAdvance(text) + margins
        if needed > header.sectionSize(column):
            cut.append(f"{table.objectName()}[{text}]: {needed} > {header.sectionSize(column)}")
    return cut


def test_every_table_header_of_the_page_is_whole(page, qtbot):
    cut = []
    for tab in (page.activities, page.plan, page.volunteers, page.groups, page.stars, page.self_check):
        page.show_tab(tab)
        qtbot.wait(1)
        for table in tab.findChildren(QTableWidget):
            cut += _cut_headers(table)
    assert not cut


def test_the_self_check_shows_every_column_without_scrolling_sideways(page, qtbot):
    page.show_tab(page.self_check)
    qtbot.wait(1)
    table = page.self_check.table
    header = table.horizontalHeader()
    assert table.rowCount() > 0
    assert header.length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    missing = table.columnCount() - 1  # 还需补充, the last
    assert header.sectionViewportPosition(missing) + header.sectionSize(missing) <= table.viewport().width()


def _tooltip_at(qtbot, table: QTableWidget, row: int, column: int) -> str:
    QToolTip.hideText()
    qtbot.waitUntil(lambda: QToolTip.text() == "")  # the last tip gone (it lingers a moment)
    centre = table.visualRect(table.model().index(row, column)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, table.viewport().mapToGlobal(centre))
    QApplication.sendEvent(table.viewport(), event)
    return QToolTip.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform cannot raise a tooltip
def test_a_name_too_long_for_its_column_reads_whole_in_its_tooltip(page, qtbot):
    page.show_tab(page.activities)
    qtbot.wait(1)
    table = page.activities.table
    rows = {table.item(r, 1).text(): r for r in range(table.rowCount())}
    assert table.columnWidth(1) < table.fontMetrics().horizontalAdvance(LONG_NAME)  # cut indeed
    assert _tooltip_at(qtbot, table, rows[LONG_NAME], 1) == LONG_NAME
    assert table.item(rows[LONG_NAME], 3).text() == "35"
    assert _tooltip_at(qtbot, table, rows[LONG_NAME], 3) == ""  # shown whole: no tooltip
