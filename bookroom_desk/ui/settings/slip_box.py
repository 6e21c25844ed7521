"""The loan slip in 设置: which paper it is printed on, whether the desk prints one after every lending visit, and
whether it prints a hold slip (预约条) whenever a copy checked in is kept for a hold."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import settings
from bookroom_desk.ui.context import AppContext


class SlipBox(QGroupBox):
    """借阅凭条: kept in the room's settings, so every desk of the room prints alike."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("借阅凭条"), parent)
        self.ctx = ctx
        self.page = QComboBox(self)
        self.page.setObjectName("slipPageCombo")
        for text, value in ((self.tr("A5 纸"), "a5"), (self.tr("58 毫米小票"), "receipt58"),
                            (self.tr("80 毫米小票"), "receipt80")):
            self.page.addItem(text, value)
        self.after_loans = QCheckBox(self.tr("每次借书后打印凭条（关闭读者时打印本次所借的书）"), self)
        self.after_loans.setObjectName("slipAfterLoansCheck")
        self.on_hold = QCheckBox(self.tr("每次预约到书时打印预约条"), self)
        self.on_hold.setObjectName("holdSlipOnReadyCheck")
        self.on_hold.setToolTip(self.tr("还回的书留给预约的读者时，扫码台立即打印夹在书里的预约条。"))
        self.message = QLabel(self)
        self.message.setObjectName("slipMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)  # two settings of a line each: one row would be too wide at 1024 px in English
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("纸张"), self))
        row.addWidget(self.page)
        row.addWidget(self.after_loans)
        row.addWidget(self.message, 1)
        layout.addLayout(row)
        layout.addWidget(self.on_hold)
        self.page.currentIndexChanged.connect(lambda _index: self.save())
        self.after_loans.toggled.connect(lambda _checked: self.save())
        self.on_hold.toggled.connect(lambda _checked: self.save())

    def load(self) -> None:
        with self.ctx.read() as session:
            page = settings.get(session, settings.SLIP_PAGE)
            after_loans = settings.get(session, settings.SLIP_AFTER_LOANS)
            on_hold = settings.get(session, settings.HOLD_SLIP_ON_READY)
        for widget in (self.page, self.after_loans, self.on_hold):
            widget.blockSignals(True)
        self.page.setCurrentIndex(max(0, self.page.findData(page)))
        self.after_loans.setChecked(after_loans)
        self.on_hold.setChecked(on_hold)
        for widget in (self.page, self.after_loans, self.on_hold):
            widget.blockSignals(False)
        self.message.setText("")

    def save(self) -> None:
        try:
            with self.ctx.write() as session:
                settings.set_value(session, settings.SLIP_PAGE, self.page.currentData(), actor=self.ctx.actor)
                settings.set_value(session, settings.SLIP_AFTER_LOANS, self.after_loans.isChecked(),
                                   actor=self.ctx.actor)
                settings.set_value(session, settings.HOLD_SLIP_ON_READY, self.on_hold.isChecked(), actor=self.ctx.actor)
        except BookroomError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText("")
