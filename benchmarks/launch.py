"""Launch to ready-to-scan: start the real program on the benchmark room until the scan field has focus.

Each run is a new process (the interpreter's start-up included), offscreen unless DISPLAY is set.
Target: p95 under 1.5 s. Two kinds of start are timed:

- routine: the window closed cleanly earlier today, so start-up skips SQLite's full check of the
  file (``store/clean_close.py``) and today's backup exists;
- the day's first start: the clean close was yesterday (as every morning), so the full
  ``quick_check`` runs, and today's backup is still to be made (the window makes it once shown).

The program runs with its bytecode cached, as installed (a wheel or the bundle ships it): the
first, untimed start writes it to a private folder (PYTHONPYCACHEPREFIX), even when the shell says
PYTHONDONTWRITEBYTECODE. Without it, each start compiled the program's 78 modules (0.15 s).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


@functools.cache
def _environment(folder: Path) -> dict[str, str]:
    """The program's environment; its data and bytecode in ``folder`` (the room's copy's, removed after the run)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
    env.setdefault("BOOKROOM_DATA_DIR", tempfile.mkdtemp(prefix="launch-data-", dir=folder))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="launch-pycache-", dir=folder)
    return env


def as_first_start_of_day(db: Path) -> None:
    """Leave the room as a morning finds it: the last clean close (and full check) yesterday, no backup today."""
    from bookroom_desk.config import backups_dir_for
    from bookroom_desk.store import clean_close, snapshots

    record = clean_close.record_path(db)
    if record.exists():
        data = json.loads(record.read_text(encoding="utf-8"))
        data["checked_on"] = (dt.date.today() - dt.timedelta(days=1)).isoformat()
        record.write_text(json.dumps(data), encoding="utf-8")
    for made in snapshots.list_backups(backups_dir_for(db)):  # the benchmark's own copy's folder
        if made.kind == "regular" and made.moment.date() == dt.date.today():
            made.path.unlink()


def start_once(db: Path) -> float:
    """Seconds from starting the program to its 'ready' line."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "bookroom_desk", "--db", str(db), "gui", "--quit-when-ready"],
                               env=_environment(db.parent), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready = None
    for line in process.stdout:  # timed to the moment it says so: closing comes after
        if line.startswith("ready scanInput"):
            ready = time.perf_counter() - start
            break
    out, err = process.communicate(timeout=120)
    if ready is None:
        raise SystemExit(f"the program did not get ready:\n{out}\n{err}")
    return ready


def measure(db: Path, runs: int) -> tuple[list[float], list[float]]:
    """(routine starts, day's first starts), ``runs`` of each, one of each in turn after an untimed start.

    The untimed start warms the file cache, the translations and the bytecode.
    """
    start_once(db)
    routine, first = [], []
    for _ in range(runs):
        as_first_start_of_day(db)
        first.append(start_once(db))
        routine.append(start_once(db))  # the start before closed cleanly, today
    return routine, first
