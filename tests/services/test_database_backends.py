"""What the room's database does the same on SQLite and PostgreSQL: one writer at a time, readers never wait."""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy import select, text

from bookroom_desk.services import shelves
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
        shelf_id = shelves.create_shelf(session, "A01", "期刊\x00架", "", "").id
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
