"""Backups are made with SQLite's backup API and hold every committed row."""

from __future__ import annotations

import sqlite3

from sqlalchemy import select

from bookroom_desk.store.backup import backup_name, backup_sqlite
from bookroom_desk.store.models import Title
from tests.helpers import add_title


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
