"""The 开放日历 tab: the room's weekly opening days and hours, its closed dates on a month calendar, and the
due date a loan made today gets from them.

Only administrators change it (the service refuses anyway): a volunteer sees the same widgets, read-only,
and none of the buttons that change it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError, ImportRejected
from bookroom_desk.services.circulation import calendar_import
from bookroom_desk.services.common import calendar, clock, closures, opening_week, permissions, settings
from bookroom_desk.services.readers import records
from bookroom_desk.services.roomwork import profile as room
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.readers.model import RowsModel, button, selected_key, table_view
from bookroom_desk.ui.widgets.format import date_format, fmt_date, fmt_int

CLOSED_COLOUR = QColor("#ef9a9a")
SHUT_WEEKDAY_COLOUR = QColor("#9e9e9e")
_QT_WEEKDAYS = {1: Qt.DayOfWeek.Monday, 2: Qt.DayOfWeek.Tuesday, 3: Qt.DayOfWeek.Wednesday,
                4: Qt.DayOfWeek.Thursday, 5: Qt.DayOfWeek.Friday, 6: Qt.DayOfWeek.Saturday, 7: Qt.DayOfWeek.Sunday}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class CalendarTab(QWidget):
    """Open days and hours (left), the month with its closed dates and the closures (right)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.closed: list[closures.ClosedRange] = []
        self.open_days: frozenset[int] = calendar.ALL_WEEK

        self.week_box = QGroupBox(self.tr("每周开放"), self)
        self.week_box.setObjectName("weekBox")
        grid = QGridLayout(self.week_box)
        grid.addWidget(QLabel(self.tr("开放日"), self.week_box), 0, 0)
        grid.addWidget(QLabel(self.tr("开放时间（如 11:30-13:30,17:00-19:00）"), self.week_box), 0, 1)
        self.day_checks: dict[int, QCheckBox] = {}
        self.hours_edits: dict[int, QLineEdit] = {}
        for day in range(1, 8):
            check = QCheckBox(opening_week.weekday_name(day), self.week_box)
            check.setObjectName(f"openDay{day}")
            edit = QLineEdit(self.week_box)
            edit.setObjectName(f"hoursEdit{day}")
            edit.setPlaceholderText("9:00-17:00")
            check.toggled.connect(edit.setEnabled)
            self.day_checks[day], self.hours_edits[day] = check, edit
            grid.addWidget(check, day, 0)
            grid.addWidget(edit, day, 1)
        grid.setColumnStretch(1, 1)
        self.save_week_button = button(self.week_box, "saveWeekButton", self.tr("保存开放时间"), self.save_week)
        self.week_message = self._label("weekMessage")
        row = QHBoxLayout()
        row.addWidget(self.save_week_button)
        row.addWidget(self.week_message, 1)
        grid.addLayout(row, 8, 0, 1, 2)
        self.profile_text = self._label("profileHoursText")
        grid.addWidget(self.profile_text, 9, 0, 1, 2)

        self.preview = self._label("duePreview")
        self.preview.setStyleSheet("font-weight: bold;")

        # The room setting 逾期天数只计开放日 (calendar.OVERDUE_OPEN_DAYS): saved as soon as it is clicked.
        self.overdue_check = QCheckBox(self.tr("逾期天数只计开放日"), self)
        self.overdue_check.setObjectName("overdueOpenDaysCheck")
        self.overdue_check.setToolTip(self.tr(
            "勾选：逾期天数只算应还日期之后的开放日，周五到期、下周一归还算逾期 1 天；"
            "不勾选：按日历天数计算（算 3 天）。"))
        self.overdue_check.clicked.connect(self.save_overdue_days)
        self.overdue_message = self._label("overdueMessage")

        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("closedCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMinimumSize(320, 220)
        self.calendar.setSelectedDate(_qdate(clock.today()))  # the room's today (Qt's own is the PC's clock)
        self.calendar.clicked.connect(self._day_clicked)
        self.calendar.setToolTip(self.tr("点一天，选它停馆或恢复开馆；按住 Shift 再点一天，选到那天为止。"))
        self.calendar.currentPageChanged.connect(lambda _year, _month: self._paint())

        self.closures_box = QGroupBox(self.tr("停馆日期"), self)
        self.closures_box.setObjectName("closuresBox")
        self.first_date = self._date_edit("closeFromDate")
        self.last_date = self._date_edit("closeToDate")
        self.first_date.dateChanged.connect(self._first_changed)
        self.reason = QLineEdit(self.closures_box)
        self.reason.setObjectName("closeReasonEdit")
        self.reason.setPlaceholderText(self.tr("原因，如 国庆节、盘点"))
        self.reason.setMaxLength(closures.REASON_LIMIT)
        self.close_button = button(self.closures_box, "closeDaysButton", self.tr("停馆"), self.close_days)
        self.reopen_button = button(self.closures_box, "reopenDaysButton", self.tr("恢复开馆"), self.reopen_days)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("从"), self.closures_box))
        dates.addWidget(self.first_date)
        dates.addWidget(QLabel(self.tr("至"), self.closures_box))
        dates.addWidget(self.last_date)
        dates.addWidget(self.reason, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.close_button)
        actions.addWidget(self.reopen_button)
        self.delete_button = button(self.closures_box, "deleteClosureButton", self.tr("删除所选"), self.delete_closure)
        self.import_button = button(self.closures_box, "importClosuresButton", self.tr("从列表导入…"), self.choose_list)
        self.import_button.setToolTip(self.tr(
            ".xlsx、.csv 或 .txt 文件，每行一个日期或范围：2026-10-01,国庆节 或 2026-10-01:2026-10-07,国庆节"))
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        self.model = RowsModel([self.tr("原因"), self.tr("从"), self.tr("到"), self.tr("天数")], self)
        self.table = table_view(self.closures_box, self.model, (120, 90, 90, 50), "closuresTable", stretch=0)
        self.table.setMinimumHeight(90)
        self.message = self._label("calendarMessage")
        self.problems = QListWidget(self.closures_box)
        self.problems.setObjectName("importProblems")
        self.problems.setMaximumHeight(110)
        self.problems.setWordWrap(True)  # a line is read whole, not cut at the list's edge
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.problems.hide()
        box = QVBoxLayout(self.closures_box)
        box.addLayout(dates)
        box.addLayout(actions)
        box.addWidget(self.message)
        box.addWidget(self.problems)
        box.addWidget(self.table, 1)

        left = QVBoxLayout()
        left.addWidget(self.week_box)
        left.addWidget(self.preview)
        left.addWidget(self.overdue_check)
        left.addWidget(self.overdue_message)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.calendar)
        right.addWidget(self.closures_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self.closures_box)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        edit.setDate(_qdate(clock.today()))
        return edit

    # --- showing ------------------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return self.ctx.role != permissions.VOLUNTEER

    def refresh(self) -> None:
        with self.ctx.read() as session:
            week = opening_week.week(session)
            profile_text = opening_week.profile_text(session)
            open_days_late = calendar.counts_open_days_late(session)
            self.closed = closures.closures(session)
            today = clock.today()
            previews = []
            for category in records.categories(session):
                due = calendar.due_date(session, today, category.loan_days, category.loan_days_open)
                previews.append((category.name, category.loan_days, category.loan_days_open, due))
        for day in range(1, 8):
            self.day_checks[day].setChecked(day in week.open_days)
            self.hours_edits[day].setEnabled(day in week.open_days)
            self.hours_edits[day].setText(",".join(str(hours) for hours in week.hours_of(day)))
        self.profile_text.setText(self.tr("书屋信息中的开放时间：{text}").format(text=profile_text)
                                  if profile_text else self.tr("还没有设开放时间：每天开放。"))
        self.open_days = week.open_days
        lines = []
        for name, days, open_days, due in previews:
            unit = self.tr("{days} 个开放日") if open_days else self.tr("{days} 天")
            lines.append(self.tr("今天借出的书（{category}，{unit}）应还日期：{due}").format(
                category=name, unit=unit.format(days=fmt_int(days)), due=fmt_date(due)))
        self.preview.setText("\n".join(lines))
        self.overdue_check.setChecked(open_days_late)  # setChecked does not emit clicked: nothing is written
        self.model.set_rows([[c.reason, fmt_date(c.first), fmt_date(c.last), fmt_int(c.days)] for c in self.closed],
                            [c.id for c in self.closed])
        self._paint()
        self.apply_role()

    def apply_role(self) -> None:
        """A volunteer reads the calendar; only an administrator changes it."""
        editable = self.editable
        for check in (*self.day_checks.values(), self.overdue_check):
            check.setEnabled(editable)
        for edit in (*self.hours_edits.values(), self.reason):
            edit.setReadOnly(not editable)
        for edit in (self.first_date, self.last_date):
            edit.setReadOnly(not editable)
        for widget in (self.save_week_button, self.close_button, self.reopen_button, self.delete_button,
                       self.import_button):
            widget.setVisible(editable)

    def _paint(self) -> None:
        """Closed dates of the month shown in colour, their reason in the tooltip; weekdays not open in grey."""
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every date's format
        for day, qt_day in _QT_WEEKDAYS.items():
            fmt = QTextCharFormat()
            if day not in self.open_days:
                fmt.setForeground(QBrush(SHUT_WEEKDAY_COLOUR))
            elif day >= 6:
                fmt.setForeground(QBrush(QColor("#c62828")))
            self.calendar.setWeekdayTextFormat(qt_day, fmt)
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        start = dt.date(year, month, 1) - dt.timedelta(days=14)
        end = dt.date(year, month, 1) + dt.timedelta(days=50)
        for closure in self.closed:
            if closure.last < start or closure.first > end:
                continue
            day = max(closure.first, start)
            tip = closure.reason or self.tr("停馆")
            while day <= min(closure.last, end):
                fmt = QTextCharFormat()
                fmt.setBackground(QBrush(CLOSED_COLOUR))
                fmt.setToolTip(self.tr("停馆：{reason}").format(reason=tip))
                self.calendar.setDateTextFormat(_qdate(day), fmt)
                day += dt.timedelta(days=1)

    def closed_tooltip(self, day: dt.date) -> str:
        return self.calendar.dateTextFormat(_qdate(day)).toolTip()

    def _day_clicked(self, day: QDate) -> None:
        """A click picks the day to close or reopen; Shift+click a second day makes it a range."""
        if not self.editable:
            return
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            first = self.first_date.date()
            self.first_date.setDate(min(first, day))
            self.last_date.setDate(max(first, day))
        else:
            self.first_date.setDate(day)
            self.last_date.setDate(day)

    def _first_changed(self, day: QDate) -> None:
        if self.last_date.date() < day:
            self.last_date.setDate(day)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")

    # --- changing -----------------------------------------------------------------------------

    def save_week(self) -> None:
        try:
            value = opening_week.Week({day: opening_week.parse_hours(self.hours_edits[day].text())
                                       for day, check in self.day_checks.items() if check.isChecked()})
            with self.ctx.write() as session:
                opening_week.set_week(session, value, actor=self.ctx.actor)
                room.update_profile(session, actor=self.ctx.actor, opening_hours=opening_week.profile_text(session))
        except BookroomError as exc:
            self.week_message.setStyleSheet("color: #c62828;")
            self.week_message.setText(exc.message)
            return
        self.refresh()
        self.week_message.setStyleSheet("color: #2e7d32;")
        self.week_message.setText(self.tr("已保存。"))

    def save_overdue_days(self, checked: bool) -> None:
        """Store the setting 逾期天数只计开放日 (the service refuses one who is not an administrator)."""
        try:
            with self.ctx.write() as session:
                settings.set_value(session, calendar.OVERDUE_OPEN_DAYS, bool(checked), actor=self.ctx.actor)
        except BookroomError as exc:
            self.overdue_message.setStyleSheet("color: #c62828;")
            self.overdue_message.setText(exc.message)
            self.refresh()
            return
        self.overdue_message.setStyleSheet("color: #2e7d32;")
        self.overdue_message.setText(self.tr("已保存：逾期天数只计开放日。") if checked
                                     else self.tr("已保存：逾期天数按日历天数计算。"))

    def _range(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.first_date.date()), _pydate(self.last_date.date())

    def _write(self, change, done: str) -> None:
        self.problems.hide()
        try:
            with self.ctx.write() as session:
                change(session)
        except BookroomError as exc:
            self.say(exc.message, error=True)
            return
        self.refresh()
        self.say(done)

    def close_days(self) -> None:
        first, last = self._range()
        self._write(lambda session: closures.close(session, first, last, self.reason.text(), actor=self.ctx.actor),
                    self.tr("已设为停馆。"))

    def reopen_days(self) -> None:
        first, last = self._range()
        self._write(lambda session: closures.reopen(session, first, last, actor=self.ctx.actor),
                    self.tr("已恢复开馆。"))

    def delete_closure(self) -> None:
        closure_id = selected_key(self.table)
        if closure_id is None:
            self.say(self.tr("请先在列表中选一段停馆日期。"), error=True)
            return
        self._write(lambda session: closures.remove_closure(session, closure_id, actor=self.ctx.actor),
                    self.tr("已删除。"))

    def choose_list(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择停馆日期列表"), "", self.tr("日期列表 (*.xlsx *.csv *.txt);;所有文件 (*)"))
        if name:
            self.import_list(Path(name))

    def import_list(self, path: Path) -> None:
        """Store the closed dates listed in ``path``: all of them, or none, with every wrong line listed."""
        self.problems.clear()
        self.problems.hide()
        try:
            with self.ctx.write() as session:
                stored = calendar_import.import_list(session, path, actor=self.ctx.actor)
        except ImportRejected as exc:
            self.say(exc.message, error=True)
            self.problems.addItems([str(problem) for problem in exc.problems])
            self.problems.show()
            return
        except BookroomError as exc:
            self.say(exc.message, error=True)
            return
        self.refresh()
        self.say(self.tr("已导入 {count} 段停馆日期。").format(count=fmt_int(len(stored))))
