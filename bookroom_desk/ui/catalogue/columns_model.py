"""A read-only table model whose columns are (translatable header, width) pairs: the catalogue's lists share it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt


class ColumnsModel(QAbstractTableModel):
    """Rows in ``self.rows``; subclasses set ``CONTEXT`` and ``COLUMNS`` and answer ``data``."""

    CONTEXT = ""
    COLUMNS: tuple[tuple[str, int], ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section][0])
        return None

    def apply_widths(self, view) -> None:
        """Fixed widths on ``view`` (never resize-to-contents over long lists)."""
        for column, (_, width) in enumerate(self.COLUMNS):
            view.setColumnWidth(column, width)
