"""Consistent copies of a live SQLite database, made with SQLite's backup API, and their rotation.

A backup is one file named ``bookroom-<reason>-YYYYMMDD-HHMMSS[-n].<db|zip>``: a plain SQLite
file, or (when the room has activity photos, see services.upkeep.backups) a zip holding the database as
``bookroom.db`` beside ``photos/...``. Automatic backups sit in ``backups/`` beside the database.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bookroom_desk import files
from bookroom_desk.config import backups_dir_for, user_data_dir

#: The database's name inside a zip backup.
ARCHIVE_DB = "bookroom.db"
SQLITE_MAGIC = b"SQLite format 3\x00"
ZIP_MAGIC = b"PK\x03\x04"

#: Backups kept by the rotation: the newest of each of the last 7 days, 4 weeks and 12 months
#: that have one, among the regular (daily and manual) backups.
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 4, 12
REGULAR = ("daily", "manual")
#: Safety backups (before a migration, a restore, an import, a stocktake's end) kept per kind.
KEEP_SAFETY = 5

_NAME = re.compile(r"^bookroom-(?P<reason>[a-z0-9-]+?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.(?:db|zip)$")


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy the database at ``source`` to ``destination`` page by page, safely while in use.

    A plain file copy of a live WAL database can miss committed pages still in the -wal file;
    the backup API reads through SQLite itself and gives a consistent snapshot. The copy is
    written whole or not at all (a full disk raises :class:`files.WriteFailed`, nothing left behind).
    """
    with files.atomic_write(destination, make_folder=True) as partial:  # the room's backups folder, made on first use
        copy_pages(source, partial)
    return destination


def copy_pages(source: Path, destination: Path) -> None:
    """SQLite's backup API from ``source`` (read-only) into ``destination``, left as one self-contained file."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def sweep_leftovers(database: Path) -> list[Path]:
    """Remove what unfinished writes left in the folders the program writes to on its own (at each start).

    The database's folder (photos, restores), its backups folder and the loan slips folder; an export
    to a folder the user chose is swept there the next time a file of the same name is written.
    """
    return files.sweep([database.parent, backups_dir_for(database), user_data_dir() / "slips"])


def backup_name(reason: str, moment: dt.datetime | None = None) -> str:
    """File name of a backup: ``bookroom-<reason>-YYYYMMDD-HHMMSS.db``."""
    moment = moment or dt.datetime.now()
    return f"bookroom-{reason}-{moment:%Y%m%d-%H%M%S}.db"


def free_name(folder: Path, reason: str, moment: dt.datetime | None = None, suffix: str = ".db") -> Path:
    """A backup path in ``folder`` no file uses yet (a counter is added within the same second)."""
    stem = backup_name(reason, moment)[: -len(".db")]
    # after the highest counter of that second: a first name the rotation freed is never reused for a newer file
    same_second = [b.number for b in list_backups(folder) if b.path.stem in (stem, f"{stem}-{b.number}")]
    n = max(same_second, default=0) + 1
    candidate = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
    while candidate.exists() or candidate.with_suffix(".db" if suffix == ".zip" else ".zip").exists():
        n += 1
        candidate = folder / f"{stem}-{n}{suffix}"
    return candidate


@dataclass(frozen=True)
class BackupFile:
    """A backup found in a backups folder."""

    path: Path
    reason: str
    moment: dt.datetime
    number: int = 1  # the counter free_name adds within one second: -2, -3, ... -10 come after the first

    @property
    def kind(self) -> str:
        """The rotation group: daily/manual together, each safety reason apart (any migration alike)."""
        if self.reason in REGULAR:
            return "regular"
        return "pre-migrate" if self.reason.startswith("pre-migrate") else self.reason


def backup_file(path: Path) -> BackupFile | None:
    """``path`` as a backup named by this program (its reason and moment), or None for any other name."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    return BackupFile(path, match["reason"], dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), int(match["n"] or 1))


