"""Search as you type: pinyin initials and full, 2-character Chinese, ISBN-10 and -13, barcode, paging."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookroom_desk.services.catalogue import copies, search, titles
from bookroom_desk.services.catalogue.search_keys import pinyin_key
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from tests.support.helpers import add_title


@pytest.fixture
def room(db):
    with db.write() as session:
        hlm = titles.create_title(session, TitleData(title="红楼梦", author="曹雪芹", publisher="人民文学出版社",
                                                        isbn="9787020002207", clc="I242.4"), actor=OPERATOR)
        law = titles.create_title(session, TitleData(title="劳动合同法释义", author="全国人大法工委",
                                                        isbn="9787111213826", clc="D922.52"), actor=OPERATOR)
        copies.add_copies(session, hlm.id, 2, actor=OPERATOR)
        copies.add_copies(session, law.id, 1, actor=OPERATOR)
        return {"hlm": hlm.id, "law": law.id}


def ids(db, query, **kw):
    with db.read() as session:
        return [row.id for row in search.find_titles(session, query, **kw)]


@pytest.mark.parametrize("query", ["hlm", "HLM", "hongloumeng", "红楼", "楼梦", "曹雪", "cxq", "9787020002207",
                                   "978-7-02-000220-7", "702000220X", "7-02-000220-x", "00000001", "00000002",
                                   "I242.4/1", "i242", "人民文学", " 红楼 曹雪芹 ", "ｈｌｍ"])
def test_finds_red_chamber_many_ways(db, room, query):
    assert ids(db, query) == [room["hlm"]]


def test_other_queries(db, room):
    assert ids(db, "00000003") == [room["law"]]
    assert ids(db, "ldht") == [room["law"]]
    assert ids(db, "") == [room["law"], room["hlm"]]
    assert ids(db, "红楼 劳动") == []
    assert ids(db, "%") == [] and ids(db, "_") == []
    assert ids(db, "9787020002208") == []  # a wrong check digit is not a near miss


def test_rows_carry_copy_counts(db, room):
    with db.write() as session:
        copies.mark_lost(session, "00000001", "读者遗失", actor=OPERATOR)
    with db.read() as session:
        (row,) = search.find_titles(session, "hlm")
        assert (row.holdings, row.on_shelf, row.on_loan, row.elsewhere) == (1, 1, 0, 0)
        assert row.call_number == "I242.4/1"


def test_paging_by_id_and_limit(db):
    with db.write() as session:
        made = [titles.create_title(session, TitleData(title=f"书{i}"), actor=OPERATOR).id for i in range(7)]
    first = ids(db, "书", limit=3)
    assert first == made[::-1][:3]
    assert ids(db, "书", limit=3, after_id=first[-1]) == made[::-1][3:6]
    with db.read() as session:
        assert search.count_titles(session, "书") == 7


def test_titles_written_without_keys_are_still_found(db):
    with db.write() as session:
        bare = add_title(session, "平凡的世界")
        bare.pinyin = pinyin_key("平凡的世界")
    with db.write() as session:
        session.execute(search.Title.__table__.update().values(search_text=""))
    assert ids(db, "平凡") == [bare.id]
    assert ids(db, "pfdsj") == [bare.id]
    with db.write() as session:
        assert search.refresh_keys(session) == 1
    assert ids(db, "pfdsj") == [bare.id]


def test_pinyin_keys_of_mixed_text():
    assert pinyin_key("红楼梦") == "hongloumeng hlm"
    assert pinyin_key("Python编程") == "pythonbiancheng pythonbc"
    assert pinyin_key("重庆银行") == "chongqingyinhang cqyh"
    assert pinyin_key("") == ""


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=12))
def test_any_typed_text_searches_without_error(db, text):  # the database is only read
    with db.read() as session:
        search.find_titles(session, text, limit=5)
        search.count_titles(session, text)


WORDS = ["红楼梦", "红楼", "楼梦", "hlm", "hong", "曹雪芹", "劳动", "合同法", "ldht", "978702", "d922", "i242.4/1",
         "出版", "人民", "x", "a", "梦", "1", "法工委", "qgrd", "9787111213826", "702000220x"]


@pytest.mark.sqlite_only("FTS5 is SQLite's; test_search_backends compares PostgreSQL with it")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), st.integers(0, 2))
def test_the_fts_index_and_the_like_scan_agree(db, room, chosen, page_limit):
    from bookroom_desk.services.catalogue.search_index import Fts5Index, LikeIndex

    terms = search.words(" ".join(chosen))
    with db.read() as session:
        assert isinstance(search_index_of(session), Fts5Index)
        limit = (None, 1, 5)[page_limit]
        assert Fts5Index().ids(session, terms, None, limit) == LikeIndex().ids(session, terms, None, limit)


def search_index_of(session):
    from bookroom_desk.services.catalogue.search_index import index_for

    return index_for(session)


def test_fts_index_follows_edits_and_deletes(db, room):
    with db.write() as session:
        title = titles.get_title(session, room["law"])
        data = TitleData.of(title)
        data.title = "工会法律知识问答"
        titles.update_title(session, title.id, data, actor=OPERATOR)
    assert ids(db, "知识问答") == [room["law"]] and ids(db, "合同法") == []
    with db.write() as session:
        bare = titles.create_title(session, TitleData(title="临时书目"), actor=OPERATOR)
    assert ids(db, "临时") == [bare.id]
    with db.write() as session:
        titles.delete_title(session, bare.id, actor=OPERATOR)
    assert ids(db, "临时") == []


def test_count_is_capped(db):
    with db.write() as session:
        for i in range(5):
            titles.create_title(session, TitleData(title=f"职工读本{i}"), actor=OPERATOR)
    with db.read() as session:
        assert search.count_titles(session, "职工读本") == 5
        assert search.count_titles(session, "职工读本", cap=2) == 3
        assert search.count_titles(session, "") == 5


def test_upgrading_an_old_database_fills_keys_and_index(tmp_path):
    from bookroom_desk.store import migrate
    from bookroom_desk.store.database import Database

    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Database(url)
    migrate.upgrade(old, "0001")
    with old.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO titles (isbn, title, author, publisher, clc, call_number, topic, material, pinyin, notes,"
            " created_at) VALUES ('9787020002207', '红楼梦', '曹雪芹', '', 'I242.4', 'I242.4/1', 'other', 'book', '',"
            " '', '2025-01-01 00:00:00')")
    old.dispose()
    db = migrate.open_database(url, backup_dir=tmp_path / "backups")
    try:
        # The migration leaves the keys to the program's background keying (ui/search_keys.py at start).
        assert search.key_titles(db.read, db.write) == 1
        for query in ("hlm", "红楼", "曹雪芹", "702000220X"):
            with db.read() as session:
                assert [r.title for r in search.find_titles(session, query)] == ["红楼梦"], query
    finally:
        db.dispose()


def test_shelf_order_pages_by_call_number(db):
    with db.write() as session:
        made = {}
        for name, clc in (("乙书", "I247"), ("甲书", "D922.5"), ("丙书", "I247"), ("丁书", "B84"), ("无号书", "")):
            made[name] = titles.create_title(session, TitleData(title=name + "读本", clc=clc), actor=OPERATOR).id
    order = search.SHELF_ORDER
    with db.read() as session:
        first = search.find_titles(session, "", limit=3, order=order)
        assert [r.call_number for r in first] == ["", "B84/1", "D922.5/1"]
        rest = search.find_titles(session, "", limit=3, order=order, after_id=first[-1].id,
                                  after_shelf_key=first[-1].shelf_key)
        assert [r.title for r in rest] == ["乙书读本", "丙书读本"]
        matched = search.find_titles(session, "读本", limit=2, order=order, after_id=first[1].id,
                                     after_shelf_key=first[1].shelf_key)
        assert [r.call_number for r in matched] == ["D922.5/1", "I247/1"]
        assert search.find_titles(session, "没有这本", order=order) == []


def test_the_shelf_order_is_the_shelves_order_page_by_page(db):
    from tests.services.catalogue.test_shelf_order import SHELF

    stored = SHELF[1:]  # one title per call number ('' is for a title without one)
    order = list(range(len(stored)))
    import random

    random.Random(6).shuffle(order)
    with db.write() as session:
        for i in order:
            titles.create_title(session, TitleData(title=f"书{i}", call_number=stored[i]), actor=OPERATOR)
    seen, last = [], None
    with db.read() as session:
        while True:
            page = search.find_titles(session, "", limit=7, order=search.SHELF_ORDER,
                                      after_id=last.id if last else None,
                                      after_shelf_key=last.shelf_key if last else None)
            if not page:
                break
            seen.extend(r.call_number for r in page)
            last = page[-1]
        assert seen == stored
        assert [r.call_number for r in search.find_titles(session, "书", limit=500, order=search.SHELF_ORDER)] == stored


def test_a_titles_series_and_subjects_find_it_its_summary_does_not(db):
    with db.write() as session:
        found = titles.create_title(session, TitleData(title="劳动关系研究", series="职工书屋丛书", subjects="劳动法；工会",
                                                        summary="本书讲述集体协商制度。"), actor=OPERATOR).id
    assert ids(db, "书屋丛书") == [found] and ids(db, "工会") == [found] and ids(db, "劳动法") == [found]
    assert ids(db, "集体协商") == []
