"""A delivery list's books the room has already: copies added to that title, no second one; unclear rows decided."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from stdnum import isbn as stdnum_isbn

from bookroom_desk.errors import ImportRejected
from bookroom_desk.services.catalogue import book_import, copies, titles
from bookroom_desk.services.catalogue.import_matches import Decisions, UndecidedMatches
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Copy, ImportBatch, Title
from tests.support.delivery import isbn

HEADER = "书名,著者,出版社,出版年,ISBN,数量\n"


def csv(*rows: str) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode()


def room(db) -> dict[int, tuple[str, int]]:
    """{title id: (title, copies)} of the room."""
    with db.read() as session:
        found = session.execute(select(Title.id, Title.title, func.count(Copy.id)).outerjoin(Copy)
                                .group_by(Title.id, Title.title))
        return {row[0]: (row[1], row[2]) for row in found}


def batches(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(ImportBatch.id)))


def stored(db, name="红楼梦", count=1, **fields) -> int:
    with db.write() as session:
        title = titles.create_title(session, TitleData(title=name, **fields), actor=OPERATOR)
        copies.add_copies(session, title.id, count, actor=OPERATOR)
        return title.id


def load(db, data: bytes, decisions: Decisions = Decisions(), **options):
    with db.write() as session:
        return book_import.import_books(session, data, file_name="list.csv", actor=OPERATOR, decisions=decisions,
                                        **options)


def plan(db, data: bytes):
    with db.read() as session:
        return book_import.check_file(session, data, "list.csv")


def test_an_isbn_10_of_a_catalogued_title_adds_copies_to_it(db):
    known = stored(db, isbn=isbn(7))
    preview = plan(db, csv(f"红楼梦（新版）,,,,{stdnum_isbn.to_isbn10(isbn(7))},2"))
    assert preview.previews[0].existing.id == known and preview.new_titles == 0
    result = load(db, csv(f"红楼梦（新版）,,,,{stdnum_isbn.to_isbn10(isbn(7))},2"))
    assert (result.titles, result.new_titles, result.copies) == (1, 0, 2)
    assert room(db) == {known: ("红楼梦", 3)}


def test_a_clear_match_by_names_adds_copies_and_says_so(db):
    known = stored(db, author="曹雪芹 著", publisher="人民文学出版社", pub_year=2020)
    data = csv("《红楼梦》,[清]曹雪芹著,人民文学出版社有限公司,2020,,2", f"西游记,吴承恩,,,{isbn(1)},1")
    checked = plan(db, data)
    assert checked.previews[0].existing.label == "《红楼梦》曹雪芹 著 人民文学出版社 2020"
    assert checked.previews[1].existing is None and not checked.unclear
    result = load(db, data)
    assert (result.titles, result.new_titles, result.copies) == (2, 1, 3)
    shown = room(db)
    assert shown[known] == ("红楼梦", 3) and sorted(shown.values()) == [("红楼梦", 3), ("西游记", 1)]


def test_an_isbn_in_the_file_matches_a_title_without_one_by_names(db):
    known = stored(db, author="路遥", publisher="人民文学出版社", pub_year=2019)
    result = load(db, csv(f"红楼梦,路遥,人民文学出版社,2019,{isbn(3)},1"))
    assert result.new_titles == 0 and room(db) == {known: ("红楼梦", 2)}


def test_unclear_rows_refuse_the_whole_import_until_decided(db):
    known = stored(db, author="曹雪芹", publisher="人民文学出版社", pub_year=2020)
    other = stored(db, "红楼梦", author="曹雪芹", publisher="中华书局", pub_year=2018)
    data = csv(f"西游记,吴承恩,,,{isbn(1)},1", "红楼梦,曹雪芹,人民文学出版社,2021,,2")
    checked = plan(db, data)
    assert checked.ok and [t.rows for t in checked.unclear] == [[3]]
    assert [c.id for c in checked.previews[1].candidates] == [known, other]
    before, made = room(db), batches(db)
    with pytest.raises(UndecidedMatches) as refused:
        load(db, data)
    assert [p.row for p in refused.value.problems] == [3] and f"ID {known}" in refused.value.problems[0].message
    assert room(db) == before and batches(db) == made  # nothing at all, not even the clear row
    with pytest.raises(UndecidedMatches, match="可能与已有书目重复"):
        load(db, data, Decisions({3: 999_999}))  # not one of its candidates
    assert room(db) == before
    result = load(db, data, Decisions({3: other}))
    assert (result.new_titles, result.copies) == (1, 3)
    assert room(db)[other] == ("红楼梦", 3) and room(db)[known] == ("红楼梦", 1)


def test_unclear_rows_decided_as_new_titles(db):
    known = stored(db, author="曹雪芹")
    data = csv("红楼梦,高鹗,,,,1", "红楼梦,,,2020,,1")
    assert len(plan(db, data).unclear) == 2
    with pytest.raises(UndecidedMatches) as refused:
        load(db, data, Decisions({2: None}))
    assert [p.row for p in refused.value.problems] == [3]
    result = load(db, data, Decisions(rest_new=True))
    assert result.new_titles == 2
    assert len(room(db)) == 3 and room(db)[known] == ("红楼梦", 1)


def test_the_same_book_twice_in_a_file_is_one_title_with_both_rows_copies(db):
    data = csv(f"平凡的世界,路遥 著,人民文学出版社,2019,{isbn(1)},2",
               "《平凡的世界》,路遥,北京：人民文学出版社,2019,,1",
               "红楼梦,曹雪芹,,,,1", "红 楼 梦,曹雪芹 著,,,,3",
               f"三体,刘慈欣,重庆出版社,2008,{isbn(2)},1", f"三体,刘慈欣,重庆出版社,2008,{isbn(3)},1")
    checked = plan(db, data)
    assert sorted(t.rows for t in checked.titles) == [[2, 3], [4, 5], [6], [7]]
    assert checked.rows_of(3) == [2, 3]
    result = load(db, data)
    assert (result.titles, result.new_titles, result.copies) == (4, 4, 9)
    assert sorted(room(db).values()) == [("三体", 1), ("三体", 1), ("平凡的世界", 3), ("红楼梦", 4)]


def test_the_same_list_again_adds_copies_to_the_titles_it_made(db):
    data = csv("红楼梦,曹雪芹,人民文学出版社,2020,,1", f"西游记,吴承恩,,,{isbn(1)},2")
    load(db, data)
    result = load(db, data, again=True)
    assert (result.new_titles, result.copies) == (0, 3)
    assert sorted(room(db).values()) == [("红楼梦", 2), ("西游记", 4)]


@st.composite
def spellings(draw):
    """One book written several ways, as lists write it: blanks, 《》, full-width letters, roles, publisher forms."""
    def one() -> str:
        title = draw(st.sampled_from(["平凡的世界", "《平凡的世界》", "平凡的 世界", "平凡的世界 "]))
        author = draw(st.sampled_from(["路遥", "路遥 著", "路遥著", " 路 遥 "]))
        publisher = draw(st.sampled_from(["人民文学出版社", "北京：人民文学出版社", "人民文学出版社有限公司"]))
        return f"{title},{author},{publisher},2019,,{draw(st.integers(1, 3))}"
    return draw(st.lists(st.builds(one), min_size=1, max_size=6))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spellings())
def test_one_book_spelt_many_ways_in_a_file_is_one_title_with_every_rows_copies(db, rows):
    checked = plan(db, csv(*rows))
    assert len(checked.titles) == 1 and checked.copies == sum(int(r.rsplit(",", 1)[1]) for r in rows)


def isbns(db) -> dict[int, str | None]:
    with db.read() as session:
        return dict(session.execute(select(Title.id, Title.isbn)).all())


def test_a_title_without_isbn_gets_the_isbn_of_the_row_matched_to_it_and_is_found_by_it(db):
    from bookroom_desk.services.catalogue import search

    known = stored(db, author="路遥", publisher="人民文学出版社", pub_year=2019)
    load(db, csv(f"红楼梦,路遥,人民文学出版社,2019,{isbn(3)},1"))
    assert isbns(db) == {known: isbn(3)}
    with db.read() as session:
        assert search.matching_ids(session, isbn(3)[-6:]) == [known]


def test_a_title_decided_onto_gets_the_rows_isbn_and_the_first_of_two_isbns_wins(db):
    known = stored(db, author="曹雪芹", publisher="人民文学出版社", pub_year=2020)
    other = stored(db, "红楼梦", author="曹雪芹", publisher="中华书局", pub_year=2018)
    load(db, csv(f"红楼梦,曹雪芹,人民文学出版社,2021,{isbn(5)},1"), Decisions({2: other}))
    assert isbns(db) == {known: None, other: isbn(5)}
    third = stored(db, "西游记", author="吴承恩", publisher="中华书局", pub_year=2018)
    load(db, csv(f"西游记,吴承恩,中华书局,2018,{isbn(6)},1", f"西游记,吴承恩,中华书局,2018,{isbn(7)},1"))
    assert isbns(db)[third] == isbn(6) and room(db)[third] == ("西游记", 3)


CALLED = "书名,著者,出版社,出版年,ISBN,数量,索书号\n"


def test_a_call_number_of_an_unclear_row_is_the_existing_titles_once_decided_onto_it(db):
    """Decided onto a title the room has, the row's call number is not used (the copies are that title's);
    decided a new title, it is checked as a new title's and refused when the room has it."""
    known = stored(db, author="曹雪芹", publisher="人民文学出版社", pub_year=2020, clc="I242.4")
    with db.read() as session:
        taken = session.get(Title, known).call_number
    data = (CALLED + f"红楼梦,曹雪芹,人民文学出版社,2021,,2,{taken}\n").encode()
    checked = plan(db, data)
    assert checked.ok and [t.rows for t in checked.unclear] == [[2]]
    before, made = room(db), batches(db)
    with pytest.raises(ImportRejected) as refused:
        load(db, data, Decisions({2: None}))
    assert [(p.row, p.column) for p in refused.value.problems] == [(2, "索书号")]
    assert "已用于《红楼梦》" in refused.value.problems[0].message
    assert room(db) == before and batches(db) == made
    result = load(db, data, Decisions({2: known}))
    assert (result.new_titles, result.copies) == (0, 2) and room(db) == {known: ("红楼梦", 3)}
    with db.read() as session:
        assert session.get(Title, known).call_number == taken
