"""Shelves: codes, class ranges, the shelf a class goes to, counts, and refusing to drop a full shelf."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.errors import BookroomError, Conflict, InvalidInput, Refused
from bookroom_desk.services.catalogue import copies, shelves, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Copy, CopyEvent, Shelf
from tests.support.helpers import add_admin_and_volunteer, refused_each


def test_create_and_validate(session):
    shelf = shelves.create_shelf(session, " sj01 ", "法律", "d9", "D9", actor=OPERATOR)
    assert (shelf.code, shelf.name, shelf.class_from, shelf.class_to) == ("SJ01", "法律", "D9", "D9")
    with pytest.raises(Conflict) as info:
        shelves.create_shelf(session, "SJ01", actor=OPERATOR)
    assert info.value.field == "code"
    with pytest.raises(InvalidInput) as info:
        shelves.create_shelf(session, "X", class_from="Y1", actor=OPERATOR)
    assert info.value.field == "class_from"
    with pytest.raises(InvalidInput) as info:
        shelves.create_shelf(session, "X", class_from="I3", class_to="I2", actor=OPERATOR)
    assert info.value.field == "class_to"
    with pytest.raises(InvalidInput):
        shelves.create_shelf(session, "", actor=OPERATOR)
    assert shelves.create_shelf(session, "BK1", actor=OPERATOR).name == "BK1"


def test_new_copies_go_to_the_narrowest_shelf_holding_their_class(session):
    wide = shelves.create_shelf(session, "C01", "社科", "C", "D", actor=OPERATOR)
    law = shelves.create_shelf(session, "D01", "法律", "D9", "D9", actor=OPERATOR)
    lit = shelves.create_shelf(session, "I01", "文学", "I", "I", actor=OPERATOR)
    title = titles.create_title(session, TitleData(title="劳动法", clc="D922.5"), actor=OPERATOR)
    other = titles.create_title(session, TitleData(title="政治学", clc="D0"), actor=OPERATOR)
    nowhere = titles.create_title(session, TitleData(title="物理", clc="O4"), actor=OPERATOR)
    copies.add_copies(session, title.id, 2, actor=OPERATOR)
    copies.add_copies(session, other.id, 1, actor=OPERATOR)
    copies.add_copies(session, nowhere.id, 1, actor=OPERATOR)
    copies.add_copies(session, title.id, 1, shelf_id=lit.id, actor=OPERATOR)
    assert [c.shelf_id for c in session.scalars(select(Copy).order_by(Copy.barcode))] == [
        law.id, law.id, wide.id, None, lit.id]


def test_list_counts_and_moving(session):
    a = shelves.create_shelf(session, "A01", class_from="I", class_to="I", actor=OPERATOR)
    b = shelves.create_shelf(session, "B01", actor=OPERATOR)
    title = titles.create_title(session, TitleData(title="红楼梦", clc="I242"), actor=OPERATOR)
    copies.add_copies(session, title.id, 3, actor=OPERATOR)
    copies.get_copy(session, "00000002").status = "on_loan"
    copies.withdraw(session, "00000003", "破损", actor=OPERATOR)
    rows = {row.code: row for row in shelves.list_shelves(session)}
    assert (rows["A01"].copies, rows["A01"].on_shelf, rows["A01"].on_loan) == (2, 1, 1)
    assert rows["B01"].copies == 0
    copies.move_copy(session, "00000001", b.id, actor="王")
    assert session.scalar(select(CopyEvent.detail).where(CopyEvent.kind == "moved")) == "A01 → B01"
    with pytest.raises(Refused, match="1 册"):
        shelves.delete_shelf(session, a.id, actor=OPERATOR)
    shelves.update_shelf(session, b.id, "B02", "新书架", "", "", actor=OPERATOR)
    assert session.get(Shelf, b.id).code == "B02"
    copies.move_copy(session, "00000001", a.id, actor=OPERATOR)
    shelves.delete_shelf(session, b.id, actor=OPERATOR)
    assert shelves.shelf_by_code(session, "b02") is None
    assert shelves.ensure_shelf(session, "c9", actor=OPERATOR).code == "C9"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(max_size=24), low=st.text(max_size=6), high=st.text(max_size=6))
def test_any_typed_shelf_is_saved_or_refused_with_a_reason(db, code, low, high):
    try:
        with db.write() as session:
            shelf = shelves.create_shelf(session, code, "", low, high, actor=OPERATOR)
            assert shelf.code and len(shelf.code) <= 20
    except BookroomError as exc:
        assert exc.message


def test_only_an_administrator_adds_changes_or_removes_a_shelf(db):
    with db.write() as session:
        add_admin_and_volunteer(session)
        shelf_id = shelves.create_shelf(session, "A01", "文学", "I", "I", actor="老李").id
    refusals = [
        lambda session: shelves.create_shelf(session, "B01", actor="小王"),
        lambda session: shelves.update_shelf(session, shelf_id, "A02", "社科", "C", "D", actor="小王"),
        lambda session: shelves.delete_shelf(session, shelf_id, actor="小王"),
    ]
    refused_each(db, refusals, "只有管理员可以新增、修改或删除书架。当前登录的“小王”是志愿者")
    with db.read() as session:
        assert [(s.code, s.name, s.class_from) for s in session.scalars(select(Shelf))] == [("A01", "文学", "I")]
    with db.write() as session:
        shelves.update_shelf(session, shelf_id, "A02", "社科", "C", "D", actor="老李")
        shelves.create_shelf(session, "B01", actor="老李")
        shelves.delete_shelf(session, shelf_id, actor="老李")
    with db.read() as session:
        assert session.scalars(select(Shelf.code)).all() == ["B01"]
