"""Titles: validation, ISBN-10 stored as ISBN-13, call numbers (also with two desks at once), copies' life."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bookroom_desk.errors import BookroomError, Conflict, InvalidInput, Refused
from bookroom_desk.services.catalogue import copies, holdings, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.database import Database
from bookroom_desk.store.models import CallNumberCounter, Copy, CopyEvent, ImportBatch, Title
from tests.support.helpers import add_title


def new(session, **values):
    return titles.create_title(session, TitleData(**{"title": "红楼梦", "clc": "I242.4", **values}), actor=OPERATOR)


def test_isbn10_is_stored_as_isbn13_and_keys_are_filled(db):
    with db.write() as session:
        title = new(session, isbn="7-02-000220-X", author="曹雪芹", price="59.70", pub_year="1996年",
                    topic="culture")
    with db.read() as session:
        stored = session.get(Title, title.id)
        assert stored.isbn == "9787020002207"
        assert stored.call_number == "I242.4/1" and stored.order_no == 1
        assert stored.pinyin == "hongloumeng hlm"
        assert "caoxueqin" in stored.search_text and "702000220x" in stored.search_text
        assert stored.price == Decimal("59.70") and stored.pub_year == 1996


@pytest.mark.parametrize("values, field", [
    ({"title": "  "}, "title"),
    ({"isbn": "9787020002208"}, "isbn"),
    ({"isbn": "12345"}, "isbn"),
    ({"clc": "Y12"}, "clc"),
    ({"clc": "D92#"}, "clc"),
    ({"topic": "nope"}, "topic"),
    ({"material": "nope"}, "material"),
    ({"pub_year": "19"}, "pub_year"),
    ({"price": "abc"}, "price"),
])
def test_bad_fields_are_named(session, values, field):
    with pytest.raises(InvalidInput) as info:
        new(session, **values)
    assert info.value.field == field
    assert session.scalar(select(func.count(Title.id))) == 0


def test_same_isbn_twice_is_a_conflict_on_the_isbn_field(session):
    new(session, isbn="9787020002207")
    with pytest.raises(Conflict) as info:
        new(session, title="别的书", isbn="978-7-02-000220-7")
    assert info.value.field == "isbn"
    assert "红楼梦" in info.value.message


def test_call_numbers_follow_per_class_and_skip_hand_made_ones(session):
    assert titles.propose_call_number(session, "d922.5") == "D922.5/1"
    first = new(session, title="劳动法", clc="D922.5")
    hand = new(session, title="工会法", clc="D922.5", call_number="D922.5/3")
    assert titles.propose_call_number(session, "D922.5") == "D922.5/4"
    second = new(session, title="劳动合同法", clc="D922.5")
    other_class = new(session, title="唐诗", clc="I222")
    assert [first.call_number, hand.call_number, second.call_number, other_class.call_number] == [
        "D922.5/1", "D922.5/3", "D922.5/4", "I222/1"]
    assert session.get(CallNumberCounter, "D922.5").last_number == 4


def test_hand_call_number_must_not_collide(session):
    new(session, title="劳动法", clc="D922.5")
    with pytest.raises(Conflict) as info:
        new(session, title="工会法", clc="D922.5", call_number="d922.5/1")
    assert info.value.field == "call_number"


def test_update_keeps_call_number_and_reassigns_when_cleared(session):
    title = new(session, title="劳动法", clc="D922.5")
    data = TitleData.of(title)
    data.author = "某人"
    titles.update_title(session, title.id, data, actor=OPERATOR)
    assert title.call_number == "D922.5/1" and title.author == "某人"
    data.clc, data.call_number = "D912", ""
    titles.update_title(session, title.id, data, actor=OPERATOR)
    assert (title.call_number, title.order_no) == ("D912/1", 1)
    assert "mouren" in title.search_text and "d912/1" in title.search_text
    data = TitleData.of(title)
    data.call_number = ""
    titles.update_title(session, title.id, data, actor=OPERATOR)
    assert title.call_number == "D912/2"  # cleared by hand: the next free number


def test_find_by_isbn_accepts_10_and_13(session):
    title = new(session, isbn="9787020002207")
    assert titles.find_by_isbn(session, "702000220X") is title
    assert titles.find_by_isbn(session, "9787111213826") is None
    with pytest.raises(InvalidInput):
        titles.find_by_isbn(session, "9787020002208")


def _assign_in_thread(url, results, barrier):
    database = Database(url)
    try:
        barrier.wait()
        for _ in range(10):
            with database.write() as session:
                results.append(titles.assign_call_number(session, "D922.5")[1])
    finally:
        database.dispose()


def test_two_desks_assigning_at_once_get_different_numbers(db):
    results: list[str] = []
    barrier = threading.Barrier(2)
    threads = [threading.Thread(target=_assign_in_thread, args=(db.url, results, barrier)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 20
    assert sorted(results, key=lambda c: int(c.split("/")[1])) == [f"D922.5/{n}" for n in range(1, 21)]


def test_two_sessions_interleaved_see_each_others_numbers(db):
    other = Database(db.url)
    try:
        with db.write() as first:
            number = titles.assign_call_number(first, "I247")[1]
        with other.write() as second:
            assert titles.assign_call_number(second, "I247")[1] == "I247/2"
        assert number == "I247/1"
    finally:
        other.dispose()


def test_add_copies_makes_a_batch_with_scheme_barcodes(session):
    title = new(session, price="30")
    batch_id, codes = copies.add_copies(session, title.id, 3, source="donation", acquired_on=dt.date(2026, 11, 1),
                                        actor="李")
    assert codes == ["00000001", "00000002", "00000003"]
    batch = session.get(ImportBatch, batch_id)
    assert (batch.kind, batch.source, batch.rows) == ("manual", "donation", 3)
    stored = session.scalars(select(Copy).order_by(Copy.barcode)).all()
    assert [(c.source, c.price_paid, c.batch_id) for c in stored] == [("donation", Decimal("30.00"), batch_id)] * 3
    assert copies.add_copies(session, title.id, 1, actor=OPERATOR)[1] == ["00000004"]
    with pytest.raises(Conflict):
        copies.add_copies(session, title.id, 1, barcodes=["00000002"], actor=OPERATOR)
    with pytest.raises(InvalidInput, match="条码规则"):
        copies.add_copies(session, title.id, 1, barcodes=["A1"], actor=OPERATOR)
    with pytest.raises(InvalidInput):
        copies.add_copies(session, title.id, 0, actor=OPERATOR)


def test_copy_life_is_recorded_and_holdings_follow(session):
    title = new(session)
    _, (a, b) = copies.add_copies(session, title.id, 2, actor=OPERATOR)
    assert holdings.standard(session).volumes == 2
    copies.send_to_repair(session, a, "书脊开裂", actor="王")
    with pytest.raises(Refused):
        copies.send_to_repair(session, a, actor=OPERATOR)
    copies.back_from_repair(session, a, actor="王")
    copies.withdraw(session, a, "破损严重", actor="王")
    with pytest.raises(InvalidInput):
        copies.mark_lost(session, b, " ", actor=OPERATOR)
    copies.mark_lost(session, b, "读者遗失", actor=OPERATOR)
    assert holdings.standard(session).volumes == 0
    withdrawn = copies.get_copy(session, a)
    assert (withdrawn.status, withdrawn.removed_on, withdrawn.removed_reason) == (
        "withdrawn", dt.date(2026, 11, 24), "破损严重")
    copies.reinstate(session, a, actor=OPERATOR)
    assert (withdrawn.status, withdrawn.removed_on, withdrawn.removed_reason) == ("available", None, "")
    assert holdings.standard(session).volumes == 1
    kinds = [(h.kind, h.by) for h in copies.history(session, a)]
    assert kinds == [("added", OPERATOR), ("repair", "王"), ("repaired", "王"), ("withdrawn", "王"),
                     ("reinstated", OPERATOR)]
    with pytest.raises(Refused):
        copies.reinstate(session, a, actor=OPERATOR)


def test_copy_on_loan_cannot_be_withdrawn(session):
    title = new(session)
    _, (code,) = copies.add_copies(session, title.id, 1, actor=OPERATOR)
    copies.get_copy(session, code).status = "on_loan"
    with pytest.raises(Refused, match="借出"):
        copies.withdraw(session, code, "旧", actor=OPERATOR)
    assert session.scalar(select(func.count(CopyEvent.id)).where(CopyEvent.kind == "withdrawn")) == 0


def test_delete_title_only_without_copies(session):
    bare = add_title(session, "空书目")
    titles.delete_title(session, bare.id, actor=OPERATOR)
    title = new(session)
    copies.add_copies(session, title.id, 1, actor=OPERATOR)
    with pytest.raises(Refused):
        titles.delete_title(session, title.id, actor=OPERATOR)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.sampled_from("0123456789A -０１\n"), max_size=10), min_size=1, max_size=4))
def test_typed_barcodes_for_new_copies_are_taken_or_refused(db, typed):
    before = None
    with db.read() as session:
        before = session.scalar(select(func.count(Copy.id)))
    try:
        with db.write() as session:
            title = new(session, title="条码测试", clc="")
            copies.add_copies(session, title.id, 1, barcodes=typed, actor=OPERATOR)
    except BookroomError as exc:
        assert exc.message
        with db.read() as session:
            assert session.scalar(select(func.count(Copy.id))) == before


def test_a_copy_added_by_mistake_can_be_deleted_a_used_one_cannot(session):
    title = new(session)
    _, (a, b, c) = copies.add_copies(session, title.id, 3, actor=OPERATOR)
    copies.move_copy(session, a, None, actor=OPERATOR)
    copies.delete_copy(session, a, actor=OPERATOR)
    copies.send_to_repair(session, b, actor=OPERATOR)
    copies.back_from_repair(session, b, actor=OPERATOR)
    with pytest.raises(Refused, match="剔除"):
        copies.delete_copy(session, b, actor=OPERATOR)
    assert [c.barcode for c in session.scalars(select(Copy).order_by(Copy.barcode))] == [b, c]
    assert session.scalar(select(func.count(CopyEvent.id)).where(CopyEvent.kind == "added")) == 2


def test_moving_a_title_to_another_class_gives_it_the_next_number_there(db):
    from bookroom_desk.services.catalogue.shelf_order import shelf_key

    with db.write() as session:
        law = new(session, title="劳动法", clc="D922.5")
        new(session, title="小说", clc="I247")
        law_id = law.id
    with db.write() as session:
        data = TitleData.of(titles.get_title(session, law_id))
        assert data.call_number == "D922.5/1"
        data.clc = "I247"  # the old call number left in the form, as the editor sends it back
        titles.update_title(session, law_id, data, actor=OPERATOR)
    with db.read() as session:
        moved = session.get(Title, law_id)
        assert (moved.clc, moved.call_number, moved.order_no) == ("I247", "I247/2", 2)
        assert moved.shelf_key == shelf_key("I247/2")
    with db.write() as session:  # a call number typed with the new class is kept as typed
        data = TitleData.of(titles.get_title(session, law_id))
        data.clc, data.call_number = "K20", "K20/7"
        titles.update_title(session, law_id, data, actor=OPERATOR)
    with db.read() as session:
        assert session.get(Title, law_id).call_number == "K20/7"
        assert session.get(Title, law_id).shelf_key == shelf_key("K20/7")


def test_a_titles_details_are_kept_cleaned_and_their_limits_named(session):
    title = new(session, edition=" 第2版 ", pages="320页", series="职工书屋丛书", summary="一本\n关于劳动的书。",
                subjects="劳动关系;研究 ；； 劳动法")
    stored = session.get(Title, title.id)
    assert (stored.edition, stored.pages, stored.series, stored.summary, stored.subjects) == (
        "第2版", "320页", "职工书屋丛书", "一本 关于劳动的书。", "劳动关系；研究；劳动法")
    assert titles.TitleData.of(stored).subjects == "劳动关系；研究；劳动法"
    for field, text in (("edition", "版" * 101), ("pages", "1" * 41), ("series", "丛" * 201),
                        ("summary", "字" * (titles.SUMMARY_LENGTH + 1)),
                        ("subjects", "词" * (titles.SUBJECTS_LENGTH + 1))):
        with pytest.raises(InvalidInput, match="最多") as info:
            titles.update_title(session, title.id, TitleData(title="红楼梦", **{field: text}), actor=OPERATOR)
        assert info.value.field == field


@given(st.lists(st.text(alphabet="劳动关系 ab\t", max_size=8), max_size=5), st.text(alphabet="劳动 ;；a\n", max_size=20))
def test_subjects_as_one_text_and_back(parts, typed):
    assert titles.subject_list(titles.subject_text(parts)) == [" ".join(p.split()) for p in parts if p.strip()]
    once = titles.detail_text("subjects", typed)
    assert titles.detail_text("subjects", once) == once and ";" not in once
