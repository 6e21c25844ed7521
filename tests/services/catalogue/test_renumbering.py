"""Renumbering a class range: old → new call numbers in shelf order, stored whole or not at all, audited, relabelled."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.errors import BookroomError, Conflict, InvalidInput
from bookroom_desk.services.catalogue import renumbering, titles
from bookroom_desk.services.catalogue.label_items import SPINE, gather
from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import CallNumberCounter, Copy, Title
from bookroom_desk.store.models_access import AuditEntry
from tests.support.helpers import add_copy, add_title

#: (title, class, call number as found, barcodes of its copies)
ROOM = [
    ("作者号书", "I247", "I247/W123", ["00000001"]),
    ("十二", "I247", "I247/12", ["00000002", "00000003"]),
    ("十二第二版", "I247", "I247/12:2", ["00000004"]),
    ("三", "I247", "I247/3", ["00000005"]),
    ("没有号", "I247", "", ["00000006"]),
    ("已是一", "I247.5", "I247.5/1", ["00000007"]),
    ("八", "I247.5", "I247.5/8", ["00000008"]),
    ("手编", "K20", "I247/2", ["00000009"]),  # another class's title holding I247/2
    ("范围外", "K20", "K20/9", ["00000010"]),
]


@pytest.fixture
def room(db) -> dict[str, int]:
    with db.write() as session:
        ids = {}
        for name, clc, call_number, barcodes in ROOM:
            title = add_title(session, name, clc=clc)
            title.call_number, title.shelf_key = call_number, shelf_key(call_number)
            title.order_no = titles.split_call_number(call_number)[1]
            for barcode in barcodes:
                add_copy(session, barcode, title)
            ids[name] = title.id
        return ids


def _call_numbers(session) -> dict[str, str]:
    return dict(session.execute(select(Title.title, Title.call_number)).all())


def test_preview_gives_each_class_1_2_3_in_shelf_order_and_changes_nothing(db, room):
    with db.read() as session:
        plan = renumbering.preview(session, "I247", "I247")
        assert [(c.title, c.old, c.new, c.copies) for c in plan.changes] == [
            ("三", "I247/3", "I247/1", 1),
            ("十二", "I247/12", "I247/3", 2),  # 2 is K20's hand-made number: skipped
            ("十二第二版", "I247/12:2", "I247/3:2", 1),  # the edition shares its work's number, marks kept
            ("作者号书", "I247/W123", "I247/4", 1),  # not numbered in the class: after, as catalogued
            ("没有号", "", "I247/5", 1),
            ("八", "I247.5/8", "I247.5/2", 1),
        ]
        assert plan.unchanged == 1 and plan.copies == 7
        assert plan.last_numbers == {"I247": 5, "I247.5": 2}
        assert _call_numbers(session)["十二"] == "I247/12"


def test_apply_stores_the_plan_keys_counters_audit_and_gives_spine_labels_in_shelf_order(db, room):
    with db.write() as session:
        plan = renumbering.preview(session, "I247", "I247")
        applied = renumbering.apply(session, plan, actor=OPERATOR)
    assert applied.titles == 6
    assert applied.barcodes == ("00000005", "00000002", "00000003", "00000004", "00000001", "00000006", "00000008")
    with db.read() as session:
        found = _call_numbers(session)
        assert (found["三"], found["十二"], found["十二第二版"], found["作者号书"], found["没有号"]) == (
            "I247/1", "I247/3", "I247/3:2", "I247/4", "I247/5")
        assert (found["八"], found["已是一"], found["手编"], found["范围外"]) == ("I247.5/2", "I247.5/1", "I247/2", "K20/9")
        moved = session.get(Title, room["十二"])
        assert (moved.order_no, moved.shelf_key) == (3, shelf_key("I247/3"))
        assert "i247/3" in moved.search_text.lower()
        assert session.get(CallNumberCounter, "I247").last_number == 5
        assert session.get(CallNumberCounter, "I247.5").last_number == 2
        entry = session.scalars(select(AuditEntry).where(AuditEntry.kind == "renumber")).one()
        assert entry.actor == OPERATOR and "I247–I247" in entry.detail and "I247/12→I247/3" in entry.detail
        kind, selection = applied.labels
        labels = gather(session, kind, selection)
        assert kind == SPINE and [(item.class_line, item.order_line) for item in labels.items][:2] == [
            ("I247", "1"), ("I247", "3")]
    with db.write() as session:  # the next title of the class follows the new numbers
        made = titles.create_title(session, TitleData(title="新书", clc="I247"), actor=OPERATOR)
        assert made.call_number == "I247/6"


def test_a_plan_overtaken_by_an_edit_is_refused_whole(db, room):
    with db.read() as session:
        plan = renumbering.preview(session, "I247", "I247.5")
    with db.write() as session:
        titles.create_title(session, TitleData(title="后来的书", clc="I247", call_number="I247/1"), actor=OPERATOR)
    with pytest.raises(Conflict), db.write() as session:
        renumbering.apply(session, plan, actor=OPERATOR)
    with db.read() as session:
        assert _call_numbers(session)["十二"] == "I247/12" and not session.scalars(
            select(AuditEntry).where(AuditEntry.kind == "renumber")).all()


def test_a_range_already_in_order_has_nothing_to_apply(db, room):
    with db.write() as session:
        renumbering.apply(session, renumbering.preview(session, "I247", "I247"), actor=OPERATOR)
    with db.write() as session:
        plan = renumbering.preview(session, "I247", "I247")
        assert plan.changes == () and plan.unchanged == 7
        with pytest.raises(InvalidInput):
            renumbering.apply(session, plan, actor=OPERATOR)


def test_a_range_typed_backwards_is_the_same_range(db, room):
    with db.read() as session:
        assert renumbering.preview(session, "I247.5", "I247") == renumbering.preview(session, "I247", "I247.5")


def test_withdrawn_copies_get_no_new_label(db, room):
    with db.write() as session:
        session.scalar(select(Copy).where(Copy.barcode == "00000003")).status = "withdrawn"
    with db.write() as session:
        applied = renumbering.apply(session, renumbering.preview(session, "I247", "I247"), actor=OPERATOR)
    assert "00000003" not in applied.barcodes


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(low=st.text(max_size=8), high=st.text(max_size=8))
def test_any_typed_range_gives_a_plan_or_says_why(db, low, high):
    with db.read() as session:
        try:
            plan = renumbering.preview(session, low, high)
        except BookroomError as exc:
            assert isinstance(exc, InvalidInput) and exc.message
        else:
            assert plan.changes == ()
