"""A report table of the library on screen: a model formatting its values by column kind, and its chart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QChart, QHorizontalBarSeries, QLineSeries, QPieSeries
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from bookroom_desk.printing.report_values import NUMERIC, cell_text, number, sort_key
from bookroom_desk.services.reporting.library import LINE, PIE, ReportTable
from bookroom_desk.ui.reports.charts import BLUE, GREEN, ORANGE, _bar_set, _short, _with_axes

MOST_IN_CHART = 12  # the first rows of a long table only: the chart is a picture, the table has them all
COLOURS = (BLUE, ORANGE, GREEN)

Index = QModelIndex | QPersistentModelIndex


_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT, _FONT = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.FontRole)
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _ALIGNMENT, _FONT))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_BOLD: list[QFont] = []  # made once, at its first use (a QFont wants the application made first)


def _bold() -> QFont:
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


class ReportTableModel(QAbstractTableModel):
    """The rows of a :class:`ReportTable`, then its total (bold, kept last when the rows are sorted)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table: ReportTable | None = None
        self._rows: list[tuple] = []
        self._alignments: list[int] = []

    def show_table(self, table: ReportTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self._rows = list(table.rows) if table else []
        self._alignments = [_RIGHT if column.kind in NUMERIC else _LEFT for column in (table.columns if table else [])]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() or self.table is None:
            return 0
        return len(self._rows) + (1 if self.table.total else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.columns)

    def is_total(self, row: int) -> bool:
        return row >= len(self._rows)

    def row_values(self, row: int) -> tuple:
        assert self.table is not None
        return self.table.total if self.is_total(row) and self.table.total else self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for every role of every cell a repaint or a width measures: the roles it has no answer for go first.
        if role not in _ROLES or self.table is None or not index.isValid():
            return None
        if role == _ALIGNMENT:
            return self._alignments[index.column()]
        if role == _FONT:
            return _bold() if self.is_total(index.row()) else None
        return cell_text(self.table.columns[index.column()].kind, self.row_values(index.row())[index.column()])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or orientation != Qt.Orientation.Horizontal:
            return None
        column = self.table.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column.kind in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column`` (the report's own order for -1); the total stays last."""
        if self.table is None:
            return
        self.layoutAboutToBeChanged.emit()
        if column < 0:
            self._rows = list(self.table.rows)
        else:
            self._rows.sort(key=lambda row: sort_key(row[column]), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


def report_chart(table: ReportTable) -> QChart | None:
    """The table's chart (bars, a line or a pie) of its first rows, or None when it has none or no rows."""
    spec = table.chart
    if spec is None or not table.rows:
        return None
    chart = QChart()
    chart.setTitle(spec.title or table.title)
    rows = table.rows[:MOST_IN_CHART]
    label = table.column(spec.label)
    labels = [_short(cell_text(table.columns[label].kind, row[label]), 12) for row in rows]
    keys = [table.column(key) for key in spec.values]
    if spec.kind == PIE:
        series = QPieSeries()
        series.setPieSize(0.6)
        key = keys[0]
        for text, row in zip(labels, rows):
            if number(row[key]) > 0:
                piece = series.append(f"{text} {cell_text(table.columns[key].kind, row[key])}", number(row[key]))
                piece.setLabelVisible(True)
        chart.addSeries(series)
        chart.legend().hide()
        return chart
    top = max([number(row[k]) for row in rows for k in keys] + [0.0])
    if spec.kind == LINE:
        for i, k in enumerate(keys):
            line = QLineSeries()
            line.setName(table.columns[k].title)
            line.setColor(COLOURS[i % len(COLOURS)])
            for x, row in enumerate(rows):
                line.append(x, number(row[k]))  # category x sits at x on a category axis
            if i == 0:
                _with_axes(chart, line, labels, top)
            else:
                _attach(chart, line)
    else:
        bars = QHorizontalBarSeries()
        ordered = list(reversed(rows))  # the first row at the top
        for i, k in enumerate(keys):
            bars.append(_bar_set(table.columns[k].title, [number(row[k]) for row in ordered], COLOURS[i % len(COLOURS)]))
        _with_axes(chart, bars, list(reversed(labels)), top, horizontal=True)
    if len(keys) > 1:
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    else:
        chart.legend().hide()
    return chart


def _attach(chart: QChart, series) -> None:
    chart.addSeries(series)
    for axis in chart.axes():
        series.attachAxis(axis)

