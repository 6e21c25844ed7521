"""fit_columns: columns as wide as their header and usual cell, the main column taking the room left,
a cut cell's whole text in its tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem, QToolTip

from bookroom_desk.ui.widgets.columns import fit_columns, refit_columns

ROWS = [("2026/4/23", "读书日分享会", "分享"), ("2026/5/11", "安全知识竞赛", "竞赛"), ("2026/6/1", "亲子共读", "阅读"),
        ("2026/7/1", "七一征文", "征文"), ("2026/9/9", "经典诵读会", "这一格的文字远比这一列其他格子长得多，不该把整列撑宽")]


@pytest.fixture
def table(qtbot):
    widget = QTableWidget(0, 3)
    widget.setHorizontalHeaderLabels(["日期", "活动名称", "类型"])
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    fit_columns(widget, stretch=1)
    widget.setRowCount(len(ROWS))
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            widget.setItem(r, c, QTableWidgetItem(text))
    refit_columns(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    QToolTip.hideText()


def _tooltip(qtbot, table, row, column) -> str:
    QToolTip.hideText()
    qtbot.waitUntil(lambda: QToolTip.text() == "")
    centre = table.visualRect(table.model().index(row, column)).center()
    QApplication.sendEvent(table.viewport(), QHelpEvent(QEvent.Type.ToolTip, centre, table.viewport().mapToGlobal(centre)))
    return QToolTip.text()


def test_the_main_column_takes_the_room_the_others_leave(table, qtbot):
    header = table.horizontalHeader()
    assert header.length() == table.viewport().width()
    table.resize(800, 300)
    qtbot.waitUntil(lambda: header.length() == table.viewport().width())
    wide = table.columnWidth(1)
    header.resizeSection(0, table.columnWidth(0) + 40)  # the user widens the date
    assert table.columnWidth(1) == wide - 40 and header.length() == table.viewport().width()


def test_a_column_fits_its_usual_cell_not_its_one_long_one(table):
    metrics = table.fontMetrics()
    kind = table.columnWidth(2)
    assert metrics.horizontalAdvance("竞赛") < kind < metrics.horizontalAdvance(ROWS[4][2])
    assert table.columnWidth(0) >= metrics.horizontalAdvance("2026/4/23")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform cannot raise a tooltip
def test_a_cut_cell_reads_whole_in_its_tooltip_and_a_whole_one_has_none(table, qtbot):
    assert _tooltip(qtbot, table, 4, 2) == ROWS[4][2]
    assert _tooltip(qtbot, table, 4, 0) == ""
    table.item(4, 2).setToolTip("自己的提示")
    assert _tooltip(qtbot, table, 4, 2) == "自己的提示"  # a tooltip of its own wins


def test_wrapped_rows_are_as_tall_as_their_text(qtbot):
    widget = QTableWidget(1, 2)
    qtbot.addWidget(widget)
    widget.resize(300, 300)
    fit_columns(widget, stretch=1, wrap=True)
    widget.setItem(0, 0, QTableWidgetItem("项目"))
    widget.setItem(0, 1, QTableWidgetItem("很长的依据文字" * 12))
    refit_columns(widget)
    widget.show()
    qtbot.waitExposed(widget)
    single = widget.fontMetrics().height()
    assert widget.rowHeight(0) > 2 * single
    assert _tooltip(qtbot, widget, 0, 1) == ""  # wrapped whole
    QToolTip.hideText()


def test_a_column_mostly_empty_fits_the_text_it_has(qtbot):
    """The self-check's 还需补充 is empty in most rows: it was fitted to its header and its notes wrapped a
    character a line; empty cells do not make a column usually narrow."""
    widget = QTableWidget(6, 2)
    widget.setHorizontalHeaderLabels(["依据", "还需补充"])
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    fit_columns(widget, stretch=0)
    for row in range(6):
        widget.setItem(row, 0, QTableWidgetItem("书屋信息中已登记悬挂统一标牌"))
    widget.setItem(5, 1, QTableWidgetItem("还差 2600 册"))
    refit_columns(widget)
    assert widget.columnWidth(1) >= widget.fontMetrics().horizontalAdvance("还差 2600 册")