def made_at(path: Path) -> dt.datetime:
    """When a backup file was made: the moment in its name, else when the file was last written."""
    named = backup_file(path)
    return named.moment if named else dt.datetime.fromtimestamp(path.stat().st_mtime)


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in ``folder``, newest first (files not named like a backup are ignored)."""
    if not folder.is_dir():
        return []
    found = [named for path in folder.iterdir() if (named := backup_file(path)) is not None and path.is_file()]
    return sorted(found, key=lambda b: (b.moment, b.number, b.path.name), reverse=True)


def to_keep(backups: list[BackupFile]) -> set[Path]:
    """Which backups the rotation keeps (``backups`` newest first)."""
    keep: set[Path] = set()
    regular = [b for b in backups if b.kind == "regular"]
    for size, bucket in ((KEEP_DAYS, lambda m: m.date()), (KEEP_WEEKS, lambda m: m.isocalendar()[:2]),
                         (KEEP_MONTHS, lambda m: (m.year, m.month))):
        seen: set = set()
        for backup in regular:
            key = bucket(backup.moment)
            if key not in seen and len(seen) < size:
                seen.add(key)
                keep.add(backup.path)
    per_kind: dict[str, int] = {}
    for backup in backups:
        if backup.kind != "regular":
            per_kind[backup.kind] = per_kind.get(backup.kind, 0) + 1
            if per_kind[backup.kind] <= KEEP_SAFETY:
                keep.add(backup.path)
    return keep


def rotate(folder: Path) -> list[Path]:
    """Delete the backups the rotation does not keep; returns what was deleted."""
    backups = list_backups(folder)
    keep = to_keep(backups)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def daily_backup(database: Path, folder: Path, now: dt.datetime | None = None) -> Path | None:
    """At the first start of a day, back the database up (then rotate); None if one exists today."""
    now = now or dt.datetime.now()
    if not database.exists() or database.stat().st_size == 0:
        return None
    if any(b.kind == "regular" and b.moment.date() == now.date() for b in list_backups(folder)):
        return None
    target = backup_sqlite(database, free_name(folder, "daily", now))
    rotate(folder)
    return target


def file_kind(path: Path) -> str | None:
    """"sqlite", "zip", or None, judged by the first bytes."""
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    return None


@contextmanager
def database_in(path: Path, scratch: Path | None = None) -> Iterator[Path]:
    """The plain SQLite file of a backup: the file itself, or its ``bookroom.db`` unpacked to a temporary file.

    Raises ``zipfile.BadZipFile``, ``KeyError`` (no database inside) or ``OSError``.
    """
    if file_kind(path) != "zip":
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="bookroom-restore-", dir=scratch))
    try:
        with zipfile.ZipFile(path) as archive:
            with archive.open(ARCHIVE_DB) as data, open(folder / ARCHIVE_DB, "wb") as out:
                shutil.copyfileobj(data, out)
        yield folder / ARCHIVE_DB
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _short_file(path: Path) -> str | None:
    """Why a SQLite file is shorter than its own header says (a cut copy), or None.

    SQLite reads a file cut inside its last pages without complaint when those pages are free, and
    its checks pass; the header's page size and page count tell. The count is trusted only while
    the header says it is current (offset 92 equals the change counter at offset 24), as SQLite does.
    """
    with path.open("rb") as file:
        header = file.read(100)
    size = path.stat().st_size
    if len(header) < 100:
        return "file is shorter than a SQLite header"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return None  # not a page size: SQLite's own check says what is wrong
    pages, current = int.from_bytes(header[28:32], "big"), header[92:96] == header[24:28]
    if size % page_size or (current and pages * page_size > size):
        return f"file is cut short: {size} bytes, the header promises {pages} pages of {page_size} bytes"
    return None


def sqlite_problems(path: Path, quick: bool = False, limit: int = 20) -> list[str]:
    """What SQLite's own check finds wrong in the file (read-only); empty when it is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        short = _short_file(path)
    except OSError as exc:
        return [str(exc)]
    if short:
        return [short]
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}({limit})")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    if rows == ["ok"]:
        return []
    lines = [line.strip() for row in rows for line in str(row).splitlines()]
    return [line for line in lines if line and not line.startswith("***")]  # "*** in database main ***"


def good_backup(path: Path, known_revision) -> bool:
    """Whether a backup passes SQLite's check and holds a room database of a revision this program knows."""
    try:
        with database_in(path, scratch=path.parent) as plain:
            if file_kind(plain) != "sqlite" or sqlite_problems(plain, quick=True):
                return False
            connection = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
            try:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            finally:
                connection.close()
    except (OSError, KeyError, zipfile.BadZipFile, sqlite3.DatabaseError):
        return False
    return row is not None and known_revision(row[0])


def newest_good(folder: Path, known_revision) -> BackupFile | None:
    """The newest backup in ``folder`` that is sound (see :func:`good_backup`)."""
    return next((b for b in list_backups(folder) if good_backup(b.path, known_revision)), None)
