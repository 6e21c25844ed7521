"""A backup is counted as the status bar counts the room: the holdings, with withdrawn and lost copies apart."""

from __future__ import annotations

import pytest

from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.reporting.statistics import key_figures, status_figures
from bookroom_desk.services.upkeep import backups
from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from tests.support.helpers import add_copy, add_reader, add_title

pytestmark = pytest.mark.sqlite_only("a backup is a copy of the SQLite file")


def _fill(session):
    book, paper = add_title(session, "书"), add_title(session, "报", material="newspaper")
    for n in range(5):
        add_copy(session, f"B{n:04d}", book)
    add_copy(session, "W0001", book, status="withdrawn")
    add_copy(session, "L0001", book, status="lost")
    add_copy(session, "R0001", book, status="repair")  # held, off the shelf: still counted
    add_copy(session, "N0001", paper)
    add_reader(session, "R1")
    add_reader(session, "R2", status="left")
    add_reader(session, "R3", status="suspended")


def test_a_backup_counts_the_holdings_the_status_bar_counts(db, tmp_path):
    with db.write() as session:
        _fill(session)
        settings.set_value(session, settings.COUNTED_MATERIALS, ["book", "periodical"], actor=OPERATOR)
    with db.read() as session:
        shown = status_figures(session).standard
        figures = key_figures(session)
    info = backups.inspect_backup(backups.make_backup(db.path, tmp_path / "b.db").path)
    assert info.copies == 9  # every copy row
    room = info.room
    assert room is not None
    assert (room.volumes, room.titles) == (shown.volumes, shown.titles) == (6, 1)
    assert (room.set_apart, room.uncounted) == (2, 1)
    assert room.readers == figures.readers == 2


def test_an_unchecked_read_gives_the_same_figures(db, tmp_path):
    with db.write() as session:
        _fill(session)
    made = backups.make_backup(db.path, tmp_path / "b.db").path
    assert backups.inspect_backup(made, thorough=False).room == backups.inspect_backup(made).room


def test_a_backup_of_the_first_schema_is_counted_before_it_is_migrated(tmp_path):
    old_path = tmp_path / "old.db"
    old = Database(f"sqlite:///{old_path}")
    migrate.upgrade(old, "0001")
    with old.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO titles (id, title, author, publisher, clc, call_number, topic, material, pinyin, notes,"
            " created_at) VALUES (1, '旧书', '', '', 'I247', '', 'culture', 'book', '', '', '2025-01-01 09:00:00')")
        for barcode, status in (("A2", "available"), ("A3", "withdrawn")):
            connection.exec_driver_sql(
                "INSERT INTO copies (barcode, title_id, status, volume_mark, acquired_on, source, removed_reason,"
                f" notes) VALUES ('{barcode}', 1, '{status}', '', '2025-03-01', 'purchase', '', '')")
    old.dispose()
    info = backups.inspect_backup(old_path)
    assert info.revision == "0001" and info.copies == 2
    assert info.room is not None and (info.room.volumes, info.room.set_apart) == (1, 1)
