"""A scan at the desk stays a few statements: the copy with its reader, rules, hold queue and calendar in one read.

Counted as the database sees them (SQLAlchemy's before_cursor_execute), each scan in its own unit of work as
the desk runs it. BEGIN and COMMIT are transaction control, not counted; on PostgreSQL a unit of work's first
statement takes the room's write lock (store.database), one statement more. No timing here: benchmarks/desk.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, func, select

from bookroom_desk.services.circulation import desk, holds
from bookroom_desk.services.common import closures
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.barcodes import Scheme
from bookroom_desk.store.models import Loan
from tests.support.desk_room import copy_status, small_room

# The most statements each may take (SQLite; PostgreSQL adds its write lock): the copy row, then the writes.
CHECK_OUT = 3  # the copy with the reader and calendar; INSERT loan; UPDATE copy
CHECK_IN = 3  # the copy with its loan and hold queue; UPDATE loan; UPDATE copy
CHECK_OUT_CLOSURE_AHEAD = 4  # and the closures that reach into the loan period
CHECK_IN_KEPT = 5  # the copy with the queue's first and its calendar; UPDATE loan; UPDATE hold, copy; its event


@pytest.fixture
def room(db):
    with db.write() as session:
        return small_room(session)


@contextmanager
def counted(db) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _scan(db, code: str, reader_id: int | None) -> tuple[str, list[str]]:
    with db.read() as session:  # the desk's counter reads the barcode scheme once, not at every scan
        scheme = Scheme.load(session)
    with counted(db) as statements, db.write() as session:
        result = desk.scan(session, code, reader_id, actor=OPERATOR, scheme=scheme)
    lock = 1 if db.is_postgresql else 0
    return result.action, statements[lock:]


def test_a_check_out_and_a_check_in_take_three_statements_each(db, room):
    action, statements = _scan(db, "00000004", room.zhang)
    assert action == "lent"
    assert len(statements) <= CHECK_OUT, statements
    action, statements = _scan(db, "00000004", None)
    assert action == "returned"
    assert len(statements) <= CHECK_IN, statements
    with db.read() as session:  # what they stored, all the same
        loan = session.scalars(select(Loan).where(Loan.reader_id == room.zhang)).one()
        assert (loan.lent_by, loan.returned_by, loan.returned_at is not None) == (OPERATOR, OPERATOR, True)
        assert copy_status(session, "00000004") == "available"


def test_the_calendar_is_read_when_a_closure_lies_ahead(db, room):
    today = dt.date.today()
    with db.write() as session:
        closures.close(session, today + dt.timedelta(days=3), today + dt.timedelta(days=60), actor=OPERATOR)
    action, statements = _scan(db, "00000005", room.zhang)
    assert action == "lent"
    assert len(statements) <= CHECK_OUT_CLOSURE_AHEAD, statements
    with db.read() as session:  # due inside the closure: moved to the day after it
        due = session.scalar(select(func.max(Loan.due_on)))
        assert due == today + dt.timedelta(days=61)


def test_a_check_in_kept_for_a_hold(db, room):
    assert _scan(db, "00000009", room.zhang)[0] == "lent"
    with db.write() as session:
        holds.place_by_code(session, "R000002", "00000009", actor=OPERATOR)
        scheme = Scheme.load(session)
    with counted(db) as statements, db.write() as session:
        result = desk.scan(session, "00000009", None, actor=OPERATOR, scheme=scheme)
    assert result.hold is not None and result.hold.card == "R000002"
    assert len(statements) - (1 if db.is_postgresql else 0) <= CHECK_IN_KEPT, statements
    with db.read() as session:
        assert copy_status(session, "00000009") == "held"
