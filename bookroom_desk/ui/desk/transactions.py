"""This session's transactions at the desk, newest on top."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from bookroom_desk.services.circulation.results import ScanResult
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.ui.widgets.format import fmt_date
from bookroom_desk.ui.widgets.scan_tone import look

ACTIONS = {
    "reader": QT_TRANSLATE_NOOP("TransactionList", "读者"),
    "lent": QT_TRANSLATE_NOOP("TransactionList", "借出"),
    "returned": QT_TRANSLATE_NOOP("TransactionList", "归还"),
    "found": QT_TRANSLATE_NOOP("TransactionList", "找回"),
    "same": QT_TRANSLATE_NOOP("TransactionList", "提示"),
    "renewed": QT_TRANSLATE_NOOP("TransactionList", "续借"),
    "refused": QT_TRANSLATE_NOOP("TransactionList", "拒绝"),
    "choose": QT_TRANSLATE_NOOP("TransactionList", "选择"),
    "reinstated": QT_TRANSLATE_NOOP("TransactionList", "恢复入藏"),
    "undone": QT_TRANSLATE_NOOP("TransactionList", "撤销"),
    "shelf": QT_TRANSLATE_NOOP("TransactionList", "开始上架"),
    "shelved": QT_TRANSLATE_NOOP("TransactionList", "上架"),
    "reading": QT_TRANSLATE_NOOP("TransactionList", "开始阅览登记"),
    "read": QT_TRANSLATE_NOOP("TransactionList", "阅览"),
    "visits": QT_TRANSLATE_NOOP("TransactionList", "开始入馆登记"),
    "visit": QT_TRANSLATE_NOOP("TransactionList", "入馆"),
    "held": QT_TRANSLATE_NOOP("TransactionList", "预约"),
}
COLOURS = {"ok": "#1b5e20", "warn": "#8d6e00", "error": "#b71c1c"}
#: The list keeps this many lines; older ones fall off the bottom.
KEEP = 500


class TransactionList(QTableWidget):
    """Time, action, barcode, title, reader and the message of each result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("transactionList")
        self.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作"), self.tr("条码"), self.tr("书名"),
                                        self.tr("读者"), self.tr("结果")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.horizontalHeader()
        # time, action, barcode and reader as wide as their usual content in this language, measured once;
        # the title and the result share the rest, cut with "…" and whole in their tooltips
        actions = [QCoreApplication.translate("TransactionList", text) for text in ACTIONS.values()]
        usual = {0: ["00:00:00"], 1: actions, 2: ["00000000000"], 4: ["欧阳晓明"]}
        metrics, pad = self.fontMetrics(), 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 8
        self._natural: dict[int, int] = {}  # the fixed columns' widths when there is room for them
        for column, samples in usual.items():
            heading = self.horizontalHeaderItem(column).text()
            self._natural[column] = max(metrics.horizontalAdvance(text) for text in [*samples, heading]) + pad
            self.setColumnWidth(column, self._natural[column])
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        for column in (3, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(metrics.horizontalAdvance("0") * 3)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Too narrow for every column at its usual width (a long translation, a small screen): the fixed
        columns give way in proportion, so the title and the result keep some room and none is off the edge."""
        super().resizeEvent(event)
        keep = 2 * max(self.horizontalHeader().minimumSectionSize(), self.fontMetrics().horizontalAdvance("0") * 8)
        total = sum(self._natural.values())
        room = self.maximumViewportSize().width() - (self.verticalScrollBar().sizeHint().width()
                                                     if self.verticalScrollBar().isVisible() else 0)
        scale = min(1.0, max(0.0, room - keep) / total) if total else 1.0
        for column, width in self._natural.items():
            self.setColumnWidth(column, max(self.horizontalHeader().minimumSectionSize(), int(width * scale)))

    def add(self, result: ScanResult) -> None:
        if result.action in ("closed", "hint") or result.action == "reader" and result.tone is Tone.OK:
            return  # opening a reader is shown in the reader panel, not a transaction
        self.insertRow(0)
        action = QCoreApplication.translate("TransactionList", ACTIONS.get(result.action, result.action))
        values = (clock.now().strftime("%H:%M:%S"), action, result.code, result.title, result.reader_name,
                  result.message(fmt_date))
        colour = QBrush(QColor(COLOURS[look(result.tone)]))
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setForeground(colour)
            item.setToolTip(value)
            self.setItem(0, column, item)
        if self.rowCount() > KEEP:
            self.removeRow(self.rowCount() - 1)

    def actions(self) -> list[str]:
        """The action column, newest first (for tests and the status line)."""
        return [self.item(row, 1).text() for row in range(self.rowCount())]
