"""Two desks counting one stocktake: this desk's scans stay on its own shelf while another desk counts another."""

from __future__ import annotations

from sqlalchemy import select

from bookroom_desk.services.stocktake import counting as service
from bookroom_desk.store.database import Database
from bookroom_desk.store.models_stocktake import StocktakeScan
from tests.support.stocktake_page import scan, start_with


def test_another_desk_scanning_another_shelf_does_not_move_this_desks_shelf(page, db, qtbot):
    start_with(page, qtbot, "A01", "A02")
    scan(qtbot, page, "SJ-A01")
    other = Database(db.url)  # the second desk, its own connection
    try:
        with other.write() as session:
            stocktake_id = service.open_stocktake(session).id
            assert service.scan(session, stocktake_id, "SJ-A02", actor="二号台").kind == "shelf"
    finally:
        other.dispose()

    scan(qtbot, page, "00000001")  # on A01, where this desk is counting
    assert "核对无误" in page.counting.feedback.text()
    assert page.counting.shelf.text() == "当前书架：A01 A01架"
    with db.read() as session:
        stored = session.execute(select(StocktakeScan.barcode, StocktakeScan.seq, StocktakeScan.shelf_id)
                                 .order_by(StocktakeScan.seq)).all()
    assert [(s.barcode, s.seq) for s in stored] == [("SJ-A01", 1), ("SJ-A02", 2), ("00000001", 3)]
    assert stored[2].shelf_id == stored[0].shelf_id
