"""书屋档案: the room profile (the settings page's form, reused), and how workers reach digital reading."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import settings
from bookroom_desk.services.reporting.self_check import DIGITAL_ACCESS
from bookroom_desk.ui.activities.common import ERROR_STYLE, OK_STYLE
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.settings.page import ProfileForm


class DigitalAccessBox(QGroupBox):
    """数字阅读服务: how workers get access (the platform's name is in the profile)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("数字阅读服务：职工开通方式"), parent)
        self.ctx = ctx
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("digitalAccess")
        self.text.setPlaceholderText(self.tr("例如：扫描书屋门口二维码，用工会会员卡号登录电子职工书屋"))
        self.text.setFixedHeight(70)
        self.save_button = QPushButton(self.tr("保存开通方式"), self)
        self.save_button.setObjectName("saveDigitalAccess")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(self)
        self.message.setObjectName("digitalAccessMessage")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)

    def load(self) -> None:
        with self.ctx.read() as session:
            self.text.setPlainText(settings.get(session, DIGITAL_ACCESS))
        self.message.clear()

    def save(self) -> None:
        try:
            with self.ctx.write() as session:
                settings.set_value(session, DIGITAL_ACCESS, self.text.toPlainText().strip(), actor=self.ctx.actor)
        except BookroomError as exc:  # a volunteer: room settings are administrators' work
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(exc.message)
            return
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(self.tr("已保存。"))


class RecordsTab(QWidget):
    """The room's standing records: profile, nameplate, lending rules, digital reading service."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = ProfileForm(ctx, self)
        self.access = DigitalAccessBox(ctx, self)
        intro = QLabel(self.tr("书屋名称、标牌、借阅制度和数字阅读服务是职工书屋基本标准的内容，"
                               "“十有”自查和统计报表都从这里取数。"), self)
        intro.setWordWrap(True)
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.addWidget(intro)
        column.addWidget(self.profile)
        column.addWidget(self.access)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def refresh(self) -> None:
        self.profile.load()
        self.access.load()
