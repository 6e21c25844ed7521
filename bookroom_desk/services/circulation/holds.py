"""Holds (预约): a reader waits for any copy of a title; the first copy checked in is kept for them.

Decisions:

- A hold is on a title (any copy). The title's holds queue by the time they were placed (placed_at,
  then id). A hold is waiting, then ready (a copy kept on the hold shelf, status 预约保留), then filled
  (lent to its reader), expired (not collected in time) or cancelled.
- Placing is refused for a title the room does not hold (no copy in the holdings), for a reader who
  has left or whose card is suspended, for a second open hold of the same reader on the same title,
  and beyond the reader category's most holds at once (``max_holds``). Nothing is stored then.
- When a copy of a held title comes back at the desk, the first waiting hold becomes ready with that
  copy: the copy goes to 预约保留 and the desk says for whom. The hold waits ``hold_days`` days of the
  reader's category, counted by :func:`last_pickup_day` (calendar days until the room has an opening
  calendar), the last of them ``expires_on``.
- A 预约保留 copy is lent only to its hold's reader, which fills the hold; anyone else is refused, unless an
  administrator overrides the refusal (F10, with a reason kept on the loan: overrides.py, refusal "held").
  Then, as in Koha, the hold stays: it waits again at its place in the queue, and the next copy of the title
  checked in is kept for it (:func:`release`).
- A ready hold past ``expires_on`` expires (at :func:`expire`, which the holds list and the command line
  run, and at once when its copy is scanned for lending): the copy goes to the next waiting hold of the
  title, or back on the shelf (在架). Cancelling a ready hold passes its copy on the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput, NotFound, Refused
from bookroom_desk.services.circulation import statements as sql
from bookroom_desk.services.circulation.results import Offer, ScanResult, _refused, say
from bookroom_desk.services.common import calendar, clock, settings
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.services.common.isbn import normalize_isbn
from bookroom_desk.services.common.vocab import AVAILABLE, HELD, NOT_HOLDINGS
from bookroom_desk.store.models import Copy, Reader, ReaderCategory, Title
from bookroom_desk.store.models_holds import Hold
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "holds"
WAITING, READY, EXPIRED, FILLED, CANCELLED = "waiting", "ready", "expired", "filled", "cancelled"
OPEN = (WAITING, READY)
STATES: dict[str, str] = {
    WAITING: QT_TRANSLATE_NOOP("holds", "等待中"),
    READY: QT_TRANSLATE_NOOP("holds", "待取"),
    EXPIRED: QT_TRANSLATE_NOOP("holds", "已过期"),
    FILLED: QT_TRANSLATE_NOOP("holds", "已借出"),
    CANCELLED: QT_TRANSLATE_NOOP("holds", "已取消"),
}

NOT_HELD = QT_TRANSLATE_NOOP("BookroomError", "书屋没有《{title}》的藏书，不能预约。")
NO_TITLE = QT_TRANSLATE_NOOP("BookroomError", "“{code}”不是本书屋的ISBN或图书条码，找不到要预约的书目。")
NO_READER = QT_TRANSLATE_NOOP("BookroomError", "读者证“{card}”未登记。")
READER_LEFT = QT_TRANSLATE_NOOP("BookroomError", "{name}已离职，不能预约。")
READER_SUSPENDED = QT_TRANSLATE_NOOP("BookroomError", "{name}的读者证已停用，不能预约。")
TWICE = QT_TRANSLATE_NOOP("BookroomError", "{name}已经预约了《{title}》，不能重复预约。")
TOO_MANY = QT_TRANSLATE_NOOP("BookroomError", "{name}已有 {count} 个预约，达到“{category}”的上限 {max} 个。")
NO_HOLD = QT_TRANSLATE_NOOP("BookroomError", "找不到编号为 {id} 的预约。")
CLOSED = QT_TRANSLATE_NOOP("BookroomError", "预约 {id} 已经是“{state}”，不能取消。")


def state_label(state: str) -> str:
    text = STATES.get(state)
    return translate(CONTEXT, text) if text else state


def last_pickup_day(session: Session, start: dt.date, days: int) -> dt.date:
    """The last day a hold made ready on ``start`` waits: ``days`` of the room's open days on (its opening
    calendar; with none, every day is open)."""
    from bookroom_desk.services.common import calendar

    return calendar.due_date(session, start, max(1, days), count_open_days=True)


# --- placing and cancelling ------------------------------------------------------------------


def _reader(session: Session, card: str) -> Reader:
    reader = session.scalar(select(Reader).where(Reader.card == normalize(card)))
    if reader is None:
        raise NotFound(NO_READER, card=normalize(card))
    return reader


def find_title(session: Session, code: str) -> Title:
    """The title an ISBN or a copy's barcode names."""
    code = normalize(code)
    copy = session.scalar(select(Copy).where(Copy.barcode == code))
    if copy is not None:
        return copy.title
    try:
        isbn = normalize_isbn(code)
    except InvalidInput:
        isbn = None
    title = session.scalar(select(Title).where(Title.isbn == isbn)) if isbn else None
    if title is None:
        raise NotFound(NO_TITLE, code=code)
    return title


