"""Readers and categories: register, edit, suspend, leave, search, loans and history."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.circulation import desk
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.readers import records
from bookroom_desk.store.models import Reader, ReaderCategory
from bookroom_desk.store.models_access import AuditEntry
from tests.support.desk_room import past_loan, small_room
from tests.support.helpers import add_admin_and_volunteer, refused_each


def test_register_assigns_the_next_card_and_keeps_a_given_one(session):
    first = records.register(session, name=" 张 伟 ", department="检修车间", employee_no="E001")
    assert (first.card, first.name, first.status, first.registered_on) == ("R000001", "张 伟", "active",
                                                                            dt.date(2026, 11, 24))
    assert first.category.name == "职工" and "zw" in first.pinyin
    given = records.register(session, name="李娜", card="ｒ000050")
    assert given.card == "R000050"
    assert records.register(session, name="王芳").card == "R000051"


@pytest.mark.parametrize("card", ["X123", "R12345", "R1234567", "000001"])
def test_card_must_fit_the_scheme(session, card):
    with pytest.raises(InvalidInput):
        records.register(session, name="李娜", card=card)


def test_card_and_name_rules(session):
    records.register(session, name="张伟", card="R000007")
    with pytest.raises(Conflict):
        records.register(session, name="李娜", card="R000007")
    with pytest.raises(InvalidInput):
        records.register(session, name="  ")
    with pytest.raises(InvalidInput):
        records.register(session, name="张" * 51)


def test_the_scheme_of_the_room_is_followed(session):
    settings.set_value(session, settings.READER_PREFIX, "DZ", actor=OPERATOR)
    settings.set_value(session, settings.READER_DIGITS, 4, actor=OPERATOR)
    assert records.register(session, name="张伟").card == "DZ0001"


def test_update_and_change_card(session):
    reader = records.register(session, name="张伟")
    other = records.register(session, name="李娜")
    vip = records.save_category(session, None, name="劳模工匠", loan_days=60, max_loans=10, renewals=2,
                                overdue_blocks=False, actor=OPERATOR)
    records.update(session, reader.id, name="张伟强", department="机务段", phone="13800000000", category_id=vip.id,
                   card="R000100")
    assert (reader.name, reader.department, reader.category.name, reader.card) == ("张伟强", "机务段", "劳模工匠", "R000100")
    assert "zwq" in reader.pinyin
    with pytest.raises(Conflict):
        records.update(session, other.id, card="r000100")


def test_suspend_reinstate_and_leave(session):
    room = small_room(session)
    records.set_status(session, room.zhang, "suspended")
    assert records.get_reader(session, room.zhang).status == "suspended"
    records.set_status(session, room.zhang, "active")
    past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    with pytest.raises(Refused):
        records.set_status(session, room.zhang, "left")
    desk.scan(session, "00000004", None, actor=OPERATOR)
    reader = records.set_status(session, room.zhang, "left")
    assert (reader.status, reader.left_on) == ("left", dt.date(2026, 11, 24))


def test_a_category_may_count_its_loan_days_in_open_days_and_keeps_the_choice(session):
    temp = records.save_category(session, None, name="临时", loan_days=7, max_loans=1, renewals=0, overdue_blocks=True,
                                 loan_days_open=True, actor=OPERATOR)
    assert temp.loan_days_open is True
    assert "按开放日" in session.scalars(select(AuditEntry.detail).order_by(AuditEntry.id.desc())).first()
    records.save_category(session, temp.id, name="临时", loan_days=10, max_loans=1, renewals=0, overdue_blocks=True,
                          actor=OPERATOR)  # a form that does not show the choice leaves it as it was
    assert (temp.loan_days, temp.loan_days_open) == (10, True)
    records.save_category(session, temp.id, name="临时", loan_days=10, max_loans=1, renewals=0, overdue_blocks=True,
                          loan_days_open=False, actor=OPERATOR)
    assert temp.loan_days_open is False


def test_categories_rules_and_deletion(session):
    with pytest.raises(Conflict):
        records.save_category(session, None, name="职工", loan_days=30, max_loans=5, renewals=1, overdue_blocks=True,
                              actor=OPERATOR)
    with pytest.raises(InvalidInput):
        records.save_category(session, None, name="临时", loan_days=0, max_loans=5, renewals=1, overdue_blocks=True,
                              actor=OPERATOR)
    temp = records.save_category(session, None, name="临时", loan_days=7, max_loans=1, renewals=0, overdue_blocks=True,
                                 actor=OPERATOR)
    records.save_category(session, temp.id, name="临时工", loan_days=10, max_loans=2, renewals=0, overdue_blocks=False,
                          actor=OPERATOR)
    assert (temp.name, temp.loan_days, temp.overdue_blocks) == ("临时工", 10, False)
    staff = records.category_by_name(session, "职工")
    records.register(session, name="张伟", category_id=staff.id)
    with pytest.raises(Refused):
        records.delete_category(session, staff.id, actor=OPERATOR)
    records.delete_category(session, temp.id, actor=OPERATOR)
    assert [c.name for c in records.categories(session)] == ["职工"]
    with pytest.raises(NotFound):
        records.delete_category(session, temp.id, actor=OPERATOR)


def test_search_by_name_pinyin_card_department(session):
    room = small_room(session)
    past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    past_loan(session, "00000005", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    session.get(Reader, room.zhang).pinyin = "zhangwei zw"
    assert [r.name for r in records.search(session, "zw")] == ["张伟"]
    assert [r.name for r in records.search(session, "r000002")] == ["李娜"]
    assert [r.name for r in records.search(session, "财务")] == ["李娜"]
    row = records.search(session, "张")[0]
    assert (row.on_loan, row.overdue) == (2, 1)
    assert [r.name for r in records.search(session, status="left")] == ["赵强"]


def test_summary_loans_and_history(session):
    room = small_room(session)
    past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    past_loan(session, "00000005", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    past_loan(session, "00000006", room.zhang, dt.date(2026, 9, 1), dt.date(2026, 10, 1))
    desk.scan(session, "00000006", None, actor=OPERATOR)
    summary = records.summary(session, room.zhang)
    assert [line.barcode for line in summary.loans] == ["00000004", "00000005"]
    assert (summary.overdue, summary.may_borrow) == (1, 0)  # overdue blocks by default
    session.scalar(select(ReaderCategory)).overdue_blocks = False
    assert records.summary(session, room.zhang).may_borrow == 3
    history = records.loan_history(session, room.zhang)
    assert [(h.barcode, h.days_late) for h in history] == [("00000006", 54)]
    assert records.returned_loan_count(session, room.zhang) == 1 and records.open_loan_count(session, room.zhang) == 2


def test_only_an_administrator_changes_categories_and_loan_rules_and_each_change_is_logged(db):
    rules = dict(loan_days=60, max_loans=10, renewals=2, overdue_blocks=True)
    with db.write() as session:
        add_admin_and_volunteer(session)
        staff_id = records.default_category(session).id
    refusals = [
        lambda session: records.save_category(session, None, name="劳模工匠", **rules, actor="小王"),
        lambda session: records.save_category(session, staff_id, name="职工", **rules, actor="小王"),
        lambda session: records.delete_category(session, staff_id, actor="小王"),
    ]
    refused_each(db, refusals, "只有管理员可以修改读者类别和借阅规则。当前登录的“小王”是志愿者")
    with db.read() as session:
        assert [(c.name, c.loan_days, c.max_loans) for c in records.categories(session)] == [("职工", 30, 5)]
        assert not session.scalars(select(AuditEntry).where(AuditEntry.kind == "setting")).all()
    with db.write() as session:
        vip = records.save_category(session, None, name="劳模工匠", **rules, actor="老李")
        records.delete_category(session, vip.id, actor="老李")
    with db.read() as session:
        assert [(e.actor, e.detail) for e in session.scalars(select(AuditEntry).where(AuditEntry.kind == "setting")
                                                              .order_by(AuditEntry.id))] == [
            ("老李", "读者类别 劳模工匠：借期 60 天，可借 10 册，续借 2 次，逾期停借 是"), ("老李", "删除读者类别 劳模工匠")]


# --- departments offered while typing (issue 18) -------------------------------------------------


def test_departments_are_distinct_non_empty_and_most_used_first(session):
    for name, department in (("甲", "财务科"), ("乙", "检修车间"), ("丙", "检修车间"), ("丁", ""), ("戊", "  "),
                             ("己", "后勤"), ("庚", "检修车间"), ("辛", "财务科")):
        records.register(session, name=name, department=department)
    assert records.departments(session) == ["检修车间", "财务科", "后勤"]


def test_departments_of_an_empty_room(session):
    assert records.departments(session) == []


@hypothesis_settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["", " ", "财务科", "检修车间", "Logistics", "logistics", "后 勤"]), max_size=12))
def test_departments_follow_the_readers(session, typed):
    nested = session.begin_nested()
    try:
        for n, department in enumerate(typed):
            records.register(session, name=f"读者{n}", department=department)
        stored = [" ".join(d.split()) for d in typed if d.strip()]
        counts = {d: stored.count(d) for d in stored}
        assert records.departments(session) == sorted(counts, key=lambda d: (-counts[d], d))
    finally:
        nested.rollback()
