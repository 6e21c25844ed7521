"""The import preview's table model: each data row with its values, copies and problems (bad rows red).

A value cell of a mapped column can be edited: the model only says so (``cellEdited``); the wizard puts
the text into the file's table and checks the whole table again.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from bookroom_desk.services.catalogue.book_import import RowPreview
from bookroom_desk.text import join_phrases, labelled
from bookroom_desk.ui.catalogue.columns_model import ColumnsModel

FIELDS = ("isbn", "title", "author", "clc", "call_number", "barcode", "shelf")
COLUMNS = (  # header, width; the problems come first so they are seen without scrolling
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "行号"), 50), (QT_TRANSLATE_NOOP("ImportPreviewModel", "问题"), 300),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "ISBN"), 115),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "书名"), 180), (QT_TRANSLATE_NOOP("ImportPreviewModel", "著者"), 90),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "分类号"), 70), (QT_TRANSLATE_NOOP("ImportPreviewModel", "索书号"), 85),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "条码号"), 110), (QT_TRANSLATE_NOOP("ImportPreviewModel", "书架"), 60),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "册数"), 50),
)
BAD = QColor("#fde0dc")


class ImportPreviewModel(ColumnsModel):
    """Rows of an import plan; ``only_problems`` hides the good ones."""

    CONTEXT = "ImportPreviewModel"
    COLUMNS = COLUMNS
    cellEdited = Signal(int, str, str)  # file row number, field, new text

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.all: list[RowPreview] = []
        self.rows: list[RowPreview] = []
        self.only_problems = False

    def set_rows(self, rows: list[RowPreview]) -> None:
        self.beginResetModel()
        self.all = rows
        self.rows = [r for r in rows if r.problems] if self.only_problems else list(rows)
        self.endResetModel()

    def set_only_problems(self, value: bool) -> None:
        self.only_problems = value
        self.set_rows(self.all)

    def problems_text(self, row: RowPreview) -> str:
        return join_phrases(labelled(p.column, p.message) for p in row.problems)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and row.problems:
            return QBrush(BAD)
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return self.problems_text(row)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == 0:
            return str(row.row)
        if column == 1:
            return self.problems_text(row)
        if column - 2 < len(FIELDS):
            return row.values.get(FIELDS[column - 2], "")
        return str(row.quantity) if not row.problems else ""


    def field_at(self, index) -> str | None:
        """The field an editable cell holds (a mapped column of the file), else None."""
        column = index.column() - 2
        if not index.isValid() or not 0 <= column < len(FIELDS):
            return None
        name = FIELDS[column]
        return name if any(field == name for field, _ in self.rows[index.row()].columns) else None

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if self.field_at(index) else flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        name = self.field_at(index)
        if role != Qt.ItemDataRole.EditRole or name is None:
            return False
        row = self.rows[index.row()]
        text = str(value)
        if text.strip() == row.values.get(name, "").strip():
            return False
        self.cellEdited.emit(row.row, name, text)
        return True
