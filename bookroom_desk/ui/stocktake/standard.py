"""Where the room stands against the 3,000-volume standard, now and if the missing copies were written off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from bookroom_desk.services.stocktake.results import Outlook
from bookroom_desk.ui.widgets.format import fmt_int

GOOD, SHORT = "#2e7d32", "#c62828"


class StandardPanel(QFrame):
    """Holdings counted toward the minimum (books and periodicals apart), margin or shortfall, and after write-off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stocktakeStandard")
        self.setStyleSheet("#stocktakeStandard { background: #f5f7fa; border: 1px solid #d0d7e2; border-radius: 4px; }")
        self.now = QLabel(self)
        self.now.setObjectName("stocktakeStandardNow")
        self.after = QLabel(self)
        self.after.setObjectName("stocktakeStandardAfter")
        for label in (self.now, self.after):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.now)
        layout.addWidget(self.after)

    def _versus(self, volumes: int, minimum: int) -> str:
        if volumes >= minimum:
            return self.tr("超出标准 {n} 册").format(n=fmt_int(volumes - minimum))
        return self.tr("距标准尚差 {n} 册").format(n=fmt_int(minimum - volumes))

    def show_outlook(self, outlook: Outlook, during: bool = False) -> None:
        """Show ``outlook``; ``during``: its missing copies include those a stocktake has not found yet."""
        s = outlook.standard
        self.now.setText(self.tr("计入 {minimum} 册标准的藏书：{volumes} 册（图书 {books}，报刊 {periodicals}），{versus}。")
                         .format(minimum=fmt_int(s.minimum), volumes=fmt_int(s.volumes), books=fmt_int(s.books),
                                 periodicals=fmt_int(s.periodicals), versus=self._versus(s.volumes, s.minimum)))
        self.now.setStyleSheet(f"color: {GOOD if s.met else SHORT}; font-weight: bold;")
        after = outlook.after
        if outlook.missing:
            text = (self.tr("若核销本次盘点尚未找到的 {missing} 册（图书 {mb}，报刊 {mp}）："
                            "剩 {volumes} 册（图书 {books}，报刊 {periodicals}），{versus}。")
                    if during else
                    self.tr("若核销标记为缺失的 {missing} 册（图书 {mb}，报刊 {mp}）："
                            "剩 {volumes} 册（图书 {books}，报刊 {periodicals}），{versus}。"))
            self.after.setText(text.format(
                missing=fmt_int(outlook.missing), mb=fmt_int(outlook.missing_books),
                mp=fmt_int(outlook.missing_periodicals), volumes=fmt_int(after.volumes), books=fmt_int(after.books),
                periodicals=fmt_int(after.periodicals), versus=self._versus(after.volumes, after.minimum)))
            self.after.setStyleSheet(f"color: {GOOD if after.met else SHORT};")
        else:
            self.after.setText(self.tr("没有缺失的图书，核销不会减少藏书。"))
            self.after.setStyleSheet("color: #555;")
