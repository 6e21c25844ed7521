"""阅读活动: recording, validation, the period's list and totals the return will use."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.common import vocab
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork import activities, checks, plan
from bookroom_desk.store.models_roomwork import Activity, ActivityPhoto, PlanItem

D = dt.date


def _add(session, day=D(2026, 4, 23), **kw):
    values = dict(held_on=day, name="世界读书日分享会", kind="share", participants=30)
    values.update(kw)
    return activities.add_activity(session, **values)


def test_an_activity_is_stored_trimmed_with_its_creation_time(session, fixed_clock):
    activity = _add(session, name="  世界读书日分享会 ", organiser=" 工会 ", featured=True, notes=" 好评 ")
    stored = session.get(Activity, activity.id)
    assert (stored.name, stored.organiser, stored.notes, stored.featured) == ("世界读书日分享会", "工会", "好评", True)
    assert stored.created_at == fixed_clock and stored.kind == "share" and stored.participants == 30


def test_kinds_have_chinese_labels():
    assert vocab.label(activities.ACTIVITY_KINDS, "quiz") == "知识竞赛"
    assert vocab.code_for(activities.ACTIVITY_KINDS, "征文") == "essay"
    assert set(activities.ACTIVITY_KINDS) == {"share", "lecture", "essay", "quiz", "checkin", "other"}


@pytest.mark.parametrize("changes, field, text", [
    (dict(name="  "), "name", "请填写“活动名称”。"),
    (dict(name="书" * 201), "name", "“活动名称”最多 200 个字。"),
    (dict(participants=-3), "participants", "“参与人数”不能是负数。"),
    (dict(participants=True), "participants", "“参与人数”应为整数。"),
    (dict(kind="party"), "kind", "“活动类型”没有“party”这一项。"),
    (dict(held_on=D(2026, 11, 25)), "held_on", "“活动日期”2026-11-25晚于今天。"),
    (dict(held_on=None), "held_on", "请填写“活动日期”。"),
    (dict(held_on=D(1980, 1, 1)), "held_on", "“活动日期”1980-01-01不合理。"),
])
def test_bad_values_are_refused_naming_the_field(session, changes, field, text):
    with pytest.raises(InvalidInput) as caught:
        _add(session, **changes)
    assert caught.value.params["field"] == field
    assert caught.value.message == text
    assert session.scalar(select(func.count(Activity.id))) == 0


def test_update_changes_only_what_is_named_and_refuses_bad_values(session):
    activity = _add(session)
    activities.update_activity(session, activity.id, participants=45, featured=True)
    assert (activity.participants, activity.featured, activity.name) == (45, True, "世界读书日分享会")
    with pytest.raises(InvalidInput):
        activities.update_activity(session, activity.id, participants=-1)
    assert activity.participants == 45
    with pytest.raises(NotFound):
        activities.update_activity(session, 999, name="x")


def test_delete_removes_photos_rows_and_unlinks_the_plan(session, fixed_clock):
    activity = _add(session)
    session.add(ActivityPhoto(activity_id=activity.id, path=f"photos/{activity.id}/a.jpg", caption="",
                              added_at=fixed_clock))
    item = plan.add_item(session, year=2026, month=4, name="读书日", kind="share")
    plan.carry_out(session, item.id, activity.id)
    paths = activities.delete_activity(session, activity.id)
    assert paths == [f"photos/{activity.id}/a.jpg"]
    assert session.scalar(select(func.count(ActivityPhoto.id))) == 0
    assert session.get(PlanItem, item.id).activity_id is None


def test_activities_in_a_period_and_their_totals(session):
    _add(session, D(2025, 12, 31), name="去年的", participants=99)
    _add(session, D(2026, 1, 1), name="元旦", kind="lecture", participants=10)
    _add(session, D(2026, 3, 31), name="征文", kind="essay", participants=20, featured=True)
    _add(session, D(2026, 4, 1), name="竞赛", kind="quiz", participants=5)
    q1 = Period.quarter(2026, 1)
    rows = activities.activities_in(session, q1)
    assert [r.name for r in rows] == ["元旦", "征文"] and rows[0].photos == 0
    totals = activities.totals(session, Period.year(2026))
    assert (totals.count, totals.participants, totals.featured, totals.result_kinds) == (3, 35, 1, 2)
    assert totals.by_quarter == {(2026, 1): 2, (2026, 2): 1}
    assert totals.by_kind == {"lecture": 1, "essay": 1, "quiz": 1}
    assert activities.featured_names(session, Period.year(2026)) == ["征文"]


@given(st.text(max_size=12))
def test_typed_dates_either_parse_or_are_refused_naming_the_field(text):
    try:
        value = checks.typed_date(text, "held_on", "活动日期")
    except InvalidInput as exc:
        assert exc.params["field"] == "held_on"
    else:
        assert isinstance(value, dt.date)


@pytest.mark.parametrize("text, expected", [("2026-4-23", D(2026, 4, 23)), ("2026/04/23", D(2026, 4, 23)),
                                            ("20260423", D(2026, 4, 23)), ("2026年4月23日", D(2026, 4, 23)),
                                            ("2026-02-30", None), ("23/4/2026", None), ("明天", None)])
def test_date_formats(text, expected):
    assert checks.parse_date(text) == expected


@given(st.integers(min_value=-10**6, max_value=10**7))
def test_typed_counts_keep_their_sign_for_the_service_to_judge(number):
    assert checks.typed_count(f" {number} ", "participants", "参与人数") == number


@pytest.mark.parametrize("text, expected", [("17:30", dt.time(17, 30)), ("1730", dt.time(17, 30)),
                                            ("9：05", dt.time(9, 5)), ("930", dt.time(9, 30))])
def test_typed_times(text, expected):
    assert checks.typed_time(text, "started_at", "开始") == expected


@given(st.text(max_size=8))
def test_typed_times_either_parse_or_are_refused_naming_the_field(text):
    try:
        value = checks.typed_time(text, "started_at", "开始")
    except InvalidInput as exc:
        assert exc.params["field"] == "started_at"
    else:
        assert isinstance(value, dt.time)
