"""Stocktake result lists come back from the database in shelf order (call numbers as the books stand)."""

from __future__ import annotations

from bookroom_desk.services.catalogue import titles
from bookroom_desk.services.catalogue.shelf_order import volume_key
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.stocktake import counting
from bookroom_desk.services.stocktake.results import rows
from bookroom_desk.store.models_stocktake import Stocktake
from tests.support.helpers import add_copy

#: In shelf order; stored (and given barcodes) in another.
SHELF = ["TM/3", "TM-49/1", "TM101/2", "TM101/12", "TM101/12:2", "TM90/1", "TN1/1"]
STORED = ["TM90/1", "TM101/12", "TN1/1", "TM101/2", "TM-49/1", "TM101/12:2", "TM/3"]


def _room(db) -> int:
    from bookroom_desk.store.models import Shelf

    with db.write() as session:
        shelf = Shelf(code="T01", name="工业技术", class_from="T", class_to="TV")
        session.add(shelf)
        session.flush()
        for number, call_number in enumerate(STORED, start=1):
            title = titles.create_title(session, TitleData(title=f"书{number}", clc="TM", call_number=call_number),
                                        actor=OPERATOR)
            add_copy(session, f"{number:08d}", title).shelf_id = shelf.id
        volumes = titles.create_title(session, TitleData(title="多卷书", clc="TN", call_number="TN9/1"), actor=OPERATOR)
        for barcode, mark in (("00000091", "v.10"), ("00000092", "v.2"), ("00000093", "v.1")):
            copy = add_copy(session, barcode, volumes)
            copy.shelf_id, copy.volume_mark, copy.volume_key = shelf.id, mark, volume_key(mark)
        return counting.start(session, [shelf.id], actor="小王").id


def test_missing_and_verified_lists_are_in_shelf_order(db):
    stocktake_id = _room(db)
    with db.read() as session:
        stocktake = session.get(Stocktake, stocktake_id)
        missing = rows(session, stocktake, "missing")
        assert [r.call_number for r in missing[:len(SHELF)]] == SHELF
        assert [r.barcode for r in missing[len(SHELF):]] == ["00000093", "00000092", "00000091"]  # v.1, v.2, v.10
        assert [r.call_number for r in rows(session, stocktake, "missing", offset=2, limit=3)] == SHELF[2:5]
    for code in ["SJ-T01", *(f"{n:08d}" for n in range(1, len(STORED) + 1))]:
        with db.write() as session:
            counting.scan(session, stocktake_id, code, actor="小王")
    with db.read() as session:
        stocktake = session.get(Stocktake, stocktake_id)
        assert [r.call_number for r in rows(session, stocktake, "verified")] == SHELF  # the volumes not scanned
