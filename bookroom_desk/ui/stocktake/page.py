"""The 盘点 page (to be filled by its issue; says what it will hold)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bookroom_desk.ui.widgets.page import PlaceholderPage

_HEADING = QT_TRANSLATE_NOOP("StocktakePage", "盘点")
_TEXT = QT_TRANSLATE_NOOP("StocktakePage", "这里将进行藏书盘点：扫描书架标签与图书，逐架查看进度，核对缺失、错架与异常，确认后更新藏书；并显示与3000册达标标准的差距。")


class StocktakePage(PlaceholderPage):
    """盘点: placeholder until its capability lands."""

    def __init__(self, ctx, parent=None) -> None:
        self.heading = QCoreApplication.translate("StocktakePage", _HEADING)
        self.description = QCoreApplication.translate("StocktakePage", _TEXT)
        super().__init__(ctx, parent)
