"""Backups are made with SQLite's backup API and hold every committed row."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from bookroom_desk.store.models import Title
from bookroom_desk.store.snapshots import (
    backup_name,
    backup_sqlite,
    daily_backup,
    free_name,
    list_backups,
    newest_good,
    rotate,
    sqlite_problems,
)
from tests.support.helpers import add_title


def test_backup_of_a_live_wal_database_holds_rows_not_yet_checkpointed(db, db_path, tmp_path):
    with db.write() as session:
        for n in range(50):
            add_title(session, f"书{n}")
    with db.read() as session:  # keep a reader open so the WAL is not checkpointed away
        session.execute(select(Title.id)).all()
        assert (db_path.parent / (db_path.name + "-wal")).stat().st_size > 0
        target = backup_sqlite(db_path, tmp_path / "out" / "copy.db")
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT count(*) FROM titles").fetchone() == (50,)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    copy.close()
    assert not list(target.parent.glob("*.partial"))


def test_backup_names_sort_by_time():
    import datetime as dt

    first = backup_name("daily", dt.datetime(2026, 1, 2, 3, 4, 5))
    second = backup_name("daily", dt.datetime(2026, 1, 2, 3, 4, 6))
    assert first == "bookroom-daily-20260102-030405.db" and first < second


def _touch(folder, reason, moment, suffix=".db"):
    path = free_name(folder, reason, moment, suffix)
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_7_days_4_weeks_12_months_and_5_of_each_safety_kind(tmp_path):
    import datetime as dt

    start = dt.datetime(2025, 1, 1, 9, 0)
    made = [_touch(tmp_path, "daily", start + dt.timedelta(days=n)) for n in range(500)]
    extra_today = _touch(tmp_path, "manual", start + dt.timedelta(days=499, hours=2))
    safety = [_touch(tmp_path, "pre-migrate-000" + str(n % 5), start + dt.timedelta(days=n)) for n in range(9)]
    imports = [_touch(tmp_path, "pre-import", start + dt.timedelta(days=n)) for n in range(7)]
    (tmp_path / "notes.txt").write_text("not a backup")
    rotate(tmp_path)
    left = {b.path for b in list_backups(tmp_path)}
    regular = sorted(b.moment for b in list_backups(tmp_path) if b.kind == "regular")
    days = {m.date() for m in regular}
    months = {(m.year, m.month) for m in regular}
    assert extra_today in left and made[-1] not in left  # the newest of a day stands for it
    assert all(path in left for path in made[-6:-1])  # the six days before
    assert len(days) <= 7 + 4 + 12 and len(months) == 12 and len(regular) <= 7 + 4 + 12
    assert min(regular).date() >= (start + dt.timedelta(days=499 - 366)).date()
    assert {b.path for b in list_backups(tmp_path) if b.kind == "pre-migrate"} == set(safety[-5:])
    assert {b.path for b in list_backups(tmp_path) if b.kind == "pre-import"} == set(imports[-5:])
    assert (tmp_path / "notes.txt").exists()


def test_daily_backup_once_a_day_and_only_of_an_existing_database(db, db_path, tmp_path):
    import datetime as dt

    folder = tmp_path / "backups"
    morning = dt.datetime(2026, 11, 24, 8, 0)
    first = daily_backup(db_path, folder, morning)
    assert first is not None and first.name == "bookroom-daily-20261124-080000.db"
    assert daily_backup(db_path, folder, morning + dt.timedelta(hours=3)) is None
    assert daily_backup(db_path, folder, morning + dt.timedelta(days=1)) is not None
    assert daily_backup(tmp_path / "none.db", folder, morning + dt.timedelta(days=2)) is None
    assert sqlite_problems(first) == []


def test_newest_good_skips_damaged_and_foreign_files(db, db_path, tmp_path):
    import datetime as dt

    from bookroom_desk.store.migrate import _known

    folder = tmp_path / "backups"
    good = backup_sqlite(db_path, free_name(folder, "daily", dt.datetime(2026, 11, 20, 8)))
    damaged = free_name(folder, "daily", dt.datetime(2026, 11, 22, 8))
    damaged.write_bytes(good.read_bytes()[:5000])
    foreign = free_name(folder, "daily", dt.datetime(2026, 11, 23, 8))
    other = sqlite3.connect(foreign)
    other.execute("CREATE TABLE notes (x)")
    other.commit()
    other.close()
    assert newest_good(folder, _known).path == good
    assert newest_good(tmp_path / "nowhere", _known) is None


@pytest.mark.parametrize("kind, refused", [("nfs4", True), ("cifs", True), ("fuse.sshfs", True), ("ext4", False)])
def test_a_database_on_a_network_mount_is_refused(tmp_path, monkeypatch, kind, refused):
    from bookroom_desk import config
    from bookroom_desk.errors import DatabaseError
    from bookroom_desk.store.migrate import open_database

    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\nserver:/share {tmp_path / 'share'} {kind} rw 0 0\n")
    monkeypatch.setattr(config, "MOUNTS_FILE", mounts)
    path = tmp_path / "share" / "room.db"
    path.parent.mkdir()
    if refused:
        with pytest.raises(DatabaseError, match="PostgreSQL"):
            open_database(f"sqlite:///{path}")
        assert not path.exists()
    else:
        open_database(f"sqlite:///{path}").dispose()
        assert path.exists()


def test_unc_paths_are_network_shares():
    from pathlib import Path

    from bookroom_desk.config import on_network_share

    assert on_network_share(Path("\\\\server\\share\\room.db"))


def test_a_copy_cut_inside_its_free_last_pages_is_refused_though_sqlite_reads_it(tmp_path):
    path = tmp_path / "room.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.executemany("INSERT INTO t VALUES (?)", [("书" * 300,)] * 200)
    connection.execute("DELETE FROM t WHERE rowid > 20")  # the last pages become free pages
    connection.commit()
    connection.close()
    raw = path.read_bytes()
    assert sqlite_problems(path) == []
    short = tmp_path / "cut.db"
    short.write_bytes(raw[:-10])
    connection = sqlite3.connect(short)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # SQLite alone sees nothing
    connection.close()
    assert "cut short" in sqlite_problems(short)[0]
    short.write_bytes(raw[:-4096])  # a whole page less
    assert "cut short" in sqlite_problems(short)[0]


def test_backups_made_within_one_second_sort_by_their_counter_and_the_newest_is_kept(tmp_path):
    import datetime as dt

    moment = dt.datetime(2026, 11, 24, 8, 0)
    made = [_touch(tmp_path, "pre-restore", moment) for _ in range(12)]  # ..., -9, -10, -11, -12
    assert [b.path for b in list_backups(tmp_path)] == made[::-1]
    rotate(tmp_path)
    assert {b.path for b in list_backups(tmp_path)} == set(made[-5:])


def test_a_name_the_rotation_freed_is_not_reused_within_the_same_second(tmp_path):
    import datetime as dt

    moment = dt.datetime(2026, 11, 24, 8, 0)
    made = [_touch(tmp_path, "pre-restore", moment) for _ in range(7)]
    rotate(tmp_path)  # the first two of that second go
    newest = _touch(tmp_path, "pre-restore", moment)
    assert newest.name == "bookroom-pre-restore-20261124-080000-8.db"
    rotate(tmp_path)
    assert newest.exists() and {b.path for b in list_backups(tmp_path)} == {*made[-4:], newest}
