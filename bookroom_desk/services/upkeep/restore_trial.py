"""A backup tried in a scratch copy beside the room before it replaces anything.

The copy is read out of the backup through SQLite's backup API (so a ``-wal`` beside a plain
backup file is read with it, never left behind), then checked, migrated and opened as the program
opens a room: the schema its migrations make, the program's own invariants
(services.upkeep.consistency), photo rows that name files inside the photos folder, and a read of
what the window shows first. Only a copy that passes all of it may replace the room; whatever
fails, the scratch folder goes and the room is as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text

from bookroom_desk import files
from bookroom_desk.errors import BookroomError, DatabaseError, InvalidInput
from bookroom_desk.services.catalogue import search_index
from bookroom_desk.services.common import audit_log
from bookroom_desk.services.reporting.statistics import key_figures
from bookroom_desk.services.roomwork import photos
from bookroom_desk.services.upkeep import consistency
from bookroom_desk.store import faults, migrate, models_access, models_holds, models_stocktake, snapshots
from bookroom_desk.store.models import TITLE_SEARCH, Base
from bookroom_desk.store.models_roomwork import ActivityPhoto
from bookroom_desk.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

UNUSABLE = QT_TRANSLATE_NOOP("BookroomError", "备份文件“{name}”无法作为书屋数据库打开（{detail}），未作任何改动。")
INCONSISTENT = QT_TRANSLATE_NOOP("BookroomError", "备份文件“{name}”里的数据前后不一致（{detail}），未作任何改动。")
PHOTO_OUTSIDE = QT_TRANSLATE_NOOP(
    "BookroomError", "备份文件“{name}”里有指向照片文件夹以外的照片记录（{path}），未作任何改动。")
#: Storage faults that say nothing about the backup: told as they are (the disk, not the file).
#: Imported so every table the program maps is in Base's registry for the smoke read.
_MAPPED = (models_access, models_holds, models_stocktake)
_STORAGE = {faults.MESSAGES[code] for code in (faults.SQLITE_FULL, faults.SQLITE_IOERR, faults.SQLITE_READONLY)}


@dataclass(frozen=True)
class Prepared:
    """A backup ready to take the room's place: the migrated database, and its photos unpacked beside it."""

    database: Path
    photo_base: Path
    photos: list[str]


def _detail(exc: BaseException) -> str:
    """What went wrong, in SQLite's or Python's own words where there are some (first line, at most 200 characters)."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, sqlite3.Error):
        cause = getattr(cause, "orig", None) or cause.__cause__ or cause.__context__
    if cause is not None:
        detail = str(cause)
    elif isinstance(exc, migrate.DamagedDatabase):
        detail = exc.detail
    else:
        detail = exc.message if isinstance(exc, BookroomError) else str(exc)
    detail = (detail.strip().splitlines() or [type(exc).__name__])[0]
    return detail if len(detail) <= 200 else detail[:200] + "…"


RESTORE_DISK_FULL = QT_TRANSLATE_NOOP(
    "BookroomError", "磁盘已满，没有恢复：书屋的数据库没有改动，写了一半的文件已删除。请清理磁盘空间后再试。")


def _storage_fault(exc: BaseException) -> BookroomError | None:
    """The disk's own fault behind ``exc`` (full, unreadable, read-only), or None when the backup is to blame."""
    for cause in (exc, getattr(exc, "orig", None), exc.__cause__):
        if cause is not None and files.is_disk_full(cause):
            return DatabaseError(RESTORE_DISK_FULL)
        if isinstance(cause, DatabaseError) and cause.text in _STORAGE:
            return cause
        if isinstance(cause, sqlite3.Error) and (found := faults.storage_error(cause)) and found.text in _STORAGE:
            return found
        if isinstance(cause, OSError):
            return DatabaseError(QT_TRANSLATE_NOOP("BookroomError", "恢复时读写文件出错：{detail}"),
                                 detail=files.os_error_text(cause))
    return None


