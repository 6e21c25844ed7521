"""Backing the room up to one file (database and activity photos) and restoring from one.

The backup file: when the room has activity photos, a zip holding ``bookroom.db`` (made with
SQLite's backup API), every photo the database refers to under ``photos/``, and
``manifest.json``; when it has none, the SQLite file alone. Restore tells them apart by their
first bytes, whatever the name. Automatic safety backups (daily, before a migration, a restore,
an import or the end of a stocktake) hold the database alone: photos are never deleted by those
actions, and copying every photo each day would fill the disk.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from bookroom_desk import __version__, files
from bookroom_desk.config import backups_dir_for
from bookroom_desk.errors import DatabaseError, InvalidInput
from bookroom_desk.services.catalogue.holdings import outside_holdings, standard
from bookroom_desk.services.common import permissions
from bookroom_desk.services.common.actors import OPERATOR, named
from bookroom_desk.services.reporting.statistics import registered_readers
from bookroom_desk.services.roomwork import photos
from bookroom_desk.services.upkeep import restore_trial
from bookroom_desk.store import migrate, snapshots
from bookroom_desk.store.database import Database, sqlite_path
from bookroom_desk.text import QT_TRANSLATE_NOOP

MANIFEST = "manifest.json"
#: The tables a room database always has; a SQLite file without them is someone else's.
ROOM_TABLES = {"alembic_version", "titles", "copies", "readers", "loans"}
#: What a named backup file may be called: a zip (database and photos) or the SQLite file alone.
BACKUP_SUFFIXES = (".zip", ".db")
PHOTOS_NEED_ZIP = QT_TRANSLATE_NOOP(
    "BookroomError", "这个书屋有 {photos} 张活动照片，备份是 zip 文件（数据库和照片），"
                     "“{name}”的扩展名应为 .zip。什么也没有写入。")


@dataclass(frozen=True)
class BackupResult:
    """Where a backup went and what it holds."""

    path: Path
    photos: int
    size: int


@dataclass(frozen=True)
class RoomFigures:
    """A backup's room as the window counts it: the same functions the status bar and the statistics use."""

    volumes: int  # the holdings (the status bar's 藏书): not withdrawn or lost, of a counted type
    titles: int  # titles with a copy in the holdings
    set_apart: int  # copies withdrawn or lost
    uncounted: int  # held copies of a type not counted toward the standard
    readers: int  # readers still registered


@dataclass(frozen=True)
class BackupInfo:
    """A checked backup file: its schema revision, and how many photos travel with it."""

    path: Path
    revision: str
    photos: int
    titles: int  # every title row
    copies: int  # every copy row, withdrawn and lost ones too
    made: dt.datetime | None = None  # from the file's name, else when it was last written
    room: RoomFigures | None = None  # the figures the window shows for the room (None: not read)

    @property
    def described(self) -> str:
        """The file's name and date, as the audit log records a restore."""
        made = f"（{self.made:%Y-%m-%d %H:%M}）" if self.made else ""
        return f"{self.path.name}{made}"


