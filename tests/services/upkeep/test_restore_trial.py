"""A backup replaces the room only once it opened as a room in a scratch copy; its -wal is read; its photos stay inside."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile

import pytest
from sqlalchemy import text

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.reporting.statistics import key_figures
from bookroom_desk.services.upkeep import backups, consistency
from bookroom_desk.store.migrate import head_revision, open_database
from tests.support.restoring import backup_of, demo_room, edit, room_state

pytestmark = pytest.mark.sqlite_only("a backup is a copy of the SQLite file")


def _refused(db, source, match):
    """Restore ``source`` over ``db``: refused with ``match``, the room's folder exactly as it was."""
    db.dispose()
    before = room_state(db.path)
    with pytest.raises(InvalidInput, match=match) as caught:
        backups.restore(db.path, source, actor=OPERATOR)
    assert "未作任何改动" in caught.value.message
    assert room_state(db.path) == before
    return caught.value


def test_five_table_names_labelled_current_do_not_make_a_room(db, tmp_path):
    fake = tmp_path / "usb" / "fake.db"
    fake.parent.mkdir()
    edit(fake, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
         f"INSERT INTO alembic_version VALUES ('{head_revision()}')",
         *(f"CREATE TABLE {name} (id INTEGER PRIMARY KEY)" for name in ("titles", "copies", "readers", "loans")))
    error = _refused(db, fake, "无法作为书屋数据库打开")
    assert "no table" in error.message or "no column" in error.message


def test_a_current_schema_labelled_0001_is_refused_when_its_migration_fails(db, tmp_path):
    demo_room(db, tmp_path, with_photo=False)
    relabelled = backup_of(db, tmp_path / "usb" / "relabelled.db")
    edit(relabelled, "UPDATE alembic_version SET version_num = '0001'")
    _refused(db, relabelled, "无法作为书屋数据库打开")


def test_a_dropped_column_is_refused_though_the_label_is_current(db, tmp_path):
    source = backup_of(db, tmp_path / "usb" / "b.db")
    edit(source, "ALTER TABLE readers DROP COLUMN phone")
    error = _refused(db, source, "无法作为书屋数据库打开")
    assert "readers.phone" in error.message


def test_a_backup_breaking_the_programs_own_rules_is_refused(db, tmp_path):
    demo_room(db, tmp_path, with_photo=False)
    source = backup_of(db, tmp_path / "usb" / "b.db")
    edit(source, "UPDATE copies SET status = 'on_loan' WHERE id = (SELECT min(id) FROM copies WHERE status <> 'on_loan')")
    _refused(db, source, "前后不一致.*借出")


def test_a_live_wal_backup_is_read_with_its_log(db, tmp_path):
    """A plain file copy of a database in use: the main file, and 500 titles still in its -wal."""
    source = backup_of(db, tmp_path / "usb" / "live.db")
    writer = sqlite3.connect(source)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.executemany(
        "INSERT INTO titles (title, author, publisher, clc, call_number, topic, material, pinyin, notes, search_text,"
        " created_at) VALUES (?, '', '', 'I247', '', 'culture', 'book', '', '', '', '2026-01-01 09:00:00')",
        [(f"书{n}",) for n in range(500)])
    writer.commit()
    taken = tmp_path / "taken"
    taken.mkdir()
    for suffix in ("", "-wal"):  # copied while the writer is open: nothing checkpointed into the main file
        shutil.copyfile(f"{source}{suffix}", taken / f"live.db{suffix}")
    writer.close()
    assert (taken / "live.db-wal").stat().st_size > 0
    db.dispose()
    backups.restore(db.path, taken / "live.db", actor=OPERATOR)
    assert not [p.name for p in db.path.parent.iterdir() if p.name.endswith(".restoring")]
    again = open_database(db.url)
    try:
        with again.read() as session:
            assert session.execute(text("SELECT count(*) FROM titles")).scalar() == 500
            assert consistency.violations(session) == []
            key_figures(session)
    finally:
        again.dispose()


@pytest.mark.parametrize("stored", ["/tmp/x/id_rsa.jpg", "../../x.png", "photos/1/../../../x.jpg",
                                    "C:\\Users\\x\\id_rsa.jpg", "C:/Users/x/id_rsa.jpg", "photos\\1\\..\\..\\x.jpg",
                                    "photos/1/CON.jpg", "photos/1/a.jpg/../../../x.jpg"])
def test_a_backup_with_photo_rows_outside_the_photos_folder_is_refused(db, tmp_path, stored):
    demo_room(db, tmp_path)
    source = backup_of(db, tmp_path / "usb" / "b.zip")
    plain = tmp_path / "inner.db"
    with zipfile.ZipFile(source) as archive:
        plain.write_bytes(archive.read("bookroom.db"))
        members = {name: archive.read(name) for name in archive.namelist() if name != "bookroom.db"}
    edit(plain, f"UPDATE activity_photos SET path = '{stored}'")
    crafted = tmp_path / "usb" / "crafted.zip"
    with zipfile.ZipFile(crafted, "w") as archive:
        archive.write(plain, "bookroom.db")
        for name, content in members.items():
            archive.writestr(name, content)
    _refused(db, crafted, "照片")
    edit(plain, "PRAGMA journal_mode = DELETE")
    _refused(db, plain, "照片")  # the database alone, too


def test_a_photo_folder_linked_outside_the_room_refuses_the_restore(db, tmp_path):
    demo_room(db, tmp_path)
    source = backup_of(db, tmp_path / "usb" / "b.zip")
    outside = tmp_path / "secrets"
    outside.mkdir()
    folder = next((db.path.parent / "photos").iterdir())
    shutil.rmtree(folder)
    folder.symlink_to(outside, target_is_directory=True)  # photos/<activity> now leads out of the room
    _refused(db, source, "照片")
    assert list(outside.iterdir()) == []


def test_a_refused_restore_leaves_no_scratch_file_and_a_good_one_is_migrated_and_logged(db, tmp_path):
    demo_room(db, tmp_path)
    source = backup_of(db, tmp_path / "usb" / "b.zip")
    db.dispose()
    result, again = backups.restore_room(db.url, source, actor=OPERATOR)
    try:
        assert result.photos == 1
        assert not [p for p in db.path.parent.iterdir() if "restoring" in p.name or p.name.endswith("-journal")]
        with again.read() as session:
            assert consistency.violations(session) == []
    finally:
        again.dispose()
