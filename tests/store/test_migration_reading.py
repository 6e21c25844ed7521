"""Migration 0013: a room from 0012 gains room_reads and visits, empty, and reads and visits are recorded after it."""

from __future__ import annotations

import sqlite3

from alembic import command

from bookroom_desk.services.circulation import reading
from bookroom_desk.services.circulation.counter import DeskCounter
from bookroom_desk.services.common.periods import Period
from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import open_database
from tests.support.desk_room import small_room


def _tables(path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        connection.close()


def test_a_room_from_0009_gains_the_tables_and_they_go_down_again(tmp_path):
    path = tmp_path / "room.db"
    old = Database(f"sqlite:///{path}")
    migrate.upgrade(old, "0012")
    old.dispose()
    assert not {"room_reads", "visits"} & _tables(path)
    db = open_database(f"sqlite:///{path}")
    try:
        with db.write() as session:  # built at the head: the ORM maps every later migration's columns too
            small_room(session)
        with db.read() as session:
            use = reading.room_use(session, Period.year(2026))
        assert (use.visits, use.reads) == (0, 0)
        counter = DeskCounter()
        counter.open_mode(db.read, reading.READING)
        assert counter.scan(db.write, "00000001", actor="小王").action == "read"
        counter.open_mode(db.read, reading.VISITS)
        assert counter.scan(db.write, "R000001", actor="小王").action == "visit"
        with db.read() as session:
            use = reading.room_use(session, Period.year(2026))
        assert (use.visits, use.reads) == (1, 1)
        config = migrate.alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0012")
    finally:
        db.dispose()
    assert not {"room_reads", "visits"} & _tables(path) and "loans" in _tables(path)
