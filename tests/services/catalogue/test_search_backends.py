"""Title search finds the same titles, in the same order, on SQLite (FTS5) and on PostgreSQL (pg_trgm / LIKE)."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select, text

from bookroom_desk.services.catalogue import search
from bookroom_desk.services.catalogue.search_index import PG_TRGM_INDEX, Fts5Index
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Title


@pytest.fixture
def two_rooms(tmp_path, pg_url):
    """The same demo room built in a SQLite file and in a PostgreSQL database."""
    rooms = [open_database(f"sqlite:///{tmp_path / 'room.db'}"), open_database(pg_url)]
    for db in rooms:
        with db.write() as session:
            build_demo(session, volumes=400, readers=20, years=1, seed=7)
    yield rooms
    for db in rooms:
        db.dispose()


def _queries(session) -> list[str]:
    """Words a volunteer types: pieces of titles, authors, pinyin, ISBNs and call numbers, and odd ones."""
    rng = random.Random(3)
    rows = session.execute(select(Title.title, Title.author, Title.pinyin, Title.isbn, Title.call_number)).all()
    queries = ["", "a", "x", "1", "%", "_", "\\", "'", "红楼", "出版社", "9787", "i2", "/1", "张 社", "zh w"]
    for _ in range(60):
        row = rng.choice(rows)
        field = rng.choice([f for f in row if f]) or "书"
        start = rng.randrange(len(field))
        queries.append(field[start:start + rng.randint(1, 5)])
    return queries


def test_postgresql_finds_what_sqlite_finds(two_rooms):
    sqlite_db, pg_db = two_rooms
    with sqlite_db.read() as a, pg_db.read() as b:
        assert isinstance(search.index_for(a), Fts5Index)
        assert b.scalar(text("SELECT count(*) FROM pg_indexes WHERE indexname = :n"), {"n": PG_TRGM_INDEX}) == 1
        assert a.scalars(select(Title.search_text).order_by(Title.id)).all() == b.scalars(
            select(Title.search_text).order_by(Title.id)).all()
        for query in _queries(a):
            for limit in (None, 7):
                assert search.matching_ids(a, query, limit=limit) == search.matching_ids(b, query, limit=limit), query
            assert [r.id for r in search.find_titles(a, query, order=search.SHELF_ORDER)] == [
                r.id for r in search.find_titles(b, query, order=search.SHELF_ORDER)], query


def test_a_two_character_chinese_word_is_found_through_the_trigram_index_on_postgresql(two_rooms):
    """``LIKE '%红楼%'`` holds no trigram (PostgreSQL read every title for it); the marked pair ``红楼|`` is one."""
    from sqlalchemy import event

    _, pg_db = two_rooms
    sent = []

    def before(_conn, _cursor, statement, parameters, _context, _many):
        sent.append((statement, parameters))

    event.listen(pg_db.engine, "before_cursor_execute", before)
    try:
        with pg_db.read() as session:
            found = search.matching_ids(session, "红楼")
    finally:
        event.remove(pg_db.engine, "before_cursor_execute", before)
    assert found
    statement, parameters = next((s, p) for s, p in sent if "search_text LIKE" in s)
    assert "%红楼|%" in parameters.values()
    with pg_db.engine.connect() as connection:
        connection.exec_driver_sql("SET enable_seqscan = off")  # a room this small is read whole otherwise
        connection.exec_driver_sql("SET enable_indexscan = off")
        plan = "\n".join(row[0] for row in connection.exec_driver_sql("EXPLAIN " + statement, parameters))
    assert PG_TRGM_INDEX in plan and "'%红楼|%'" in plan
