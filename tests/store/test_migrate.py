"""Migrations at start-up: build, upgrade after a backup, refuse what is not ours or newer."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from bookroom_desk.errors import DatabaseError
from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import current_revision, head_revision, open_database
from bookroom_desk.store.models import Title
from bookroom_desk.store.schema import Base
from tests.support.helpers import add_title


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_schema_revision_constant_is_alembics_head():
    assert migrate._script().get_current_head() == migrate.SCHEMA_REVISION


def test_new_database_is_built_at_head_matching_the_models(db):
    assert current_revision(db) == head_revision()
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_every_revision_upgrades_to_head_keeping_data_with_a_backup_first(tmp_path):
    script = migrate._script()
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    for old in revisions:
        path = tmp_path / f"at-{old}.db"
        url = f"sqlite:///{path}"
        old_db = Database(url)
        migrate.upgrade(old_db, old)
        with old_db.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO titles (title, author, publisher, clc, call_number, topic, material, pinyin, notes,"
                " created_at) VALUES ('旧书', '', '', 'I247', '', 'culture', 'book', '', '', '2025-01-01 09:00:00')")
        old_db.dispose()
        backups = tmp_path / "backups"
        before = set(backups.glob("*.db")) if backups.exists() else set()
        db = open_database(url)
        try:
            assert current_revision(db) == head_revision()
            with db.read() as session:
                assert session.scalars(select(Title.title)).all() == ["旧书"]
        finally:
            db.dispose()
        made = set(backups.glob("*.db")) - before if backups.exists() else set()
        if old == head_revision():
            assert not made  # nothing to migrate, nothing to back up
        else:
            (backup,) = made
            assert f"pre-migrate-{old}" in backup.name
            copy = sqlite3.connect(backup)
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (old,)
            assert copy.execute("SELECT title FROM titles").fetchall() == [("旧书",)]
            copy.close()


def test_database_from_a_newer_version_is_refused_untouched(db, db_path):
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    db.dispose()
    digest = _digest(db_path)
    with pytest.raises(DatabaseError, match="更新版本") as caught:
        open_database(f"sqlite:///{db_path}")
    assert "9999_future" in caught.value.message
    assert _digest(db_path) == digest
    assert not (db_path.parent / "backups").exists()


def test_damaged_file_is_refused_untouched(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)
    digest = _digest(path)
    with pytest.raises(DatabaseError, match="损坏"):
        open_database(f"sqlite:///{path}")
    assert _digest(path) == digest


@pytest.mark.parametrize("content", [b"not a database at all\n" * 100, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
                                     b"short", b"PK\x03\x04" + bytes(200)])
def test_a_file_that_is_no_database_is_refused_untouched_as_such_not_as_damaged(tmp_path, content):
    path = tmp_path / "picture.png"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as caught:
        open_database(f"sqlite:///{path}")
    assert not isinstance(caught.value, migrate.DamagedDatabase)  # nothing to restore over: it is no room's file
    assert "不是书屋数据库文件" in caught.value.message and "损坏" not in caught.value.message
    assert str(path) in caught.value.message
    assert path.read_bytes() == content and sorted(p.name for p in tmp_path.iterdir()) == ["picture.png"]


def test_someone_elses_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    other.commit()
    other.close()
    digest = _digest(path)
    with pytest.raises(DatabaseError, match="不是书屋管理台的数据库"):
        open_database(f"sqlite:///{path}")
    assert _digest(path) == digest


def test_reopening_a_current_database_changes_nothing(db, db_path):
    with db.write() as session:
        add_title(session, "留存")
    db.dispose()
    again = open_database(f"sqlite:///{db_path}")
    with again.read() as session:
        assert session.scalars(select(Title.title)).all() == ["留存"]
    again.dispose()


def test_a_room_from_0006_keeps_its_batches_and_notices_repeats_after_0007(tmp_path):
    from bookroom_desk.services.catalogue.book_import import import_books
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.common.repeats import AlreadyImported
    from bookroom_desk.store.models import ImportBatch

    url = f"sqlite:///{tmp_path / 'room.db'}"
    old = Database(url)
    migrate.upgrade(old, "0006")
    with old.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO import_batches (kind, source, supplier, file_name, received_on, created_at, created_by, rows)"
            " VALUES ('books', 'distribution', '', '旧清单.xlsx', '2025-03-01', '2025-03-01 09:00:00', '', 12)")
    old.dispose()
    db = open_database(url)
    try:
        with db.read() as session:
            ((name, digest),) = session.execute(select(ImportBatch.file_name, ImportBatch.content_hash)).all()
        assert (name, digest) == ("旧清单.xlsx", None)  # a batch from before the column has no digest
        data = "书名\n红楼梦\n".encode()
        with db.write() as session:
            import_books(session, data, file_name="a.csv", actor=OPERATOR)
        with pytest.raises(AlreadyImported, match="批次 2"), db.write() as session:
            import_books(session, data, file_name="b.csv", actor=OPERATOR)
        from alembic import command

        config = migrate.alembic_config()  # and the migration goes down again
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0006")
    finally:
        db.dispose()
    connection = sqlite3.connect(tmp_path / "room.db")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(import_batches)")]
    connection.close()
    assert "content_hash" not in columns


def test_a_database_file_that_cannot_be_read_is_refused_in_words(tmp_path, monkeypatch):
    import errno

    from bookroom_desk.store import snapshots

    path = tmp_path / "room.db"
    open_database(f"sqlite:///{path}").dispose()

    def denied(_path):
        raise PermissionError(errno.EACCES, "Permission denied", str(_path))

    monkeypatch.setattr(snapshots, "file_kind", denied)
    with pytest.raises(DatabaseError) as caught:
        open_database(f"sqlite:///{path}")
    assert "无法读取数据库文件" in caught.value.message and "没有权限" in caught.value.message
    assert "Permission denied" not in caught.value.message
