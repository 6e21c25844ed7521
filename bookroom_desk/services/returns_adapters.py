"""What the return reads from other capabilities (room work, stocktake), through one adapter each.

Each adapter uses the owning service when it offers the function, else reads the tables
itself, so the return works before and after those services land. Switch an adapter over by
replacing its body with the service call.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.periods import Period
from bookroom_desk.store.models import Copy, CopyEvent, Title
from bookroom_desk.store.models_roomwork import Activity, DutyShift, Volunteer
from bookroom_desk.store.models_stocktake import Stocktake, StocktakeShelf

#: Activity kinds as the return names them (used when the room-work vocabulary is not there).
ACTIVITY_KINDS = {
    "share": "读书分享会", "lecture": "讲座", "essay": "征文", "quiz": "知识竞赛", "checkin": "阅读打卡",
    "other": "其他",
}


@dataclass(frozen=True)
class RoomWorkFigures:
    """Activities, participants, volunteers and duty of a period."""

    activities: int = 0
    participants: int = 0
    featured: int = 0
    volunteers: int = 0
    duty_shifts: int = 0
    duty_hours: float = 0.0


@dataclass(frozen=True)
class ActivityRow:
    """One activity as 阅读活动 lists it."""

    held_on: dt.date
    name: str
    kind: str
    participants: int
    organiser: str
    notes: str


@dataclass
class StocktakeResult:
    """The last finished stocktake, as 盘点情况 shows it."""

    name: str
    scope: str
    started_on: dt.date
    finished_on: dt.date
    expected: int | None
    verified: int | None
    missing: int | None
    misplaced: int | None
    missing_copies: list[tuple[str, str, str, str]] = field(default_factory=list)  # barcode, title, call no., shelf


def room_work_figures(session: Session, period: Period) -> RoomWorkFigures:
    """Adapter: activities, volunteers and duty in ``period`` (tables read directly)."""
    in_period = (Activity.held_on >= period.start, Activity.held_on <= period.end)
    activities, participants, featured = session.execute(
        select(func.count(Activity.id), func.coalesce(func.sum(Activity.participants), 0),
               func.count(Activity.id).filter(Activity.featured.is_(True))).where(*in_period)).one()
    volunteers = session.scalar(select(func.count(Volunteer.id)).where(
        Volunteer.active.is_(True), Volunteer.joined_on <= period.end)) or 0
    shifts = session.execute(select(DutyShift.started_at, DutyShift.ended_at).where(
        DutyShift.started_at >= period.start_at, DutyShift.started_at < period.end_before)).all()
    seconds = sum((ended - started).total_seconds() for started, ended in shifts if ended and ended > started)
    return RoomWorkFigures(activities=activities, participants=int(participants), featured=featured,
                           volunteers=volunteers, duty_shifts=len(shifts), duty_hours=round(seconds / 3600, 1))


def activities_in(session: Session, period: Period) -> list[ActivityRow]:
    """Adapter: the activities held in ``period``, oldest first."""
    from bookroom_desk.services import vocab

    kinds = getattr(vocab, "ACTIVITY_KINDS", None) or ACTIVITY_KINDS
    rows = session.execute(
        select(Activity.held_on, Activity.name, Activity.kind, Activity.participants, Activity.organiser,
               Activity.notes)
        .where(Activity.held_on >= period.start, Activity.held_on <= period.end)
        .order_by(Activity.held_on, Activity.id)).all()
    return [ActivityRow(held_on, name, kinds.get(kind, kind), participants or 0, organiser or "", notes or "")
            for held_on, name, kind, participants, organiser, notes in rows]


_SUMMARY_KEYS = {
    "expected": ("expected", "in_scope", "scope"),
    "verified": ("verified", "found", "ok"),
    "missing": ("missing", "not_found"),
    "misplaced": ("misplaced", "wrong_shelf"),
}


def _summary_count(summary: dict, name: str) -> int | None:
    for key in _SUMMARY_KEYS[name]:
        value = summary.get(key)
        if isinstance(value, list):
            return len(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def last_stocktake(session: Session, end: dt.date, with_copies: bool = False) -> StocktakeResult | None:
    """Adapter: the last stocktake finished by the end of ``end``, from its ``summary`` JSON."""
    stocktake = session.scalars(
        select(Stocktake).where(Stocktake.finished_at.is_not(None),
                                Stocktake.finished_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
        .order_by(Stocktake.finished_at.desc(), Stocktake.id.desc()).limit(1)).first()
    if stocktake is None:
        return None
    try:
        summary = json.loads(stocktake.summary or "{}")
    except ValueError:
        summary = {}
    summary = summary if isinstance(summary, dict) else {}
    copies = _missing_copies(session, stocktake) if with_copies or _summary_count(summary, "missing") is None else []
    missing = _summary_count(summary, "missing")
    return StocktakeResult(
        name=stocktake.name or "",
        scope=_scope_text(session, stocktake),
        started_on=stocktake.started_at.date(),
        finished_on=stocktake.finished_at.date(),
        expected=_summary_count(summary, "expected"),
        verified=_summary_count(summary, "verified"),
        missing=missing if missing is not None else len(copies),
        misplaced=_summary_count(summary, "misplaced"),
        missing_copies=copies,
    )


def _scope_text(session: Session, stocktake: Stocktake) -> str:
    from bookroom_desk.store.models import Shelf

    codes = session.scalars(select(Shelf.code).join(StocktakeShelf, StocktakeShelf.shelf_id == Shelf.id)
                            .where(StocktakeShelf.stocktake_id == stocktake.id).order_by(Shelf.code)).all()
    if not codes:
        return "全部书架"
    return "书架 " + "、".join(codes)


def _missing_copies(session: Session, stocktake: Stocktake) -> list[tuple[str, str, str, str]]:
    """Copies the stocktake marked missing: a 'missing' event written while it was open or at finishing."""
    from bookroom_desk.store.models import Shelf

    until = stocktake.finished_at + dt.timedelta(minutes=1)
    rows = session.execute(
        select(Copy.barcode, Title.title, Title.call_number, func.coalesce(Shelf.code, ""))
        .join(Copy.title).outerjoin(Shelf, Shelf.id == Copy.shelf_id)
        .where(Copy.id.in_(select(CopyEvent.copy_id).where(
            CopyEvent.kind == "missing", CopyEvent.at >= stocktake.started_at, CopyEvent.at <= until)))
        .order_by(Copy.barcode)).all()
    return [tuple(row) for row in rows]


@dataclass(frozen=True)
class CheckItem:
    """One line of 十有自查: the item, 有/无/待补充, and the evidence found."""

    group: str  # 十有 | 基本标准
    item: str
    status: str
    evidence: str


HAVE, HAVE_NOT, TO_FILL = "有", "无", "待补充"


def self_check(session: Session, period: Period, indicators) -> list[CheckItem]:
    """Adapter: the 十有 and the four basic conditions for ``period``.

    Uses ``services.self_check.check_period(session, period)`` when the room-work service
    offers it (returning items with group/item/status/evidence), else judges from the tables.
    """
    try:
        from bookroom_desk.services import self_check as service  # type: ignore[attr-defined]
    except ImportError:
        service = None
    if service is not None and hasattr(service, "check_period"):
        return [CheckItem(i.group, i.item, i.status, i.evidence) for i in service.check_period(session, period)]
    return _own_self_check(session, period, indicators)


def _status(known: bool, present: bool) -> str:
    return TO_FILL if not known else (HAVE if present else HAVE_NOT)


def _own_self_check(session: Session, period: Period, indicators) -> list[CheckItem]:
    from bookroom_desk.services.room import get_profile
    from bookroom_desk.store.models_roomwork import GroupMeeting, PlanItem, ReadingGroup

    profile = get_profile(session)
    work = room_work_figures(session, period)
    years = range(period.start.year, period.end.year + 1)
    plan = session.scalar(select(func.count(PlanItem.id)).where(PlanItem.year.in_(list(years)))) or 0
    groups = session.scalar(select(func.count(ReadingGroup.id)).where(
        ReadingGroup.active.is_(True), ReadingGroup.founded_on <= period.end)) or 0
    meetings = session.scalar(select(func.count(GroupMeeting.id)).where(
        GroupMeeting.held_on >= period.start, GroupMeeting.held_on <= period.end)) or 0
    essays = session.scalar(select(func.count(Activity.id)).where(
        Activity.held_on >= period.start, Activity.held_on <= period.end, Activity.kind.in_(("essay", "quiz")))) or 0
    has_place = profile.area_m2 is not None and profile.seats is not None
    rules = bool((profile.rules_text or "").strip())
    digital = (profile.digital_service or "").strip()
    ten = [
        ("建设有场地", _status(has_place, bool(profile.area_m2) and bool(profile.seats)),
         f"面积 {profile.area_m2 if profile.area_m2 is not None else '未填'} ㎡，座位 "
         f"{profile.seats if profile.seats is not None else '未填'} 个"),
        ("管理有制度", _status(True, rules), "已填写借阅制度" if rules else "未填写借阅制度"),
        ("使用有计划", _status(True, plan > 0), f"年度阅读计划 {plan} 项"),
        ("阅读有组织", _status(True, groups > 0 or work.volunteers > 0),
         f"读书会/兴趣小组 {groups} 个，志愿者 {work.volunteers} 人"),
        ("学习有成果", HAVE if essays or meetings else TO_FILL,
         f"征文、知识竞赛 {essays} 次，读书会活动 {meetings} 次"),
        ("藏书有更新", _status(True, indicators["acquired"] > 0), f"本期新增 {indicators['acquired']} 册"),
        ("日常有人管", _status(True, work.duty_shifts > 0), f"{work.duty_shifts} 次值班记录，共 {work.duty_hours} 小时"),
        ("定期有活动", _status(True, work.activities > 0), f"{work.activities} 次活动，{work.participants} 人次参与"),
        ("活动有特色", _status(True, work.featured > 0), f"特色活动 {work.featured} 次"),
        ("长期有作用", _status(True, indicators["loans"] > 0),
         f"本期借出 {indicators['loans']} 册次，借阅读者 {indicators['borrowers']} 人"),
    ]
    volumes, minimum = indicators["volumes"], indicators["minimum"]
    basic = [
        ("统一标牌", HAVE if profile.nameplate else HAVE_NOT, "已悬挂统一制式标牌" if profile.nameplate else "未登记标牌"),
        ("图书不少于3000册", HAVE if volumes >= minimum else HAVE_NOT, f"藏书 {volumes} 册，{indicators['standard']}"),
        ("数字阅读服务", HAVE if digital else TO_FILL, digital or "未填写数字阅读平台"),
        ("借阅制度", HAVE if rules else TO_FILL, "已填写借阅及管理制度" if rules else "未填写借阅制度"),
    ]
    return ([CheckItem("十有", item, status, evidence) for item, status, evidence in ten]
            + [CheckItem("基本标准", item, status, evidence) for item, status, evidence in basic])
