"""Launch to ready-to-scan: start the real program on the benchmark room until the scan field has focus.

Each run is a new process (the interpreter's start-up included), offscreen unless DISPLAY is set.
Target: p95 under 1.5 s. Two kinds of start are timed:

- routine: the window closed cleanly earlier today, so start-up skips SQLite's full check of the
  file (``store/clean_close.py``) and today's backup exists;
- the day's first start: the clean close was yesterday (as every morning), so the full
  ``quick_check`` runs, and today's backup is still to be made (the window makes it once shown).

Beside them, the floor: a bare PySide6 window with one focused line edit, started the same way (a new
interpreter, the same platform), ready when its line edit has the keyboard (:data:`BARE_WINDOW`); the target is
3× that floor. The scan field is ready while the room still opens (what is scanned meanwhile is queued, see
``ui/opening.py``); ``--quit-when-ready`` waits for the room to be open in the window, prints ``quit`` and quits, as
closing the window does: the room open is timed to that line (no target: informative). And the exit: from the
``quit`` line (the ready line for a program that prints none) until its process is gone (target 0.3 s).

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
from dataclasses import dataclass
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


#: The floor: the least a Qt program does to be ready to type into, the same check of the focus as the program's.
BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
app = QApplication(sys.argv)
window = QWidget()
edit = QLineEdit(window)
edit.setObjectName("scanInput")
QVBoxLayout(window).addWidget(edit)
window.resize(1024, 700)
window.show()
edit.setFocus()
def check():
    if window.focusWidget() is edit and window.isVisible():
        print("ready scanInput", flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, check)
QTimer.singleShot(0, check)
app.exec()
"""


def _timed_start(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to the 'ready' line, to the 'quit' line (the ready line's if none), from it until the process is
    gone)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready = quitting = None
    assert process.stdout is not None
    for line in process.stdout:  # timed to the moment it says so: closing comes after
        if line.startswith("ready scanInput"):
            ready = time.perf_counter() - start
            if "--quit-when-ready" not in command:
                break  # the bare window quits at once
        elif line.startswith("quit") and ready is not None:
            quitting = time.perf_counter() - start
            break
    out, err = process.communicate(timeout=120)
    gone = time.perf_counter() - start
    if ready is None:
        raise SystemExit(f"{command[-1][:40]!r} did not get ready:\n{out}\n{err}")
    quitting = ready if quitting is None else quitting
    return ready, quitting, gone - quitting


def start_once(db: Path) -> tuple[float, float, float]:
    """Seconds from starting the program to its 'ready' line, to the room open ('quit'), and from quitting to its
    process gone."""
    return _timed_start([sys.executable, "-m", "bookroom_desk", "--db", str(db), "gui", "--quit-when-ready"],
                        _environment(db.parent))


def bare_start(folder: Path) -> float:
    """Seconds from starting the bare window to its line edit having the keyboard."""
    return _timed_start([sys.executable, "-c", BARE_WINDOW], _environment(folder))[0]


@dataclass
class Launch:
    routine: list[float]
    first: list[float]
    bare: list[float]
    exits: list[float]
    opened: list[float]  # routine starts: to the room open in the window (the scans queued meanwhile handed over)


def measure(db: Path, runs: int) -> Launch:
    """Routine starts, day's first starts and bare windows, ``runs`` of each in turn after an untimed start of
    each (the untimed starts warm the file cache, the translations and the bytecode); the routine starts' exits."""
    start_once(db)
    bare_start(db.parent)
    found = Launch([], [], [], [], [])
    for _ in range(runs):
        as_first_start_of_day(db)
        found.first.append(start_once(db)[0])
        ready, opened, exit_seconds = start_once(db)  # the start before closed cleanly, today
        found.routine.append(ready)
        found.opened.append(opened)
        found.exits.append(exit_seconds)
        found.bare.append(bare_start(db.parent))
    return found
