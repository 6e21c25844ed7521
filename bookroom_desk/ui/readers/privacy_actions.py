"""A reader's data on request (administrators): export it to a JSON file, or erase it keeping the statistics."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.access import privacy
from bookroom_desk.services.readers import records
from bookroom_desk.ui.context import AppContext


class PrivacyActions(QWidget):
    """导出个人信息 and 删除个人信息 for the reader shown; ``done(text, error)`` reports the outcome."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, report=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reader_id: int | None = None
        self.report = report or (lambda text, error: None)
        self.export_button = QPushButton(self.tr("导出个人信息…"), self)
        self.export_button.setObjectName("readerExportButton")
        self.erase_button = QPushButton(self.tr("删除个人信息…"), self)
        self.erase_button.setObjectName("readerEraseButton")
        self.export_button.clicked.connect(lambda: self.ask_export())
        self.erase_button.clicked.connect(lambda: self.erase())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.export_button)
        layout.addWidget(self.erase_button)
        layout.addStretch(1)
        self.show_reader(None)

    def show_reader(self, reader_id: int | None) -> None:
        self.reader_id = reader_id
        for button in (self.export_button, self.erase_button):
            button.setEnabled(reader_id is not None)

    def _card(self) -> str:
        with self.ctx.read() as session:
            return records.get_reader(session, self.reader_id).card

    def ask_export(self) -> None:
        card = self._card()
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("导出读者个人信息"), f"{card}.json", "JSON (*.json)")
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        try:
            with self.ctx.write() as session:
                privacy.export_reader(session, self._card(), path, actor=self.ctx.actor)
        except BookroomError as exc:
            self.report(exc.message, True)
            return
        self.report(self.tr("已导出到 {path}").format(path=str(path)), False)

    def erase(self, confirm: bool = True) -> None:
        card = self._card()
        if confirm and QMessageBox.question(
                self, self.tr("删除个人信息"),
                self.tr("删除读者证 {card} 的姓名、工号、手机和备注，并把他的借阅记录匿名化？统计数字不变；此操作不能撤销。")
                .format(card=card)) != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.ctx.write() as session:
                count = privacy.erase_reader(session, card, actor=self.ctx.actor)
        except BookroomError as exc:
            self.report(exc.message, True)
            return
        self.report(self.tr("已删除读者证 {card} 的个人信息，{count} 笔借阅记录已匿名化。").format(card=card, count=count), False)
