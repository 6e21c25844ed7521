"""The report library (报表): every registered report for last year on the benchmark room, each timed on its own.

The benchmark room has no visits or in-room reads; here (on the group's own copy) 100,000 card visits, 2,000
head counts and 50,000 reads spread over last year are added, so the visits reports have something to group.
Target: every report ≤ 2 s (the 报表 page runs one at a time); the asset ledger's workbook (last year's
acquisitions, one row a copy) is timed beside them, without a target.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure

TARGET_S = 2.0
VISITS = {"full": (100_000, 2_000, 50_000), "small": (1_000, 20, 500)}


def _add_room_use(path: Path, year: int, size: str) -> None:
    cards, counts, reads = VISITS[size]
    rng = random.Random(7)
    first = dt.datetime(year, 1, 1, 8)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        readers = [row[0] for row in con.execute("SELECT id FROM readers")]
        copies = [row[0] for row in con.execute("SELECT id FROM copies LIMIT 20000")]
        con.execute("BEGIN")

        def moment() -> str:
            return str(first + dt.timedelta(days=rng.randrange(365), minutes=rng.randrange(600)))

        con.executemany("INSERT INTO visits (kind, reader_id, at, session_label, head_count, note, actor)"
                        " VALUES ('card', ?, ?, '', 1, '', '（操作员）')",
                        [(rng.choice(readers), moment()) for _ in range(cards)])
        con.executemany("INSERT INTO visits (kind, reader_id, at, session_label, head_count, note, actor)"
                        " VALUES ('count', NULL, ?, ?, ?, '', '（操作员）')",
                        [(f"{dt.date(year, 1, 1) + dt.timedelta(days=n % 365)} 00:00:00", f"第{n // 365}场",
                          rng.randrange(1, 40)) for n in range(counts)])
        con.executemany("INSERT INTO room_reads (copy_id, reader_id, at, actor) VALUES (?, NULL, ?, '（操作员）')",
                        [(rng.choice(copies), moment()) for _ in range(reads)])
        con.execute("COMMIT")
        con.execute("ANALYZE")
    finally:
        con.close()


def bench(path: Path, runs: int, size: str = "full") -> list[Figure]:
    from bookroom_desk.services.common.periods import Period
    from bookroom_desk.services.reporting import report_list
    from bookroom_desk.services.reporting.report_xlsx import write_report_xlsx
    from bookroom_desk.store.database import Database

    period = Period.year(dt.date.today().year - 1)
    _add_room_use(path, period.start.year, size)
    db = Database(f"sqlite:///{path}")
    figures = []
    folder = Path(tempfile.mkdtemp(prefix="bookroom-bench-reports-"))
    try:
        ledger = None
        for report in report_list.reports():
            seconds, rows = [], 0
            for _ in range(runs):
                with db.read() as session:
                    started = time.perf_counter()
                    table = report_list.run(session, report.name, period)
                    seconds.append(time.perf_counter() - started)
                rows = len(table.rows)
                if report.name == "asset-ledger":
                    ledger = table
            figures.append(Figure.of(f"report {report.name} ({period.label}, {rows} rows)", "s", seconds, TARGET_S))
        if ledger is not None:
            seconds = []
            for _ in range(max(1, min(runs, 2))):
                started = time.perf_counter()
                write_report_xlsx(ledger, folder / "ledger.xlsx", "基准书屋")
                seconds.append(time.perf_counter() - started)
            figures.append(Figure.of(f"report asset-ledger workbook ({len(ledger.rows)} rows)", "s", seconds))
    finally:
        db.dispose()
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()
    return figures
