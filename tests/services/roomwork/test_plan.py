"""年度阅读计划: items by month, carried out by activities, planned against held."""

from __future__ import annotations

import datetime as dt

import pytest

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.roomwork import activities, plan
from bookroom_desk.store.models_roomwork import PlanItem


def test_plan_items_are_listed_by_month(session):
    plan.add_item(session, year=2026, month=9, name="法律知识竞赛", kind="quiz")
    plan.add_item(session, year=2026, month=4, name=" 读书日分享会 ", kind="share")
    plan.add_item(session, year=2025, month=1, name="去年的", kind="share")
    rows = plan.plan_for_year(session, 2026)
    assert [(r.month, r.name, r.done) for r in rows] == [(4, "读书日分享会", False), (9, "法律知识竞赛", False)]
    assert plan.items_in_years(session, [2025, 2026]) == 3


@pytest.mark.parametrize("changes, field", [(dict(month=13), "month"), (dict(month=0), "month"),
                                            (dict(year=1800), "year"), (dict(name=""), "name"),
                                            (dict(kind="dance"), "kind")])
def test_bad_items_are_refused(session, changes, field):
    values = dict(year=2026, month=5, name="讲座", kind="lecture")
    values.update(changes)
    with pytest.raises(InvalidInput) as caught:
        plan.add_item(session, **values)
    assert caught.value.params["field"] == field
    assert session.query(PlanItem).count() == 0


def test_an_item_is_carried_out_by_an_activity_of_its_year_only(session):
    item = plan.add_item(session, year=2026, month=4, name="读书日", kind="share")
    held = activities.add_activity(session, held_on=dt.date(2026, 4, 23), name="读书日分享会", kind="share")
    last_year = activities.add_activity(session, held_on=dt.date(2025, 4, 23), name="旧活动", kind="share")
    with pytest.raises(InvalidInput):
        plan.carry_out(session, item.id, last_year.id)
    plan.carry_out(session, item.id, held.id)
    row = plan.plan_for_year(session, 2026)[0]
    assert row.done and row.activity_name == "读书日分享会" and row.held_on == dt.date(2026, 4, 23)
    plan.carry_out(session, item.id, None)
    assert not plan.plan_for_year(session, 2026)[0].done
    with pytest.raises(NotFound):
        plan.carry_out(session, item.id, 999)


def test_progress_counts_planned_done_overdue_and_held(session):
    done = plan.add_item(session, year=2026, month=3, name="讲座", kind="lecture")
    plan.add_item(session, year=2026, month=5, name="竞赛", kind="quiz")  # month ended, not carried out
    plan.add_item(session, year=2026, month=11, name="征文", kind="essay")  # this month: not yet due
    plan.add_item(session, year=2026, month=12, name="颁奖", kind="share")
    lecture = activities.add_activity(session, held_on=dt.date(2026, 3, 10), name="讲座", kind="lecture")
    activities.add_activity(session, held_on=dt.date(2026, 3, 20), name="临时分享", kind="share")
    plan.carry_out(session, done.id, lecture.id)
    progress = plan.progress(session, 2026)
    assert (progress.planned, progress.done, progress.due, progress.overdue, progress.held) == (4, 1, 2, 1, 2)
    march = progress.months[2]
    assert (march.month, march.planned, march.done, march.held) == (3, 1, 1, 2)
    assert len(progress.months) == 12


def test_update_and_delete(session):
    item = plan.add_item(session, year=2026, month=3, name="讲座", kind="lecture")
    plan.update_item(session, item.id, month=6, name="专题讲座")
    assert (item.month, item.name) == (6, "专题讲座")
    plan.delete_item(session, item.id)
    assert plan.plan_for_year(session, 2026) == []
    with pytest.raises(NotFound):
        plan.delete_item(session, item.id)
