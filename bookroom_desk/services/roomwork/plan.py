"""年度阅读计划: activities planned by month, and planned against held through the year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.common import clock
from bookroom_desk.services.roomwork import checks
from bookroom_desk.services.roomwork.activities import ACTIVITY_KINDS
from bookroom_desk.store.models_roomwork import Activity, PlanItem
from bookroom_desk.text import QT_TRANSLATE_NOOP

FIELDS: dict[str, str] = {
    "year": QT_TRANSLATE_NOOP("roomwork", "年份"),
    "month": QT_TRANSLATE_NOOP("roomwork", "月份"),
    "name": QT_TRANSLATE_NOOP("roomwork", "计划活动"),
    "kind": QT_TRANSLATE_NOOP("roomwork", "活动类型"),
    "notes": QT_TRANSLATE_NOOP("roomwork", "备注"),
}


@dataclass(frozen=True)
class PlanRow:
    """One plan item with the activity that carried it out, if any."""

    id: int
    year: int
    month: int
    name: str
    kind: str
    notes: str
    activity_id: int | None
    activity_name: str
    held_on: dt.date | None

    @property
    def done(self) -> bool:
        return self.activity_id is not None


@dataclass(frozen=True)
class MonthProgress:
    """One month of the plan: items planned, items carried out, activities held at all."""

    month: int
    planned: int
    done: int
    held: int


@dataclass(frozen=True)
class PlanProgress:
    """Planned against held for a year, as of ``today``."""

    year: int
    planned: int
    done: int
    due: int  # items whose month has ended
    overdue: int  # items whose month has ended without an activity
    held: int  # activities held in the year, planned or not
    months: tuple[MonthProgress, ...]


def _checked(values: dict) -> dict:
    out: dict[str, Any] = {}
    for key, value in values.items():
        title = FIELDS[key]
        if key == "year":
            out[key] = checks.year(value)
        elif key == "month":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
                raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "月份应为 1 到 12。"), field=key)
            out[key] = value
        elif key == "name":
            out[key] = checks.required_text(value, key, title, PlanItem.name)
        elif key == "kind":
            out[key] = checks.choice(ACTIVITY_KINDS, value, key, title)
        else:
            out[key] = checks.limited_text(value, key, title)
    return out


def add_item(session: Session, *, year: int, month: int, name: str, kind: str = "other", notes: str = "") -> PlanItem:
    item = PlanItem(**_checked(dict(year=year, month=month, name=name, kind=kind, notes=notes)), activity_id=None)
    session.add(item)
    session.flush()
    return item


def get_item(session: Session, item_id: int) -> PlanItem:
    item = session.get(PlanItem, item_id)
    if item is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这项计划（编号 {id}）。"), id=item_id)
    return item


def update_item(session: Session, item_id: int, **values) -> PlanItem:
    item = get_item(session, item_id)
    for key, value in _checked(values).items():
        setattr(item, key, value)
    if item.activity_id is not None:
        _check_year(session, item, item.activity_id)
    session.flush()
    return item


def delete_item(session: Session, item_id: int) -> None:
    session.delete(get_item(session, item_id))
    session.flush()


def _check_year(session: Session, item: PlanItem, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这项活动（编号 {id}）。"), id=activity_id)
    if activity.held_on.year != item.year:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "活动“{name}”不在计划的 {year} 年举办，不能用来落实这项计划。"),
                           name=activity.name, year=item.year, field="activity")
    return activity


def carry_out(session: Session, item_id: int, activity_id: int | None) -> PlanItem:
    """Mark a plan item as carried out by an activity of the same year (None: not carried out)."""
    item = get_item(session, item_id)
    if activity_id is not None:
        _check_year(session, item, activity_id)
    item.activity_id = activity_id
    session.flush()
    return item


def plan_for_year(session: Session, year: int) -> list[PlanRow]:
    rows = session.execute(
        select(PlanItem, Activity.name, Activity.held_on).outerjoin(Activity, Activity.id == PlanItem.activity_id)
        .where(PlanItem.year == year).order_by(PlanItem.month, PlanItem.id)).all()
    return [PlanRow(i.id, i.year, i.month, i.name, i.kind, i.notes, i.activity_id, name or "", held_on)
            for i, name, held_on in rows]


def items_in_years(session: Session, years: list[int]) -> int:
    return session.scalar(select(func.count(PlanItem.id)).where(PlanItem.year.in_(years))) or 0


def progress(session: Session, year: int, today: dt.date | None = None) -> PlanProgress:
    """The year's plan month by month: planned, carried out, and activities held."""
    today = today or clock.today()
    items = plan_for_year(session, year)
    held_by_month = dict(session.execute(
        select(func.extract("month", Activity.held_on), func.count(Activity.id))
        .where(Activity.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        .group_by(func.extract("month", Activity.held_on))).all())
    held_by_month = {int(month): count for month, count in held_by_month.items()}
    months = tuple(MonthProgress(month, sum(1 for i in items if i.month == month),
                                 sum(1 for i in items if i.month == month and i.done), held_by_month.get(month, 0))
                   for month in range(1, 13))

    def ended(month: int) -> bool:
        return (year, month) < (today.year, today.month)

    due = [i for i in items if ended(i.month)]
    return PlanProgress(year=year, planned=len(items), done=sum(1 for i in items if i.done), due=len(due),
                        overdue=sum(1 for i in due if not i.done), held=sum(held_by_month.values()), months=months)
