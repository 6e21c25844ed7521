"""1,000 book labels to PDF, a backup of the room, and SQLite's quick_check, each through the TaskRunner."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from benchmarks.common import Figure, repeated_task


def backup_function():
    """How the program backs a room up: services.backups.make_backup (issue 9), else the store's copy."""
    try:
        from bookroom_desk.services.upkeep.backups import make_backup
    except ImportError:
        from bookroom_desk.store.snapshots import backup_sqlite

        return "store.snapshots.backup_sqlite", backup_sqlite
    return "services.backups.make_backup", lambda source, target: make_backup(source, target, reason="bench")


def labels(path: Path, runs: int, count: int) -> tuple[list[float], float]:
    from bookroom_desk.printing.label_painting import LabelSheets, write_pdf
    from bookroom_desk.printing.layouts import PRESETS
    from bookroom_desk.services.catalogue import label_items as label_service
    from bookroom_desk.store.database import Database

    db = Database(f"sqlite:///{path}")
    folder = Path(tempfile.mkdtemp(prefix="bookroom-bench-labels-"))
    con = sqlite3.connect(path)
    first, last = con.execute("SELECT min(barcode), max(barcode) FROM (SELECT barcode FROM copies WHERE status ="
                              " 'available' ORDER BY id LIMIT ?)", (count,)).fetchone()
    con.close()

    def work(progress):
        with db.read() as session:
            found = label_service.gather(session, label_service.BOOKS,
                                         label_service.Selection(code_range=f"{first}-{last}"))
        return write_pdf(LabelSheets(found, PRESETS["3x10"]), str(folder / "labels.pdf"), progress=progress)

    try:
        seconds, gap = repeated_task(work, runs)
    finally:
        db.dispose()
        shutil.rmtree(folder, ignore_errors=True)
    return seconds, gap


def backup(path: Path, runs: int) -> tuple[list[float], float, str]:
    name, make = backup_function()
    with tempfile.TemporaryDirectory(prefix="bookroom-bench-backup-") as folder:
        target = Path(folder) / "room-backup.db"
        seconds, gap = repeated_task(lambda _progress: make(path, target), runs)
    return seconds, gap, name


def quick_check(path: Path, runs: int) -> tuple[list[float], float]:
    def work(_progress):
        con = sqlite3.connect(path)
        try:
            assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            con.close()

    return repeated_task(work, runs)


def bench(path: Path, runs: int, label_count: int) -> list[Figure]:
    label_s, label_gap = labels(path, runs, label_count)
    backup_s, backup_gap, name = backup(path, runs)
    check_s, check_gap = quick_check(path, runs)
    size_mb = path.stat().st_size / 1e6
    return [Figure.of(f"{label_count:,} book labels to PDF", "s", label_s, 5.0, gap_ms=label_gap),
            Figure.of(f"backup ({size_mb:.0f} MB file)", "s", backup_s, 2.0, gap_ms=backup_gap, note=name),
            Figure.of("quick_check", "s", check_s, None, gap_ms=check_gap)]
