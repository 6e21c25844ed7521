"""A stocktake survives being killed mid-run: every committed scan is there, whole, and counting carries on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from sqlalchemy import text

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.stocktake import counting as st_service
from bookroom_desk.services.stocktake.results import progress, reconcile
from bookroom_desk.store.models import Copy, Shelf
from bookroom_desk.store.models_stocktake import Stocktake, StocktakeScan
from tests.support.helpers import add_copy, add_title

COPIES = 400
KILL_AFTER = 60

#: Scans every code given on the command line, one write (one commit) each, saying so after each.
CHILD = textwrap.dedent("""
    import sys
    from bookroom_desk.services.stocktake import counting
    from bookroom_desk.store.migrate import open_database

    db = open_database(sys.argv[1])
    with db.read() as session:
        stocktake_id = counting.open_stocktake(session).id
    for code in sys.argv[2:]:
        with db.write() as session:
            counting.scan(session, stocktake_id, code, actor="pdc")
        print(code, flush=True)
""")


def test_killed_during_a_scan_run_loses_no_committed_scan_and_resumes(db):
    with db.write() as session:
        shelf = Shelf(code="A01", name="A01")
        session.add(shelf)
        session.flush()
        title = add_title(session, "劳动法读本")
        for n in range(1, COPIES + 1):
            add_copy(session, f"{n:08d}", title).shelf_id = shelf.id
        stocktake_id = st_service.start(session, [shelf.id], actor=OPERATOR).id
    codes = ["SJ-A01"] + [f"{n:08d}" for n in range(1, COPIES + 1)]
    child = subprocess.Popen([sys.executable, "-c", CHILD, db.url, *codes],
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    confirmed = []
    try:
        while len(confirmed) < KILL_AFTER:
            line = child.stdout.readline()
            assert line, "the scanning process stopped before it was killed"
            confirmed.append(line.strip())
        child.send_signal(signal.SIGKILL)  # mid-run: no clean-up, no rollback, no close
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL

    db.dispose()  # a fresh start, as after a power cut
    with db.read() as session:
        if db.is_sqlite:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        scans = session.query(StocktakeScan).order_by(StocktakeScan.seq).all()
        copy_ids = dict(session.query(Copy.barcode, Copy.id).all())
        # Every scan the process reported committed is there; at most the one in flight beyond.
        assert [s.barcode for s in scans][:KILL_AFTER] == confirmed
        assert KILL_AFTER <= len(scans) < len(codes)
        assert [s.seq for s in scans] == list(range(1, len(scans) + 1))
        for scan in scans:  # each whole: its code, the copy it names, the shelf, time and source
            assert scan.stocktake_id == stocktake_id and scan.shelf_id == shelf.id and scan.at is not None
            assert scan.copy_id == copy_ids.get(scan.barcode) and scan.by == "pdc" and scan.source == "scanner"
        assert scans[0].copy_id is None and all(s.copy_id for s in scans[1:])
        stocktake = st_service.open_stocktake(session)
        assert stocktake.id == stocktake_id
        # It resumes where it stopped: on shelf A01, numbering after the last scan.
        at = st_service.cursor(session, stocktake_id)
        assert (at.seq, at.shelf_code) == (len(scans), "A01")
        before = reconcile(session, stocktake)
    assert before.verified == len(scans) - 1 and before.missing == COPIES - before.verified

    for code in codes[len(scans):]:
        with db.write() as session:
            assert st_service.scan(session, stocktake_id, code, actor=OPERATOR).kind == "verified"
    with db.read() as session:
        stocktake = session.get(Stocktake, stocktake_id)
        counts = reconcile(session, stocktake)
        line = progress(session, stocktake).shelves[0]
    assert (counts.expected, counts.verified, counts.missing, counts.repeated) == (COPIES, COPIES, 0, 0)
    assert (line.expected, line.scanned, line.remaining) == (COPIES, COPIES, 0)
