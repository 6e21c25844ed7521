"""What the return reads from other capabilities: room work (activities, volunteers, duty, the 十有) and stocktake.

One adapter per need, each calling the owning service and turning its answer into the plain,
Chinese-labelled rows the return writes (the return's text is fixed Chinese in every language).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import self_check as self_check_service
from bookroom_desk.services.roomwork import activities, volunteers
from bookroom_desk.services.stocktake import counting, results
from bookroom_desk.store.models_stocktake import Stocktake


@dataclass(frozen=True)
class ServiceFigures:
    """The desk's services of a period beyond lending (return format 2): visits, in-room reads, holds, reminders."""

    visits: int = 0
    reads_in_room: int = 0
    holds: int = 0
    notices: int = 0


def service_figures(session: Session, period: Period) -> ServiceFigures:
    """到馆人次, 阅览册次, 预约（次）, 催还（次） of ``period``, each from the service that keeps it."""
    from bookroom_desk.services.circulation import holds, reading, reminders

    start = dt.datetime.combine(period.start, dt.time())
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time())
    use = reading.room_use(session, period)
    return ServiceFigures(visits=use.visits, reads_in_room=use.reads, holds=holds.placed_between(session, start, end),
                          notices=reminders.notices_between(session, start, end))


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
    """Activities, participants, volunteers on the register and ended duty in ``period``."""
    totals = activities.totals(session, period)
    return RoomWorkFigures(activities=totals.count, participants=totals.participants, featured=totals.featured,
                           volunteers=len(volunteers.active_volunteers(session, period.end)),
                           duty_shifts=volunteers.shift_count(session, period),
                           duty_hours=round(volunteers.duty_hours(session, period), 1))


def activities_in(session: Session, period: Period) -> list[ActivityRow]:
    """The activities held in ``period``, oldest first, kinds in Chinese."""
    return [ActivityRow(row.held_on, row.name, activities.ACTIVITY_KINDS.get(row.kind, row.kind), row.participants,
                        row.organiser or "", row.notes or "") for row in activities.activities_in(session, period)]


def last_stocktake(session: Session, end: dt.date, with_copies: bool = False) -> StocktakeResult | None:
    """The last stocktake finished by the end of ``end``: its frozen counts and, if asked, its missing copies."""
    found = session.scalars(
        select(Stocktake).where(Stocktake.finished_at.is_not(None),
                                Stocktake.finished_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
        .order_by(Stocktake.finished_at.desc(), Stocktake.id.desc()).limit(1)).first()
    if found is None:
        return None
    assert found.finished_at is not None  # the query asks for finished ones
    counts = json.loads(found.summary).get("counts", {}) if found.summary else {}
    if found.all_shelves:
        scope = "全部书架"
    else:
        scope = "书架 " + "、".join(shelf.code for shelf in counting.scope_shelves(session, found))
    copies = []
    if with_copies:
        copies = [(row.barcode, row.title, row.call_number, row.home_shelf)
                  for row in results.rows(session, found, "missing", limit=None)]
    return StocktakeResult(
        name=found.name or "", scope=scope, started_on=found.started_at.date(), finished_on=found.finished_at.date(),
        expected=counts.get("expected"), verified=counts.get("verified"), missing=counts.get("missing"),
        misplaced=counts.get("misplaced"), missing_copies=copies)


@dataclass(frozen=True)
class CheckItem:
    """One line of 十有自查: the item, 有/无/待补充, and the evidence found."""

    group: str  # 十有 | 基本标准
    item: str
    status: str  # 有 | 无 | 待补充
    evidence: str
    missing: str = ""  # what would make it 有


def self_check(session: Session, period: Period, facts=None) -> list[CheckItem]:
    """The ten items of the 十有, then the four conditions of the basic standard, in Chinese (``facts``:
    the period's facts, when read already)."""
    check = self_check_service.self_check(session, period, period_facts=facts)
    groups = {"ten": "十有", "condition": "基本标准"}
    return [CheckItem(groups.get(item.group, item.group), item.title_source, self_check_service.STATES[item.state],
                      item.evidence_chinese, item.missing.chinese) for item in check.items + check.conditions]
