"""Several desks at once, each its own process on the one database (SQLite file and PostgreSQL alike).

Two desks lending and returning never lend one copy twice and lose no loan; two desks cataloguing
never share a 种次号; two desks counting different shelves of one stocktake merge their scans, each
on its own shelf; only one stocktake is ever open.
"""

from __future__ import annotations

import multiprocessing
import queue

from sqlalchemy import func, select, update

from bookroom_desk.services.catalogue import shelves
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.stocktake import counting
from bookroom_desk.store.models import Copy, Loan, ReaderCategory, Title
from bookroom_desk.store.models_stocktake import Stocktake, StocktakeScan
from tests.support import desks
from tests.support.helpers import add_copy, add_reader, add_title

DESKS = 2


def run_desks(db, work, *per_desk_args) -> dict[int, object]:
    """Run ``work`` on DESKS processes at once (desk d gets per_desk_args[d]); their results by desk."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(DESKS), context.Queue()
    processes = [context.Process(target=desks.run, args=(work, db.url, d, barrier, results, *per_desk_args[d]))
                 for d in range(DESKS)]
    for process in processes:
        process.start()
    found = {}
    try:
        for _ in processes:
            desk, state, value = results.get(timeout=180)
            assert state == "ok", f"desk {desk} crashed:\n{value}"
            found[desk] = value
    except queue.Empty:
        raise AssertionError("a desk did not finish within 3 minutes") from None
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.terminate()
    return found


def test_two_desks_never_lend_one_copy_twice_and_lose_no_loan(db):
    with db.write() as session:
        session.execute(update(ReaderCategory).values(max_loans=100))
        title = add_title(session, "劳动法读本")
        codes = [add_copy(session, f"{n:08d}", title).barcode for n in range(1, 9)]
        readers = [add_reader(session, f"R{n:06d}", f"读者{n}").id for n in range(DESKS)]
    found = run_desks(db, desks.lend_and_return, *[(readers[d], codes, 4) for d in range(DESKS)])

    lent = [loan for d in found for loan in found[d]["lent"]]
    returned = [loan for d in found for loan in found[d]["returned"]]
    assert all(found[d]["conflicts"] == 0 for d in found)  # the write lock, not the index, kept them apart
    assert sum(found[d]["refused"] for d in found) > 0  # the desks did get in each other's way
    with db.read() as session:
        loans = session.scalars(select(Loan).order_by(Loan.id)).all()
        assert sorted(loan.id for loan in loans) == sorted(lent)  # every loan a desk was told of is stored
        assert len(set(lent)) == len(lent)
        assert sorted(loan.id for loan in loans if loan.returned_at) == sorted(returned)
        for copy in session.scalars(select(Copy)):
            history = sorted((loan for loan in loans if loan.copy_id == copy.id), key=lambda loan: loan.id)
            open_loans = [loan for loan in history if loan.returned_at is None]
            assert len(open_loans) <= 1
            assert (copy.status == "on_loan") == bool(open_loans)
            for earlier, later in zip(history, history[1:]):  # never out to two readers at one time
                assert earlier.returned_at is not None and earlier.returned_at <= later.out_at


def test_two_desks_cataloguing_one_class_never_share_a_call_number(db):
    found = run_desks(db, desks.catalogue_titles, *[("D922.5", 10)] * DESKS)

    made = [call_number for d in found for _, call_number in found[d]]
    assert sorted(made) == sorted(f"D922.5/{n}" for n in range(1, 10 * DESKS + 1))
    with db.read() as session:
        orders = session.scalars(select(Title.order_no).where(Title.clc == "D922.5")).all()
        assert sorted(orders) == list(range(1, 10 * DESKS + 1))


def test_two_desks_counting_different_shelves_merge_their_scans(db):
    with db.write() as session:
        homes, codes = [], []
        for d in range(DESKS):
            shelf = shelves.create_shelf(session, f"A0{d + 1}", actor=OPERATOR)
            homes.append(shelf.id)
            title = add_title(session, f"书架{d}的书")
            copies = [add_copy(session, f"{d + 1}{n:07d}", title) for n in range(1, 13)]
            for copy in copies:
                copy.shelf_id = shelf.id
            codes.append([f"SJ-A0{d + 1}", *(c.barcode for c in copies)])
        stocktake_id = counting.start(session, actor=OPERATOR).id
    found = run_desks(db, desks.count_shelf, *[(stocktake_id, codes[d]) for d in range(DESKS)])

    for d in range(DESKS):
        assert [kind for _, kind in found[d]] == ["shelf"] + ["verified"] * 12, found[d]
    with db.read() as session:
        scans = session.execute(select(StocktakeScan.barcode, StocktakeScan.shelf_id, StocktakeScan.seq)
                                .where(StocktakeScan.stocktake_id == stocktake_id)).all()
        assert len(scans) == DESKS * 13  # no scan lost
        assert sorted(scan.seq for scan in scans) == list(range(1, DESKS * 13 + 1))  # one merged order
        for scan in scans:
            assert scan.shelf_id == homes[int(scan.barcode[-1]) - 1 if scan.barcode.startswith("SJ") else
                                          int(scan.barcode[0]) - 1]
        from bookroom_desk.services.stocktake.results import reconcile

        counts = reconcile(session, session.get(Stocktake, stocktake_id))
        assert (counts.verified, counts.missing, counts.misplaced) == (DESKS * 12, 0, 0)


def test_only_one_stocktake_is_ever_open(db):
    with db.write() as session:
        shelves.create_shelf(session, "A01", actor=OPERATOR)
    found = run_desks(db, desks.start_stocktakes, *[(5,)] * DESKS)

    for round_ in range(5):
        assert sum(found[d][round_] for d in found) == 1
    with db.read() as session:
        assert session.scalar(select(func.count(Stocktake.id))) == 5
        assert counting.open_stocktake(session) is None