def open_count(session: Session, reader_id: int) -> int:
    return session.scalar(select(func.count(Hold.id)).where(Hold.reader_id == reader_id, Hold.state.in_(OPEN))) or 0


def place(session: Session, card: str, title_id: int, *, actor: str) -> Hold:
    """A new waiting hold of the reader ``card`` on the title, or Refused/NotFound with why not."""
    reader = _reader(session, card)
    title = session.get(Title, title_id)
    if title is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这条书目（可能已被删除）。"))
    return _place(session, reader, title, actor)


def place_by_code(session: Session, card: str, code: str, *, actor: str) -> Hold:
    """:func:`place` with the title named by an ISBN or a copy's barcode (the command line's way)."""
    reader = _reader(session, card)
    return _place(session, reader, find_title(session, code), actor)


def _place(session: Session, reader: Reader, title: Title, actor: str) -> Hold:
    if reader.status == "left":
        raise Refused(READER_LEFT, name=reader.name)
    if reader.status == "suspended":
        raise Refused(READER_SUSPENDED, name=reader.name)
    held = session.scalar(select(func.count(Copy.id)).where(Copy.title_id == title.id,
                                                            Copy.status.not_in(NOT_HOLDINGS)))
    if not held:
        raise Refused(NOT_HELD, title=title.title)
    twice = session.scalar(select(Hold.id).where(Hold.reader_id == reader.id, Hold.title_id == title.id,
                                                 Hold.state.in_(OPEN)).limit(1))
    if twice is not None:
        raise Refused(TWICE, name=reader.name, title=title.title)
    category = session.get(ReaderCategory, reader.category_id)
    assert category is not None  # a reader's category cannot be deleted while it has readers
    count = open_count(session, reader.id)
    if count >= category.max_holds:
        raise Refused(TOO_MANY, name=reader.name, count=count, category=category.name, max=category.max_holds)
    hold = Hold(title_id=title.id, reader_id=reader.id, placed_at=clock.now(), placed_by=actor, state=WAITING,
                cancelled_by="")
    session.add(hold)
    session.flush()
    return hold


def _get(session: Session, hold_id: int) -> Hold:
    hold = session.get(Hold, hold_id)
    if hold is None:
        raise NotFound(NO_HOLD, id=hold_id)
    return hold


def cancel(session: Session, hold_id: int, *, actor: str) -> Hold:
    """Cancel a waiting or ready hold; a ready hold's copy passes to the next in the queue or back to the shelf."""
    hold = _get(session, hold_id)
    if hold.state not in OPEN:
        raise Refused(CLOSED, id=hold_id, state=state_label(hold.state))
    copy_id = hold.copy_id if hold.state == READY else None
    hold.state, hold.closed_at, hold.cancelled_by = CANCELLED, clock.now(), actor
    session.flush()
    if copy_id is not None:
        pass_on(session, copy_id, actor=actor)
    return hold


