"""The 书屋工作 page: activities, the reading plan, volunteers and duty, reading groups, reading stars,
the room's records, the 十有 self-check, the head counts of visitors (到馆人数) and the opening calendar, one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from bookroom_desk.ui.activities.activities_tab import ActivitiesTab
from bookroom_desk.ui.activities.calendar_tab import CalendarTab
from bookroom_desk.ui.activities.groups_tab import GroupsTab
from bookroom_desk.ui.activities.plan_tab import PlanTab
from bookroom_desk.ui.activities.records_tab import RecordsTab
from bookroom_desk.ui.activities.selfcheck_tab import SelfCheckTab
from bookroom_desk.ui.activities.stars_tab import StarsTab
from bookroom_desk.ui.activities.visits_tab import VisitsTab
from bookroom_desk.ui.activities.volunteers_tab import VolunteersTab
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.page import Page
from bookroom_desk.ui.widgets.scrolling import scrolling


class RoomWorkPage(Page):
    """书屋工作: the records the Measures judge a room by; the shown tab refreshes when data changes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.activities = ActivitiesTab(ctx, self)
        self.plan = PlanTab(ctx, self)
        self.volunteers = VolunteersTab(ctx, self)
        self.groups = GroupsTab(ctx, self)
        self.stars = StarsTab(ctx, self)
        self.records = RecordsTab(ctx, self)
        self.self_check = SelfCheckTab(ctx, self)
        self.visits = VisitsTab(ctx, self)
        self.calendar = CalendarTab(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("roomWorkTabs")
        for tab, name, title in (
                (self.activities, "activitiesTab", self.tr("阅读活动")), (self.plan, "planTab", self.tr("年度计划")),
                (self.volunteers, "volunteersTab", self.tr("志愿者与值班")), (self.groups, "groupsTab", self.tr("读书会")),
                (self.stars, "starsTab", self.tr("阅读之星")), (self.records, "recordsTab", self.tr("书屋档案")),
                (self.self_check, "selfCheckTab", self.tr("十有自查")), (self.visits, "visitsTab", self.tr("到馆人数")),
                (self.calendar, "calendarTab", self.tr("开放日历"))):
            tab.setObjectName(name)
            self.tabs.addTab(scrolling(tab), title)
        self.tabs.currentChanged.connect(lambda _i: self._opened())
        ctx.dataChanged.connect(self._data_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def activated(self) -> None:
        self._opened()

    def _opened(self) -> None:
        self.refresh_current()
        if self._current() is self.volunteers:
            self.volunteers.duty.scan.setFocus()  # ready for a volunteer's card

    def _data_changed(self) -> None:
        # Tabs other than the one shown refresh when next opened; the records form is not
        # reloaded under the user's typing.
        if self.isVisible() and self._current() is not self.records:
            self.refresh_current()

    def refresh_current(self) -> None:
        self._current().refresh()

    def show_tab(self, tab: QWidget) -> None:
        """Open ``tab`` (one of the page's tabs, each held in its scroll area)."""
        self.tabs.setCurrentIndex(next(i for i in range(self.tabs.count()) if self.tabs.widget(i).widget() is tab))

    def _current(self):
        return self.tabs.currentWidget().widget()  # the tab inside its scroll area
