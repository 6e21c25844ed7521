"""The first-start checklist: each step ticks itself from what the room holds; class shelves in one step."""

from __future__ import annotations

from sqlalchemy import select

from bookroom_desk.services.catalogue import copies, label_items, shelves, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.readers import records
from bookroom_desk.services.upkeep import first_start
from bookroom_desk.store.models import Copy, Shelf


def _done(db) -> dict[str, bool]:
    with db.read() as session:
        return {step.key: step.done for step in first_start.checklist(session)}


def test_a_new_room_has_every_step_to_do_and_each_ticks_itself(db):
    assert _done(db) == dict.fromkeys(first_start.STEPS, False)
    with db.read() as session:
        assert first_start.wanted(session)
    with db.write() as session:
        first_start.create_class_shelves(session, actor=OPERATOR)
        category = records.default_category(session)
        records.save_category(session, category.id, name=category.name, loan_days=45, max_loans=3, renewals=1,
                              overdue_blocks=True, actor=OPERATOR)
        title = titles.create_title(session, TitleData(title="红楼梦", clc="I242.4"), actor=OPERATOR)
        copies.add_copies(session, title.id, 1, actor=OPERATOR)
    done = _done(db)
    assert done["shelves"] and done["rules"] and done["books"]
    assert not done["readers"] and not done["labels"] and not done["profile"]
    with db.write() as session:
        records.register(session, name="张三")
        label_items.record_printed(session, "books", 1, actor=OPERATOR)
    done = _done(db)
    assert done["labels"] and done["readers"] and not done["profile"]


def test_the_22_class_shelves_hold_their_class_and_come_once(db):
    with db.write() as session:
        shelves.create_shelf(session, "I01", "文学（已有）", "I", "I", actor=OPERATOR)
        assert first_start.create_class_shelves(session, actor=OPERATOR) == 21
        assert first_start.create_class_shelves(session, actor=OPERATOR) == 0
    with db.read() as session:
        rows = {s.code: (s.name, s.class_from, s.class_to) for s in session.scalars(select(Shelf))}
    assert len(rows) == 22
    assert rows["A01"] == ("A 马克思主义、列宁主义、毛泽东思想、邓小平理论", "A", "A")
    assert rows["I01"][0] == "文学（已有）"
    assert rows["Z01"][1:] == ("Z", "Z")


def test_put_away_the_checklist_stays_away(db):
    with db.write() as session:
        first_start.put_away(session, actor=OPERATOR)
    with db.read() as session:
        assert not first_start.wanted(session)


def test_a_room_that_has_lent_a_book_is_past_its_first_start(db):
    import datetime as dt

    from tests.support.desk_room import past_loan, small_room

    with db.write() as session:
        room = small_room(session)
    with db.read() as session:
        assert first_start.wanted(session)  # books and readers, but no profile, rules or labels yet
    with db.write() as session:
        barcode = session.scalars(select(Copy.barcode)).first()
        past_loan(session, barcode, room.zhang, dt.date(2026, 1, 5), dt.date(2026, 2, 4))
    with db.read() as session:
        assert not all(step.done for step in first_start.checklist(session))
        assert not first_start.wanted(session)
