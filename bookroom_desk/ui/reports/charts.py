"""The dashboard's charts (QtCharts), each built from the same figures the return writes."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from bookroom_desk.services.common import vocab
from bookroom_desk.services.reporting.indicators import Breakdowns

BLUE, ORANGE, GREY, GREEN = QColor("#1565c0"), QColor("#ef6c00"), QColor("#cfd8dc"), QColor("#2e7d32")
MOST_DEPARTMENTS = 8


class ChartView(QChartView):
    """A chart view that can be refilled: ``show_chart`` swaps in a new chart and drops the old one."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.show_chart(QChart())

    def show_chart(self, chart: QChart) -> None:
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()


def _value_axis(top: float) -> QValueAxis:
    """Whole-number ticks on a 1-2-5 step (never "0, 0, 1, 1"); with nothing to show, no numbers at all."""
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    step, end = _whole_steps(top)
    axis.setRange(0, end)
    axis.setTickCount(int(end // step) + 1)
    axis.setLabelsVisible(top > 0)
    return axis


def _whole_steps(top: float) -> tuple[int, int]:
    """The tick step and the axis end for values up to ``top``: about five whole-number steps, a little above it."""
    if top <= 0:
        return 1, 1
    rough = top * 1.05 / 5
    magnitude = 10 ** max(0, math.floor(math.log10(rough))) if rough >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    return step, step * math.ceil(top * 1.05 / step)


def _bar_set(name: str, values, color: QColor) -> QBarSet:
    bar_set = QBarSet(name)
    bar_set.append([float(v) for v in values])
    bar_set.setColor(color)
    return bar_set


def _with_axes(chart: QChart, series, categories: list[str], top: float, horizontal: bool = False) -> QChart:
    chart.addSeries(series)
    categories_axis = QBarCategoryAxis()
    categories_axis.append(categories)
    categories_axis.setTruncateLabels(False)  # department names are short; "…" would hide them all
    values_axis = _value_axis(top)
    chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories_axis)
    series.attachAxis(values_axis)
    return chart


def holdings_chart(volumes: int, minimum: int) -> QChart:
    """A gauge-like bar: holdings up to the minimum, what is still missing, and what is above it."""
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("ReportCharts", "藏书与达标下限（{minimum}册）").format(minimum=minimum))
    series = QHorizontalStackedBarSeries()
    held, short, above = (QCoreApplication.translate("ReportCharts", "已有"),
                          QCoreApplication.translate("ReportCharts", "尚差"),
                          QCoreApplication.translate("ReportCharts", "超出"))
    series.append(_bar_set(held, [min(volumes, minimum)], BLUE))
    series.append(_bar_set(short, [max(0, minimum - volumes)], GREY))
    series.append(_bar_set(above, [max(0, volumes - minimum)], GREEN))
    series.setBarWidth(0.5)
    label = QCoreApplication.translate("ReportCharts", "藏书")
    _with_axes(chart, series, [label], max(volumes, minimum), horizontal=True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def months_chart(parts: Breakdowns) -> QChart:
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("ReportCharts", "各月借出与归还（册次）"))
    series = QBarSeries()
    lent, back = QCoreApplication.translate("ReportCharts", "借出"), QCoreApplication.translate("ReportCharts", "归还")
    series.append(_bar_set(lent, [m.loans for m in parts.months], BLUE))
    series.append(_bar_set(back, [m.returns for m in parts.months], ORANGE))
    top = max([m.loans for m in parts.months] + [m.returns for m in parts.months] + [0])
    labels = [f"{m.month}" if len(parts.months) <= 12 else f"{m.year % 100:02d}-{m.month:02d}" for m in parts.months]
    _with_axes(chart, series, labels, top)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def classes_chart(parts: Breakdowns) -> QChart:
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("ReportCharts", "各大类藏书（册）"))
    series = QBarSeries()
    volumes = QCoreApplication.translate("ReportCharts", "册数")
    series.append(_bar_set(volumes, [row.volumes for row in parts.classes], BLUE))
    _with_axes(chart, series, [row.key for row in parts.classes], max([r.volumes for r in parts.classes] + [0]))
    chart.legend().hide()
    return chart


def topics_chart(parts: Breakdowns) -> QChart:
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("ReportCharts", "优先配备类别（册）"))
    series = QPieSeries()
    series.setPieSize(0.6)  # room for the labels around it
    for row in parts.topics:
        if row.volumes:
            piece = series.append(f"{vocab.label(vocab.TOPICS, row.key)} {row.volumes}", row.volumes)
            piece.setLabelVisible(True)
    chart.addSeries(series)
    chart.legend().hide()
    return chart


def departments_chart(parts: Breakdowns) -> QChart:
    """Registered readers and loans of the departments that borrowed most."""
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("ReportCharts", "各部门读者与借阅"))
    rows = list(reversed(parts.departments[:MOST_DEPARTMENTS]))  # the first at the top
    series = QHorizontalBarSeries()
    readers = QCoreApplication.translate("ReportCharts", "登记读者（人）")
    loans = QCoreApplication.translate("ReportCharts", "借出（册次）")
    series.append(_bar_set(readers, [r.readers for r in rows], ORANGE))
    series.append(_bar_set(loans, [r.loans for r in rows], BLUE))
    top = max([r.readers for r in rows] + [r.loans for r in rows] + [0])
    _with_axes(chart, series, [_short(r.department) for r in rows], top, horizontal=True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _short(text: str, limit: int = 10) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
