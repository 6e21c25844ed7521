"""A 预约保留 copy is on the hold shelf: a stocktake does not expect it on its shelf nor mark it missing."""

from __future__ import annotations

from sqlalchemy import func, select

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.stocktake import collector
from bookroom_desk.services.stocktake import counting as st_service
from bookroom_desk.services.stocktake.finish import finish
from bookroom_desk.store.models import Copy
from bookroom_desk.store.models_stocktake import Stocktake
from tests.support.stocktake_room import SCANS, build_room, status_of


def test_a_held_copy_is_neither_expected_on_its_shelf_nor_marked_missing(db):
    with db.write() as session:
        room = build_room(session)
        expected_before = session.scalar(select(func.count(Copy.id)).where(st_service.expected_condition(
            Stocktake(all_shelves=True))))
        held = session.scalar(select(Copy).where(Copy.barcode == "00000002"))  # on A01, not among the scans
        held.status = "held"
        stocktake_id = st_service.start(session, [room["A01"], room["A02"]], actor=OPERATOR).id
        collector.load_codes(session, stocktake_id, "\n".join(SCANS), actor=OPERATOR)
        expected_now = session.scalar(select(func.count(Copy.id)).where(st_service.expected_condition(
            Stocktake(all_shelves=True))))
        assert expected_now == expected_before - 1
    with db.write() as session:
        applied = finish(session, stocktake_id, actor=OPERATOR)
    assert applied.marked_missing == 1  # without the hold, 00000002 would be marked too (2)
    with db.read() as session:
        assert status_of(session, "00000002") == "held"
