"""Access and privacy on the settings page (administrators): idle lock, loan history kept, the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.access import accounts, privacy
from bookroom_desk.services.common import settings
from bookroom_desk.ui.context import AppContext


class PrivacyBox(QGroupBox):
    """锁定与隐私: the room's idle lock and how long loan history keeps readers' names."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("锁定与隐私"), parent)
        self.ctx = ctx
        self.setObjectName("privacyBox")
        self.lock_minutes = QSpinBox(self)
        self.lock_minutes.setObjectName("lockMinutesSpin")
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSpecialValueText(self.tr("不自动锁定"))
        self.lock_minutes.setSuffix(self.tr(" 分钟"))
        self.years = QSpinBox(self)
        self.years.setObjectName("historyYearsSpin")
        self.years.setRange(0, 30)
        self.years.setSpecialValueText(self.tr("一直保留"))
        self.years.setSuffix(self.tr(" 年"))
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("savePrivacyButton")
        self.save_button.clicked.connect(self.save)
        self.anonymise_button = QPushButton(self.tr("立即匿名化"), self)
        self.anonymise_button.setObjectName("anonymiseButton")
        self.anonymise_button.clicked.connect(self.anonymise)
        self.audit_button = QPushButton(self.tr("操作记录…"), self)
        self.audit_button.setObjectName("auditButton")
        self.audit_button.clicked.connect(self.open_audit)
        self.pending = QLabel(self)
        self.pending.setObjectName("anonymisePending")
        self.message = QLabel(self)
        self.message.setObjectName("privacyMessage")
        self.message.setWordWrap(True)
        for button in (self.save_button, self.anonymise_button, self.audit_button):
            button.setAutoDefault(False)
        form = QFormLayout(self)
        form.addRow(self.tr("无操作多久后锁定"), self.lock_minutes)
        form.addRow(self.tr("借阅记录保留"), self.years)
        note = QLabel(self.tr("超过保留年数的整年借阅记录可以匿名化：去掉读者身份，只留部门，各项统计数字不变。"), self)
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.pending)
        row = QHBoxLayout()
        for button in (self.save_button, self.anonymise_button, self.audit_button):
            row.addWidget(button)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.message)
        self.dialog = None

    def load(self) -> None:
        with self.ctx.read() as session:
            self.lock_minutes.setValue(accounts.lock_minutes(session))
            self.years.setValue(privacy.history_years(session))
            pending = privacy.pending_count(session)
        self.pending.setText(self.tr("现在可匿名化的借阅记录：{count} 笔").format(count=pending))
        self.anonymise_button.setEnabled(pending > 0)

    def _result(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.message.setText(text)

    def save(self) -> None:
        try:
            with self.ctx.write() as session:
                settings.set_value(session, accounts.LOCK_MINUTES, self.lock_minutes.value(), actor=self.ctx.actor)
                settings.set_value(session, privacy.HISTORY_YEARS, self.years.value(), actor=self.ctx.actor)
        except BookroomError as exc:
            self._result(exc.message, True)
            return
        self.load()
        self._result(self.tr("已保存。自动锁定在下次登录后生效。"))

    def anonymise(self) -> None:
        try:
            with self.ctx.write() as session:
                count = privacy.anonymise_old_loans(session, actor=self.ctx.actor)
        except BookroomError as exc:
            self._result(exc.message, True)
            return
        self.load()
        self._result(self.tr("已匿名化 {count} 笔借阅记录。").format(count=count))

    def open_audit(self):
        from bookroom_desk.ui.access.audit_dialog import AuditDialog

        self.dialog = AuditDialog(self.ctx, self)
        self.dialog.open()
        return self.dialog
