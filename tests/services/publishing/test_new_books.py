"""新书通报's list: titles that arrived in a period or a batch, in shelf order, with what is on the shelf now."""

from __future__ import annotations

import datetime as dt

from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.services.publishing.new_books import new_books
from bookroom_desk.store.models import ImportBatch, Shelf
from tests.support.helpers import add_copy, add_title

MARCH, APRIL = dt.date(2026, 3, 10), dt.date(2026, 4, 2)


def _title(session, name, call_number, isbn=None):
    title = add_title(session, name, isbn=isbn)
    title.call_number, title.shelf_key = call_number, shelf_key(call_number)
    return title


def _room(session):
    shelf = Shelf(code="I01", name="文学")
    bare = Shelf(code="T01", name="")
    batch = ImportBatch(kind="books", created_at=dt.datetime(2026, 4, 2, 9), created_by="老李", rows=2)
    session.add_all([shelf, bare, batch])
    session.flush()
    later = _title(session, "后到的书", "I247.5/10")
    first = _title(session, "先排的书", "D922.5/2")
    old = _title(session, "旧书", "A81/1")
    gone = _title(session, "剔除的书", "B0/1")
    for code, title, on, status, where in [("N1", later, APRIL, "available", shelf), ("N2", later, APRIL, "on_loan", shelf),
                                           ("N3", first, MARCH, "available", bare), ("N4", first, APRIL, "available", None),
                                           ("O1", old, dt.date(2024, 1, 1), "available", shelf),
                                           ("G1", gone, MARCH, "withdrawn", shelf)]:
        copy = add_copy(session, code, title, status=status, acquired_on=on)
        copy.shelf = where
        if code in ("N1", "N2"):
            copy.batch = batch
    session.flush()
    return batch


def test_a_period_lists_titles_that_arrived_in_shelf_order_with_copies_on_shelf_now(db):
    with db.write() as session:
        _room(session)
    with db.read() as session:
        books = new_books(session, start=dt.date(2026, 3, 1), end=dt.date(2026, 4, 30))
    assert [(b.title, b.call_number, b.arrived, b.on_shelf, b.shelf, b.acquired_on) for b in books] == [
        ("先排的书", "D922.5/2", 2, 2, "T01", MARCH),  # an unnamed shelf shows its code
        ("后到的书", "I247.5/10", 2, 1, "文学", APRIL),  # one of two is lent
    ]


def test_a_period_counts_only_copies_inside_it(db):
    with db.write() as session:
        _room(session)
    with db.read() as session:
        books = new_books(session, start=dt.date(2026, 4, 1), end=dt.date(2026, 4, 30))
        march = new_books(session, end=dt.date(2026, 3, 31))
    assert [(b.title, b.arrived, b.on_shelf, b.acquired_on) for b in books] == [("先排的书", 1, 2, APRIL),
                                                                              ("后到的书", 2, 1, APRIL)]
    assert [b.title for b in march] == ["旧书", "先排的书"]  # withdrawn copies are not news


def test_a_batch_lists_its_own_copies_and_limit_keeps_the_first(db):
    with db.write() as session:
        batch = _room(session)
        batch_id = batch.id
    with db.read() as session:
        assert [b.title for b in new_books(session, batch_id=batch_id)] == ["后到的书"]
        assert [b.title for b in new_books(session, start=dt.date(2026, 3, 1), limit=1)] == ["先排的书"]
        assert new_books(session, start=dt.date(2027, 1, 1)) == []
