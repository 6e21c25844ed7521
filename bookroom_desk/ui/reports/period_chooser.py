"""Choosing the period of the figures: a year, a quarter of a year, or a date range."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.periods import QUARTER, RANGE, YEAR, Period


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class PeriodChooser(QWidget):
    """年度 / 季度 / 自定义; emits ``periodChanged(Period)`` whenever a valid choice is made."""

    periodChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = clock.today()
        self.kind = QComboBox(self)
        self.kind.setObjectName("periodKind")
        for code, text in ((YEAR, self.tr("年度")), (QUARTER, self.tr("季度")), (RANGE, self.tr("自定义日期"))):
            self.kind.addItem(text, code)
        self.year = QSpinBox(self)
        self.year.setObjectName("periodYear")
        self.year.setRange(1990, 2200)
        self.year.setValue(today.year)
        self.year.setKeyboardTracking(False)  # count once the year is typed, not at every digit
        self.quarter = QComboBox(self)
        self.quarter.setObjectName("periodQuarter")
        for number in range(1, 5):
            self.quarter.addItem(self.tr("第{n}季度").format(n=number), number)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.start = QDateEdit(_qdate(dt.date(today.year, 1, 1)), self)
        self.start.setObjectName("periodFrom")
        self.end = QDateEdit(_qdate(today), self)
        self.end.setObjectName("periodTo")
        for edit in (self.start, self.end):
            edit.setKeyboardTracking(False)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.to_label = QLabel(self.tr("至"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("统计期间："), self)
        for widget in (label, self.kind, self.year, self.quarter, self.start, self.to_label, self.end):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(self._changed)
        self.quarter.currentIndexChanged.connect(self._changed)
        self.start.dateChanged.connect(self._changed)
        self.end.dateChanged.connect(self._changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.year.setVisible(kind != RANGE)
        self.quarter.setVisible(kind == QUARTER)
        for widget in (self.start, self.to_label, self.end):
            widget.setVisible(kind == RANGE)
        self._changed()

    def _changed(self) -> None:
        period = self.period()
        if period is not None:
            self.periodChanged.emit(period)

    def period(self) -> Period | None:
        """The chosen period, or None while the range is backwards."""
        kind = self.kind.currentData()
        try:
            if kind == YEAR:
                return Period.year(self.year.value())
            if kind == QUARTER:
                return Period.quarter(self.year.value(), self.quarter.currentData())
            return Period.between(_date(self.start.date()), _date(self.end.date()))
        except BookroomError:
            return None

    def set_period(self, period: Period) -> None:
        """Show ``period`` (emits once)."""
        widgets = (self.kind, self.year, self.quarter, self.start, self.end)
        for widget in widgets:
            widget.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(period.kind))
        self.year.setValue(period.start.year)
        self.quarter.setCurrentIndex((period.start.month - 1) // 3)
        self.start.setDate(_qdate(period.start))
        self.end.setDate(_qdate(period.end))
        for widget in widgets:
            widget.blockSignals(False)
        self._kind_changed()
