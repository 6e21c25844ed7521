"""On PostgreSQL a whole result is fetched a slice at a time, so a worker's big fetch never holds the GUI thread."""

from __future__ import annotations

from sqlalchemy import text

from bookroom_desk.store import database
from bookroom_desk.store.database import Database
from tests.support.pg import pg_rooms, pg_url  # noqa: F401  (fixtures)


def test_a_big_result_is_fetched_whole_in_slices(pg_url, monkeypatch):
    db = Database(pg_url)
    try:
        with db.read() as session:
            cursor = session.connection().connection.dbapi_connection.cursor()
            slices = []
            original = type(cursor).fetchmany

            def fetchmany(self, size=0):
                rows = original(self, size)
                slices.append(len(rows))
                return rows

            monkeypatch.setattr(type(cursor), "fetchmany", fetchmany)
            rows = session.execute(text("SELECT n FROM generate_series(1, :top) AS n"),
                                   {"top": 2 * database.PG_FETCH_SLICE + 5}).all()
        assert [n for (n,) in rows] == list(range(1, 2 * database.PG_FETCH_SLICE + 6))
        assert slices == [database.PG_FETCH_SLICE, database.PG_FETCH_SLICE, 5, 0]
    finally:
        db.dispose()
