"""Closed dates (停馆): holidays, stocktake days, a closure of weeks — stored, trimmed, split and removed.

The due-date computation over them is calendar.py's; this module keeps the stored ranges (administrators
only, each change audited) and reads a typed range.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.common import audit_log, clock, permissions
from bookroom_desk.services.common.calendar import merged_ranges
from bookroom_desk.services.common.periods import read_date
from bookroom_desk.store.models_calendar import ClosedDates
from bookroom_desk.text import QT_TRANSLATE_NOOP

FIRST_YEAR, LAST_YEAR = 1900, 2200
_DAY = dt.timedelta(days=1)


class BackwardsRange(InvalidInput):
    """A date range whose last day is before its first."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "BookroomError", "日期范围 {first}:{last} 不对：结束日期早于开始日期。"),
            first=first.isoformat(), last=last.isoformat())


class UnlikelyDate(InvalidInput):
    """A closed date far outside any year the room will see (most likely a typing slip)."""

    def __init__(self, day: dt.date) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "BookroomError", "停馆日期 {day} 的年份不合理：应在 {first} 到 {last} 年之间。"),
            day=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)


class ReasonTooLong(InvalidInput):
    def __init__(self, limit: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP("BookroomError", "停馆原因最多 {limit} 个字。"), limit=limit)


# --- closed dates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClosedRange:
    """A stored closure: ``first``..``last``, both included."""

    id: int
    first: dt.date
    last: dt.date
    reason: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def _range_text(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()} 至 {last.isoformat()}"


def parse_range(text: str) -> tuple[dt.date, dt.date]:
    """A day (2026-10-01) or a range (2026-10-01:2026-10-07), both ends included."""
    first_text, _, last_text = (text or "").strip().partition(":")
    first = read_date(first_text.strip())
    last = read_date(last_text.strip()) if last_text else first
    return _checked_range(first, last)


def _checked_range(first: dt.date, last: dt.date | None) -> tuple[dt.date, dt.date]:
    last = first if last is None else last
    if last < first:
        raise BackwardsRange(first, last)
    for day in (first, last):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise UnlikelyDate(day)
    return first, last


def _closed_range(row: ClosedDates) -> ClosedRange:
    return ClosedRange(row.id, row.first_day, row.last_day, row.reason)


def closures(session: Session) -> list[ClosedRange]:
    """Every stored closure, in date order."""
    rows = session.scalars(select(ClosedDates).order_by(ClosedDates.first_day, ClosedDates.id))
    return [_closed_range(row) for row in rows]


REASON_LIMIT = 100


def close(session: Session, first: dt.date, last: dt.date | None = None, reason: str = "", *,
          actor: str) -> ClosedRange:
    """Close the room ``first``..``last`` (one day if ``last`` is None), administrators only; audited.

    The same range stored already is left as it is (so giving a closure twice stores it once).
    """
    permissions.require(session, actor, "settings")
    first, last = _checked_range(first, last)
    reason = " ".join((reason or "").split())
    if len(reason) > REASON_LIMIT:
        raise ReasonTooLong(REASON_LIMIT)
    same = session.scalar(select(ClosedDates).where(ClosedDates.first_day == first, ClosedDates.last_day == last)
                          .order_by(ClosedDates.id).limit(1))
    if same is not None:
        return _closed_range(same)
    row = ClosedDates(first_day=first, last_day=last, reason=reason, added_at=clock.now(), added_by=actor)
    session.add(row)
    session.flush()
    audit_log.record(session, "setting", f"停馆 {_range_text(first, last)}" + (f"（{reason}）" if reason else ""), actor)
    return _closed_range(row)


def reopen(session: Session, first: dt.date, last: dt.date | None = None, *, actor: str) -> int:
    """Open the room again ``first``..``last``: closures are trimmed, split or removed. Returns the days reopened."""
    permissions.require(session, actor, "settings")
    first, last = _checked_range(first, last)
    rows = list(session.scalars(select(ClosedDates).where(ClosedDates.first_day <= last, ClosedDates.last_day >= first)
                                .order_by(ClosedDates.first_day, ClosedDates.id)))
    reopened = sum((min(end, last) - max(start, first)).days + 1
                   for start, end in merged_ranges((row.first_day, row.last_day) for row in rows))
    for row in rows:
        keeps_start, keeps_end = row.first_day < first, row.last_day > last
        if keeps_start and keeps_end:
            session.add(ClosedDates(first_day=last + _DAY, last_day=row.last_day, reason=row.reason,
                                    added_at=row.added_at, added_by=row.added_by))
            row.last_day = first - _DAY
        elif keeps_start:
            row.last_day = first - _DAY
        elif keeps_end:
            row.first_day = last + _DAY
        else:
            session.delete(row)
    session.flush()
    if reopened:
        audit_log.record(session, "setting", f"恢复开馆 {_range_text(first, last)}", actor)
    return reopened


def remove_closure(session: Session, closure_id: int, *, actor: str) -> None:
    """Remove one stored closure (administrators only); audited."""
    permissions.require(session, actor, "settings")
    row = session.get(ClosedDates, closure_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这个停馆日期，可能已被删除。"))
    text = _range_text(row.first_day, row.last_day) + (f"（{row.reason}）" if row.reason else "")
    session.delete(row)
    session.flush()
    audit_log.record(session, "setting", f"取消停馆 {text}", actor)