def _smoke_read(session) -> None:
    """Read what the window shows first (the key figures) and one row of every table the program maps."""
    key_figures(session)
    for mapper in Base.registry.mappers:
        session.execute(select(mapper.class_).limit(1)).all()
    if isinstance(search_index.index_for(session), search_index.Fts5Index):
        session.execute(text(f"INSERT INTO {TITLE_SEARCH}({TITLE_SEARCH})"
                             " VALUES ('integrity-check')"))


def _open_copy(copy: Path, name: str, room_base: Path, *, actor: str, described: str) -> None:
    """Migrate and open the copy, check it as a room, and record the restore in its own log (raises what fails)."""
    problems = snapshots.sqlite_problems(copy, limit=3)
    if problems:
        raise InvalidInput(UNUSABLE, name=name, detail="; ".join(problems))
    db = migrate.open_database(f"sqlite:///{copy}", safety_backup=False)
    try:
        problems = migrate.schema_problems(copy)
        if problems:
            raise InvalidInput(UNUSABLE, name=name, detail="; ".join(problems[:3]))
        with db.write() as session:
            for stored in session.scalars(select(ActivityPhoto.path)):
                try:
                    photos.photo_file(room_base, stored)
                except InvalidInput:
                    raise InvalidInput(PHOTO_OUTSIDE, name=name, path=str(stored)[:200]) from None
            broken = consistency.violations(session, limit=3)
            if broken:
                raise InvalidInput(INCONSISTENT, name=name, detail="; ".join(str(v) for v in broken[:3]))
            _smoke_read(session)
            audit_log.record(session, "restore", described, actor)
    finally:
        db.dispose()
    # one self-contained file, as a backup is: nothing left in a -wal beside it
    connection = sqlite3.connect(copy)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    with open(copy, "rb+") as handle:
        os.fsync(handle.fileno())


def _unpack_photos(source: Path, name: str, scratch: Path, room_base: Path) -> list[str]:
    """Unpack the backup's photos into the scratch folder; every one must also land inside the room's photos folder."""
    import zipfile

    with zipfile.ZipFile(source) as archive:
        names = [m.filename for m in archive.infolist() if photos.is_photo_name(m.filename)]
    for stored in names:
        try:
            photos.photo_file(room_base, stored)
        except InvalidInput:
            raise InvalidInput(PHOTO_OUTSIDE, name=name, path=stored) from None
    photos.restore_archive(source, scratch)
    return names


@contextmanager
def prepared(database: Path, source: Path, *, kind: str, actor: str, described: str) -> Iterator[Prepared]:
    """The backup at ``source`` tried beside ``database``; the scratch folder is removed when the block ends.

    Raises InvalidInput naming what is wrong with the backup, or the disk's own fault; the room is not touched.
    """
    name = source.name
    room_base = photos.base_folder(database)
    scratch = Path(tempfile.mkdtemp(prefix=f"{database.name}-", suffix=".restoring", dir=database.parent))
    try:
        copy = scratch / database.name
        try:
            with snapshots.database_in(source, scratch=scratch) as plain:
                snapshots.backup_sqlite(plain, copy)
            _open_copy(copy, name, room_base, actor=actor, described=described)
            names = _unpack_photos(source, name, scratch, room_base) if kind == "zip" else []
        except InvalidInput:
            raise
        except Exception as exc:  # the file is a stranger's: whatever fails in trying it, it is not usable
            fault = _storage_fault(exc)
            if fault is not None:
                raise fault from exc
            log.warning("restore of %s refused", source, exc_info=True)
            raise InvalidInput(UNUSABLE, name=name, detail=_detail(exc)) from exc
        yield Prepared(copy, scratch, names)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def move_photos_in(ready: Prepared, room_base: Path) -> int:
    """Move the unpacked photos into the room's photos folder (the same disk: each a rename)."""
    for stored in ready.photos:
        target = photos.photo_file(room_base, stored)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(photos.photo_file(ready.photo_base, stored), target)
    return len(ready.photos)

