"""Where a reader is named outside their own row: their volunteer record and its duty, groups, activities, free text.

A reader may also be a volunteer (``volunteers.reader_id``, or a duty card equal to their reader
card); that record holds their name, contact and card, and its duty shifts are theirs. Reading-group
membership, a group led or an activity organised under their name, an account logging in with their
card, their reads in the room and visits (阅览, 入馆), and their name, phone or card written into notes and the
audit log are theirs too. ``collect``
gathers all of it for a data request; ``erase`` removes every one of those identifiers, keeping the
rows that statistics count (the volunteer on the register, the shifts and their hours, memberships).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from bookroom_desk.services.common import clock
from bookroom_desk.store.models import Copy, CopyEvent, Loan, Reader, Shelf, Title
from bookroom_desk.store.models_access import Account, AuditEntry
from bookroom_desk.store.models_calendar import ClosedDates
from bookroom_desk.store.models_holds import Hold
from bookroom_desk.store.models_reading import RoomRead, RoomVisit
from bookroom_desk.store.models_roomwork import (
    Activity,
    ActivityPhoto,
    DutyShift,
    GroupMeeting,
    GroupMember,
    PlanItem,
    ReadingGroup,
    Volunteer,
)
from bookroom_desk.store.models_stocktake import Stocktake

#: What an erased name or phone number is replaced with in free text (a card becomes the erased card).
ERASED = "（已删除）"
#: Free-text columns where a person may be written down (bibliographic fields and account names are not).
FREE_TEXT: tuple[InstrumentedAttribute[str] | InstrumentedAttribute[str | None], ...] = (
    Activity.name, Activity.organiser, Activity.notes, ActivityPhoto.caption, AuditEntry.detail, ClosedDates.reason,
    Copy.removed_reason, Copy.notes, CopyEvent.detail, GroupMeeting.topic, GroupMeeting.notes, PlanItem.name,
    PlanItem.notes, ReadingGroup.leader, ReadingGroup.description, Reader.notes, Shelf.notes, Stocktake.summary,
    Stocktake.notes, Title.notes, Volunteer.training, Volunteer.notes, DutyShift.notes, RoomVisit.note,
    Loan.override_reason,  # NULL on most loans; replace() leaves a NULL as it is
)
#: Shorter identifiers are not looked for in free text (a 3-digit employee number is in many a note).
SHORTEST = {"name": 2, "phone": 5, "card": 3, "employee_no": 4}


def volunteer_of(session: Session, reader: Reader) -> Volunteer | None:
    """The volunteer record that is this reader: linked to them, or carrying their card as its duty card."""
    return session.scalar(select(Volunteer).where(or_(Volunteer.reader_id == reader.id, Volunteer.card == reader.card))
                          .order_by(Volunteer.id).limit(1))


def collect(session: Session, reader: Reader) -> dict[str, Any]:
    """Everything about ``reader`` stored outside their own row and their loans, for ``privacy.reader_data``."""
    volunteer = volunteer_of(session, reader)
    names = [n for n in (reader.name, volunteer.name if volunteer else "") if n]
    cards = [c for c in (reader.card, volunteer.card if volunteer else None) if c]
    data: dict[str, Any] = {"volunteer": None}
    if volunteer is not None:
        shifts = session.scalars(select(DutyShift).where(DutyShift.volunteer_id == volunteer.id)
                                 .order_by(DutyShift.started_at, DutyShift.id))
        data["volunteer"] = {
            "name": volunteer.name, "contact": volunteer.contact, "card": volunteer.card,
            "training": volunteer.training, "joined_on": volunteer.joined_on.isoformat(), "active": volunteer.active,
            "notes": volunteer.notes,
            "duty_shifts": [{"started_at": s.started_at.isoformat(sep=" "),
                             "ended_at": s.ended_at.isoformat(sep=" ") if s.ended_at else None, "notes": s.notes}
                            for s in shifts]}
    groups = session.execute(select(ReadingGroup.name, GroupMember.joined_on).join(GroupMember)
                             .where(GroupMember.reader_id == reader.id).order_by(GroupMember.joined_on))
    data["reading_groups"] = [{"name": name, "joined_on": joined.isoformat()} for name, joined in groups]
    data["groups_led"] = list(session.scalars(select(ReadingGroup.name).where(ReadingGroup.leader.in_(names))))
    data["activities_organised"] = [
        {"held_on": held.isoformat(), "name": name} for held, name in session.execute(
            select(Activity.held_on, Activity.name).where(Activity.organiser.in_(names)).order_by(Activity.held_on))]
    data["accounts"] = list(session.scalars(select(Account.name).where(Account.card.in_(cards))))
    reads = session.execute(
        select(RoomRead.at, Copy.barcode, Title.title).join(Copy, Copy.id == RoomRead.copy_id)
        .join(Title, Title.id == Copy.title_id).where(RoomRead.reader_id == reader.id).order_by(RoomRead.at, RoomRead.id))
    data["room_reads"] = [{"at": at.isoformat(sep=" "), "barcode": barcode, "title": title} for at, barcode, title in reads]
    data["visits"] = [at.isoformat(sep=" ") for at in session.scalars(
        select(RoomVisit.at).where(RoomVisit.reader_id == reader.id).order_by(RoomVisit.at, RoomVisit.id))]
    data["holds"] = [{"title": title, "placed_at": hold.placed_at.isoformat(sep=" "), "state": hold.state}
                     for hold, title in session.execute(select(Hold, Title.title).join(Title, Title.id == Hold.title_id)
                                                        .where(Hold.reader_id == reader.id).order_by(Hold.placed_at))]
    return data


def _identifiers(reader: Reader, volunteer: Volunteer | None, erased_card: str) -> list[tuple[str, str]]:
    """(identifier, replacement) pairs to look for in free text, longest first (a card before its prefix)."""
    found = {(reader.name, "name"), (reader.phone, "phone"), (reader.card, "card"), (reader.employee_no, "employee_no")}
    if volunteer is not None:
        found |= {(volunteer.name, "name"), (volunteer.contact, "phone"), (volunteer.card or "", "card")}
    pairs = {(text.strip(), erased_card if kind == "card" else ERASED)
             for text, kind in found if len((text or "").strip()) >= SHORTEST[kind]}
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def erase(session: Session, reader: Reader, erased_card: str, *, actor: str) -> None:
    """Remove ``reader``'s identifiers everywhere but their own row (the caller blanks it afterwards)."""
    volunteer = volunteer_of(session, reader)
    identifiers = _identifiers(reader, volunteer, erased_card)
    cards = [c for c in (reader.card, volunteer.card if volunteer else None) if c]
    names = [n for n in (reader.name, volunteer.name if volunteer else "") if n]
    session.execute(update(Account).where(Account.card.in_(cards)).values(card=None)
                    .execution_options(synchronize_session=False))
    if names:
        session.execute(update(ReadingGroup).where(ReadingGroup.leader.in_(names)).values(leader="")
                        .execution_options(synchronize_session=False))
        session.execute(update(Activity).where(Activity.organiser.in_(names)).values(organiser="")
                        .execution_options(synchronize_session=False))
    if volunteer is not None:  # stays on the register, with its shifts, for the counts; names no one
        session.execute(update(DutyShift).where(DutyShift.volunteer_id == volunteer.id).values(notes="")
                        .execution_options(synchronize_session=False))
        volunteer.name, volunteer.contact, volunteer.card, volunteer.reader_id = "", "", None, None
        volunteer.training, volunteer.notes = "", ""
    for table in (RoomRead, RoomVisit):  # reads in the room and visits stay counted, for nobody known
        session.execute(update(table).where(table.reader_id == reader.id).values(reader_id=None)
                        .execution_options(synchronize_session=False))
    session.flush()
    # An erased reader waits for nothing: their waiting holds are cancelled, and a ready one is due to expire at
    # once, so circulation.holds passes its copy on (to the next reader, or the shelf) at its next expiry run or scan.
    now = clock.now()
    session.execute(update(Hold).where(Hold.reader_id == reader.id, Hold.state == "waiting")
                    .values(state="cancelled", closed_at=now, cancelled_by=actor)
                    .execution_options(synchronize_session=False))
    session.execute(update(Hold).where(Hold.reader_id == reader.id, Hold.state == "ready")
                    .values(expires_on=now.date() - dt.timedelta(days=1))
                    .execution_options(synchronize_session=False))
    for column in FREE_TEXT:
        for text, replacement in identifiers:
            session.execute(update(column.class_).where(column.contains(text, autoescape=True))
                            .values({column.key: func.replace(column, text, replacement)})
                            .execution_options(synchronize_session=False))
    session.expire_all()

