"""Pieces the room-work tabs share: forms that show refusals beside the field, plain tables, periods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork.checks import typed_count, typed_date
from bookroom_desk.ui.widgets.columns import fit_columns, refit_columns
from bookroom_desk.ui.widgets.format import fmt_date

ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"
DATE_HINT = QT_TRANSLATE_NOOP("RoomWork", "例如 2026-11-24")
WHOLE_YEAR = QT_TRANSLATE_NOOP("RoomWork", "全年")
QUARTER = QT_TRANSLATE_NOOP("RoomWork", "第{n}季度")


def tr(text: str) -> str:
    return QCoreApplication.translate("RoomWork", text)


def button(parent: QWidget, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.clicked.connect(slot)
    return widget


class FieldForm(QWidget):
    """A form whose refusals show next to the field they concern; what was typed is kept."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.errors: dict[str, QLabel] = {}
        self.message = QLabel(self)
        self.message.setObjectName(f"{prefix}Message")
        self.message.setWordWrap(True)

    def add(self, key: str, title: str, widget: QWidget) -> QWidget:
        widget.setObjectName(f"{self.prefix}_{key}")
        error = QLabel(self)
        error.setObjectName(f"{self.prefix}_{key}_error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        row = QHBoxLayout()
        row.addWidget(widget, 3)
        row.addWidget(error, 2)
        self.errors[key] = error
        self.form.addRow(title, row)
        return widget

    def finish(self, *buttons: tuple[str, str, Callable[[], object]]) -> None:
        """Close the form with a row of buttons, each (objectName, text, slot), and the message line."""
        row = QHBoxLayout()
        for name, text, slot in buttons:
            row.addWidget(button(self, name, text, slot))
        row.addStretch(1)
        self.form.addRow(row)
        self.form.addRow(self.message)

    def clear(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.message.clear()

    def refuse(self, exc: BookroomError) -> None:
        """Show ``exc`` beside its field (``field`` in its params) or below the form."""
        self.clear()
        label = self.errors.get(exc.params.get("field", ""))
        if label is None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(exc.message)
        else:
            label.setText(exc.message)
            label.show()

    def done(self, text: str) -> None:
        self.clear()
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(text)


def date_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(tr(DATE_HINT))
    return edit


def set_date(edit: QLineEdit, value: dt.date | None) -> None:
    edit.setText(value.isoformat() if value else "")


def read_date(edit: QLineEdit, key: str, title: str) -> dt.date:
    return typed_date(edit.text(), key, title)


def read_count(edit: QLineEdit, key: str, title: str) -> int:
    return typed_count(edit.text(), key, title)


def fill_combo(combo: QComboBox, vocabulary: dict[str, str]) -> None:
    for code, label in vocabulary.items():
        combo.addItem(QCoreApplication.translate("vocab", label), code)


def make_table(parent: QWidget, name: str, headers: list[str], stretch: int | None = None,
               wrap: bool = False) -> QTableWidget:
    """A read-only, row-selecting table whose columns fit their header and usual text, the main text column
    ``stretch`` (if any) taking the room left; a cell cut anyway shows its whole text as tooltip. With
    ``wrap`` long texts wrap and each row is as tall as its text."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    fit_columns(table, stretch, wrap)
    return table


def fill_table(table: QTableWidget, rows: list[tuple], keys: list | None = None) -> None:
    """Replace the rows; ``keys[i]`` is kept on row i (read it with :func:`selected_key`)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = fmt_date(value) if isinstance(value, dt.date) else str(value)
            item = QTableWidgetItem(text)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0 and keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)
    refit_columns(table)


def selected_key(table: QTableWidget):
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item else None


def select_key(table: QTableWidget, key) -> None:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item and item.data(Qt.ItemDataRole.UserRole) == key:
            table.selectRow(row)
            return


def year_spin(parent: QWidget, name: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(1990, 2200)
    spin.setValue(clock.today().year)
    return spin


class PeriodPicker(QWidget):
    """A year and 全年 or one of its quarters."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = year_spin(self, f"{name}Year")
        self.part = QComboBox(self)
        self.part.setObjectName(f"{name}Part")
        self.part.addItem(tr(WHOLE_YEAR), 0)
        for quarter in range(1, 5):
            self.part.addItem(tr(QUARTER).format(n=quarter), quarter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.year)
        layout.addWidget(self.part)

    def period(self) -> Period:
        quarter = self.part.currentData()
        return Period.quarter(self.year.value(), quarter) if quarter else Period.year(self.year.value())

    def connect(self, slot) -> None:
        self.year.valueChanged.connect(lambda _v: slot())
        self.part.currentIndexChanged.connect(lambda _i: slot())


def year_list_beside(tab: QWidget, year: QSpinBox, summary: QLabel, table: QTableWidget,
                     side: list[tuple[QWidget, int]]) -> None:
    """Lay ``tab`` out: the year and its summary over the list on the left, ``side`` (widget, stretch) on the right."""
    tools = QHBoxLayout()
    tools.addWidget(QLabel(QCoreApplication.translate("RoomWork", "年份"), tab))
    tools.addWidget(year)
    tools.addWidget(summary, 1)
    left = QWidget(tab)
    column = QVBoxLayout(left)
    column.setContentsMargins(0, 0, 0, 0)
    column.addLayout(tools)
    column.addWidget(table, 1)
    right = QWidget(tab)
    column = QVBoxLayout(right)
    column.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in side:
        column.addWidget(widget, stretch)
    splitter = QSplitter(tab)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setSizes([560, 440])
    QVBoxLayout(tab).addWidget(splitter)
