"""The record pool (书目库): records added all or none and kept once, a room's export loaded, an ISBN looked up in
the pool and the room's titles with the next call number, and the publisher guessed from the registrant prefix."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from stdnum import ean

from bookroom_desk.errors import BookroomError, ImportRejected, InvalidInput
from bookroom_desk.services.catalogue import export, record_pool
from bookroom_desk.services.catalogue import titles as catalogue
from bookroom_desk.services.catalogue.record_pool import POOL, ROOM, PoolEntry
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.store.models_pool import PoolRecord


def isbn(body: str) -> str:
    """The ISBN-13 with its check digit for the 12 digits ``body``."""
    return body + ean.calc_check_digit(body)


NANHAI = "978754427"  # 978-7-5442: registrant 5442 (a four-digit prefix)
RENWEN = "97870200"  # 978-7-02: registrant 02 (two digits)
A, B, C = isbn(NANHAI + "087"), isbn(NANHAI + "123"), isbn(RENWEN + "0220")


def pool_rows(session) -> list[tuple]:
    return session.execute(select(PoolRecord.isbn, PoolRecord.title, PoolRecord.publisher, PoolRecord.source)
                           .order_by(PoolRecord.id)).all()


def test_records_are_added_once_each_and_audited(db):
    hlm = PoolEntry(title="红楼梦", isbn=C, author="曹雪芹", publisher="人民文学出版社", pub_year="2008年",
                    price="￥59.70", clc="i242.4", pages="1606页", raw="=200  1$a红楼梦")
    with db.write() as session:
        result = record_pool.add_records(session, [hlm, PoolEntry(title="解忧杂货店", isbn=A), hlm],
                                         source="市总工会书目.xlsx", actor=OPERATOR)
    assert (result.added, result.duplicates, result.rows) == (2, 1, 3)
    with db.write() as session:  # the same record from another source is the same record
        again = record_pool.add_records(session, [PoolEntry(title=" 红楼梦 ", isbn="7-02-000220-X", author="曹雪芹",
                                                            publisher="人民文学出版社", pub_year=2008,
                                                            price=Decimal("59.7"), clc="I242.4", pages="1606页")],
                                        source="另一个书屋.csv", actor=OPERATOR)
    assert (again.added, again.duplicates) == (0, 1)
    with db.read() as session:
        assert pool_rows(session) == [(C, "红楼梦", "人民文学出版社", "市总工会书目.xlsx"),
                                      (A, "解忧杂货店", "", "市总工会书目.xlsx")]
        record = session.scalar(select(PoolRecord).where(PoolRecord.isbn == C))
        assert (record.pub_year, record.price, record.clc, record.raw) == (2008, Decimal("59.70"), "I242.4",
                                                                            "=200  1$a红楼梦")
        details = session.scalars(select(AuditEntry.detail).where(AuditEntry.kind == "import")).all()
        assert details == ["载入书目库 市总工会书目.xlsx：新增 2 条，重复 1 条",
                           "载入书目库 另一个书屋.csv：新增 0 条，重复 1 条"]
        stats = record_pool.stats(session)
    assert (stats.records, stats.isbns, [s[:2] for s in stats.sources]) == (2, 2, [("市总工会书目.xlsx", 2)])


def test_one_bad_record_refuses_them_all_naming_each_problem(db):
    with db.write() as session:
        record_pool.add_records(session, [PoolEntry(title="已有", isbn=B)], source="first", actor=OPERATOR)
    entries = [PoolEntry(title="好书", isbn=A), PoolEntry(title="坏号", isbn="9787544270870"),
               PoolEntry(title="", isbn=C, pub_year="去年"), PoolEntry(title="怪类", clc="1234")]
    with pytest.raises(ImportRejected) as caught, db.write() as session:
        record_pool.add_records(session, entries, source="bad", actor=OPERATOR)
    problems = [(p.row, p.column, p.message) for p in caught.value.problems]
    assert problems == [(2, "ISBN", "ISBN“9787544270870”的校验位不对，请核对。"), (3, "书名", "请填写书名。"),
                        (3, "出版年", "出版年“去年”不对（应为四位年份，如 2020）。"),
                        (4, "分类号", "分类号“1234”不在中图法的22个基本大类（A–Z）之中。")]
    with db.read() as session:
        assert pool_rows(session) == [(B, "已有", "", "first")]


def test_nothing_to_add_is_said(db):
    with pytest.raises(InvalidInput, match="没有可载入书目库的书目"), db.write() as session:
        record_pool.add_records(session, [], source="空文件", actor=OPERATOR)


def test_a_rooms_catalogue_export_loads_into_another_rooms_pool(db, tmp_path):
    path = tmp_path / "一号书屋目录.xlsx"
    with db.write() as session:
        catalogue.create_title(session, TitleData(title="红楼梦", author="曹雪芹", isbn=C, publisher="人民文学出版社",
                                                  pub_year=2008, price="59.70", clc="I242.4"), actor=OPERATOR)
        catalogue.create_title(session, TitleData(title="无号之书", clc="D9"), actor=OPERATOR)
    with db.read() as session:
        export.export_catalogue(session, path)
    with db.write() as session:
        result = record_pool.load_catalogue_export(session, path, actor=OPERATOR)
    assert (result.added, result.source) == (2, "一号书屋目录.xlsx")
    with db.read() as session:
        assert sorted(pool_rows(session), key=str) == sorted(
            [(C, "红楼梦", "人民文学出版社", "一号书屋目录.xlsx"), (None, "无号之书", "", "一号书屋目录.xlsx")], key=str)
        record = session.scalar(select(PoolRecord).where(PoolRecord.isbn == C))
        assert (record.pub_year, record.price, record.clc) == (2008, Decimal("59.70"), "I242.4")


def test_a_bad_export_loads_nothing_and_names_each_row(db, tmp_path):
    path = tmp_path / "共享.csv"
    path.write_text(f"ISBN,书名,出版社,出版年,分类号\n{A},解忧杂货店,南海出版公司,2014,I313.45\n"
                    "9787544270870,坏号,南海出版公司,2014,I\n"
                    f"{B},,南海出版公司,1066,I\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as caught, db.write() as session:
        record_pool.load_catalogue_export(session, path, actor=OPERATOR)
    assert [(p.row, p.column) for p in caught.value.problems] == [(3, "ISBN"), (4, "书名"), (4, "出版年")]
    assert str(caught.value.problems[0]).startswith("第 3 行，ISBN：")
    with db.read() as session:
        assert session.scalar(select(func.count(PoolRecord.id))) == 0


def test_export_headings_are_the_ones_the_pool_reads():
    headings = {name for name, _ in export.TITLE_COLUMNS}
    assert all(aliases[0] in headings for aliases in record_pool.EXPORT_ALIASES.values())


def test_lookup_gives_the_rooms_title_and_the_pools_records_with_the_next_call_number(db):
    with db.write() as session:
        catalogue.create_title(session, TitleData(title="红楼梦", isbn=C, publisher="人民文学出版社", clc="I242.4"),
                               actor=OPERATOR)
        catalogue.create_title(session, TitleData(title="西游记", clc="I242.4"), actor=OPERATOR)
        record_pool.add_records(session, [
            PoolEntry(title="红楼梦", isbn=C, publisher="人民文学出版社", clc="I242.4"),  # as the room has it
            PoolEntry(title="红楼梦（脂评本）", isbn=C, publisher="人民文学出版社", pub_year=2010, clc="I242.4"),
            PoolEntry(title="解忧杂货店", isbn=A, author="东野圭吾", price="39.50", clc="I313.45")],
            source="union", actor=OPERATOR)
    with db.read() as session:
        found = record_pool.lookup(session, "978-7-02-000220-7")
        other = record_pool.lookup(session, A)
        none = record_pool.lookup(session, B)
    assert [(c.origin, c.title, c.pub_year, c.call_number, c.next_call_number) for c in found] == [
        (ROOM, "红楼梦", None, "I242.4/1", "I242.4/3"), (POOL, "红楼梦（脂评本）", 2010, "", "I242.4/3")]
    assert found[0].title_id is not None and found[1].record_id is not None and found[1].source == "union"
    assert [(c.title, c.author, c.price, c.clc, c.next_call_number) for c in other] == [
        ("解忧杂货店", "东野圭吾", Decimal("39.50"), "I313.45", "I313.45/1")]
    assert other[0].title_data() == TitleData(title="解忧杂货店", isbn=A, author="东野圭吾", price=Decimal("39.50"),
                                              clc="I313.45")
    assert none == []


def test_the_pool_is_searched_by_title_text(db):
    with db.write() as session:
        record_pool.add_records(session, [PoolEntry(title="解忧杂货店", isbn=A), PoolEntry(title="白夜行", isbn=B),
                                          PoolEntry(title="100%_纯")], source="s", actor=OPERATOR)
    with db.read() as session:
        assert [c.title for c in record_pool.search_pool(session, "杂货")] == ["解忧杂货店"]
        assert [c.title for c in record_pool.search_pool(session, "%_")] == ["100%_纯"]
        assert record_pool.search_pool(session, "  ") == []


def test_publisher_for_a_prefix_is_the_most_frequent_in_titles_and_pool_together(db):
    with db.write() as session:
        for n, publisher in enumerate(["南海出版公司", "南海出版公司", "海南出版社"]):
            catalogue.create_title(session, TitleData(title=f"书{n}", isbn=isbn(NANHAI + f"20{n}"),
                                                      publisher=publisher), actor=OPERATOR)
        record_pool.add_records(session, [
            PoolEntry(title=f"池{n}", isbn=isbn(NANHAI + f"30{n}"), publisher="海南出版社") for n in range(2)] + [
            PoolEntry(title="别家", isbn=C, publisher="人民文学出版社"),
            PoolEntry(title="别家二", isbn=isbn(RENWEN + "0300"), publisher="人民文学出版社"),
            PoolEntry(title="别家三", isbn=isbn(RENWEN + "0301"), publisher="作家出版社")], source="s", actor=OPERATOR)
    with db.read() as session:
        assert record_pool.publisher_for(session, isbn(NANHAI + "999")) == "海南出版社"  # 3 against 2
        assert record_pool.publisher_for(session, isbn(RENWEN + "0999")) == "人民文学出版社"
        assert record_pool.publisher_for(session, isbn("978711100001")) is None  # 978-7-111: nothing seen
        with pytest.raises(InvalidInput, match="校验位"):
            record_pool.publisher_for(session, "9787544270870")


def test_a_tie_goes_to_the_first_name_whichever_was_stored_first(db):
    with db.write() as session:
        record_pool.add_records(session, [PoolEntry(title="乙", isbn=isbn(NANHAI + "401"), publisher="乙出版社"),
                                          PoolEntry(title="甲", isbn=isbn(NANHAI + "402"), publisher="甲出版社")],
                                source="s", actor=OPERATOR)
    with db.read() as session:
        assert record_pool.publisher_for(session, A) == "乙出版社"  # 乙 U+4E59 before 甲 U+7532


def test_registrant_prefixes_vary_in_length():
    assert record_pool.registrant_prefix(A) == "97875442"
    assert record_pool.registrant_prefix(C) == "97870" + "2"
    assert record_pool.registrant_prefix(isbn("979123456789")) == ""  # 979-12: no registrant ranges known


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=24), st.text(alphabet="0123456789-Xx ９７８", max_size=20)))
def test_any_text_is_looked_up_or_refused_in_words(db, raw):
    with db.read() as session:
        for ask in (record_pool.lookup, record_pool.publisher_for):
            try:
                ask(session, raw)
            except BookroomError as exc:
                assert isinstance(exc, InvalidInput) and "ISBN" in exc.message


def test_an_invalid_isbn_says_what_is_wrong(db):
    with db.read() as session, pytest.raises(InvalidInput, match="应为10位或13位"):
        record_pool.lookup(session, "12345")


def test_a_big_registrant_is_judged_by_its_first_isbns(db, monkeypatch):
    monkeypatch.setattr(record_pool, "PREFIX_SAMPLE", 2)
    with db.write() as session:
        record_pool.add_records(session, [PoolEntry(title=f"书{n}", isbn=isbn(NANHAI + f"50{n}"),
                                                    publisher="甲出版社" if n < 2 else "乙出版社") for n in range(5)],
                                source="s", actor=OPERATOR)
    with db.read() as session:
        assert record_pool.publisher_for(session, A) == "甲出版社"  # the first two by ISBN, though 乙 has three


def test_a_titles_details_go_through_the_export_and_the_pool_into_a_new_titles_form(db, tmp_path):
    path = tmp_path / "目录.xlsx"
    with db.write() as session:
        catalogue.create_title(session, TitleData(title="红楼梦", isbn=C, clc="I242.4", edition="第3版", pages="1606页",
                                                  series="古典文学丛书", summary="四大名著之一。",
                                                  subjects="章回小说；清代"), actor=OPERATOR)
    with db.read() as session:
        export.export_catalogue(session, path)
    with db.write() as session:
        record_pool.load_catalogue_export(session, path, actor=OPERATOR)
    with db.read() as session:
        (room,) = [c for c in record_pool.lookup(session, C) if c.origin == ROOM]
        (pooled,) = record_pool.search_pool(session, "红楼梦")
    data = pooled.title_data()
    assert (data.pages, data.series, data.summary, data.subjects, data.edition) == (
        "1606页", "古典文学丛书", "四大名著之一。", "章回小说；清代", "")  # the pool keeps no edition
    assert room.title_data().edition == "第3版" and pooled.as_dict()["series"] == "古典文学丛书"
