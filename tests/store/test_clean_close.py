"""Start-up's full check of a SQLite room: skipped only after a clean close, the same day, with the file unchanged."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

import pytest

from bookroom_desk.store import clean_close, migrate, snapshots
from bookroom_desk.store.migrate import DamagedDatabase, close_database, open_database
from tests.support.helpers import add_title, corrupt_sqlite


@pytest.fixture
def room(tmp_path):
    path = tmp_path / "room.db"
    db = open_database(f"sqlite:///{path}")
    with db.write() as session:
        for n in range(300):  # enough pages that the middle of the file is table data
            add_title(session, f"书名{n}" * 20)
    close_database(db)
    return path


def _later(path):
    """Move the file's modification time on, as any later write would (two writes in one test may share a clock tick)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))


def test_a_clean_close_lets_the_next_start_skip_the_full_check(room, checks):
    assert clean_close.record_path(room).exists()
    db = open_database(f"sqlite:///{room}")
    assert checks == []
    assert not clean_close.record_path(room).exists()  # open: a crash now leaves no record
    close_database(db)
    assert clean_close.trusted(room)


def test_without_a_clean_close_the_full_check_runs(room, checks):
    db = open_database(f"sqlite:///{room}")
    db.dispose()  # as a crash would leave it: no record
    open_database(f"sqlite:///{room}").dispose()
    assert checks == [room]


def test_the_first_start_of_a_day_runs_the_full_check(room, checks):
    assert not clean_close.trusted(room, dt.date.today() + dt.timedelta(days=1))
    record = clean_close.record_path(room)
    record.write_text(record.read_text().replace(dt.date.today().isoformat(), "2000-01-01"))
    open_database(f"sqlite:///{room}").dispose()
    assert checks == [room]


def test_a_waiting_write_ahead_log_means_a_full_check(room, checks):
    (room.parent / "room.db-wal").write_bytes(b"\0" * 32)
    assert not clean_close.trusted(room)


def test_a_file_damaged_after_a_clean_close_is_still_found_and_left_untouched(room, checks):
    corrupt_sqlite(room)
    _later(room)
    digest = hashlib.sha256(room.read_bytes()).hexdigest()
    with pytest.raises(DamagedDatabase):
        open_database(f"sqlite:///{room}")
    assert checks == [room]
    assert hashlib.sha256(room.read_bytes()).hexdigest() == digest


def test_the_damage_the_tests_make_is_what_the_full_check_finds(room):
    corrupt_sqlite(room)
    assert snapshots.sqlite_problems(room, quick=True, limit=3)


def test_a_record_of_another_file_is_not_trusted(room, tmp_path):
    other = tmp_path / "other.db"
    other.write_bytes(room.read_bytes())
    clean_close.record_path(other).write_text(clean_close.record_path(room).read_text())
    _later(other)
    assert not clean_close.trusted(other)
    assert not clean_close.trusted(tmp_path / "missing.db")
    clean_close.record_path(room).write_text("not json")
    assert not clean_close.trusted(room)
    migrate.check_file(room, full=False)  # nothing read: no error
