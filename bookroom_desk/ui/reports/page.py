"""The 统计报表 page (to be filled by its issue; says what it will hold)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bookroom_desk.ui.widgets.page import PlaceholderPage

_HEADING = QT_TRANSLATE_NOOP("ReportsPage", "统计报表")
_TEXT = QT_TRANSLATE_NOOP("ReportsPage", "这里将显示书屋的各项指标与图表，生成报送上级工会的Excel统计报表，并可汇总多个书屋的报表。")


class ReportsPage(PlaceholderPage):
    """统计报表: placeholder until its capability lands."""

    def __init__(self, ctx, parent=None) -> None:
        self.heading = QCoreApplication.translate("ReportsPage", _HEADING)
        self.description = QCoreApplication.translate("ReportsPage", _TEXT)
        super().__init__(ctx, parent)
