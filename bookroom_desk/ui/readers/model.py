"""A read-only table model over rows a service returned (a few thousand at most), with red rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

RED = QBrush(QColor("#c62828"))
GREY = QBrush(QColor("#888888"))


class RowsModel(QAbstractTableModel):
    """Rows of display strings; each row may carry a key (an id), a colour (red, grey) and a note (in its tooltips)."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[list[str]] = []
        self.keys: list[Any] = []
        self.colours: list[QBrush | None] = []
        self.notes: list[str] = []

    def set_rows(self, rows: list[list[str]], keys: list[Any] | None = None,
                 colours: list[QBrush | None] | None = None, notes: list[str] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.keys = keys if keys is not None else [None] * len(rows)
        self.colours = colours if colours is not None else [None] * len(rows)
        self.notes = notes if notes is not None else [""] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            note = self.notes[index.row()]
            text = self.rows[index.row()][index.column()]
            return f"{text}\n{note}" if note else text
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colours[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self.keys[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def key(self, row: int) -> Any:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def column(self, column: int) -> list[str]:
        return [row[column] for row in self.rows]


def table_view(parent, model: RowsModel, widths: Sequence[int], name: str, stretch: int | None = None):
    """A QTableView for ``model``: whole-row selection, fixed widths, the last column taking the room left.
    With a ``stretch`` column the widths are only a start: the columns fit their header and usual text
    (ui.widgets.columns) whenever the rows change, the ``stretch`` column takes the room left, and the table
    never scrolls sideways: a long text is cut with "…" and read whole in its tooltip."""
    from PySide6.QtWidgets import QAbstractItemView, QTableView

    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(stretch is None)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    if stretch is not None:
        from bookroom_desk.ui.widgets.columns import fit_columns, refit_columns

        fit_columns(view, stretch)
        model.modelReset.connect(lambda: refit_columns(view))
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def selected_key(view) -> Any:
    rows = view.selectionModel().selectedRows()
    return view.model().key(rows[0].row()) if rows else None


def button(parent, name: str, text: str, slot):
    """A push button with its objectName, calling ``slot`` when clicked."""
    from PySide6.QtWidgets import QPushButton

    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.clicked.connect(slot)
    return widget
