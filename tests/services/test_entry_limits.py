"""Text entering the room keeps to its column on SQLite and PostgreSQL alike, and loses its invisible marks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from bookroom_desk.errors import ImportRejected, InvalidInput
from bookroom_desk.services.catalogue import book_import, copies, shelves, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.entry import INVISIBLE, column_length, entry_text, visible
from bookroom_desk.services.readers import records
from bookroom_desk.services.readers.roster_import import import_roster
from bookroom_desk.services.roomwork import activities, profile
from bookroom_desk.store.models import Reader, RoomProfile, Shelf, Title
from bookroom_desk.store.models_roomwork import Activity

LONG_TITLE = "书" * (column_length(Title.title) + 1)
LONG_CALL_NUMBER = "I247.5/" + "1" * column_length(Title.call_number)


def _refusal(call) -> tuple[type, str]:
    with pytest.raises(InvalidInput) as caught:
        call()
    return type(caught.value), caught.value.message


@pytest.mark.parametrize(("field", "value", "named"), [
    ("title", LONG_TITLE, "书名"), ("author", "著" * 201, "著者"), ("publisher", "社" * 201, "出版社"),
    ("call_number", LONG_CALL_NUMBER, "索书号"), ("clc", "I" + "1" * 40, "分类号"),
])
def test_the_title_form_refuses_what_its_column_cannot_hold(db, field, value, named):
    with db.write() as session:
        kind, message = _refusal(lambda: titles.create_title(
            session, TitleData(**{"title": "红楼梦", "clc": "I242.4", field: value}), actor=OPERATOR))
    assert kind is InvalidInput and named in message and "最多" in message
    with db.read() as session:
        assert session.scalar(select(func.count(Title.id))) == 0


def test_a_delivery_list_with_an_over_long_cell_is_refused_at_its_row(db):
    data = ("书名,索书号,数量\n红楼梦,,1\n" + f"{LONG_TITLE},,1\n" + f"水浒传,{LONG_CALL_NUMBER},1\n").encode()
    with db.write() as session, pytest.raises(ImportRejected) as caught:
        book_import.import_books(session, data, file_name="list.csv", actor=OPERATOR)
    assert [(p.row, p.column) for p in caught.value.problems] == [(3, "书名"), (4, "索书号")]
    assert all("最多" in p.message for p in caught.value.problems)
    with db.read() as session:
        assert session.scalar(select(func.count(Title.id))) == 0


def test_readers_shelves_room_and_activities_refuse_over_long_text(db):
    with db.write() as session:
        refusals = [
            _refusal(lambda: records.register(session, name="姓" * (column_length(Reader.name) + 1))),
            _refusal(lambda: shelves.create_shelf(session, "A1", "架" * (column_length(Shelf.name) + 1),
                                                  actor=OPERATOR)),
            _refusal(lambda: profile.update_profile(session, actor=OPERATOR,
                                                    name="屋" * (column_length(RoomProfile.name) + 1))),
            _refusal(lambda: activities.add_activity(session, held_on=dt.date(2024, 5, 1),
                                                     name="动" * (column_length(Activity.name) + 1))),
        ]
    assert [kind for kind, _ in refusals] == [InvalidInput] * 4
    assert all("最多" in message for _, message in refusals)
    with db.read() as session:
        assert session.scalar(select(func.count(Reader.id))) == 0
        assert session.scalar(select(func.count(Shelf.id))) == 0


def test_a_roster_with_an_over_long_name_is_refused_at_its_row(db):
    data = ("姓名,工号\n甲,E1\n" + "乙" * 51 + ",E2\n").encode()
    with db.write() as session, pytest.raises(ImportRejected) as caught:
        import_roster(session, data, file_name="r.csv", actor=OPERATOR)
    assert [(p.row, p.column) for p in caught.value.problems] == [(3, "姓名")]
    with db.read() as session:
        assert session.scalar(select(func.count(Reader.id))) == 0


def test_invisible_marks_are_removed_on_entry(db):
    spoof = "\u202e红楼梦\u200b"
    with db.write() as session:
        title = titles.create_title(session, TitleData(title=spoof, author="曹\u2066雪芹\u2069", clc="I242.4"),
                                    actor=OPERATOR)
        reader = records.register(session, name="张\u200d三\ufeff")
        shelf = shelves.create_shelf(session, "A1", "文\u200e学", actor=OPERATOR)
        batch_id, codes = copies.add_copies(session, title.id, 1, supplier="\u2060新华书店", actor=OPERATOR)
        ids = title.id, reader.id, shelf.id
    data = "书名,著者\n\u200b西游记\u202c,吴承恩\n".encode()
    with db.write() as session:
        book_import.import_books(session, data, file_name="l.csv", actor=OPERATOR)
        import_roster(session, "姓名,工号\n\u202e李四,E9\n".encode(), file_name="r.csv", actor=OPERATOR)
    with db.read() as session:
        stored = session.get(Title, ids[0])
        assert (stored.title, stored.author) == ("红楼梦", "曹雪芹")
        assert session.get(Reader, ids[1]).name == "张三"
        assert session.get(Shelf, ids[2]).name == "文学"
        assert session.scalar(select(Title.title).where(Title.author == "吴承恩")) == "西游记"
        assert session.scalar(select(Reader.name).where(Reader.employee_no == "E9")) == "李四"


@given(st.text(alphabet=st.sampled_from(["红", "a", " ", *map(chr, sorted(INVISIBLE))]), max_size=30))
def test_cleaned_text_has_no_invisible_mark_and_cleaning_twice_changes_nothing(text):
    cleaned = entry_text(text, "书名")
    assert not any(ord(ch) in INVISIBLE for ch in cleaned)
    assert entry_text(cleaned, "书名") == cleaned and visible(cleaned) == cleaned


def test_a_row_without_a_title_says_so_even_with_another_field_too_long(db):
    data = ("书名,著者\n" + "," + "著" * 201 + "\n\u200b,某\n").encode()
    with db.write() as session, pytest.raises(ImportRejected) as caught:
        book_import.import_books(session, data, file_name="l.csv", actor=OPERATOR)
    assert sorted((p.row, p.column) for p in caught.value.problems) == [(2, "书名"), (2, "著者"), (3, "书名")]


def test_a_search_with_an_invisible_mark_finds_the_title(db):
    from bookroom_desk.services.catalogue import search

    with db.write() as session:
        titles.create_title(session, TitleData(title="红楼梦", clc="I242.4"), actor=OPERATOR)
    with db.read() as session:
        assert [row.title for row in search.find_titles(session, "红\u200b楼梦")] == ["红楼梦"]