def position(session: Session, hold: Hold) -> int:
    """Where a waiting hold stands in its title's queue (1: next); 0 for a hold not waiting."""
    if hold.state != WAITING:
        return 0
    ahead = session.scalar(select(func.count(Hold.id)).where(
        Hold.title_id == hold.title_id, Hold.state == WAITING,
        (Hold.placed_at < hold.placed_at) | ((Hold.placed_at == hold.placed_at) & (Hold.id < hold.id)))) or 0
    return ahead + 1


# --- a copy comes back, expires, is lent -----------------------------------------------------


@dataclass(frozen=True)
class HoldNotice:
    """A copy just kept for a hold: for the desk's screen and a hold slip."""

    hold_id: int
    reader_name: str
    card: str
    phone: str
    department: str
    title: str
    barcode: str
    expires_on: dt.date
    event_id: int  # the copy's CopyEvent "held" (0: an earlier one, for the copy kept before this scan)
    #: settings.HOLD_SLIP_ON_READY as the scan's own statement read it; None when not read with the hold
    slip_on_ready: bool | None = None

    def message(self) -> str:
        return translate(CONTEXT, QT_TRANSLATE_NOOP("holds", "留给 {name} {card}（预约）")).format(
            name=self.reader_name, card=self.card)


_NEXT = (select(Hold.id, Reader.name, Reader.card, Reader.phone, Reader.department, ReaderCategory.hold_days)
         .join(Reader, Reader.id == Hold.reader_id).join(ReaderCategory, ReaderCategory.id == Reader.category_id)
         .where(sql.hold_state_is(WAITING)).order_by(Hold.placed_at, Hold.id).limit(1))


_MAKE_READY = (update(Hold.__table__).where(Hold.__table__.c.id == bindparam("hold_id"))
               .values(state=READY, copy_id=bindparam("copy_id"), ready_at=bindparam("at"),
                       expires_on=bindparam("expires")))


def _make_ready(session: Session, copy_id: int, actor: str, known: tuple[int, str, str] | None = None,
                queue: sql.DeskRow | None = None) -> HoldNotice | None:
    """The first waiting hold of the copy's title gets the copy (预约保留); None when nobody waits.
    ``known``: the copy's title_id, barcode and title, when the caller read them in this unit of work;
    ``queue``: the copy's row (statements.copy_row) with the first waiting hold, read in this unit of work."""
    title_id, barcode, title = known or session.execute(
        select(Copy.title_id, Copy.barcode, Title.title).join(Title, Title.id == Copy.title_id)
        .where(Copy.id == copy_id)).one()
    today = clock.today()
    if queue is not None:  # the copy's row brought the hold, its reader, hold_days and the calendar of its last day
        if queue.next_hold_id is None:
            return None
        hold_id, name, card, phone, department = (queue.next_hold_id, queue.next_reader_name, queue.next_card,
                                                  queue.next_phone, queue.next_department)
        expires = calendar.due_date_on(session, calendar.week_of(queue.next_open_week), today,
                                       max(1, queue.next_hold_days), count_open_days=True,
                                       closed_ahead=bool(queue.next_closed_ahead))
        slip = bool(settings.parse(settings.HOLD_SLIP_ON_READY, queue.next_slip_on_ready))
    else:
        row = session.execute(_NEXT.where(Hold.title_id == title_id)).first()
        if row is None:
            return None
        hold_id, name, card, phone, department = row.id, row.name, row.card, row.phone, row.department
        expires = last_pickup_day(session, today, row.hold_days)
        slip = None
    now = clock.now()
    sql._flushed(session).execute(_MAKE_READY, {"hold_id": hold_id, "copy_id": copy_id, "at": now,
                                                "expires": expires})
    sql.set_status(session, copy_id, HELD)
    event = sql.add_event(session, copy_id, now, "held", f"预约 {hold_id} {card}", actor)
    _expire_loaded(session, hold_id)
    return HoldNotice(hold_id, name, card, phone or "", department or "", title, barcode, expires, event, slip)


