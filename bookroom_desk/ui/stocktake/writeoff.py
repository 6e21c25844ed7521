"""Write off (剔除, reason 盘点缺失) the copies still missing after the grace period, in one confirmed step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.stocktake.finish import grace_days, write_off, write_off_candidates
from bookroom_desk.services.upkeep import backups
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.stocktake.tables import fix_columns
from bookroom_desk.ui.widgets.format import fmt_date, fmt_int


class WriteOffDialog(QDialog):
    """Lists the copies that may be written off; the one button writes them all off together."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("stocktakeWriteOffDialog")
        self.setWindowTitle(self.tr("核销长期缺失的图书"))
        self.resize(720, 480)
        with ctx.read() as session:
            self.candidates = write_off_candidates(session)
            days = grace_days(session)
        self.explain = QLabel(self)
        self.explain.setObjectName("stocktakeWriteOffText")
        self.explain.setWordWrap(True)
        self.table = QTableWidget(len(self.candidates), 5, self)
        self.table.setObjectName("stocktakeWriteOffTable")
        self.table.setHorizontalHeaderLabels([self.tr("条码"), self.tr("书名"), self.tr("索书号"), self.tr("书架"),
                                              self.tr("标记缺失于")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fix_columns(self.table, (100, 260, 110, 70, 110))
        for row, (line, since) in enumerate(self.candidates):
            for column, value in enumerate((line.barcode, line.title, line.call_number, line.home_shelf,
                                            fmt_date(since) if since else self.tr("（未记录）"))):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.buttons = QDialogButtonBox(self)
        self.confirm = self.buttons.addButton(self.tr("核销这 {n} 册").format(n=fmt_int(len(self.candidates))),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("stocktakeWriteOffConfirm")
        self.confirm.setEnabled(bool(self.candidates))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setObjectName("stocktakeWriteOffError")
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        if self.candidates:
            self.explain.setText(self.tr(
                "以下 {n} 册在盘点中标记为“缺失”已超过 {days} 天（等待期可在设置中修改）。核销后它们改为“剔除”，原因“盘点缺失”，"
                "不再计入藏书。此操作只应由管理员执行。").format(n=fmt_int(len(self.candidates)), days=fmt_int(days)))
        else:
            self.explain.setText(self.tr("没有缺失超过 {days} 天的图书，无需核销。").format(days=fmt_int(days)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.written_off = 0

    def apply(self) -> None:
        try:
            with self.ctx.write() as session:
                backups.before_bulk(session, "writeoff")
                self.written_off = write_off(session, [line.copy_id for line, _ in self.candidates],
                                             actor=self.ctx.actor)
        except BookroomError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
