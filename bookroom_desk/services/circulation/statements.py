"""The desk's reads and writes as Core statements built once: a copy with its open loan, a reader with its rules.

A scan is a unit of work of a few rows, and the ORM's object loading and flush cost several times the
SQL itself, so the desk reads only the columns its rules need and writes with plain INSERT and UPDATE.
What these writes change is expired in the session, so objects a caller loaded stay true, and what the
caller changed through the ORM is flushed before a read, as the ORM's own queries would.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias

from sqlalchemy import (
    ColumnElement,
    Connection,
    CursorResult,
    Row,
    ScalarSelect,
    bindparam,
    case,
    exists,
    func,
    insert,
    lambda_stmt,
    literal_column,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from bookroom_desk.services.common import calendar, clock, settings
from bookroom_desk.store.database import connection_of
from bookroom_desk.store.models import Copy, CopyEvent, Loan, Reader, ReaderCategory, RoomSetting, Shelf, Title
from bookroom_desk.store.models_holds import Hold

_copies, _titles, _loans, _events = Copy.__table__, Title.__table__, Loan.__table__, CopyEvent.__table__
_categories, _shelves, _holds = ReaderCategory.__table__, Shelf.__table__, Hold.__table__
_settings = RoomSetting.__table__
_holder = Reader.__table__.alias("holder")  # who has the copy
_reader = Reader.__table__.alias("reader")  # who is at the desk
_theirs = _loans.alias("theirs")  # the open loans of the reader at the desk

#: A row of one of these statements, its columns read by name.
DeskRow: TypeAlias = "Row[*tuple[Any, ...]]"


def hold_state_is(state: str) -> ColumnElement[bool]:
    """``holds.state = 'state'``, the state written into the SQL, not bound: SQLite prepares a statement again at
    every run when a bound value meets the WHERE of a partial index (holds have two, on state), which cost a
    check-in's hold lookup several times the lookup itself."""
    assert state.isalpha()  # one of holds.STATES
    return _holds.c.state == literal_column(f"'{state}'")


def _of_reader(column: ColumnElement[Any]) -> ScalarSelect[Any]:
    """``column`` over the open loans of the reader at the desk."""
    return (select(column).where(_theirs.c.reader_id == _reader.c.id, _theirs.c.returned_at.is_(None))
            .correlate(_reader).scalar_subquery())


_READER_COLUMNS = (_reader.c.id.label("reader_id"), _reader.c.name.label("reader_name"), _reader.c.department,
                   _reader.c.status.label("reader_status"), _categories.c.name.label("category"),
                   _categories.c.loan_days, _categories.c.loan_days_open, _categories.c.max_loans,
                   _categories.c.overdue_blocks, _of_reader(func.count(_theirs.c.id)).label("holding"),
                   _of_reader(func.coalesce(func.sum(case((_theirs.c.due_on < bindparam("late_before"), 1), else_=0)), 0))
                   .label("late"))
_COPY = (select(_copies.c.id, _copies.c.barcode, _copies.c.title_id, _copies.c.status, _copies.c.removed_on,
                _copies.c.removed_reason, _titles.c.title, _titles.c.clc, _titles.c.call_number, _copies.c.volume_mark,
                _copies.c.shelf_id,
                _shelves.c.code.label("shelf_code"), _shelves.c.name.label("shelf_name"),
                _loans.c.id.label("loan_id"), _loans.c.reader_id.label("holder_id"),
                _loans.c.out_at, _loans.c.due_on, _holder.c.name.label("holder"), _holder.c.card.label("holder_card"),
                # for a return: how days late are counted
                calendar.OVERDUE_OPEN_DAYS_VALUE.label("open_days_late"))
         .join(_titles, _titles.c.id == _copies.c.title_id)
         .outerjoin(_shelves, _shelves.c.id == _copies.c.shelf_id)
         .outerjoin(_loans, (_loans.c.copy_id == _copies.c.id) & _loans.c.returned_at.is_(None))
         .outerjoin(_holder, _holder.c.id == _loans.c.reader_id))
# The head of the title's hold queue (holds.py: by placed_at, then id), joined to the copy with what making it
# ready needs (its reader, the category's hold_days and, only when a hold waits, the calendar of its last day),
# so that a return kept for a hold reads nothing more: when none waits the join finds no row.
_next_hold = _holds.alias("next_hold")
_next_reader = Reader.__table__.alias("next_reader")
_next_category = _categories.alias("next_category")
_FIRST_WAITING = (select(_holds.c.id).where(_holds.c.title_id == _copies.c.title_id, hold_state_is("waiting"))
                  .order_by(_holds.c.placed_at, _holds.c.id).limit(1).correlate(_copies).scalar_subquery())
