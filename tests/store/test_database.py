"""The engine's settings, units of work, the write lock, and the one-open-loan rule."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from bookroom_desk.store.database import connection_of
from bookroom_desk.store.models import Copy, Loan, Reader, ReaderCategory, Title
from tests.support.helpers import add_copy, add_reader


def test_sqlite_connection_settings(db):
    with db.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_write_commits_whole_or_not_at_all(db):
    with db.write() as session:
        session.add(Title(title="甲", created_at=dt.datetime(2026, 1, 1)))
    with pytest.raises(RuntimeError):
        with db.write() as session:
            session.add(Title(title="乙", created_at=dt.datetime(2026, 1, 1)))
            session.flush()
            raise RuntimeError("power cut")
    with db.read() as session:
        assert session.scalars(select(Title.title)).all() == ["甲"]


def test_write_session_holds_the_write_lock_from_begin(db, db_path):
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with db.write() as session:
            session.execute(select(Title.id)).all()  # reads only, yet the lock is taken
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the unit of work ended
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_read_session_does_not_block_a_writer(db, db_path):
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with db.read() as session:
            session.execute(select(Title.id)).all()
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_core_statements_and_the_orm_share_one_unit_of_work(db, db_path):
    """The desk's Core statements (connection_of) and the session's flush commit together, or not at all; a
    Core statement first takes the write lock as the session's would."""
    titles = Title.__table__
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with pytest.raises(RuntimeError):
            with db.write() as session:
                connection_of(session).execute(titles.insert(), {"title": "甲", "created_at": dt.datetime(2026, 1, 1)})
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
                session.add(Title(title="乙", created_at=dt.datetime(2026, 1, 1)))
                session.flush()
                raise RuntimeError("power cut")
        with db.write() as session:
            connection_of(session).execute(titles.insert(), {"title": "丙", "created_at": dt.datetime(2026, 1, 1)})
            session.add(Title(title="丁", created_at=dt.datetime(2026, 1, 1)))  # flushed when the unit ends
        with db.read() as session:
            assert sorted(session.scalars(select(Title.title))) == ["丁", "丙"]
            other.execute("BEGIN IMMEDIATE")  # the read after the writes: a plain BEGIN on the same pooled connection
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_foreign_keys_are_enforced(session):
    session.add(Copy(barcode="00000001", title_id=999, acquired_on=dt.date(2026, 1, 1)))
    with pytest.raises(IntegrityError):
        session.flush()


def test_database_allows_one_open_loan_per_copy(db):
    with db.write() as session:
        copy = add_copy(session, "00000001")
        reader = add_reader(session, "R000001")
        out = dt.datetime(2026, 11, 1, 10)
        session.add(Loan(copy_id=copy.id, reader_id=reader.id, out_at=out, due_on=dt.date(2026, 12, 1),
                         returned_at=out, renewals=0))
        session.add(Loan(copy_id=copy.id, reader_id=reader.id, out_at=out, due_on=dt.date(2026, 12, 1), renewals=0))
    with pytest.raises(IntegrityError):
        with db.write() as session:
            session.add(Loan(copy_id=copy.id, reader_id=reader.id, out_at=out, due_on=dt.date(2026, 12, 1),
                             renewals=0))
    with db.read() as session:
        assert session.scalars(select(Loan.returned_at).order_by(Loan.id)).all() == [out, None]


def test_default_reader_category_exists(db):
    with db.read() as session:
        category = session.scalars(select(ReaderCategory)).one()
    assert (category.name, category.loan_days, category.max_loans, category.renewals) == ("职工", 30, 5, 1)
    assert Reader.__tablename__ == "readers"


def test_writers_of_one_process_take_turns_and_an_error_lets_the_next_one_in(db):
    import threading
    import time

    order, inside = [], threading.Event()

    def first():
        with db.write() as session:
            session.execute(text("UPDATE reader_categories SET name = name"))
            inside.set()
            time.sleep(0.3)
            order.append("first done")

    def second():
        inside.wait()
        with db.write() as session:
            order.append("second in")
            session.execute(text("UPDATE reader_categories SET name = name"))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert order == ["first done", "second in"]
    with pytest.raises(ZeroDivisionError), db.write():
        raise ZeroDivisionError
    done = []

    def after_the_error():
        with db.write() as session:
            session.execute(text("UPDATE reader_categories SET name = name"))
            done.append(True)

    thread = threading.Thread(target=after_the_error)
    thread.start()
    thread.join(5)
    assert done == [True]  # the failed unit of work let go of the turn
