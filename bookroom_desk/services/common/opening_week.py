"""The room's week: its open weekdays and each one's hours, read, stored and written as the profile's 开放时间.

A week with no open day is refused (no loan would ever fall due), as are hours that are not times, end
before they start or overlap. :func:`opening_hours_text` writes a week as the profile keeps it
(周一至周五 11:30–13:30、17:00–19:00); :func:`profile_text` makes it from the stored week. The due dates the
open days give are calendar.py's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common import audit_log, permissions
from bookroom_desk.services.common.calendar import ALL_WEEK, AllDaysClosed, BadWeekdays
from bookroom_desk.store.models_calendar import OpeningDay, OpeningHours
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_list, join_phrases, translate

CONTEXT = "calendar"  # the context the weekday names were always translated in
WEEKDAY_NAMES = {
    1: QT_TRANSLATE_NOOP("calendar", "周一"),
    2: QT_TRANSLATE_NOOP("calendar", "周二"),
    3: QT_TRANSLATE_NOOP("calendar", "周三"),
    4: QT_TRANSLATE_NOOP("calendar", "周四"),
    5: QT_TRANSLATE_NOOP("calendar", "周五"),
    6: QT_TRANSLATE_NOOP("calendar", "周六"),
    7: QT_TRANSLATE_NOOP("calendar", "周日"),
}
EVERY_DAY = QT_TRANSLATE_NOOP("calendar", "每天")
DAY_RUN = QT_TRANSLATE_NOOP("calendar", "{first}至{last}")


class BadHours(InvalidInput):
    """Opening hours that are not times, end before they start, or overlap."""

    def __init__(self, value: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "BookroomError", "开放时间“{value}”写得不对：请写成 11:30-13:30，几段之间用逗号隔开；"
                             "每段的开始早于结束，各段互不重叠。"),
            value=value)


@dataclass(frozen=True, order=True)
class Hours:
    """One opening session of a day."""

    opens: dt.time
    closes: dt.time

    def __str__(self) -> str:
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"

    @property
    def text(self) -> str:
        """As the profile writes it: 9:00–12:00."""
        return f"{_clock_text(self.opens)}–{_clock_text(self.closes)}"


def _clock_text(moment: dt.time) -> str:
    return f"{moment.hour}:{moment.minute:02d}"


@dataclass(frozen=True)
class Week:
    """The open weekdays (1 Monday … 7 Sunday) with each one's hours (none: open, hours not set)."""

    hours: Mapping[int, tuple[Hours, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, open_days: Iterable[int], hours: Sequence[Hours] = ()) -> Week:
        """The same hours on every open day."""
        return cls({day: tuple(hours) for day in sorted(open_days)})

    @property
    def open_days(self) -> frozenset[int]:
        return frozenset(self.hours)

    def hours_of(self, weekday: int) -> tuple[Hours, ...]:
        return tuple(self.hours.get(weekday, ()))


_TIME = r"(\d{1,2})(?:[:：](\d{2}))?"  # 9, 9:00 or 09:00 (a full-width colon as typed in Chinese too)
_SESSION = re.compile(rf"{_TIME}\s*[-–—~～]\s*{_TIME}")
_LIST_SPLIT = re.compile(r"[,，、]")


def _time(hour: str, minute: str | None) -> dt.time | None:
    if int(hour) > 23 or int(minute or 0) > 59:
        return None
    return dt.time(int(hour), int(minute or 0))


def _checked_hours(hours: Iterable[Hours], value: str) -> tuple[Hours, ...]:
    ordered = tuple(sorted(hours))
    for index, session in enumerate(ordered):
        if session.closes <= session.opens or index and session.opens < ordered[index - 1].closes:
            raise BadHours(value)
    return ordered


def parse_hours(text: str) -> tuple[Hours, ...]:
    """Hours written 11:30-13:30,17:00-19:00 (or 9-12), in order; '' is none."""
    text = (text or "").strip()
    if not text:
        return ()
    sessions = []
    for part in _LIST_SPLIT.split(text):
        match = _SESSION.fullmatch(part.strip())
        if match is None:
            raise BadHours(text)
        opens, closes = _time(match.group(1), match.group(2)), _time(match.group(3), match.group(4))
        if opens is None or closes is None:
            raise BadHours(text)
        sessions.append(Hours(opens, closes))
    return _checked_hours(sessions, text)


def parse_days(text: str) -> frozenset[int]:
    """Open weekdays written 1-5, 1-5,7 or 1,3,5 (1 Monday … 7 Sunday); none at all is refused."""
    text = (text or "").strip()
    if not text:
        raise AllDaysClosed()
    days: set[int] = set()
    for part in _LIST_SPLIT.split(text):
        match = re.fullmatch(r"\s*([1-7])\s*(?:[-–~～]\s*([1-7])\s*)?", part)
        if match is None:
            raise BadWeekdays(text)
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first:
            raise BadWeekdays(text)
        days.update(range(first, last + 1))
    return frozenset(days)


def week(session: Session) -> Week:
    """The stored week; a room that set none is open every day, hours not set."""
    rows = session.execute(select(OpeningDay.weekday, OpeningDay.is_open)).all()
    if not rows:
        return Week.of(ALL_WEEK)
    hours: dict[int, list[Hours]] = {weekday: [] for weekday, is_open in sorted(rows) if is_open}
    for weekday, opens, closes in session.execute(
            select(OpeningHours.weekday, OpeningHours.opens, OpeningHours.closes)
            .order_by(OpeningHours.weekday, OpeningHours.opens)):
        if weekday in hours:
            hours[weekday].append(Hours(opens, closes))
    return Week({weekday: tuple(sessions) for weekday, sessions in hours.items()})


def _checked_week(value: Week) -> Week:
    days = value.open_days
    if not days:
        raise AllDaysClosed()
    if not days <= ALL_WEEK:
        raise BadWeekdays(",".join(str(day) for day in sorted(days - ALL_WEEK)))
    return Week({day: _checked_hours(value.hours_of(day), ",".join(map(str, value.hours_of(day))))
                 for day in sorted(days)})


def set_week(session: Session, value: Week, *, actor: str) -> Week:
    """Store the open weekdays and their hours (administrators only); a change is audited."""
    permissions.require(session, actor, "settings")
    value = _checked_week(value)
    old = week(session)
    if old == value and session.scalar(select(OpeningDay.weekday).limit(1)) is not None:
        return value
    session.execute(delete(OpeningHours))
    stored = {row.weekday: row for row in session.scalars(select(OpeningDay))}
    for weekday in sorted(ALL_WEEK):
        row = stored.get(weekday)
        if row is None:
            row = OpeningDay(weekday=weekday)
            session.add(row)
        row.is_open = weekday in value.hours
    session.flush()
    for weekday, sessions in value.hours.items():
        session.add_all(OpeningHours(weekday=weekday, opens=hours.opens, closes=hours.closes) for hours in sessions)
    session.flush()
    if old != value:
        audit_log.record(session, "setting", f"开放时间：{opening_hours_text(old)} → {opening_hours_text(value)}", actor)
    return value


def _day_runs(days: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for day in days:
        if runs and day == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def opening_hours_text(value: Week, *, translated: bool = False) -> str:
    """The profile's 开放时间 made from the week: 周一至周五 11:30–13:30、17:00–19:00；周六 9:00–12:00.

    In Chinese, as the profile and the return keep it; ``translated`` gives it in the language installed
    (for the command line's display).
    """
    def tr(text: str) -> str:
        return translate(CONTEXT, text) if translated else text

    def names(items: list[str]) -> str:
        return join_list(items) if translated else "、".join(items)

    groups: dict[tuple[Hours, ...], list[int]] = {}
    for day in sorted(value.open_days):
        groups.setdefault(value.hours_of(day), []).append(day)
    phrases = []
    for hours, days in groups.items():
        if len(days) == 7:
            label = tr(EVERY_DAY)
        else:
            parts = []
            for first, last in _day_runs(days):
                if last - first >= 2:
                    parts.append(tr(DAY_RUN).format(first=tr(WEEKDAY_NAMES[first]), last=tr(WEEKDAY_NAMES[last])))
                else:
                    parts.extend(tr(WEEKDAY_NAMES[day]) for day in range(first, last + 1))
            label = names(parts)
        phrases.append(f"{label} {names([h.text for h in hours])}" if hours else label)
    if translated:
        return join_phrases(phrases)
    return "；".join(phrases)


def profile_text(session: Session) -> str:
    """The profile's 开放时间 made from the stored week; '' while the room has set none (the profile keeps its own)."""
    if session.scalar(select(OpeningDay.weekday).limit(1)) is None:
        return ""
    return opening_hours_text(week(session))


def weekday_name(weekday: int) -> str:
    """周一 … 周日, in the language installed."""
    return translate(CONTEXT, WEEKDAY_NAMES[weekday])
