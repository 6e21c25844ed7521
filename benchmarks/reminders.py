"""Reminders (催还) for the whole room: the notices due, the workbook, the letters, and recording them.

The benchmark room has 3,000 open loans among its 1,000,000; here (on the group's own copy) the newest
loan of 17,000 more copies is opened again, due on the days around today, so that 20,000 open loans (one
per reader) are looked at, and 5,000 of them have had a notice already. Target: the whole room's round
(the notices due at every stage, found and recorded) ≤ 3 s; the workbook and the letters made from them
are timed beside it, without a target (they are file writing, by the size of the round).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, qt_app

TARGET_S = 3.0
MORE_OPEN = {"full": 17_000, "small": 170}
GIVEN_BEFORE = {"full": 5_000, "small": 50}


def _open_more(path: Path, more: int, given: int, today: dt.date) -> int:
    """Open the newest loan of ``more`` copies that are not on loan, due -40..+5 days from today; returns open loans."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN")
        ids = [row[0] for row in con.execute(
            "SELECT max(id) FROM loans WHERE copy_id NOT IN (SELECT copy_id FROM loans WHERE returned_at IS NULL)"
            " GROUP BY copy_id ORDER BY copy_id LIMIT ?", (more,))]
        con.executemany("UPDATE loans SET returned_at = NULL, due_on = ? WHERE id = ?",
                        [((today + dt.timedelta(days=5 - n % 46)).isoformat(), loan_id) for n, loan_id in enumerate(ids)])
        con.execute("UPDATE copies SET status = 'on_loan' WHERE id IN (SELECT copy_id FROM loans WHERE returned_at IS NULL)")
        open_ids = [row[0] for row in con.execute("SELECT id FROM loans WHERE returned_at IS NULL ORDER BY id LIMIT ?",
                                                  (given,))]
        con.executemany("INSERT INTO notices_given (loan_id, due_on, stage, stage_name, given_at, given_by, how)"
                        " SELECT id, due_on, -3, '', ?, '（操作员）', 'letter' FROM loans WHERE id = ?",
                        [(f"{today - dt.timedelta(days=10)} 09:00:00", loan_id) for loan_id in open_ids])
        con.execute("COMMIT")
        con.execute("ANALYZE")
        return con.execute("SELECT count(*) FROM loans WHERE returned_at IS NULL").fetchone()[0]
    finally:
        con.close()


def bench(path: Path, runs: int, size: str = "full") -> list[Figure]:
    from bookroom_desk.printing.notices import write_letters_pdf
    from bookroom_desk.services.circulation import reminder_sheets, reminders
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.store.database import Database

    qt_app()
    today = dt.date.today()
    open_loans = _open_more(path, MORE_OPEN[size], GIVEN_BEFORE[size], today)
    work = Path(tempfile.mkdtemp(prefix="bookroom-bench-reminders-"))
    copy = work / "room.db"
    query_s, round_s, workbook_s, letters_s = [], [], [], []
    counts: tuple[int, int] = (0, 0)
    try:
        for _ in range(runs):
            # Each round on a fresh copy: recording changes what the next round would find.
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{path}{suffix}").exists():
                    shutil.copyfile(f"{path}{suffix}", f"{copy}{suffix}")
            db = Database(f"sqlite:///{copy}")
            try:
                started = time.perf_counter()
                with db.read() as session:
                    due = reminders.due_notices(session, today)
                    contact = reminder_sheets.room_contact(session)
                query_s.append(time.perf_counter() - started)
                with db.write() as session:
                    recorded = reminders.record_given(session, due, "workbook", actor=OPERATOR)
                round_s.append(time.perf_counter() - started)
                counts = (len(due), recorded)
                started = time.perf_counter()
                reminder_sheets.write_workbook(due, contact, work / "催还.xlsx", today)
                workbook_s.append(time.perf_counter() - started)
                started = time.perf_counter()
                write_letters_pdf(due, contact, work / "催还.pdf", "a5", today)
                letters_s.append(time.perf_counter() - started)
            finally:
                db.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    note = (f"{open_loans:,} open loans of 1,000,000 ({GIVEN_BEFORE[size]:,} given a notice before); "
            f"{counts[0]:,} readers, {counts[1]:,} notices")
    return [Figure.of("reminders: notices due, whole room (one query)", "s", query_s, TARGET_S, note=note),
            Figure.of("reminders: whole room, due and recorded", "s", round_s, TARGET_S),
            Figure.of(f"reminders: workbook ({counts[1]:,} books, a sheet per department)", "s", workbook_s),
            Figure.of(f"reminders: letters PDF ({counts[0]:,} readers, A5)", "s", letters_s)]
