"""The room's opening calendar: open weekdays and closed dates, and the due dates and days late they give.

Rules:

- A due date is the loan day plus the category's loan days; one that falls on a closed day (a weekday
  the room does not open, or a closed date) moves to the next open day. A category may count its loan
  days in open days instead: the due date is then the loan days'-th open day after the loan day.
  Either way the loan day itself may be a closed day: the count starts from it all the same.
- A room that has set no calendar is open every day and never closed, so due dates are the loan day
  plus the loan days, as they were before the calendar existed.
- A week with no open day is refused (a due date would never come), as is a date range that ends
  before it starts. Overlapping or touching closures act as one.
- Overdue days are counted in calendar days unless the room says otherwise (the setting
  逾期天数只计开放日, :data:`OVERDUE_OPEN_DAYS`): then they are the open days after the due date up to
  and including today (:func:`days_late`, :class:`LateCounter` for many loans on one loaded calendar).
  A loan due on a Friday is then not yet late on the closed Saturday, and one day late on Monday.
  A loan is overdue (counted, blocking, refused renewal) exactly when it is at least one day late:
  due before :func:`overdue_before`, which SQL counts compare with.

:class:`Calendar` is the computation, built once from the stored rows (closures merged and sorted, so
a day is looked up by bisection); :func:`due_date` takes one or a session. The closed dates themselves are
stored, trimmed and removed by closures.py; the week (open weekdays and their hours) by opening_week.py.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, case, exists, func, literal_column, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.common import settings
from bookroom_desk.store.database import connection_of
from bookroom_desk.store.models import ReaderCategory, RoomSetting
from bookroom_desk.store.models_calendar import ClosedDates, OpeningDay
from bookroom_desk.text import QT_TRANSLATE_NOOP

ALL_WEEK = frozenset(range(1, 8))  # ISO weekdays: 1 Monday … 7 Sunday

OVERDUE_OPEN_DAYS = settings.declare("overdue_open_days", bool, False,
                                     QT_TRANSLATE_NOOP("settings", "逾期天数只计开放日"))


# --- errors ---------------------------------------------------------------------------------


class AllDaysClosed(InvalidInput):
    """A week with no open day: no loan would ever fall due."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "BookroomError", "一周每一天都不开放，借出的书就没有应还日期。请至少设一天开放，例如 1-5（周一至周五）。"))


class BadWeekdays(InvalidInput):
    """Open days written in a way that names no weekday."""

    def __init__(self, value: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "BookroomError", "开放日“{value}”写得不对：请用 1（周一）到 7（周日）的数字，例如 1-5 或 1-5,7。"),
            value=value)


# --- the computation ------------------------------------------------------------------------


