"""阅读推广志愿者 and their duty (值班): cards scanned to start and end a shift, hours by month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.services.common.entry import visible
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork import checks
from bookroom_desk.store.models import Reader
from bookroom_desk.store.models_roomwork import DutyShift, Volunteer
from bookroom_desk.text import QT_TRANSLATE_NOOP

FIELDS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("roomwork", "姓名"),
    "contact": QT_TRANSLATE_NOOP("roomwork", "联系方式"),
    "card": QT_TRANSLATE_NOOP("roomwork", "值班卡号"),
    "reader_card": QT_TRANSLATE_NOOP("roomwork", "读者证号"),
    "training": QT_TRANSLATE_NOOP("roomwork", "培训情况"),
    "joined_on": QT_TRANSLATE_NOOP("roomwork", "加入日期"),
    "active": QT_TRANSLATE_NOOP("roomwork", "在册"),
    "notes": QT_TRANSLATE_NOOP("roomwork", "备注"),
}
STARTED, ENDED = "started", "ended"


@dataclass(frozen=True)
class DutyEvent:
    """What a duty scan or click did: started or ended a shift, for whom."""

    kind: str
    volunteer_id: int
    volunteer: str
    shift_id: int
    at: dt.datetime
    hours: float | None = None  # the ended shift's length


@dataclass(frozen=True)
class VolunteerHours:
    """One volunteer's duty hours in each month of a period."""

    volunteer_id: int
    name: str
    months: dict[tuple[int, int], float]
    shifts: int

    @property
    def total(self) -> float:
        return round(sum(self.months.values()), 2)


def _reader_by_card(session: Session, card: str) -> Reader:
    reader = session.scalar(select(Reader).where(Reader.card == normalize(card)))
    if reader is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "没有读者证号为“{card}”的读者。"), card=card,
                       field="reader_card")
    return reader


def _checked(session: Session, volunteer: Volunteer | None, values: dict) -> dict:
    out: dict[str, Any] = {}
    for key, value in values.items():
        title = FIELDS[key]
        if key == "name":
            out[key] = checks.required_text(value, key, title, Volunteer.name)
        elif key == "contact":
            out[key] = checks.limited_text(value, key, title, Volunteer.contact)
        elif key == "joined_on":
            out[key] = checks.past_date(value, key, title)
        elif key == "card":
            code = normalize(value or "")
            if len(code) > 40:
                raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{title}”最多 {limit} 个字。"),
                                   title=title, limit=40, field=key)
            out[key] = code or None
        elif key == "reader_card":
            out["reader_id"] = _reader_by_card(session, value).id if (value or "").strip() else None
        elif key == "active":
            out[key] = bool(value)
        else:
            out[key] = checks.limited_text(value, key, title)
    card = out.get("card", volunteer.card if volunteer else None)
    reader_id = out.get("reader_id", volunteer.reader_id if volunteer else None)
    if card:
        other = session.scalar(select(Volunteer).where(Volunteer.card == card))
        if other is not None and other is not volunteer:
            raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "值班卡号“{card}”已给了志愿者{name}。"),
                           card=card, name=other.name, field="card")
        reader = session.scalar(select(Reader).where(Reader.card == card))
        if reader is not None and reader.id != reader_id:
            raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "“{card}”是读者{name}的读者证，不能作另一人的值班卡。"),
                           card=card, name=reader.name, field="card")
    if reader_id is not None:
        other = session.scalar(select(Volunteer).where(Volunteer.reader_id == reader_id))
        if other is not None and other is not volunteer:
            raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "这位读者已登记为志愿者{name}。"), name=other.name,
                           field="reader_card")
    return out


def add_volunteer(session: Session, *, name: str, joined_on: dt.date, contact: str = "", card: str = "",
                  reader_card: str = "", training: str = "", notes: str = "", active: bool = True) -> Volunteer:
    """Register a volunteer; ``card`` (own duty card) and ``reader_card`` (their reader card) are optional."""
    values = _checked(session, None, dict(name=name, contact=contact, card=card, reader_card=reader_card,
                                          training=training, joined_on=joined_on, notes=notes, active=active))
    volunteer = Volunteer(**values)
    session.add(volunteer)
    session.flush()
    return volunteer


def get_volunteer(session: Session, volunteer_id: int) -> Volunteer:
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这位志愿者（编号 {id}）。"), id=volunteer_id)
    return volunteer


