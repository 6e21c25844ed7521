"""The 读者 page (to be filled by its issue; says what it will hold)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bookroom_desk.ui.widgets.page import PlaceholderPage

_HEADING = QT_TRANSLATE_NOOP("ReadersPage", "读者")
_TEXT = QT_TRANSLATE_NOOP("ReadersPage", "这里将管理读者：登记、修改、停用、离职；读者类别与借阅规则；查看读者的在借、逾期与借阅历史；导入职工名册。")


class ReadersPage(PlaceholderPage):
    """读者: placeholder until its capability lands."""

    def __init__(self, ctx, parent=None) -> None:
        self.heading = QCoreApplication.translate("ReadersPage", _HEADING)
        self.description = QCoreApplication.translate("ReadersPage", _TEXT)
        super().__init__(ctx, parent)
