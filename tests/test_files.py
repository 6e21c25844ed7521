"""Writing a file whole or not at all, and sweeping what an unfinished write left behind."""

from __future__ import annotations

import errno
import os
import sqlite3
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk import files
from bookroom_desk.store import snapshots
from bookroom_desk.store.migrate import open_database


def test_a_write_replaces_the_file_only_when_whole(tmp_path):
    target = tmp_path / "名单.json"
    target.write_text("old", encoding="utf-8")
    with files.atomic_write(target) as temporary:
        assert temporary.parent == tmp_path and temporary.name.endswith(".partial")
        temporary.write_text("new", encoding="utf-8")
        assert target.read_text(encoding="utf-8") == "old"  # not yet
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["名单.json"]


@pytest.mark.parametrize("fault", [OSError(errno.ENOSPC, "No space left on device"),
                                   sqlite3.OperationalError("database or disk is full")])
def test_a_full_disk_leaves_the_old_file_and_nothing_else(tmp_path, fault):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(files.WriteFailed) as caught:
        with files.atomic_write(target) as temporary:
            temporary.write_bytes(b"half")
            raise fault
    assert caught.value.message.startswith("磁盘已满，“") and str(target) in caught.value.message
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_a_bug_inside_the_block_stays_a_bug_and_leaves_nothing(tmp_path):
    with pytest.raises(ZeroDivisionError), files.atomic_write(tmp_path / "x.pdf") as temporary:
        temporary.write_bytes(b"%PDF")
        _ = 1 / 0
    assert list(tmp_path.iterdir()) == []


@given(st.sampled_from([errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EACCES, errno.EROFS, errno.EIO]))
def test_every_storage_errno_reads_plainly(number):
    error = files.storage_error(OSError(number, os.strerror(number)), "/u/盘.xlsx")
    assert error is not None and "/u/盘.xlsx" in error.message and "{" not in error.message


def _age(path, seconds):
    moment = time.time() - seconds
    os.utime(path, (moment, moment))


def test_the_sweep_removes_only_stale_leftovers_of_unfinished_writes(tmp_path):
    stale = [tmp_path / "~目录.xlsx.abc123.partial", tmp_path / "bookroom-daily-20261101-090000.db.partial",
             tmp_path / "tmpab_cd123.xlsx", tmp_path / "room.db.restoring"]
    scratch = tmp_path / "bookroom-backup-a1b2c3d4"
    scratch.mkdir()
    trial = tmp_path / "room.db-k3_x9zq1.restoring"  # a restore trial's scratch copy, the program killed
    trial.mkdir()
    (trial / "bookroom.db").write_bytes(b"x")
    kept = [tmp_path / "tmp.xlsx", tmp_path / "报表.xlsx", tmp_path / "room.db", tmp_path / "notes.partial.txt"]
    fresh = tmp_path / "~正在写.pdf.zz9.partial"  # another process may be writing it now
    for path in [*stale, *kept, fresh]:
        path.write_bytes(b"x")
    for path in [*stale, *kept, scratch, trial]:
        _age(path, 2 * files.STALE_AFTER)
    removed = files.sweep([tmp_path, tmp_path / "missing"])
    assert sorted(removed) == sorted([*stale, scratch, trial])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in [*kept, fresh])


def test_opening_the_room_sweeps_its_folders(tmp_path):
    database = tmp_path / "room.db"
    open_database(f"sqlite:///{database}").dispose()
    backups = tmp_path / "backups"
    backups.mkdir()
    left = [tmp_path / "room.db.restoring", backups / "bookroom-pre-import-20261124-103000.db.partial"]
    for path in left:
        path.write_bytes(b"")
        _age(path, 2 * files.STALE_AFTER)
    open_database(f"sqlite:///{database}").dispose()
    assert not any(path.exists() for path in left)


def test_a_backup_that_fails_midway_leaves_no_partial(tmp_path, db, db_path, monkeypatch):
    def full(source, destination):
        destination.write_bytes(b"SQLite format 3\x00half")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(snapshots, "copy_pages", full)
    target = tmp_path / "copy.db"
    with pytest.raises(files.WriteFailed, match="磁盘已满"):
        snapshots.backup_sqlite(db_path, target)
    assert not target.exists() and not list(tmp_path.glob("*.partial"))


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")
def test_a_written_file_is_not_made_private(tmp_path):
    new, kept = tmp_path / "new.xlsx", tmp_path / "kept.xlsx"
    kept.write_bytes(b"x")
    kept.chmod(0o664)
    for target in (new, kept):
        with files.atomic_write(target) as temporary:
            temporary.write_bytes(b"y")
    assert (new.stat().st_mode & 0o777, kept.stat().st_mode & 0o777) == (0o644, 0o664)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")
def test_a_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o002)
    try:
        with files.atomic_write(tmp_path / "shared.xlsx") as temporary:
            temporary.write_bytes(b"y")
    finally:
        os.umask(old)
    assert (tmp_path / "shared.xlsx").stat().st_mode & 0o777 == 0o664


OS_ERRORS = [(errno.ENOENT, "没有这个文件", "No such file"), (errno.EACCES, "没有权限", "No permission"),
             (errno.EPERM, "没有权限", "No permission"), (errno.ENOSPC, "磁盘已满", "The disk is full"),
             (errno.EISDIR, "是一个文件夹", "is a folder"), (errno.ENOTDIR, "不是文件夹", "is not a folder"),
             (errno.EROFS, "只能读", "read-only"), (errno.EEXIST, "已有", "already exists"),
             (errno.EBUSY, "占用", "in use"), (errno.ENAMETOOLONG, "太长", "too long")]


@pytest.mark.parametrize(("number", "chinese", "english"), OS_ERRORS)
def test_an_os_error_is_said_in_the_chosen_language(number, chinese, english):
    from bookroom_desk.i18n import install_cli_translator

    fault = OSError(number, os.strerror(number), "/u/盘.xlsx")
    said = files.os_error_text(fault)
    assert chinese in said and os.strerror(number) not in said
    install_cli_translator("en")
    said = files.os_error_text(fault)
    assert english in said and os.strerror(number) not in said and not any("\u4e00" <= c <= "\u9fff" for c in said)


def test_an_unlisted_os_error_falls_back_to_the_systems_words():
    assert files.os_error_text(OSError(errno.ENOEXEC, os.strerror(errno.ENOEXEC))) == os.strerror(errno.ENOEXEC)
    assert files.os_error_text(OSError("something odd")) == "something odd"


@pytest.mark.parametrize("number", [errno.ENOENT, errno.EISDIR, errno.EBUSY])
def test_the_write_error_and_the_commands_fault_use_the_same_words(number):
    from bookroom_desk.cli import storage_fault

    fault = OSError(number, os.strerror(number), "/u/盘.xlsx")
    written = files.storage_error(fault, "/u/盘.xlsx")
    top = storage_fault(fault)
    unnamed = storage_fault(OSError(number, os.strerror(number)))
    assert written is not None and top is not None and unnamed is not None
    for error in (written, top, unnamed):
        assert files.os_error_text(fault) in error.message and os.strerror(number) not in error.message