def _photo_paths(database: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "activity_photos" not in tables:
            return []
        return [row[0] for row in connection.execute("SELECT path FROM activity_photos ORDER BY id")]
    finally:
        connection.close()


def _revision(database: Path) -> str | None:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def make_backup(database: Path, target: Path | None = None, *, reason: str = "manual",
                with_photos: bool = True, progress=None) -> BackupResult:
    """Back ``database`` up to ``target`` (a file, or a folder to name it in; default the backups folder).

    The database is copied with the backup API (consistent while in use); photos are added from
    that copy's own list, so the file always agrees with itself. A named file holds what its name
    says: ``.zip`` is always a zip (even without photos); ``.db`` the database alone, refused when
    the room has photos; any other suffix is refused. A named file's or folder's folder must exist:
    only the room's own backups folder is made when missing.
    """
    database = Path(database)
    folder = backups_dir_for(database)
    own_folder = target is None
    if target is not None and target.is_dir():
        folder, target = target, None
    elif target is not None:
        files.require_suffix(target, BACKUP_SUFFIXES)
        files.require_folder(target)
        folder = target.parent
    try:
        if own_folder:
            folder.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix="bookroom-backup-", dir=folder))
        try:
            snapshot = snapshots.backup_sqlite(database, scratch / snapshots.ARCHIVE_DB)
            base = photos.base_folder(database)
            # a row naming a file outside the photos folder is never copied into the zip
            stored = [rel for rel in _photo_paths(snapshot) if with_photos
                      and (file := photos.file_or_none(base, rel)) is not None and file.is_file()]
            if target is None:
                zipped = bool(stored)
                target = snapshots.free_name(folder, reason, dt.datetime.now(), ".zip" if zipped else ".db")
            else:  # the name says what the file holds
                zipped = target.suffix.lower() == ".zip"
                if stored and not zipped:
                    raise InvalidInput(PHOTOS_NEED_ZIP, name=target.name, photos=len(stored))
            with files.atomic_write(target) as partial:
                if zipped:
                    _write_zip(partial, snapshot, base, stored, progress)
                else:
                    os.replace(snapshot, partial)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    except (OSError, sqlite3.Error, files.WriteFailed) as exc:
        raise backup_failed(exc, folder) from exc
    if target.parent == backups_dir_for(database):
        snapshots.rotate(target.parent)
    return BackupResult(target, len(stored), target.stat().st_size)


def backup_failed(exc: BaseException, folder: Path) -> DatabaseError:
    """One readable message for a backup that could not be written (nothing half-written is left)."""
    if files.is_disk_full(exc) or files.is_disk_full(exc.__cause__ or exc):
        return DatabaseError(QT_TRANSLATE_NOOP(
            "BookroomError",
            "磁盘已满，备份没有写成（{folder}），写了一半的文件已删除，数据库没有改动。请清理磁盘空间后再试。"),
            folder=str(folder))
    detail = exc.message if isinstance(exc, files.WriteFailed) else files.os_error_text(exc)
    return DatabaseError(QT_TRANSLATE_NOOP("BookroomError", "无法写入备份到 {folder}：{detail}"),
                         folder=str(folder), detail=detail)


def _write_zip(partial: Path, snapshot: Path, base: Path, stored: list[str], progress) -> None:
    manifest = {"program": "bookroom-desk", "version": __version__, "revision": _revision(snapshot),
                "created": dt.datetime.now().isoformat(timespec="seconds"), "photos": len(stored)}
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        archive.write(snapshot, snapshots.ARCHIVE_DB)
        for done, relative in enumerate(stored, 1):
            # JPEGs do not shrink; storing them is faster
            archive.write(photos.photo_file(base, relative), relative, compress_type=zipfile.ZIP_STORED)
            if progress:
                progress(done, len(stored))


def last_backup(database: Path) -> tuple[Path, dt.datetime | None]:
    """The folder of ``database``'s automatic backups, and when the newest backup there was made (None: none yet)."""
    folder = backups_dir_for(database)
    found = snapshots.list_backups(folder)
    return folder, found[0].moment if found else None


def backups_in(folder: Path) -> list[snapshots.BackupFile]:
    """The backups in a backups folder, newest first, each with the reason in its name (daily, pre-restore, ...)."""
    return snapshots.list_backups(folder)


def daily_backup(database: Path) -> Path | None:
    """The day's first backup (database only) into the backups folder, then the rotation; None if today's exists.

    Made with its own connection through SQLite's backup API, so it may run on a worker thread while
    the room is in use.
    """
    folder = backups_dir_for(database)
    try:
        return snapshots.daily_backup(database, folder)
    except (OSError, sqlite3.Error, files.WriteFailed) as exc:
        raise backup_failed(exc, folder) from exc


def before_bulk(session: Session, reason: str) -> Path | None:
    """A safety backup (database only) before a bulk change such as an import; None when not a SQLite file.

    Call it before the first statement of the unit of work: it copies what is committed.
    """
    database = sqlite_path(str(session.get_bind().engine.url))
    if database is None or not database.exists():
        return None
    return make_backup(database, reason=f"pre-{reason}", with_photos=False).path