def update_volunteer(session: Session, volunteer_id: int, **values) -> Volunteer:
    volunteer = get_volunteer(session, volunteer_id)
    for key, value in _checked(session, volunteer, values).items():
        setattr(volunteer, key, value)
    if not volunteer.active:
        _end_open(session, volunteer)
    session.flush()
    return volunteer


def list_volunteers(session: Session, include_inactive: bool = True) -> list[Volunteer]:
    stmt = select(Volunteer).order_by(Volunteer.active.desc(), Volunteer.joined_on, Volunteer.id)
    if not include_inactive:
        stmt = stmt.where(Volunteer.active.is_(True))
    return list(session.scalars(stmt))


def active_volunteers(session: Session, on: dt.date) -> list[Volunteer]:
    """Volunteers on the register at the end of ``on`` (active, joined by then) — the return's 志愿者."""
    return list(session.scalars(select(Volunteer).where(Volunteer.active.is_(True), Volunteer.joined_on <= on)
                                .order_by(Volunteer.joined_on, Volunteer.id)))


def reader_card_of(session: Session, volunteer: Volunteer) -> str:
    if not volunteer.reader_id:
        return ""
    reader = session.get(Reader, volunteer.reader_id)
    assert reader is not None  # volunteers.reader_id is a foreign key to readers
    return reader.card


# --- duty ---------------------------------------------------------------------------------

def open_shift(session: Session, volunteer_id: int) -> DutyShift | None:
    return session.scalar(select(DutyShift).where(DutyShift.volunteer_id == volunteer_id,
                                                  DutyShift.ended_at.is_(None)))


def open_shifts(session: Session) -> list[DutyShift]:
    return list(session.scalars(select(DutyShift).where(DutyShift.ended_at.is_(None)).order_by(DutyShift.started_at)))


def _hours(start: dt.datetime, end: dt.datetime) -> float:
    return round((end - start).total_seconds() / 3600, 2)


def start_duty(session: Session, volunteer_id: int, at: dt.datetime | None = None) -> DutyEvent:
    volunteer = get_volunteer(session, volunteer_id)
    if not volunteer.active:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "志愿者{name}已不在册，不能开始值班。"), name=volunteer.name)
    if open_shift(session, volunteer.id) is not None:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "志愿者{name}已在值班中。"), name=volunteer.name)
    shift = DutyShift(volunteer_id=volunteer.id, started_at=at or clock.now(), ended_at=None, notes="")
    session.add(shift)
    try:
        session.flush()  # the unique partial index refuses a second open shift from another desk
    except IntegrityError:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "志愿者{name}已在值班中。"), name=volunteer.name) from None
    return DutyEvent(STARTED, volunteer.id, volunteer.name, shift.id, shift.started_at)


def end_duty(session: Session, volunteer_id: int, at: dt.datetime | None = None) -> DutyEvent:
    volunteer = get_volunteer(session, volunteer_id)
    shift = open_shift(session, volunteer.id)
    if shift is None:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "志愿者{name}现在没有在值班。"), name=volunteer.name)
    shift.ended_at = max(at or clock.now(), shift.started_at)
    session.flush()
    return DutyEvent(ENDED, volunteer.id, volunteer.name, shift.id, shift.ended_at,
                     _hours(shift.started_at, shift.ended_at))


def toggle_duty(session: Session, volunteer_id: int) -> DutyEvent:
    """Start the volunteer's shift, or end it if one is open (the click on the page)."""
    if open_shift(session, volunteer_id) is not None:
        return end_duty(session, volunteer_id)
    return start_duty(session, volunteer_id)


def volunteer_for_scan(session: Session, raw: str) -> Volunteer:
    """The volunteer whose duty card, or linked reader card, was scanned."""
    code = normalize(raw)
    if not code:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请扫描志愿者的值班卡或读者证。"))
    volunteer = session.scalar(select(Volunteer).where(Volunteer.card == code))
    if volunteer is None:
        volunteer = session.scalar(select(Volunteer).join(Reader, Reader.id == Volunteer.reader_id)
                                   .where(Reader.card == code))
    if volunteer is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "“{code}”不是哪位志愿者的卡。"), code=code)
    return volunteer


def scan_duty(session: Session, raw: str) -> DutyEvent:
    """A card scanned on the duty field: starts the volunteer's shift, or ends the open one."""
    return toggle_duty(session, volunteer_for_scan(session, raw).id)


def _end_open(session: Session, volunteer: Volunteer) -> None:
    shift = open_shift(session, volunteer.id)
    if shift is not None:
        shift.ended_at = max(clock.now(), shift.started_at)


