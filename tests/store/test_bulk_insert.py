"""Many rows inserted through the driver are stored exactly as SQLAlchemy Core stores them."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.store.bulk_insert import insert_rows
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import upgrade
from bookroom_desk.store.models import Title

rows = st.lists(st.fixed_dictionaries({
    "title": st.text(min_size=1, max_size=20),
    "author": st.text(max_size=10),
    "publisher": st.sampled_from(["", "中国工人出版社"]),
    "price": st.one_of(st.none(), st.decimals(0, 9999, places=2, allow_nan=False, allow_infinity=False)),
    "pub_year": st.one_of(st.none(), st.integers(1800, 2026)),
    "created_at": st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 1, 1)),
    "isbn": st.none(),
}), min_size=1, max_size=12)


def stored(db):
    with db.read() as session:
        return [tuple(row) for row in session.execute(
            select(Title.id, Title.title, Title.author, Title.price, Title.pub_year, Title.created_at, Title.isbn)
            .order_by(Title.id))]


@pytest.fixture(scope="module")
def empty_room(tmp_path_factory):
    path = tmp_path_factory.mktemp("bulk") / "empty.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    db.dispose()
    return path


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows, st.integers(1, 5))
def test_rows_stored_as_core_stores_them_with_ids_in_order(empty_room, tmp_path_factory, given_rows, chunk):
    folder = tmp_path_factory.mktemp("bulk")
    for name in ("fast.db", "core.db"):
        shutil.copyfile(empty_room, folder / name)
    fast, core = (Database(f"sqlite:///{folder / name}") for name in ("fast.db", "core.db"))
    with fast.write() as session:
        ids = insert_rows(session, Title.__table__, [dict(row) for row in given_rows], ids=True, chunk=chunk)
    with core.write() as session:
        session.execute(Title.__table__.insert(), [dict(row) for row in given_rows])
    assert ids == list(range(1, len(given_rows) + 1))
    assert stored(fast) == stored(core)
    for db in (fast, core):
        db.dispose()


def test_a_default_worked_out_per_row_goes_through_core(empty_room, tmp_path, monkeypatch):
    from bookroom_desk.store import bulk_insert

    shutil.copyfile(empty_room, tmp_path / "room.db")
    db = Database(f"sqlite:///{tmp_path / 'room.db'}")
    monkeypatch.setattr(bulk_insert, "_scalar_defaults", lambda table, given: None)
    with db.write() as session:
        ids = insert_rows(session, Title.__table__, ({"title": f"书{i}", "created_at": dt.datetime(2026, 1, 1)}
                                                    for i in range(7)), ids=True, chunk=3)
    with db.read() as session:
        assert ids == list(range(1, 8))
        assert session.scalars(select(Title.title).order_by(Title.id)).all() == [f"书{i}" for i in range(7)]
    db.dispose()
