"""The scan desk (扫码台): one scan field for cards, copies, shelf labels and ISBNs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from bookroom_desk.services.room import missing_fields
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.page import Page


class ProfileBanner(QFrame):
    """Invites the administrator to fill in the room profile; never blocks scanning."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("profileBanner")
        self.setStyleSheet("#profileBanner { background: #fff8e1; border: 1px solid #ffcc80; border-radius: 4px; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("填写书屋信息"), self)
        self.button.setObjectName("fillProfileButton")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(lambda: ctx.navigateRequested.emit("settings"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        ctx.dataChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.read() as session:
            missing = missing_fields(session)
        self.label.setText(self.tr(
            "书屋信息尚未填写完整（还有 {n} 项）。请管理员填写书屋名称、所属工会、所在单位、地址、联系人、电话、"
            "面积、座位数、开放时间、服务职工人数、标牌、全总命名年份、数字阅读服务和借阅制度，统计报表将用到这些信息。"
        ).format(n=len(missing)))
        self.setVisible(bool(missing))


class DeskPage(Page):
    """The desk a volunteer works at; the window opens here with the cursor in ``scanInput``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.banner = ProfileBanner(ctx, self)
        self.prompt = QLabel(self.tr("请扫描读者证或图书条码"), self)
        self.prompt.setObjectName("scanPrompt")
        self.scan_input = QLineEdit(self)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setPlaceholderText(self.tr("扫码或输入条码后按回车"))
        font = QFont(self.scan_input.font())
        font.setPointSize(font.pointSize() + 8)
        self.scan_input.setFont(font)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("scanFeedback")
        self.feedback.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.banner)
        layout.addWidget(self.prompt)
        layout.addWidget(self.scan_input)
        layout.addWidget(self.feedback)
        layout.addStretch(1)

    def activated(self) -> None:
        self.banner.refresh()
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)