_WAITS = _next_hold.c.id.is_not(None)
#: The stored 每次预约到书时打印预约条 (settings.HOLD_SLIP_ON_READY), for the desk's hold slip: no read of its own.
_SLIP_ON_READY = (select(_settings.c.value).where(_settings.c.key == settings.HOLD_SLIP_ON_READY.key)
                  .scalar_subquery())
_COPY_WITH_QUEUE = (_COPY.add_columns(_WAITS.label("hold_waiting"), _next_hold.c.id.label("next_hold_id"),
                                      _next_reader.c.name.label("next_reader_name"),
                                      _next_reader.c.card.label("next_card"), _next_reader.c.phone.label("next_phone"),
                                      _next_reader.c.department.label("next_department"),
                                      _next_category.c.hold_days.label("next_hold_days"),
                                      case((_WAITS, calendar.OPEN_WEEK)).label("next_open_week"),
                                      case((_WAITS, calendar.CLOSED_AHEAD)).label("next_closed_ahead"),
                                      case((_WAITS, _SLIP_ON_READY)).label("next_slip_on_ready"))
                    .outerjoin(_next_hold, _next_hold.c.id == _FIRST_WAITING)
                    .outerjoin(_next_reader, _next_reader.c.id == _next_hold.c.reader_id)
                    .outerjoin(_next_category, _next_category.c.id == _next_reader.c.category_id))
_COPY_BY_BARCODE = _COPY_WITH_QUEUE.where(_copies.c.barcode == bindparam("code"))
_COPY_BY_ID = _COPY_WITH_QUEUE.where(_copies.c.id == bindparam("copy_id"))
# One statement for a check-out: the copy, and the reader at the desk with the rules and loans that decide
# (whether a hold waits, for a return of the reader's own copy: holds.on_check_in then reads the queue).
_COPY_FOR_READER = (_COPY.add_columns(exists().where(_holds.c.title_id == _copies.c.title_id,
                                                     hold_state_is("waiting")).label("hold_waiting"),
                                      *_READER_COLUMNS, calendar.OPEN_WEEK.label("open_week"),
                                      calendar.CLOSED_AHEAD.label("closed_ahead"))
                    .outerjoin(_reader, _reader.c.id == bindparam("reader_id"))
                    .outerjoin(_categories, _categories.c.id == _reader.c.category_id)
                    .where(_copies.c.barcode == bindparam("code")))
_READER_BY_CARD = (select(*_READER_COLUMNS, calendar.OVERDUE_OPEN_DAYS_VALUE.label("open_days_late"))
                   .join_from(_reader, _categories, _categories.c.id == _reader.c.category_id)
                   .where(_reader.c.card == bindparam("card")))
# The reads as the desk runs them: lambda statements with nothing tracked, so SQLAlchemy finds the compiled SQL by
# the lambda's own line (each its own lambda: two on one line would be one statement to the cache) instead of
# building and hashing the cache key of a statement of 35 columns and six subqueries at every run, which cost a
# scan more than the read itself. The statements are built once, above, and never change.
_RUN_COPY_BY_BARCODE = lambda_stmt(lambda: _COPY_BY_BARCODE, track_on=[])
_RUN_COPY_BY_ID = lambda_stmt(lambda: _COPY_BY_ID, track_on=[])
_RUN_COPY_FOR_READER = lambda_stmt(lambda: _COPY_FOR_READER, track_on=[])
_RUN_READER_BY_CARD = lambda_stmt(lambda: _READER_BY_CARD, track_on=[])
_INSERT_LOAN = insert(_loans)
_CLOSE_LOAN = (update(_loans).where(_loans.c.id == bindparam("loan_id"))
               .values(returned_at=bindparam("at"), returned_by=bindparam("by")))
_SET_STATUS = update(_copies).where(_copies.c.id == bindparam("copy_id")).values(status=bindparam("new_status"))
_SET_STATUS_CLEARED = _SET_STATUS.values(removed_on=None, removed_reason="")
_INSERT_EVENT = insert(_events)
_SET_SHELF = update(_copies).where(_copies.c.id == bindparam("copy_id")).values(shelf_id=bindparam("new_shelf"))


def _flushed(session: Session) -> Connection:
    """The session's connection, what the caller changed through the ORM flushed first (for a read)."""
    if session.autoflush:
        session.flush()  # nearly free when nothing is pending
    return connection_of(session)


def _new_id(result: CursorResult[Any]) -> int:
    """The primary key a one-row INSERT gave its row."""
    key = result.inserted_primary_key
    assert key is not None  # None only after an executemany
    new_id: int = key[0]
    return new_id


def _expire(session: Session, model: type, row_id: int) -> None:
    """Let an object the session already holds for this row load again what a Core write changed."""
    if not len(session.identity_map):  # a desk scan's session holds none: no key to build
        return
    held = session.identity_map.get(identity_key(model, row_id))
    if held is not None:
        session.expire(held)


