"""The dashboard: every indicator of the return as a tile, and the charts, from one ReturnData."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.services.reporting.filing_format import ReturnData
from bookroom_desk.services.reporting.indicators import INDICATORS, Indicator
from bookroom_desk.ui.reports import charts
from bookroom_desk.ui.widgets.format import fmt_date, fmt_int

TILE_COLUMNS = 6
_TILE_STYLE = """
QFrame#indicatorTile { background: #f7f9fc; border: 1px solid #dde3ea; border-radius: 4px; }
QLabel[role="value"] { font-size: 18px; font-weight: bold; color: #1565c0; }
QLabel[role="value"][warn="true"] { color: #c62828; }
QLabel[role="title"] { color: #555; }
"""


def indicator_title(indicator: Indicator) -> str:
    return QCoreApplication.translate("indicators", indicator.label)


def display_value(indicator: Indicator, value, minimum: int | None = None, volumes: int | None = None) -> str:
    """The value as the tile shows it: the same number the return holds, in the language's format."""
    if value is None:
        return "—"
    if indicator.key == "standard":
        if volumes is not None and minimum is not None:
            if volumes >= minimum:
                return QCoreApplication.translate("ReportsDashboard", "达标")
            return QCoreApplication.translate("ReportsDashboard", "差{count}册").format(
                count=fmt_int(minimum - volumes))
        return str(value)
    if isinstance(value, dt.date):
        return fmt_date(value)
    if indicator.decimals:
        return QLocale().toString(float(value), "f", indicator.decimals)
    return fmt_int(value)


class Tile(QFrame):
    """One indicator: its value, large, over its title; the 说明 as tooltip."""

    def __init__(self, indicator: Indicator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorTile")
        self.value = QLabel("—", self)
        self.value.setObjectName(f"indicator_{indicator.key}")
        self.value.setProperty("role", "value")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        title = QLabel(indicator_title(indicator), self)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        self.setToolTip(QCoreApplication.translate("indicators", indicator.note))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.value)
        layout.addWidget(title)


class Dashboard(QWidget):
    """Tiles for the 24 indicators, five charts and the most-lent titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsDashboard")
        self.setStyleSheet(_TILE_STYLE)
        self.tiles = {indicator.key: Tile(indicator, self) for indicator in INDICATORS}
        grid = QGridLayout()
        grid.setSpacing(6)
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // TILE_COLUMNS, index % TILE_COLUMNS)
        self.holdings = charts.ChartView("holdingsChart", self)
        self.holdings.setMinimumHeight(170)
        self.months = charts.ChartView("monthsChart", self)
        self.classes = charts.ChartView("classesChart", self)
        self.topics = charts.ChartView("topicsChart", self)
        self.departments = charts.ChartView("departmentsChart", self)
        self.departments.setMinimumHeight(340)
        self.top_titles = QTableWidget(0, 3, self)
        self.top_titles.setObjectName("topTitles")
        self.top_titles.setHorizontalHeaderLabels([self.tr("名次"), self.tr("书名"), self.tr("借出（册次）")])
        self.top_titles.verticalHeader().hide()
        self.top_titles.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.top_titles.setMinimumHeight(320)
        header = self.top_titles.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.top_titles.setColumnWidth(0, 50)
        self.top_titles.setColumnWidth(2, 100)
        top_label = QLabel(self.tr("借阅最多的图书（前20种）"), self)
        top_label.setObjectName("topTitlesHeading")
        top_box = QVBoxLayout()
        top_box.addWidget(top_label)
        top_box.addWidget(self.top_titles)
        charts_grid = QGridLayout()
        charts_grid.addWidget(self.holdings, 0, 0)
        charts_grid.addWidget(self.months, 0, 1)
        charts_grid.addWidget(self.classes, 1, 0)
        charts_grid.addWidget(self.topics, 1, 1)
        charts_grid.addWidget(self.departments, 2, 0)
        charts_grid.addLayout(top_box, 2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(charts_grid, 1)
        self.data: ReturnData | None = None

    def show_data(self, data: ReturnData) -> None:
        self.data = data
        figures = data.indicators
        volumes, minimum = figures["volumes"], figures["minimum"]
        for indicator in INDICATORS:
            label = self.tiles[indicator.key].value
            label.setText(display_value(indicator, figures[indicator.key], minimum, volumes))
            label.setProperty("warn", indicator.key == "standard" and volumes < minimum)
            label.style().unpolish(label)
            label.style().polish(label)
        parts = data.breakdowns
        self.holdings.show_chart(charts.holdings_chart(volumes, minimum))
        self.months.show_chart(charts.months_chart(parts))
        self.classes.show_chart(charts.classes_chart(parts))
        self.topics.show_chart(charts.topics_chart(parts))
        self.departments.show_chart(charts.departments_chart(parts))
        self.top_titles.setRowCount(len(parts.top_titles))
        for row, top in enumerate(parts.top_titles):
            for column, value in enumerate((fmt_int(top.rank), top.title, fmt_int(top.loans))):
                item = QTableWidgetItem(value)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.top_titles.setItem(row, column, item)