def _expire_loaded(session: Session, hold_id: int) -> None:
    held = session.identity_map.get((Hold, (hold_id,), None))
    if held is not None:
        session.expire(held)


def on_check_in(session: Session, copy_id: int, *, actor: str, waiting: bool = False,
                copy: tuple[int, str, str] | None = None, queue: sql.DeskRow | None = None) -> HoldNotice | None:
    """A copy of the room is back (its loan closed, going on the shelf): keep it for the first waiting hold of
    its title, if any. Called by the desk's return; one indexed query when nobody waits, none when the caller
    read in this unit of work that a hold waits (``waiting``: the desk's copy row, statements.copy_row, which
    also gives ``copy``: its title_id, barcode and title, and ``queue``: itself, with the first waiting hold)."""
    if waiting:
        return _make_ready(session, copy_id, actor, copy, queue)
    sql._flushed(session)
    waiting = session.scalar(select(Hold.id).join(Copy, Copy.title_id == Hold.title_id)
                             .where(Copy.id == copy_id, sql.hold_state_is(WAITING)).limit(1))
    if waiting is None:
        return None
    return _make_ready(session, copy_id, actor)


def pass_on(session: Session, copy_id: int, *, actor: str) -> HoldNotice | None:
    """A kept copy is free again: to the next waiting hold of its title, or back on the shelf."""
    notice = _make_ready(session, copy_id, actor)
    if notice is None:
        sql.set_status(session, copy_id, AVAILABLE)
    return notice


def expire(session: Session, *, actor: str, today: dt.date | None = None) -> list[tuple[Hold, HoldNotice | None]]:
    """Every ready hold past its last day expires; its copy passes on. What expired, and where each copy went."""
    today = today or clock.today()
    done = []
    for hold in session.scalars(select(Hold).where(Hold.state == READY, Hold.expires_on < today)
                                .order_by(Hold.expires_on, Hold.id)).all():
        done.append((hold, _expire_one(session, hold, actor)))
    return done


def _expire_one(session: Session, hold: Hold, actor: str) -> HoldNotice | None:
    copy_id = hold.copy_id
    hold.state, hold.closed_at = EXPIRED, clock.now()
    session.flush()
    assert copy_id is not None  # a ready hold keeps a copy
    return pass_on(session, copy_id, actor=actor)


def kept_notice(session: Session, copy_id: int) -> HoldNotice | None:
    """The ready hold keeping this copy, as the desk shows it; None when no hold keeps it."""
    row = session.execute(
        select(Hold.id, Reader.name, Reader.card, Reader.phone, Reader.department, Title.title, Copy.barcode,
               Hold.expires_on).join(Reader, Reader.id == Hold.reader_id).join(Title, Title.id == Hold.title_id)
        .join(Copy, Copy.id == Hold.copy_id).where(Hold.copy_id == copy_id, sql.hold_state_is(READY))).first()
    if row is None or row.expires_on is None:
        return None
    return HoldNotice(row.id, row.name, row.card, row.phone or "", row.department or "", row.title, row.barcode,
                      row.expires_on, 0)


def kept_for(session: Session, title_id: int, reader_id: int) -> str | None:
    """The barcode of the copy of the title kept for this reader's ready hold, if any."""
    return session.scalar(select(Copy.barcode).join(Hold, Hold.copy_id == Copy.id).where(
        Hold.title_id == title_id, Hold.reader_id == reader_id, sql.hold_state_is(READY)))


#: A waiting hold as holds.snapshot gives it: what undoing a return that made it ready puts back.
WAITING_BEFORE: tuple[Any, ...] = (WAITING, None, None, None, None)


def ready_hold_of(session: Session, copy_id: int) -> Hold | None:
    return session.scalar(select(Hold).where(Hold.copy_id == copy_id, sql.hold_state_is(READY)))