def copy_row(session: Session, code: str | None = None, copy_id: int | None = None) -> DeskRow | None:
    """The copy by barcode (or id) as a row: id, barcode, title_id, status, removed_on, removed_reason, title, clc,
    call_number, volume_mark, shelf_id, shelf_code and shelf_name (NULLs if on no shelf), and its open loan:
    loan_id, holder_id, out_at, due_on, holder (the borrower's name), holder_card (NULLs if none); hold_waiting
    (a hold of its title waits) and open_days_late (the stored 逾期天数只计开放日: calendar.open_days_late_in);
    the first waiting hold of its title (NULLs if none): next_hold_id, next_reader_name, next_card, next_phone,
    next_department, next_hold_days, for its last day next_open_week and next_closed_ahead (as open_week and
    closed_ahead of :func:`copy_for_reader`, from today), and next_slip_on_ready (the stored
    settings.HOLD_SLIP_ON_READY)."""
    if code is not None:
        return _flushed(session).execute(_RUN_COPY_BY_BARCODE, {"code": code, "calendar_today": clock.today()}).first()
    return _flushed(session).execute(_RUN_COPY_BY_ID, {"copy_id": copy_id, "calendar_today": clock.today()}).first()


def copy_for_reader(session: Session, code: str, reader_id: int, today: dt.date) -> DeskRow | None:
    """:func:`copy_row` by barcode but for the next hold's columns (hold_waiting says only whether one waits), with
    the columns of :func:`reader_by_card` for ``reader_id`` (NULLs if
    there is no such reader), and for the due date open_week (calendar.week_of) and closed_ahead (a closure
    ends on or after ``today``)."""
    return _with_late(session, _RUN_COPY_FOR_READER, {"code": code, "reader_id": reader_id, "calendar_today": today},
                      today)


def reader_by_card(session: Session, card: str, today: dt.date) -> DeskRow | None:
    """The reader with the rules of its category: reader_id, reader_name, department, reader_status, category,
    loan_days, loan_days_open, max_loans, overdue_blocks; holding (open loans) and late (those overdue by ``today``:
    at least one day late, in open days if the room counts them, as :func:`calendar.days_late` says)."""
    return _with_late(session, _RUN_READER_BY_CARD, {"card": card}, today)


def _with_late(session: Session, statement: Any, params: dict[str, Any], today: dt.date) -> DeskRow | None:
    """The one row of ``statement``, its late count in calendar days (loans due before today), unless the room
    counts open days and one is: then counted again up to the last open day (a loan late in open days is late in
    calendar days, so a count of none stands either way). The setting comes in the row: no statement of its own."""
    row = _flushed(session).execute(statement, dict(params, late_before=today)).first()
    if row is None or not row.late or not calendar.open_days_late_in(row.open_days_late):
        return row
    return _flushed(session).execute(statement, dict(params, late_before=calendar.last_open_up_to(session, today))).first()


def add_loan(session: Session, copy_id: int, reader_id: int, out_at: dt.datetime, due_on: dt.date, by: str) -> int:
    """A new open loan; its id. The database's unique index refuses a second open loan of a copy (IntegrityError)."""
    result = connection_of(session).execute(_INSERT_LOAN, {"copy_id": copy_id, "reader_id": reader_id, "out_at": out_at,
                                                           "due_on": due_on, "renewals": 0, "lent_by": by,
                                                           "returned_by": ""})
    return _new_id(result)


def close_loan(session: Session, loan_id: int, at: dt.datetime, by: str) -> None:
    connection_of(session).execute(_CLOSE_LOAN, {"loan_id": loan_id, "at": at, "by": by})
    _expire(session, Loan, loan_id)


def set_status(session: Session, copy_id: int, status: str, keep_removal: bool = True) -> None:
    """Set the copy's status; ``keep_removal=False`` also clears removed_on and removed_reason."""
    connection_of(session).execute(_SET_STATUS if keep_removal else _SET_STATUS_CLEARED,
                                   {"copy_id": copy_id, "new_status": status})
    _expire(session, Copy, copy_id)


def add_event(session: Session, copy_id: int, at: dt.datetime, kind: str, detail: str, by: str) -> int:
    """A CopyEvent; its id."""
    result = connection_of(session).execute(_INSERT_EVENT, {"copy_id": copy_id, "at": at, "kind": kind, "detail": detail,
                                                            "by": by})
    return _new_id(result)


def set_shelf(session: Session, copy_id: int, shelf_id: int | None) -> None:
    """Put the copy on another home shelf (``None``: on none)."""
    connection_of(session).execute(_SET_SHELF, {"copy_id": copy_id, "new_shelf": shelf_id})
    _expire(session, Copy, copy_id)
