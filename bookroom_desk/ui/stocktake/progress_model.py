"""The progress table: one line per shelf in scope (expected, scanned, still to find), updated scan by scan."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from bookroom_desk.services.stocktake.counting import ScanOutcome
from bookroom_desk.services.stocktake.results import StocktakeProgress
from bookroom_desk.ui.widgets.format import fmt_int

HEADERS = (
    QT_TRANSLATE_NOOP("ProgressModel", "书架"),
    QT_TRANSLATE_NOOP("ProgressModel", "名称"),
    QT_TRANSLATE_NOOP("ProgressModel", "应在架"),
    QT_TRANSLATE_NOOP("ProgressModel", "已扫描"),
    QT_TRANSLATE_NOOP("ProgressModel", "未找到"),
)
NO_SHELF = QT_TRANSLATE_NOOP("ProgressModel", "（未分架）")


class ProgressModel(QAbstractTableModel):
    """Shows a :class:`StocktakeProgress`; :meth:`apply` changes only the lines one scan touched."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.progress = StocktakeProgress()
        self.current: int | None = None  # the current shelf, shown in bold

    def reset(self, progress: StocktakeProgress, current: int | None = None) -> None:
        self.beginResetModel()
        self.progress = progress
        self.current = current
        self.endResetModel()

    def apply(self, outcome: ScanOutcome) -> None:
        changed = set(self.progress.apply(outcome))
        if outcome.kind == "shelf" or outcome.shelf_id != self.current:
            changed |= {self.current, outcome.shelf_id}
            self.current = outcome.shelf_id
        for shelf_id in changed:
            row = self.progress.row_of(shelf_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.progress.shelves)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ProgressModel", HEADERS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.progress.shelves[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return line.code or QCoreApplication.translate("ProgressModel", NO_SHELF)
            if column == 1:
                return line.name if line.name != line.code else ""
            return fmt_int((line.expected, line.scanned, line.remaining)[column - 2])
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and line.shelf_id is not None and line.shelf_id == self.current:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and line.shelf_id is not None and line.shelf_id == self.current:
            return QBrush(QColor("#e3f2fd"))
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and line.remaining == 0 and line.expected:
            return QBrush(QColor("#2e7d32"))
        return None
