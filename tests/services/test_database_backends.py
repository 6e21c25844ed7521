"""What the room's database does the same on SQLite and PostgreSQL: one writer at a time, readers never wait."""

from __future__ import annotations

import logging
import socket
import sqlite3

import pytest
from sqlalchemy import select, text

from bookroom_desk.errors import DatabaseError
from bookroom_desk.services.catalogue import shelves
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.database import PG_WRITE_LOCK, Database
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Shelf


def _other_writer_would_wait(db: Database) -> bool:
    if db.is_sqlite:
        other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            other.close()
    other = Database(db.url)
    try:
        with other.engine.connect() as connection:
            return not connection.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK}).scalar()
    finally:
        other.dispose()


def test_a_unit_of_work_holds_the_write_lock_and_reading_takes_none(db):
    with db.write() as session:
        session.execute(select(Shelf.id)).all()  # only read, yet the lock is held from the start
        assert _other_writer_would_wait(db)
    assert not _other_writer_would_wait(db)
    with db.read() as session:
        session.execute(select(Shelf.id)).all()
        assert not _other_writer_would_wait(db)


def test_a_nul_typed_into_a_field_never_fails_the_save(db):
    with db.write() as session:
        shelf_id = shelves.create_shelf(session, "A01", "期刊\x00架", "", "", actor=OPERATOR).id
    with db.read() as session:
        name = session.get(Shelf, shelf_id).name
    assert name.replace("\x00", "") == "期刊架"  # PostgreSQL cannot store the NUL and drops it


def test_migrating_a_server_database_says_that_its_backup_is_the_administrators(pg_rooms, caplog):
    from bookroom_desk.store.migrate import upgrade

    url = pg_rooms.create(empty=True)
    try:
        older = Database(url)
        upgrade(older, "0005")  # a room written by the previous version
        older.dispose()
        with caplog.at_level(logging.WARNING, logger="bookroom_desk.store.migrate"):
            open_database(url).dispose()
        assert "pg_dump" in caplog.text
    finally:
        pg_rooms.drop(url)


def test_a_desk_kept_waiting_by_another_is_told_so_and_saves_nothing(db, monkeypatch):
    import bookroom_desk.store.database as database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    other = open_database(db.url)
    try:
        with db.write() as session:
            shelves.create_shelf(session, "A01", actor=OPERATOR)
            with pytest.raises(DatabaseError, match="另一"):
                with other.write() as waiting:
                    shelves.create_shelf(waiting, "B01", actor=OPERATOR)
    finally:
        other.dispose()
    with db.read() as session:
        assert session.scalars(select(Shelf.code)).all() == ["A01"]


def test_an_unreachable_server_is_a_readable_error():
    pytest.importorskip("psycopg")
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DatabaseError, match=f"127.0.0.1:{port}"):
        open_database(f"postgresql+psycopg://bookroom:secret@127.0.0.1:{port}/bookroom")
