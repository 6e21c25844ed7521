"""Backups to one file and restores from one: photos travel along, bad files change nothing, older ones migrate."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from sqlalchemy import select

from bookroom_desk.errors import InvalidInput, Refused
from bookroom_desk.services.access import accounts
from bookroom_desk.services.common import permissions
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.reporting.statistics import key_figures
from bookroom_desk.services.roomwork import activities, photos
from bookroom_desk.services.upkeep import backups
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import current_revision, head_revision, open_database
from bookroom_desk.store.models import Title
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.store.snapshots import file_kind, list_backups
from tests.support.helpers import add_title

pytestmark = pytest.mark.sqlite_only("a backup is a copy of the SQLite file")


def _figures(db):
    with db.read() as session:
        return key_figures(session).as_dict()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add_photo(db, tmp_path, name="合影.jpg"):
    source = tmp_path / name
    Image.new("RGB", (60, 40), (10, 120, 200)).save(source, "JPEG")
    with db.write() as session:
        activity = activities.add_activity(session, held_on=dt.date(2026, 4, 23), name="读书日", kind="share")
        photo = photos.add_photo(session, photos.base_folder(db.path), activity.id, source)
    return photos.photo_file(photos.base_folder(db.path), photo.path)


def test_round_trip_with_photos_gives_identical_figures(db, tmp_path):
    with db.write() as session:
        build_demo(session, volumes=400, readers=40)
    picture = _add_photo(db, tmp_path)
    before = _figures(db)
    (tmp_path / "usb").mkdir()
    result = backups.make_backup(db.path, tmp_path / "usb")
    assert result.photos == 1 and file_kind(result.path) == "zip" and result.path.parent == tmp_path / "usb"
    with zipfile.ZipFile(result.path) as archive:
        assert {"bookroom.db", "manifest.json"} <= set(archive.namelist())
    with db.write() as session:  # changes made after the backup are undone by the restore
        add_title(session, "备份之后")
    picture.unlink()
    db.dispose()
    restored = backups.restore(db.path, result.path, actor=OPERATOR)
    again = open_database(db.url)
    try:
        assert _figures(again) == before
        assert restored.photos == 1 and picture.is_file()
        assert restored.set_aside is not None and "pre-restore" in restored.set_aside.name
        copy = sqlite3.connect(restored.set_aside)  # what was replaced is kept, with the later title
        assert copy.execute("SELECT count(*) FROM titles WHERE title = '备份之后'").fetchone() == (1,)
        copy.close()
    finally:
        again.dispose()


def test_a_room_without_photos_backs_up_to_the_database_alone(db, tmp_path):
    result = backups.make_backup(db.path)
    assert file_kind(result.path) == "sqlite" and result.path.suffix == ".db"
    assert result.path.parent == db.path.parent / "backups" and result.photos == 0


def test_an_older_backup_is_migrated_after_restoring(db, tmp_path):
    old_path = tmp_path / "old.db"
    old = Database(f"sqlite:///{old_path}")
    migrate.upgrade(old, "0004")
    with old.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO titles (title, author, publisher, clc, call_number, topic, material, pinyin, notes,"
            " created_at) VALUES ('旧书', '', '', 'I247', '', 'culture', 'book', '', '', '2025-01-01 09:00:00')")
    old.dispose()
    assert backups.inspect_backup(old_path).revision == "0004"
    db.dispose()
    backups.restore(db.path, old_path, actor=OPERATOR)
    again = open_database(db.url)
    try:
        assert current_revision(again) == head_revision()
        assert _figures(again)["titles"] == 0  # a title without copies holds no volumes
    finally:
        again.dispose()


def _refused_untouched(db, source, match=None):
    with db.write() as session:
        add_title(session, "现有")
    before, backups_before = _figures(db), {b.path for b in list_backups(db.path.parent / "backups")}
    with pytest.raises(InvalidInput, match=match) as caught:
        backups.restore(db.path, source, actor=OPERATOR)
    assert "未作任何改动" in caught.value.message or "找不到" in caught.value.message
    assert _figures(db) == before
    assert {b.path for b in list_backups(db.path.parent / "backups")} == backups_before


def test_a_backup_from_a_newer_version_is_refused(db, tmp_path):
    newer = backups.make_backup(db.path, tmp_path / "newer.db").path
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    _refused_untouched(db, newer, match="更新版本")


def test_someone_elses_database_and_a_zip_without_a_database_are_refused(db, tmp_path):
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE notes (x)")
    connection.commit()
    connection.close()
    _refused_untouched(db, other, match="不是书屋管理台的备份")
    empty_zip = tmp_path / "photos.zip"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("photos/1/a.jpg", b"jpeg")
    _refused_untouched(db, empty_zip, match="不是书屋管理台的备份")
    _refused_untouched(db, tmp_path / "missing.zip", match="找不到")


def test_a_zip_reaching_outside_the_photos_folder_is_refused(db, tmp_path):
    real = backups.make_backup(db.path, tmp_path / "real.db").path
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.write(real, "bookroom.db")
        archive.writestr("photos/../../escape.txt", b"x")
    _refused_untouched(db, evil, match="不是书屋管理台的备份")
    assert not (tmp_path.parent / "escape.txt").exists()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_truncated_and_mangled_files_get_a_clear_error_and_change_nothing(db, tmp_path, data):
    good = tmp_path / "good.zip"
    if not good.exists():
        _add_photo(db, tmp_path)
        backups.make_backup(db.path, good)
    raw = good.read_bytes()
    kind = data.draw(st.sampled_from(["random", "truncated", "flipped", "sqlite-head"]))
    if kind == "random":
        content = data.draw(st.binary(max_size=4000))
    elif kind == "truncated":
        content = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif kind == "flipped":
        at = data.draw(st.integers(0, len(raw) - 1))
        content = raw[:at] + bytes([raw[at] ^ 0xFF]) + raw[at + 1:]
    else:
        with zipfile.ZipFile(good) as archive:
            inner = archive.read("bookroom.db")
        content = inner[: data.draw(st.integers(16, len(inner) - 1))]
    source = tmp_path / "candidate.zip"
    source.write_bytes(content)
    with db.read() as session:
        before = key_figures(session).as_dict()
    folder = db.path.parent / "backups"
    backups_before = {b.path for b in list_backups(folder)}
    try:
        info = backups.inspect_backup(source)
    except InvalidInput as exc:
        assert "未作任何改动" in exc.message or "无法读取" in exc.message
        with pytest.raises(InvalidInput):
            backups.restore(db.path, source, actor=OPERATOR)
        assert _figures(db) == before
        assert {b.path for b in list_backups(folder)} == backups_before
    else:  # a flipped byte inside a stored photo leaves a sound backup
        assert kind == "flipped" and info.revision == head_revision()


def test_before_bulk_copies_what_is_committed(db, session):
    with db.write() as first:
        add_title(first, "已提交")
    add_title(session, "未提交")
    session.flush()
    path = backups.before_bulk(session, "import")
    assert "pre-import" in path.name
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT title FROM titles").fetchall() == [("已提交",)]
    copy.close()


def test_last_backup_names_the_folder_and_the_newest_backups_moment(db):
    folder, moment = backups.last_backup(db.path)
    assert folder == db.path.parent / "backups" and moment is None
    daily = backups.daily_backup(db.path)
    folder, moment = backups.last_backup(db.path)
    (made,) = list_backups(folder)
    assert made.path == daily and moment == made.moment


def test_a_backup_folder_that_cannot_be_written_is_a_clear_error(db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_bytes(b"x")
    with pytest.raises(Exception) as caught:
        backups.make_backup(db.path, blocker / "sub" / "b.db")
    # a named file's folder is never made: the message names it (before, the mkdir's failure was reported)
    assert f"文件夹“{blocker / 'sub'}”不存在" in str(caught.value)
    assert blocker.read_bytes() == b"x"


def test_a_damaged_current_database_is_kept_as_it_is_when_restoring(db, tmp_path):
    good = backups.make_backup(db.path, tmp_path / "good.db").path
    db.dispose()
    size = db.path.stat().st_size
    with open(db.path, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad" * 4000)
    result = backups.restore(db.path, good, actor=OPERATOR)
    assert result.set_aside is not None and result.set_aside.read_bytes()[size // 2: size // 2 + 4] == b"\xde\xad" * 2
    open_database(db.url).dispose()




def _accounts(db):
    with db.write() as session:
        accounts.add_account(session, "老李", permissions.ADMIN, "secret1", actor=OPERATOR)
        accounts.add_account(session, "小王", permissions.VOLUNTEER, "246810", actor="老李")


def _restore_entries(db):
    with db.read() as session:
        return [(e.actor, e.detail) for e in session.scalars(select(AuditEntry).where(AuditEntry.kind == "restore"))]


def test_only_an_administrator_restores_and_the_restore_is_recorded_in_the_restored_log(db, tmp_path):
    _accounts(db)
    with db.write() as session:
        add_title(session, "备份里的")
    source = backups.make_backup(db.path, tmp_path / "b.db").path
    with db.write() as session:
        add_title(session, "后来的")
    db.dispose()
    before = _digest(db.path)
    with pytest.raises(Refused, match="只有管理员可以恢复备份"):
        backups.restore(db.path, source, actor="小王")
    assert _digest(db.path) == before and not list_backups(db.path.parent / "backups")
    result, again = backups.restore_room(db.url, source, actor="老李")
    try:
        assert _restore_entries(again) == [("老李", f"b.db（{result.info.made:%Y-%m-%d %H:%M}）")]
        with again.read() as session:
            assert session.scalars(select(Title.title)).all() == ["备份里的"]
    finally:
        again.dispose()


def test_a_restore_names_the_backup_by_the_moment_in_its_name(db, tmp_path):
    source = backups.make_backup(db.path, tmp_path / "bookroom-manual-20261101-083000.db").path
    db.dispose()
    result, again = backups.restore_room(db.url, source, actor=OPERATOR)  # the PC's operator: no account needed
    again.dispose()
    assert result.info.made == dt.datetime(2026, 11, 1, 8, 30)
    reopened = Database(db.url)
    try:
        assert _restore_entries(reopened) == [(OPERATOR, "bookroom-manual-20261101-083000.db（2026-11-01 08:30）")]
    finally:
        reopened.dispose()
