"""A record, beside a SQLite room, that the program closed it cleanly: whether start-up may skip the full check.

SQLite's ``quick_check`` reads every page: 0.5–0.8 s on a room of 100,000 copies, most of what
start-up costs above a small room's. The promise is that a damaged file is found at start and
nothing is written to it. The check runs in full unless all of these hold:

- the window closed the room cleanly last time (this record, written after the engine is
  disposed, so after SQLite's last checkpoint, and removed again at every open: a crash or a
  kill leaves no record);
- the file has the size and modification time it had at that close (so anything that wrote it
  since, another program, a copy, a restore, a half-finished sync, is checked in full);
- no write-ahead log waits beside it (a clean close leaves none);
- the last full check was today (damage that changes no metadata, a failing disk, is found
  within a day).

The header and schema are still read at every start (``migrate._inspect_sqlite_file``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

from bookroom_desk import files

log = logging.getLogger(__name__)


def record_path(database: Path) -> Path:
    return database.with_name(database.name + ".closed")


def _fingerprint(database: Path) -> dict:
    stat = database.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def trusted(database: Path, today: dt.date | None = None) -> bool:
    """Whether the file is as the program left it at a clean close, fully checked today."""
    today = today or dt.date.today()
    try:
        record = json.loads(record_path(database).read_text(encoding="utf-8"))
        wal = Path(f"{database}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return False
        return (record.get("file") == _fingerprint(database)
                and record.get("checked_on") == today.isoformat())
    except (OSError, ValueError, AttributeError):
        return False


def last_checked(database: Path) -> str | None:
    """The day of the last full check the record holds (ISO), or None."""
    try:
        return json.loads(record_path(database).read_text(encoding="utf-8")).get("checked_on")
    except (OSError, ValueError, AttributeError):
        return None


def forget(database: Path) -> None:
    """Remove the record: the file is open, so a crash from now on means a full check at the next start."""
    try:
        record_path(database).unlink(missing_ok=True)
    except OSError as exc:  # a record that cannot be removed must not be trusted later: fail loud in the log
        log.warning("could not remove %s: %s", record_path(database), exc)


def record(database: Path, checked_on: str) -> None:
    """Write the record after the engine is disposed (no connection open, the log checkpointed)."""
    if not database.exists():
        return
    try:
        with files.atomic_write(record_path(database)) as temporary:  # never a 0-byte record on a full disk
            temporary.write_text(json.dumps({"file": _fingerprint(database), "checked_on": checked_on}),
                                 encoding="utf-8")
    except (OSError, files.WriteFailed) as exc:
        log.warning("could not write %s: %s", record_path(database), exc)
