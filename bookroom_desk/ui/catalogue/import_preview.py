"""The import preview's table model: each data row with its values, copies and problems (bad rows red)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor

from bookroom_desk.services.catalogue.book_import import RowPreview
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
        return "；".join(f"{p.column}：{p.message}" for p in row.problems)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and row.problems:
            return QBrush(BAD)
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return self.problems_text(row)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return str(row.row)
        if column == 1:
            return self.problems_text(row)
        if column - 2 < len(FIELDS):
            return row.values.get(FIELDS[column - 2], "")
        return str(row.quantity) if not row.problems else ""