def merged_ranges(ranges: Iterable[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """The ranges sorted, with overlapping and touching ones made one."""
    merged: list[tuple[dt.date, dt.date]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + dt.timedelta(days=1):
            if last > merged[-1][1]:
                merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged


_DAY = dt.timedelta(days=1)


class Calendar:
    """Open weekdays and closed date ranges, ready to answer which days are open (fast: bisection)."""

    __slots__ = ("_ends", "_open", "_shut", "_starts", "closed", "open_days")

    def __init__(self, open_days: Iterable[int] = ALL_WEEK, closed: Iterable[tuple[dt.date, dt.date]] = ()) -> None:
        days = frozenset(open_days)
        if not days:
            raise AllDaysClosed()
        if not days <= ALL_WEEK:
            raise BadWeekdays(",".join(str(day) for day in sorted(days - ALL_WEEK)))
        self.open_days = days
        self._open = tuple(day in days for day in range(8))  # by isoweekday, 0 unused
        merged = merged_ranges(closed)
        self.closed = tuple(merged)
        self._starts = [first for first, _ in merged]
        self._ends = [last for _, last in merged]
        self._shut = [0]  # _shut[i]: open weekdays the closures before the i-th take away (days late by bisection)
        for first, last in merged:
            self._shut.append(self._shut[-1] + self._weekdays_in(first, last))

    @property
    def plain(self) -> bool:
        """Open every day with no closure: due dates are the loan day plus the loan days."""
        return self.open_days == ALL_WEEK and not self.closed

    def _closure_end(self, day: dt.date) -> dt.date | None:
        """The last day of the closure ``day`` falls in, or None."""
        index = bisect.bisect_right(self._starts, day) - 1
        if index >= 0 and day <= self._ends[index]:
            return self._ends[index]
        return None

    def is_open(self, day: dt.date) -> bool:
        return self._open[day.isoweekday()] and self._closure_end(day) is None

    def next_open(self, day: dt.date) -> dt.date:
        """``day`` if the room opens on it, else the first open day after it."""
        while True:
            end = self._closure_end(day)
            if end is not None:
                day = end + _DAY
            elif not self._open[day.isoweekday()]:
                day += _DAY
            else:
                return day

    def due(self, start: dt.date, loan_days: int, count_open_days: bool = False) -> dt.date:
        """The due date of a loan made on ``start`` for ``loan_days`` days (in open days if ``count_open_days``)."""
        if loan_days < 0:
            raise ValueError("loan_days must not be negative")
        if not count_open_days:
            return self.next_open(start + dt.timedelta(days=loan_days))
        day = self.next_open(start) if loan_days == 0 else start
        for _ in range(loan_days):
            day = self.next_open(day + _DAY)
        return day

    def last_open(self, day: dt.date) -> dt.date:
        """``day`` if the room opens on it, else the last open day before it."""
        while True:
            index = bisect.bisect_right(self._starts, day) - 1
            if index >= 0 and day <= self._ends[index]:
                day = self._starts[index] - _DAY
            elif not self._open[day.isoweekday()]:
                day -= _DAY
            else:
                return day

    def _weekdays_in(self, first: dt.date, last: dt.date) -> int:
        """Days ``first``..``last`` (both included) on an open weekday, closures aside."""
        if last < first:
            return 0
        weeks, rest = divmod((last - first).days + 1, 7)
        start = first.isoweekday()
        return weeks * len(self.open_days) + sum(self._open[(start + n - 1) % 7 + 1] for n in range(rest))

    def open_days_in(self, first: dt.date, last: dt.date) -> int:
        """How many days ``first``..``last`` (both included) the room opens: by arithmetic and bisection."""
        count = self._weekdays_in(first, last)
        low = max(0, bisect.bisect_right(self._starts, first) - 1)  # the closure first falls in, or the one before
        high = bisect.bisect_right(self._starts, last) - 1  # the last closure starting by last
        if high < low:
            return count
        count -= self._weekdays_in(max(first, self._starts[low]), min(last, self._ends[low]))
        if high > low:  # the closures between lie wholly inside: their open weekdays summed beforehand
            count -= self._shut[high] - self._shut[low + 1]
            count -= self._weekdays_in(self._starts[high], min(last, self._ends[high]))
        return count

    def days_late(self, due_on: dt.date, today: dt.date, open_days_only: bool = True) -> int:
        """Days past ``due_on`` up to ``today``: calendar days, or (``open_days_only``) the open days among them."""
        if today <= due_on:
            return 0
        if not open_days_only:
            return (today - due_on).days
        return self.open_days_in(due_on + _DAY, today)


# Built once, in Core, read on the session's connection: a check-out computes a due date, and building and
# running ORM statements would cost it several times the two small reads themselves.
_days_table, _closed_table = OpeningDay.__table__, ClosedDates.__table__
_OPEN_DAYS = select(_days_table.c.weekday, _days_table.c.is_open)
_CLOSURES = (select(_closed_table.c.first_day, _closed_table.c.last_day)
             .where(_closed_table.c.last_day >= bindparam("since"), _closed_table.c.first_day <= bindparam("until"))
             .order_by(_closed_table.c.first_day))


def _connection(session: Session) -> Connection:
    if session.autoflush:
        session.flush()  # what the caller changed is read back, as the ORM's own queries would
    return connection_of(session)


def _open_days(session: Session) -> frozenset[int]:
    rows = _connection(session).execute(_OPEN_DAYS).all()
    return frozenset(weekday for weekday, is_open in rows if is_open) if rows else ALL_WEEK


def _closures(session: Session, since: dt.date | None, until: dt.date | None) -> list[tuple[dt.date, dt.date]]:
    rows = _connection(session).execute(_CLOSURES, {"since": since or dt.date.min, "until": until or dt.date.max})
    return [(first, last) for first, last in rows]


def load(session: Session, *, since: dt.date | None = None, until: dt.date | None = None) -> Calendar:
    """The stored calendar; with ``since`` / ``until``, only the closures that reach into those days."""
    return Calendar(_open_days(session), _closures(session, since, until))


def due_date(source: Session | Calendar, start: dt.date, loan_days: int, count_open_days: bool = False) -> dt.date:
    """The due date of a loan made on ``start``: on the stored calendar (a session) or on ``source`` itself.

    From a session only the closures around the loan period are read (a few rows, however many years of
    closed dates are stored): a due date on or before the last day read is the one all of them give, since
    closures that begin later cannot touch the days up to it; past it (a long chain of closures), all are read.
    """
    if isinstance(source, Calendar):
        return source.due(start, loan_days, count_open_days)
    return due_date_on(source, _open_days(source), start, loan_days, count_open_days)


def due_date_on(source: Session, open_days: frozenset[int], start: dt.date, loan_days: int,
                count_open_days: bool = False, closed_ahead: bool = True) -> dt.date:
    """:func:`due_date` with the open weekdays already read (:data:`OPEN_WEEK` in the caller's row); with
    ``closed_ahead`` False (:data:`CLOSED_AHEAD` said no closure ends on or after ``start``) no closure is read."""
    if not open_days:
        raise AllDaysClosed()
    if not closed_ahead:
        return Calendar(open_days).due(start, loan_days, count_open_days)
    weeks_days = -(-loan_days * 7 // len(open_days)) if count_open_days else loan_days  # loan days, in calendar days
    horizon = start + dt.timedelta(days=weeks_days + 62)
    due = Calendar(open_days, _closures(source, start, horizon)).due(start, loan_days, count_open_days)
    if due <= horizon:
        return due
    return Calendar(open_days, _closures(source, start, None)).due(start, loan_days, count_open_days)


def counts_open_days_late(session: Session) -> bool:
    """Whether the room counts overdue days in open days only (the setting 逾期天数只计开放日)."""
    return bool(settings.get(session, OVERDUE_OPEN_DAYS))


# --- the calendar in the caller's own row ---------------------------------------------------------------
# The desk reads a copy and its reader in one statement; these columns bring along what a due date and a
# count of days late need, so that in a room with no closure ahead (and one counting calendar days late) a
# check-out or check-in reads nothing else. Each is read in the caller's statement, in its unit of work:
# another desk's change to the week, the closures or the setting is seen by the next scan.

_settings_table = RoomSetting.__table__
#: The open ISO weekdays as a bit mask (bit d set: weekday d open); NULL when the room has set no week.
OPEN_WEEK = select(func.sum(case(*[((_days_table.c.weekday == day) & _days_table.c.is_open,
                                    literal_column(str(1 << day))) for day in sorted(ALL_WEEK)],
                                 else_=literal_column("0")))).scalar_subquery()
#: Whether a closure ends on or after the day bound as ``calendar_today`` (else no due date from it can meet one).
CLOSED_AHEAD = exists().where(_closed_table.c.last_day >= bindparam("calendar_today"))
#: The stored value of 逾期天数只计开放日 (JSON), NULL when never set: :func:`open_days_late_in`.
OVERDUE_OPEN_DAYS_VALUE = (select(_settings_table.c.value).where(_settings_table.c.key == OVERDUE_OPEN_DAYS.key)
                           .scalar_subquery())


def week_of(mask: int | None) -> frozenset[int]:
    """The open weekdays a :data:`OPEN_WEEK` mask says (all of them when the room has set no week)."""
    return ALL_WEEK if mask is None else frozenset(day for day in ALL_WEEK if mask >> day & 1)


def open_days_late_in(value: str | None) -> bool:
    """:func:`counts_open_days_late` from the :data:`OVERDUE_OPEN_DAYS_VALUE` a row brought."""
    return bool(settings.parse(OVERDUE_OPEN_DAYS, value))


def days_late_counted(session: Session, open_days_only: bool, due_on: dt.date, today: dt.date) -> int:
    """:func:`days_late` with the setting already read (:func:`open_days_late_in`): closures read only when needed."""
    if today <= due_on:
        return 0
    if not open_days_only:
        return (today - due_on).days
    return load(session, since=due_on, until=today).days_late(due_on, today)


def days_late(source: Session | Calendar | None, due_on: dt.date, today: dt.date) -> int:
    """Days ``due_on`` is past by ``today`` (0 if not past): in calendar days, or in open days when the room says so.

    ``source``: a session (the room's setting decides; only the closures between the two days are read, and
    nothing at all when the setting is off), a :class:`Calendar` (its open days are counted) or None
    (calendar days). For many loans at once, :class:`LateCounter` reads the setting and calendar once.
    """
    if today <= due_on or source is None:
        return max(0, (today - due_on).days)
    if isinstance(source, Calendar):
        return source.days_late(due_on, today)
    if not counts_open_days_late(source):
        return (today - due_on).days
    return load(source, since=due_on, until=today).days_late(due_on, today)


_RECENT = dt.timedelta(days=62)  # the closures read first for overdue_before: a last open day is seldom further back


def overdue_before(source: Session | Calendar | None, today: dt.date) -> dt.date:
    """The day a loan must be due before to be overdue by ``today``: ``due_on < overdue_before(...)`` exactly when
    :func:`days_late` is 1 or more. Today when calendar days are counted; else the last open day up to today.

    For a count in SQL: computed once, compared with due_on set-based. ``source`` as for :func:`days_late`;
    from a session only the closures of the last weeks are read (all of them if the room was shut all along).
    """
    if source is None:
        return today
    if isinstance(source, Calendar):
        return source.last_open(today)
    if not counts_open_days_late(source):
        return today
    return last_open_up_to(source, today)


def last_open_up_to(session: Session, today: dt.date) -> dt.date:
    """The last open day up to ``today``: :func:`overdue_before` in a room that counts open days."""
    since = today - _RECENT
    cutoff = load(session, since=since, until=today).last_open(today)
    return cutoff if cutoff >= since else load(session, until=today).last_open(today)


class LateCounter:
    """Days late for many loans: the setting read once, and the whole calendar loaded once, only if a loan is late."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._read = False
        self._calendar: Calendar | None = None

    @property
    def calendar(self) -> Calendar | None:
        """The calendar open days are counted on, or None when the room counts calendar days."""
        if not self._read:
            self._read = True
            self._calendar = load(self._session) if counts_open_days_late(self._session) else None
        return self._calendar

    def __call__(self, due_on: dt.date, today: dt.date) -> int:
        if today <= due_on:
            return 0
        return days_late(self.calendar, due_on, today)

    def signed(self, due_on: dt.date, today: dt.date) -> int:
        """Days late, or (negative) the calendar days still to go before ``due_on``."""
        return (today - due_on).days if today <= due_on else self(due_on, today)

    def overdue_before(self, today: dt.date) -> dt.date:
        """A loan is late by ``today`` when due before this day: today, or the last open day up to it."""
        return overdue_before(self.calendar, today)


@dataclass(frozen=True)
class LoanRule:
    """How long a reader category lends for, and whether its loan days are counted in open days."""

    category: str
    loan_days: int
    count_open_days: bool


def _column_default(column: Any) -> Any:
    return column.default.arg


def loan_rule(session: Session, category: str | None = None) -> LoanRule:
    """The loan rule of the category named (NotFound if none is), or of the first category when no name is given."""
    query = select(ReaderCategory)
    if category is not None:
        query = query.where(ReaderCategory.name == category.strip())
    row = session.scalar(query.order_by(ReaderCategory.id).limit(1))
    if row is None:
        if category is not None:
            raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "没有名为“{name}”的读者类别。"), name=category.strip())
        table = ReaderCategory.__table__.c  # no category yet: the first one made will have the column defaults
        return LoanRule("", _column_default(table.loan_days), _column_default(table.loan_days_open))
    return LoanRule(row.name, row.loan_days, row.loan_days_open)
