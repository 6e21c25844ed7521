"""The holdings reports (services/reporting/reports_catalogue.py): copies not lent in years (剔旧清单), acquisitions
by source and by batch with their amounts, and the asset ledger, against plain SQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select, text

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import report_list as library
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.models import Copy, ImportBatch, Shelf
from tests.support.desk_room import past_loan, small_room
from tests.support.helpers import add_copy, add_title

YEAR = Period.year(2026)


def _copy(session, barcode: str) -> Copy:
    return session.scalar(select(Copy).where(Copy.barcode == barcode))


def test_copies_not_lent_in_years_in_shelf_order_with_the_last_day_lent(session):
    room = small_room(session)  # acquired 2025-03-01; today 2026-11-24
    shelf = Shelf(code="A01", name="", class_from="", class_to="", notes="")
    session.add(shelf)
    session.flush()
    for n in range(1, 10):
        _copy(session, f"{n:08d}").shelf_id = shelf.id
    session.execute(text("UPDATE titles SET shelf_key = CASE title WHEN '机械制图' THEN 'A' WHEN '红楼梦' THEN 'B'"
                         " ELSE 'C' || title END"))
    past_loan(session, "00000001", room.zhang, dt.date(2026, 3, 1), dt.date(2026, 3, 20))  # lent this year
    old = past_loan(session, "00000002", room.zhang, dt.date(2025, 6, 1), dt.date(2025, 6, 20))
    old.returned_at = dt.datetime(2025, 6, 10, 9)
    _copy(session, "00000002").status = "available"
    _copy(session, "00000005").status, _copy(session, "00000005").removed_on = "withdrawn", dt.date(2026, 1, 1)
    add_copy(session, "00000010", add_title(session, "新书"), acquired_on=dt.date(2026, 1, 5))  # too new to weed
    session.flush()
    table = library.run(session, "copies-not-lent", YEAR, years=1)
    counted = session.scalars(text(
        "SELECT c.barcode FROM copies c WHERE c.status NOT IN ('withdrawn', 'lost') AND c.acquired_on < '2025-11-24'"
        " AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.copy_id = c.id AND l.out_at >= '2025-11-24')")).all()
    barcodes = [row["barcode"] for row in table.as_dicts()]
    assert sorted(barcodes) == sorted(counted) and len(barcodes) == 7
    assert barcodes[0] == "00000009" and barcodes[1:3] == ["00000002", "00000003"]  # shelf order, then barcode
    rows = {row["barcode"]: row for row in table.as_dicts()}
    assert rows["00000002"]["last_lent"] == dt.date(2025, 6, 1) and rows["00000003"]["last_lent"] is None
    assert rows["00000009"]["shelf"] == "A01" and rows["00000009"]["acquired_on"] == dt.date(2025, 3, 1)
    assert "2025-11-24" in table.note and "共 7 册" in table.note
    assert len(library.run(session, "copies-not-lent", YEAR).rows) == 0  # three years: all newer than that


def test_copies_not_lent_in_the_demo_room_against_a_direct_count(session):
    build_demo(session, volumes=400, readers=40, years=2, seed=3)
    table = library.run(session, "copies-not-lent", YEAR, years=1)
    counted = session.scalar(text(
        "SELECT count(*) FROM copies c WHERE c.status NOT IN ('withdrawn', 'lost') AND c.acquired_on < '2025-11-24'"
        " AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.copy_id = c.id AND l.out_at >= '2025-11-24')"))
    assert len(table.rows) == counted


def test_acquisitions_by_source_against_a_direct_count(session):
    build_demo(session, volumes=400, readers=40, years=2, seed=3)
    table = library.run(session, "acquisitions-by-source", YEAR)
    counted = session.execute(text(
        "SELECT c.source, count(*), sum(coalesce(c.price_paid, t.price)) FROM copies c JOIN titles t ON t.id = c.title_id"
        " WHERE c.acquired_on BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY c.source")).all()
    labels = {"distribution": "配送中心", "directed": "定向采购", "donation": "捐赠", "purchase": "自购", "other": "其他"}
    shown = {row["source"]: (row["volumes"], row["amount"]) for row in table.as_dicts()}
    assert shown == {labels[s]: (n, Decimal(str(amount)).quantize(Decimal("0.01"))) for s, n, amount in counted}
    assert table.total is not None and table.total[2] == sum(n for _, n, _ in counted)


def test_acquisitions_by_batch_name_each_batch_and_the_copies_without_one(session):
    small_room(session)
    batch = ImportBatch(kind="books", source="donation", supplier="市总工会", file_name="捐赠.xlsx",
                        received_on=dt.date(2026, 5, 2), created_at=dt.datetime(2026, 5, 2, 9), rows=2)
    session.add(batch)
    session.flush()
    title = add_title(session, "捐赠书")
    for barcode, paid in (("00000011", Decimal("12.50")), ("00000012", None)):
        copy = add_copy(session, barcode, title, acquired_on=dt.date(2026, 5, 2))
        copy.batch_id, copy.source, copy.price_paid = batch.id, "donation", paid
    add_copy(session, "00000013", add_title(session, "自购书"), acquired_on=dt.date(2026, 6, 1))
    session.flush()
    table = library.run(session, "acquisitions-by-batch", YEAR)
    assert table.rows == [(str(batch.id), dt.date(2026, 5, 2), "捐赠", "市总工会", "捐赠.xlsx", 1, 2, Decimal("32.50")),
                          ("（未经批次）", None, "", "", "", 1, 1, Decimal("20.00"))]
    assert table.total is not None and table.total[6:] == (3, Decimal("52.50"))


def test_the_asset_ledger_as_it_stood_at_the_end_in_accession_order_with_withdrawals(session):
    small_room(session)  # nine copies accessioned 2025-03-01
    copy = _copy(session, "00000004")
    copy.status, copy.removed_on, copy.removed_reason = "withdrawn", dt.date(2026, 2, 1), "破损"
    copy.price_paid = Decimal("8.00")
    _copy(session, "00000005").status = "lost"  # lost, no date: gone whenever the ledger is read
    session.flush()
    amount = "SELECT sum(coalesce(c.price_paid, t.price)) FROM copies c JOIN titles t ON t.id = c.title_id"
    before = library.run(session, "asset-ledger", Period.year(2025))  # 00000004 still held at the end of 2025
    assert [row["accession"] for row in before.as_dicts()] == [f"{n:08d}" for n in range(1, 10)]
    rows = {row["accession"]: row for row in before.as_dicts()}
    assert (rows["00000004"]["removed_on"], rows["00000004"]["removed_reason"]) == (None, "")
    assert rows["00000005"]["removed_reason"] == "遗失"
    held = session.scalar(text(amount + " WHERE c.barcode <> '00000005'"))
    assert before.total is not None and before.total[4] == Decimal(str(held)).quantize(Decimal("0.01"))
    assert "截至 2025-12-31 登记的全部 9 册" in before.note and "其中在藏 8 册" in before.note
    after = library.run(session, "asset-ledger", Period.year(2026))
    rows = {row["accession"]: row for row in after.as_dicts()}
    assert (rows["00000004"]["price"], rows["00000004"]["removed_on"], rows["00000004"]["removed_reason"]) == (
        Decimal("8.00"), dt.date(2026, 2, 1), "破损")
    held = session.scalar(text(amount + " WHERE c.barcode NOT IN ('00000004', '00000005')"))
    assert after.total is not None and after.total[4] == Decimal(str(held)).quantize(Decimal("0.01"))
    assert rows["00000001"]["source"] == "其他" and rows["00000001"]["acquired_on"] == dt.date(2025, 3, 1)


def test_no_acquisitions_in_a_period_is_a_table_with_a_note(session):
    small_room(session)
    for name in ("acquisitions-by-source", "acquisitions-by-batch", "asset-ledger"):
        table = library.run(session, name, Period.year(2020))
        assert table.rows == [] and table.total is None
        assert table.note == ("这一天以前还没有登记入藏的图书。" if name == "asset-ledger" else "这段时间没有新入藏的图书。")
