"""阅读活动: the room's reading activities, and what a period's return needs from them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import NotFound
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork import checks
from bookroom_desk.store.models_roomwork import Activity, ActivityPhoto, PlanItem
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Activity kinds: stored codes, labels in the "vocab" context (show with vocab.label).
ACTIVITY_KINDS: dict[str, str] = {
    "share": QT_TRANSLATE_NOOP("vocab", "读书分享会"),
    "lecture": QT_TRANSLATE_NOOP("vocab", "讲座"),
    "essay": QT_TRANSLATE_NOOP("vocab", "征文"),
    "quiz": QT_TRANSLATE_NOOP("vocab", "知识竞赛"),
    "checkin": QT_TRANSLATE_NOOP("vocab", "读书打卡"),
    "other": QT_TRANSLATE_NOOP("vocab", "其他"),
}
#: Kinds whose outcome is a piece of work or a result (征文, 知识竞赛): 学习有成果.
RESULT_KINDS = ("essay", "quiz")

#: Field titles, for messages and forms.
FIELDS: dict[str, str] = {
    "held_on": QT_TRANSLATE_NOOP("roomwork", "活动日期"),
    "name": QT_TRANSLATE_NOOP("roomwork", "活动名称"),
    "kind": QT_TRANSLATE_NOOP("roomwork", "活动类型"),
    "participants": QT_TRANSLATE_NOOP("roomwork", "参与人数"),
    "organiser": QT_TRANSLATE_NOOP("roomwork", "组织者"),
    "featured": QT_TRANSLATE_NOOP("roomwork", "特色活动"),
    "notes": QT_TRANSLATE_NOOP("roomwork", "备注"),
}


@dataclass(frozen=True)
class ActivityRow:
    """One activity as lists and the return's 阅读活动 sheet show it."""

    id: int
    held_on: dt.date
    name: str
    kind: str
    participants: int
    organiser: str
    featured: bool
    notes: str
    photos: int


@dataclass(frozen=True)
class ActivityTotals:
    """A period's activities counted: all, participants, featured, result kinds, by kind and quarter."""

    count: int
    participants: int
    featured: int
    result_kinds: int
    by_kind: dict[str, int] = field(default_factory=dict)
    by_quarter: dict[tuple[int, int], int] = field(default_factory=dict)


def _checked(values: dict) -> dict:
    out: dict[str, Any] = {}
    for key, value in values.items():
        title = FIELDS.get(key)
        if title is None:
            raise KeyError(key)
        if key == "held_on":
            out[key] = checks.past_date(value, key, title)
        elif key == "name":
            out[key] = checks.required_text(value, key, title, Activity.name)
        elif key == "kind":
            out[key] = checks.choice(ACTIVITY_KINDS, value, key, title)
        elif key == "participants":
            out[key] = checks.count(value, key, title)
        elif key == "organiser":
            out[key] = checks.limited_text(value, key, title, Activity.organiser)
        elif key == "featured":
            out[key] = bool(value)
        else:
            out[key] = checks.limited_text(value, key, title)
    return out


def add_activity(session: Session, *, held_on: dt.date, name: str, kind: str = "other", participants: int = 0,
                 organiser: str = "", featured: bool = False, notes: str = "") -> Activity:
    """Record an activity that has been held."""
    values = _checked(dict(held_on=held_on, name=name, kind=kind, participants=participants,
                           organiser=organiser, featured=featured, notes=notes))
    activity = Activity(**values, created_at=clock.now())
    session.add(activity)
    session.flush()
    return activity


def get_activity(session: Session, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这项活动（编号 {id}）。"), id=activity_id)
    return activity


def update_activity(session: Session, activity_id: int, **values) -> Activity:
    """Change the named fields of an activity."""
    activity = get_activity(session, activity_id)
    for key, value in _checked(values).items():
        setattr(activity, key, value)
    session.flush()
    return activity


def delete_activity(session: Session, activity_id: int) -> list[str]:
    """Delete an activity and its photo rows; returns the photo paths for photos.discard after commit."""
    activity = get_activity(session, activity_id)
    paths = [photo.path for photo in activity.photos]
    for item in session.scalars(select(PlanItem).where(PlanItem.activity_id == activity_id)):
        item.activity_id = None  # the plan item is no longer carried out
    session.delete(activity)
    session.flush()
    return paths


def _in(period: Period):
    return Activity.held_on.between(period.start, period.end)


def activities_in(session: Session, period: Period) -> list[ActivityRow]:
    """The activities held in ``period``, by date (the 阅读活动 sheet)."""
    photo_counts = (select(ActivityPhoto.activity_id, func.count(ActivityPhoto.id).label("n"))
                    .group_by(ActivityPhoto.activity_id).subquery())
    rows = session.execute(
        select(Activity, func.coalesce(photo_counts.c.n, 0))
        .outerjoin(photo_counts, photo_counts.c.activity_id == Activity.id)
        .where(_in(period)).order_by(Activity.held_on, Activity.id)
    ).all()
    return [ActivityRow(a.id, a.held_on, a.name, a.kind, a.participants, a.organiser, a.featured, a.notes, n)
            for a, n in rows]


def totals(session: Session, period: Period) -> ActivityTotals:
    """How many activities, participants (person-times), featured ones, by kind and by quarter."""
    rows = session.execute(select(Activity.held_on, Activity.kind, Activity.participants, Activity.featured)
                           .where(_in(period))).all()
    by_kind: dict[str, int] = {}
    by_quarter: dict[tuple[int, int], int] = {}
    for held_on, kind, _, _ in rows:
        by_kind[kind] = by_kind.get(kind, 0) + 1
        quarter = (held_on.year, (held_on.month - 1) // 3 + 1)
        by_quarter[quarter] = by_quarter.get(quarter, 0) + 1
    return ActivityTotals(
        count=len(rows),
        participants=sum(r.participants for r in rows),
        featured=sum(1 for r in rows if r.featured),
        result_kinds=sum(1 for r in rows if r.kind in RESULT_KINDS),
        by_kind=by_kind,
        by_quarter=by_quarter,
    )


def featured_names(session: Session, period: Period, limit: int = 3) -> list[str]:
    return list(session.scalars(select(Activity.name).where(_in(period), Activity.featured.is_(True))
                                .order_by(Activity.held_on).limit(limit)))