def record_shift(session: Session, volunteer_id: int, started_at: dt.datetime, ended_at: dt.datetime,
                 notes: str = "", shift_id: int | None = None) -> DutyShift:
    """Enter (or correct) a finished shift kept on paper; refuses overlaps and times in the future."""
    volunteer = get_volunteer(session, volunteer_id)
    if ended_at <= started_at:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "值班结束时间应晚于开始时间。"), field="ended_at")
    if ended_at > clock.now():
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "值班结束时间晚于现在。"), field="ended_at")
    if ended_at - started_at > dt.timedelta(hours=24):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "一次值班不能超过 24 小时。"), field="ended_at")
    overlap = session.scalar(select(DutyShift.id).where(
        DutyShift.volunteer_id == volunteer.id, DutyShift.id != (shift_id or 0),
        DutyShift.started_at < ended_at, or_(DutyShift.ended_at.is_(None), DutyShift.ended_at > started_at)))
    if overlap is not None:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "志愿者{name}在这段时间已有值班记录。"), name=volunteer.name)
    shift = session.get(DutyShift, shift_id) if shift_id else DutyShift(volunteer_id=volunteer.id)
    if shift is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这次值班（编号 {id}）。"), id=shift_id)
    shift.volunteer_id, shift.started_at, shift.ended_at, shift.notes = volunteer.id, started_at, ended_at, visible(notes).strip()
    session.add(shift)
    session.flush()
    return shift


def delete_shift(session: Session, shift_id: int) -> None:
    shift = session.get(DutyShift, shift_id)
    if shift is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这次值班（编号 {id}）。"), id=shift_id)
    session.delete(shift)
    session.flush()


def shifts_in(session: Session, period: Period, include_open: bool = False) -> list[DutyShift]:
    """Shifts that overlap ``period``, ended ones only unless ``include_open`` (counted up to now)."""
    overlaps = and_(DutyShift.started_at < period.end_before,
                    or_(DutyShift.ended_at > period.start_at, DutyShift.ended_at.is_(None)))
    stmt = select(DutyShift).where(overlaps).order_by(DutyShift.started_at)
    if not include_open:
        stmt = stmt.where(DutyShift.ended_at.is_not(None))
    return list(session.scalars(stmt))


def _clipped(shift: DutyShift, start: dt.datetime, end: dt.datetime) -> tuple[dt.datetime, dt.datetime] | None:
    begin = max(shift.started_at, start)
    finish = min(shift.ended_at or max(clock.now(), shift.started_at), end)
    return (begin, finish) if finish > begin else None


def duty_hours(session: Session, period: Period, include_open: bool = False) -> float:
    """Hours on duty within ``period``: shifts clipped at its bounds; the return counts ended shifts."""
    total = 0.0
    for shift in shifts_in(session, period, include_open):
        span = _clipped(shift, period.start_at, period.end_before)
        if span:
            total += (span[1] - span[0]).total_seconds()
    return round(total / 3600, 2)


def hours_by_volunteer(session: Session, period: Period, include_open: bool = False) -> list[VolunteerHours]:
    """Each volunteer's hours per month of ``period`` (shifts split at month bounds), by name."""
    months = period.months()
    by_volunteer: dict[int, dict[tuple[int, int], float]] = {}
    shifts: dict[int, int] = {}
    for shift in shifts_in(session, period, include_open):
        hours = by_volunteer.setdefault(shift.volunteer_id, {m: 0.0 for m in months})
        shifts[shift.volunteer_id] = shifts.get(shift.volunteer_id, 0) + 1
        for year, month in months:
            first = dt.datetime(year, month, 1)
            following = dt.datetime(year + month // 12, month % 12 + 1, 1)
            span = _clipped(shift, max(first, period.start_at), min(following, period.end_before))
            if span:
                hours[(year, month)] += (span[1] - span[0]).total_seconds() / 3600
    names = dict(session.execute(select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(by_volunteer))).all())
    rows = [VolunteerHours(vid, names[vid], {m: round(h, 2) for m, h in hours.items()}, shifts[vid])
            for vid, hours in by_volunteer.items()]
    return sorted(rows, key=lambda r: (-r.total, r.name))


def shift_count(session: Session, period: Period) -> int:
    """Ended shifts that started within ``period``."""
    return sum(1 for s in shifts_in(session, period) if period.start_at <= s.started_at < period.end_before)