def lend_check(session: Session, copy_id: int, reader_id: int, *, actor: str) -> tuple[ScanResult | None, int | None]:
    """Before lending a 预约保留 copy: (a refusal, None) when it is kept for someone else; (None, the hold's id)
    when it is kept for this reader (lending fills it); (None, None) when it is no longer kept (its hold had
    expired: it went back on the shelf)."""
    hold = ready_hold_of(session, copy_id)
    if hold is not None and hold.expires_on is not None and hold.expires_on < clock.today():
        _expire_one(session, hold, actor)
        hold = ready_hold_of(session, copy_id)
    if hold is None:
        if session.scalar(select(Copy.status).where(Copy.id == copy_id)) == HELD:  # kept by no hold: put it right
            sql.set_status(session, copy_id, AVAILABLE)
        return None, None
    if hold.reader_id == reader_id:
        return None, hold.id
    holder = hold.reader
    title = hold.title.title
    return _refused(QT_TRANSLATE_NOOP("circulation", "《{title}》是为{holder}（{card}）预约保留的，不能借给{name}。"),
                    reader_id, hold.copy.barcode if hold.copy else "", title=title, holder=holder.name,
                    card=holder.card, name=session.get(Reader, reader_id).name), None  # type: ignore[union-attr]


#: The refusal of a copy kept for another reader's hold, as overrides.REFUSALS names it (F10 lets it through).
HELD_REFUSAL = "held"


def kept_by(session: Session, copy_id: int) -> int | None:
    """The id of the ready hold keeping this copy, if any."""
    return session.scalar(select(Hold.id).where(Hold.copy_id == copy_id, sql.hold_state_is(READY)))


def release(session: Session, hold_id: int) -> None:
    """The copy kept for this hold was lent to someone else past the refusal (an administrator's override).

    As Koha does ("revert waiting status"), the hold is not filled nor cancelled: it is waiting again, with no
    copy, keeping its ``placed_at`` and so its place in the title's queue (ahead of every hold placed after it:
    at the head, where it was when it was served); the next copy of the title checked in serves it again.
    Undo at the desk puts it back as it was (ready, with this copy), from the lending's step.
    """
    session.execute(update(Hold).where(Hold.id == hold_id).values(
        state=WAITING, copy_id=None, ready_at=None, expires_on=None))
    _expire_loaded(session, hold_id)


def fill(session: Session, hold_id: int) -> None:
    """The hold's copy was lent to its reader."""
    session.execute(update(Hold).where(Hold.id == hold_id).values(state=FILLED, closed_at=clock.now()))
    _expire_loaded(session, hold_id)


def snapshot(session: Session, hold_id: int) -> tuple[Any, ...]:
    hold = _get(session, hold_id)
    return (hold.state, hold.copy_id, hold.ready_at, hold.expires_on, hold.closed_at)


def restore(session: Session, hold_id: int, before: tuple[Any, ...]) -> None:
    """Undo at the desk: the hold as it was before the scan."""
    hold = session.get(Hold, hold_id)
    if hold is not None:
        hold.state, hold.copy_id, hold.ready_at, hold.expires_on, hold.closed_at = before
        session.flush()


# --- the desk's offer ------------------------------------------------------------------------


def isbn_offer(session: Session, title: Title, reader_id: int, isbn: str) -> ScanResult | None:
    """A reader open at the desk scanned the ISBN of a title with no copy to lend them: offer a hold (F9), or say
    where their hold stands. None when the room holds no copy of the title (the desk says so as before)."""
    held = session.scalar(select(Copy.id).where(Copy.title_id == title.id, Copy.status.not_in(NOT_HOLDINGS))
                          .order_by(Copy.id).limit(1))
    if held is None:
        return None
    hold = session.scalar(select(Hold).where(Hold.reader_id == reader_id, Hold.title_id == title.id,
                                             Hold.state.in_(OPEN)))
    if hold is not None:
        return _refused(QT_TRANSLATE_NOOP("circulation", "《{title}》没有可借的复本；这位读者已预约，排第 {position} 位。"),
                        reader_id, isbn, title=title.title, position=position(session, hold))
    offer = Offer("place_hold", held, reader_id, QT_TRANSLATE_NOOP("circulation", "按 F9 为这位读者预约《{title}》"),
                  {"title": title.title})
    return _refused(QT_TRANSLATE_NOOP("circulation", "《{title}》没有可借的复本，都已借出或不在架。"), reader_id, isbn,
                    offer=offer, title=title.title)


