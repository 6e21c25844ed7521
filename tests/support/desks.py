"""Desks in other processes, for the concurrency tests: each opens the room's database itself and works.

Every function runs in a spawned process: it starts when all desks are ready (a barrier), does its
work one unit of work per scan as the program does, and puts what it did on a queue.
"""

from __future__ import annotations

import random
import traceback

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.database import Database


def run(work, url: str, desk: int, barrier, results, *args) -> None:
    """Open the database, wait for the other desks, do ``work``; put (desk, result or traceback)."""
    db = Database(url)
    try:
        barrier.wait(timeout=60)
        results.put((desk, "ok", work(db, desk, barrier, *args)))
    except BaseException:
        results.put((desk, "crash", traceback.format_exc()))
    finally:
        db.dispose()


def lend_and_return(db: Database, desk: int, _barrier, reader_id: int, codes: list[str], rounds: int) -> dict:
    """Try to lend every copy to this desk's reader, returning about half at once; several rounds."""
    from bookroom_desk.services.circulation import desk as circulation

    rng = random.Random(desk)
    lent, returned, refused, conflicts = [], [], 0, 0
    for _ in range(rounds):
        for code in rng.sample(codes, len(codes)):
            try:
                with db.write() as session:
                    result = circulation.check_out(session, reader_id, code, actor=f"desk{desk}")
                    loan_id = result.steps[0].loan_id if result.action == "lent" else None
            except BookroomError:
                conflicts += 1  # the database refused a second open loan: the race reached it
                continue
            if loan_id is None:
                refused += 1
                continue
            lent.append(loan_id)
            if rng.random() < 0.5:
                with db.write() as session:
                    back = circulation.check_in(session, code, actor=f"desk{desk}")
                if back.action == "returned":
                    returned.append(loan_id)
    return {"lent": lent, "returned": returned, "refused": refused, "conflicts": conflicts}


def catalogue_titles(db: Database, desk: int, _barrier, clc: str, count: int) -> list[tuple[int, str]]:
    """Catalogue ``count`` titles in one class, each in its own unit of work: (id, call number)."""
    from bookroom_desk.services.catalogue import titles

    made = []
    for n in range(count):
        with db.write() as session:
            title = titles.create_title(session, titles.TitleData(title=f"第{desk}台书{n}", clc=clc), actor=OPERATOR)
            made.append((title.id, title.call_number))
    return made


def count_shelf(db: Database, desk: int, _barrier, stocktake_id: int, codes: list[str]) -> list[tuple[str, str]]:
    """Scan a shelf label, then each code, one commit a scan, keeping this desk's current shelf."""
    from bookroom_desk.services.stocktake import counting

    done, at = [], None
    for code in codes:
        with db.write() as session:
            outcome = counting.scan(session, stocktake_id, code, actor=f"desk{desk}", shelf=at)
        at = counting.Cursor(outcome.seq, outcome.shelf_id, outcome.shelf_code)
        done.append((code, outcome.kind))
    return done


def start_stocktakes(db: Database, desk: int, barrier, rounds: int) -> list[bool]:
    """In each round all desks try to start a stocktake at once; the one that did finishes it."""
    from bookroom_desk.services.common import clock
    from bookroom_desk.services.stocktake import counting

    started = []
    for _ in range(rounds):
        barrier.wait(timeout=60)
        try:
            with db.write() as session:
                mine = counting.start(session, actor=f"desk{desk}").id
        except BookroomError:
            mine = None
        started.append(mine is not None)
        barrier.wait(timeout=60)  # every desk has tried
        if mine is not None:
            with db.write() as session:
                counting.get_stocktake(session, mine).finished_at = clock.now()
        barrier.wait(timeout=60)  # the round's stocktake is closed
    return started
