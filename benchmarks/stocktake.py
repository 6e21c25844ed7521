"""Stocktake: one scan (its own commit) and the reconcile of a whole-room count, beside the plain-SQL floor.

The count is laid down in bulk first (every shelf label, then 95% of the copies expected on it,
a few scanned on the wrong shelf, a few unknown codes), as if the volunteers had scanned the room.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from benchmarks import pg
from benchmarks.common import Figure, captured_sql, repeated_task, timed


def lay_down_count(path: Path, seed: int = 7) -> int:
    """Start a stocktake of every shelf through the program, then bulk-insert its scans; returns its id."""
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.stocktake import counting
    from bookroom_desk.store.database import Database

    db = Database(pg.url_of(path))
    with db.write() as session:
        sid = counting.start(session, None, name="基准盘点", actor=OPERATOR).id
    db.dispose()
    rng = random.Random(seed)
    con = pg.plain(path)
    shelves = con.execute("SELECT id, code FROM shelves ORDER BY id").fetchall()
    at, seq, rows = dt.datetime.now().isoformat(" "), 0, []
    for shelf_id, code in shelves:
        seq += 1
        rows.append((sid, f"SJ-{code}", None, shelf_id, at, seq))
        for copy_id, barcode in con.execute("SELECT id, barcode FROM copies WHERE shelf_id = ? AND status NOT IN"
                                            " ('withdrawn', 'lost', 'on_loan')", (shelf_id,)):
            if rng.random() < 0.95:
                seq += 1
                found_on = shelf_id if rng.random() > 0.01 else shelves[rng.randrange(len(shelves))][0]
                rows.append((sid, barcode, copy_id, found_on, at, seq))
        seq += 1
        rows.append((sid, f"9{seq:07d}", None, shelf_id, at, seq))
    con.executemany("INSERT INTO stocktake_scans (stocktake_id, barcode, copy_id, shelf_id, at, source, \"by\", seq)"
                    " VALUES (?, ?, ?, ?, ?, 'file', '', ?)", rows)
    con.commit()
    con.close()
    return sid


def scans(path: Path, sid: int, runs: int) -> list[float]:
    """One scanner scan each: the shelf label once, then copies, each its own unit of work."""
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.common.barcodes import Scheme
    from bookroom_desk.services.stocktake import counting
    from bookroom_desk.store.database import Database

    con = pg.plain(path)
    codes = [c for (c,) in con.execute("SELECT barcode FROM copies WHERE shelf_id = 1 ORDER BY id LIMIT ?", (runs + 1,))]
    con.close()
    db = Database(pg.url_of(path))
    with db.read() as session:
        scheme = Scheme.load(session)
    with db.write() as session:
        counting.scan(session, sid, "SJ-A01", scheme=scheme, actor=OPERATOR)
    timings = []
    for code in codes:
        def work(code: str = code) -> None:
            with db.write() as session:
                counting.scan(session, sid, code, scheme=scheme, actor=OPERATOR)
        timings.append(timed(work))
    db.dispose()
    return timings[1:]


def reconcile(path: Path, sid: int, runs: int) -> tuple[list[float], float, list[float]]:
    """The reconcile through the TaskRunner (seconds, GUI gap), and its SQL replayed in plain sqlite3
    or psycopg (ms)."""
    from bookroom_desk.services.stocktake import counting, results
    from bookroom_desk.store.database import Database

    db = Database(pg.url_of(path))

    def work(_progress):
        with db.read() as session:
            return results.reconcile(session, counting.get_stocktake(session, sid))

    with captured_sql(db.engine) as statements:
        counts = work(None)
    if counts.missing <= 0 or counts.verified <= 0:
        raise SystemExit(f"the laid-down count did not reconcile as expected: {counts}")
    seconds, gap = repeated_task(work, runs)
    db.dispose()
    return seconds, gap, pg.plain_floor(path, statements, max(3, runs))


def bench(path: Path, runs: int) -> list[Figure]:
    sid = lay_down_count(path)
    scan_ms = scans(path, sid, max(20, runs * 4))
    seconds, gap, floor_ms = reconcile(path, sid, runs)
    floor = Figure.of("", "s", [ms / 1000 for ms in floor_ms]).median
    return [Figure.of("stocktake scan (service, one commit)", "ms", scan_ms, 20.0),
            Figure.of("stocktake reconcile (whole room)", "s", seconds, 2.0, floor=floor, gap_ms=gap)]
