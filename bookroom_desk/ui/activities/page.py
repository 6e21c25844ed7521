"""The 书屋工作 page (to be filled by its issue; says what it will hold)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bookroom_desk.ui.widgets.page import PlaceholderPage

_HEADING = QT_TRANSLATE_NOOP("RoomWorkPage", "书屋工作")
_TEXT = QT_TRANSLATE_NOOP("RoomWorkPage", "这里将记录阅读活动、年度阅读计划、志愿者与值班、读书会，并按“十有”标准自查。")


class RoomWorkPage(PlaceholderPage):
    """书屋工作: placeholder until its capability lands."""

    def __init__(self, ctx, parent=None) -> None:
        self.heading = QCoreApplication.translate("RoomWorkPage", _HEADING)
        self.description = QCoreApplication.translate("RoomWorkPage", _TEXT)
        super().__init__(ctx, parent)
