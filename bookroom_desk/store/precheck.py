"""SQLite's full check of the room file, begun on a background thread while the window's modules load.

At a start that must check the file in full (see :mod:`bookroom_desk.store.clean_close`), SQLite's
``quick_check`` reads every page: about 0.5 s on a 260 MB room. It only reads, and sqlite3 lets
go of the interpreter while it runs, so it can overlap the second of imports before the room is
opened. Opening still waits for its verdict before anything touches the file; a check begun for
one file is used once, by the next open of that same file.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from bookroom_desk.store import clean_close

log = logging.getLogger(__name__)
SQLITE_PREFIX = "sqlite:///"
#: Problems reported at most, as start-up shows them.
LIMIT = 3

_begun: dict[Path, _Check] = {}


class _Check(threading.Thread):
    """One quick_check of one file; ``problems`` is None until it has run (or if it failed)."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="room-check", daemon=True)
        self.path = path
        self.problems: list[str] | None = None

    def run(self) -> None:
        from bookroom_desk.store import snapshots  # here: its imports (zipfile, shutil…) stay off the window's way

        try:
            self.problems = snapshots.sqlite_problems(self.path, quick=True, limit=LIMIT)
        except Exception:  # the open runs the check itself and reports what it finds
            log.exception("background check of %s failed", self.path)


def begin(url: str) -> None:
    """Start checking the SQLite file behind ``url`` if the next open will check it in full (else nothing)."""
    if not url.startswith(SQLITE_PREFIX):
        return  # another database, or a URL form left to the open
    path = Path(url[len(SQLITE_PREFIX):])
    try:
        if not path.is_file() or path.stat().st_size == 0 or clean_close.trusted(path):
            return
    except OSError:
        return
    check = _Check(path)
    _begun[path] = check
    check.start()


def problems(path: Path) -> list[str]:
    """What SQLite's check finds in ``path``: the verdict of the check begun for it (used once), else checked now."""
    check = _begun.pop(Path(path), None)
    if check is not None:
        check.join()
        if check.problems is not None:
            return check.problems
    from bookroom_desk.store import snapshots

    return snapshots.sqlite_problems(path, quick=True, limit=LIMIT)