NOT_A_BACKUP = QT_TRANSLATE_NOOP("BookroomError", "“{name}”不是书屋管理台的备份文件，未作任何改动。")
DAMAGED = QT_TRANSLATE_NOOP("BookroomError", "备份文件“{name}”已损坏或不完整（{detail}），未作任何改动。")


def _check_plain(plain: Path, name: str, thorough: bool = True) -> tuple[str, int, int]:
    if snapshots.file_kind(plain) != "sqlite":
        raise InvalidInput(NOT_A_BACKUP, name=name)
    problems = snapshots.sqlite_problems(plain, limit=3) if thorough else []
    if problems:
        raise InvalidInput(DAMAGED, name=name, detail="; ".join(problems))
    try:
        connection = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not ROOM_TABLES <= tables:
                raise InvalidInput(NOT_A_BACKUP, name=name)
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            titles = connection.execute("SELECT count(*) FROM titles").fetchone()[0]
            copies = connection.execute("SELECT count(*) FROM copies").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise InvalidInput(DAMAGED, name=name, detail=str(exc)) from exc
    if row is None or not row[0]:
        raise InvalidInput(NOT_A_BACKUP, name=name)
    if not migrate._known(row[0]):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "BookroomError", "备份文件“{name}”由更新版本的书屋管理台写入（版本 {revision}），本程序无法使用，未作任何改动。"),
            name=name, revision=row[0])
    return row[0], titles, copies


def room_figures(plain: Path) -> RoomFigures:
    """Count a room database file (read-only) as the window counts the open room.

    Every column these counts read is in the first schema, so a backup of any revision this program
    knows is counted as it is, before it is migrated.
    """
    engine = create_engine("sqlite://", poolclass=NullPool,
                           creator=lambda: sqlite3.connect(f"file:{plain}?mode=ro", uri=True))
    try:
        with Session(engine) as session:
            held = standard(session)
            outside = outside_holdings(session)
            return RoomFigures(volumes=held.volumes, titles=held.titles, set_apart=outside.set_apart,
                               uncounted=outside.uncounted, readers=registered_readers(session))
    finally:
        engine.dispose()


def _check_zip(source: Path, name: str, thorough: bool = True) -> int:
    """Photos in a zip backup; refuses members that are not the database, the manifest or a photo."""
    with zipfile.ZipFile(source) as archive:
        bad = archive.testzip() if thorough else None
        if bad is not None:
            raise InvalidInput(DAMAGED, name=name, detail=bad)
        count = 0
        for member in archive.infolist():
            if member.filename in (snapshots.ARCHIVE_DB, MANIFEST) or member.is_dir():
                continue
            if not photos.is_photo_name(member.filename):
                raise InvalidInput(NOT_A_BACKUP, name=name)
            count += 1
        return count


def inspect_backup(source: Path, *, thorough: bool = True) -> BackupInfo:
    """Check a backup file without changing anything; raises InvalidInput naming what is wrong.

    ``thorough=False`` (a list of backups) skips SQLite's integrity check and the zip's CRCs: it reads
    what the file holds, and the restore of the one chosen checks it whole.
    """
    source = Path(source)
    name = source.name
    if not source.is_file():
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "找不到备份文件“{name}”。"), name=str(source))
    try:
        kind = snapshots.file_kind(source)
        if kind is None:
            raise InvalidInput(NOT_A_BACKUP, name=name)
        count = _check_zip(source, name, thorough) if kind == "zip" else 0
        with snapshots.database_in(source) as plain:
            revision, titles, copies = _check_plain(plain, name, thorough)
            try:
                room: RoomFigures | None = room_figures(plain)
            except SQLAlchemyError:  # not countable as a room: the restore's trial says what is wrong with it
                room = None
    except KeyError:
        raise InvalidInput(NOT_A_BACKUP, name=name) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, NotImplementedError,
            RuntimeError) as exc:
        raise InvalidInput(DAMAGED, name=name, detail=str(exc) or type(exc).__name__) from exc
    except OSError as exc:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "无法读取备份文件“{name}”：{detail}"),
                       name=name, detail=files.os_error_text(exc)) from exc
    return BackupInfo(source, revision, count, titles, copies, snapshots.made_at(source), room)