def accept_offer(session: Session, offer: Offer, *, actor: str) -> ScanResult:
    """F9 on a hold offer: place the hold (a refusal raises, and nothing is stored)."""
    assert offer.reader_id is not None  # a hold offer is made only with a reader open
    copy = session.get(Copy, offer.copy_id)
    reader = session.get(Reader, offer.reader_id)
    if copy is None or reader is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这条书目（可能已被删除）。"))
    hold = _place(session, reader, copy.title, actor)
    return ScanResult("held", say(Tone.OK, QT_TRANSLATE_NOOP("circulation", "已为{name}预约《{title}》，排第 {position} 位。"),
                                  {"name": reader.name, "title": copy.title.title, "position": position(session, hold)}),
                      reader.id, title=copy.title.title, reader_name=reader.name)


# --- lists -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HoldLine:
    id: int
    card: str
    reader_name: str
    department: str
    phone: str
    title: str
    isbn: str
    state: str
    barcode: str  # the copy kept, when ready
    placed_at: dt.datetime
    ready_at: dt.datetime | None
    expires_on: dt.date | None
    closed_at: dt.datetime | None
    position: int  # in the title's queue, for a waiting hold

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "card": self.card, "reader": self.reader_name, "title": self.title, "isbn": self.isbn,
                "state": self.state, "copy": self.barcode or None, "placed_at": self.placed_at.isoformat(),
                "expires_on": self.expires_on.isoformat() if self.expires_on else None,
                "position": self.position or None}


def list_holds(session: Session, states: tuple[str, ...] | None = None, reader_id: int | None = None) -> list[HoldLine]:
    """Holds in the given states (all when None), oldest first; a waiting hold with its place in the queue."""
    stmt = (select(Hold, Reader.card, Reader.name, Reader.department, Reader.phone, Title.title, Title.isbn, Copy.barcode)
            .join(Reader, Reader.id == Hold.reader_id).join(Title, Title.id == Hold.title_id)
            .outerjoin(Copy, Copy.id == Hold.copy_id).order_by(Hold.placed_at, Hold.id))
    if states is not None:
        stmt = stmt.where(Hold.state.in_(states))
    if reader_id is not None:
        stmt = stmt.where(Hold.reader_id == reader_id)
    rows = session.execute(stmt).all()
    queue: dict[int, int] = {}
    if any(h.state == WAITING for h, *_ in rows):
        counts: dict[int, int] = {}
        for title_id, hold_id in session.execute(select(Hold.title_id, Hold.id).where(Hold.state == WAITING)
                                                 .order_by(Hold.placed_at, Hold.id)).all():
            counts[title_id] = counts.get(title_id, 0) + 1
            queue[hold_id] = counts[title_id]
    return [HoldLine(h.id, card, name, department or "", phone or "", title, isbn or "", h.state,
                     barcode if h.state == READY and barcode else "", h.placed_at, h.ready_at, h.expires_on, h.closed_at,
                     queue.get(h.id, 0))
            for h, card, name, department, phone, title, isbn, barcode in rows]


def placed_between(session: Session, start: dt.datetime, end: dt.datetime) -> int:
    """Holds placed in [start, end) (预约次数)."""
    return session.scalar(select(func.count(Hold.id)).where(Hold.placed_at >= start, Hold.placed_at < end)) or 0
