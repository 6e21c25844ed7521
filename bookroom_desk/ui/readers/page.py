"""The 读者 page: the readers list with each reader's page, overdue loans, holds, and reader categories."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.readers.categories_tab import CategoriesTab
from bookroom_desk.ui.readers.holds_tab import HoldsTab
from bookroom_desk.ui.readers.list_tab import ReaderListTab
from bookroom_desk.ui.readers.overdue_tab import OverdueTab
from bookroom_desk.ui.widgets.page import Page


class ReadersPage(Page):
    """读者: register and look after readers; the lists a volunteer prints."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("readersTabs")
        self.list_tab = ReaderListTab(ctx, self)
        self.overdue_tab = OverdueTab(ctx, self)
        self.holds_tab = HoldsTab(ctx, self)
        self.categories_tab = CategoriesTab(ctx, self)
        self.tabs.addTab(self.list_tab, self.tr("读者名单"))
        self.tabs.addTab(self.overdue_tab, self.tr("逾期未还"))
        self.tabs.addTab(self.holds_tab, self.tr("预约"))
        self.tabs.addTab(self.categories_tab, self.tr("读者类别与借阅规则"))
        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())
        self.list_tab.detail.hold_button.clicked.connect(self.hold_for_reader)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.tabs)
        self._stale = True
        ctx.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_current()

    def hold_for_reader(self) -> None:
        """The reader page's 预约… button: the 预约 tab, ready to place a hold for this reader."""
        self.holds_tab.for_reader(self.list_tab.detail.card)
        self.tabs.setCurrentWidget(self.holds_tab)

    def _refresh_current(self) -> None:
        self.tabs.currentWidget().refresh()

    def activated(self) -> None:
        self._refresh_current()