def _set_aside(database: Path) -> Path | None:
    """Back up the database about to be replaced; a damaged one is copied as it is, with its WAL."""
    if not database.exists() or database.stat().st_size == 0:
        return None
    folder = backups_dir_for(database)
    if not snapshots.sqlite_problems(database, quick=True):
        return make_backup(database, reason="pre-restore", with_photos=False).path
    target = snapshots.free_name(folder, "pre-restore", dt.datetime.now())
    wal = database.with_name(database.name + "-wal")
    if wal.exists():
        with files.atomic_write(target.with_name(target.name + "-wal"), make_folder=True) as partial:
            shutil.copyfile(wal, partial)
    with files.atomic_write(target, make_folder=True) as partial:  # the room's own backups folder
        shutil.copyfile(database, partial)
    snapshots.rotate(folder)
    return target


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the file it took, the backup of what it replaced, photos brought back."""

    info: BackupInfo
    set_aside: Path | None
    photos: int


def _require_admin(database: Path, actor: str) -> None:
    """Refuse a volunteer, judged by the accounts of the database about to be replaced."""
    if named(actor) == OPERATOR or not database.exists():
        return  # the PC's operator (command line, start-up), or nothing to guard
    db = Database(f"sqlite:///{database}")
    try:
        with db.read() as session:
            permissions.require(session, actor, "restore")
    finally:
        db.dispose()


RESTORE_DISK_FULL = restore_trial.RESTORE_DISK_FULL


def restore(database: Path, source: Path, *, actor: str) -> RestoreResult:
    """Replace the database file with a checked backup (the current one backed up first) and bring its photos back.

    Only an administrator restores. Every connection to ``database`` must be closed. The backup is
    first read, migrated, checked and opened in a scratch copy beside the room (see
    :mod:`restore_trial`), which records the restore in its own log; only then is the room's file
    replaced, by a rename. A backup that fails leaves the room's file as it was. The caller then
    opens the room with :func:`reopen`.
    """
    database, source = Path(database), Path(source)
    _require_admin(database, actor)
    info = inspect_backup(source)
    kind = snapshots.file_kind(source) or "sqlite"
    try:
        with restore_trial.prepared(database, source, kind=kind, actor=named(actor),
                                    described=info.described) as ready:
            set_aside = _set_aside(database)
            # A -wal left beside the new file would be replayed into it: remove it first. Should the
            # program stop between the two steps, the old file stands alone, as of its last checkpoint
            # (and whole in the backup just made).
            for suffix in ("-wal", "-shm"):
                database.with_name(database.name + suffix).unlink(missing_ok=True)
            os.replace(ready.database, database)
            restored = restore_trial.move_photos_in(ready, photos.base_folder(database))
    except (OSError, sqlite3.Error, files.WriteFailed) as exc:
        if files.is_disk_full(exc) or files.is_disk_full(exc.__cause__ or exc):
            raise DatabaseError(RESTORE_DISK_FULL) from exc
        detail = exc.message if isinstance(exc, files.WriteFailed) else files.os_error_text(exc)
        raise DatabaseError(QT_TRANSLATE_NOOP("BookroomError", "恢复时读写文件出错：{detail}"), detail=detail) from exc
    return RestoreResult(info, set_aside, restored)


def reopen(url: str, result: RestoreResult, *, actor: str) -> Database:
    """Open the restored database (migrated, with the restore in its own audit log, before it replaced the room)."""
    return migrate.open_database(url)


def restore_room(url: str, source: Path, *, actor: str) -> tuple[RestoreResult, Database]:
    """Restore the SQLite room at ``url`` from ``source`` and open it: what the window and the command line do."""
    database = sqlite_path(url)
    if database is None:
        raise ValueError(f"not a SQLite database: {url}")  # callers offer restore for SQLite files only
    result = restore(database, source, actor=actor)
    return result, reopen(url, result, actor=actor)
