"""The 藏书 page (to be filled by its issue; says what it will hold)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bookroom_desk.ui.widgets.page import PlaceholderPage

_HEADING = QT_TRANSLATE_NOOP("CataloguePage", "藏书")
_TEXT = QT_TRANSLATE_NOOP("CataloguePage", "这里将管理书目与每一册图书：按书名、著者、ISBN、拼音或条码查找；按ISBN新编书目并给出索书号；批量加册并分配条码；导入配送清单；移架、修补、剔除、遗失与恢复；书架及其分类范围；导出藏书目录。")


class CataloguePage(PlaceholderPage):
    """藏书: placeholder until its capability lands."""

    def __init__(self, ctx, parent=None) -> None:
        self.heading = QCoreApplication.translate("CataloguePage", _HEADING)
        self.description = QCoreApplication.translate("CataloguePage", _TEXT)
        super().__init__(ctx, parent)
