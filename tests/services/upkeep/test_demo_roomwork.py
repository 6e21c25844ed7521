"""The demo room's year of room work: activities, plan, volunteers and duty, reading groups."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting.self_check import YES, self_check
from bookroom_desk.services.reporting.statistics import key_figures
from bookroom_desk.services.roomwork import activities, volunteers
from bookroom_desk.services.roomwork import plan as reading_plan
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.models_roomwork import Activity, DutyShift, GroupMeeting, GroupMember, ReadingGroup, Volunteer

TODAY = dt.date(2026, 11, 24)


def test_the_demo_room_has_a_year_of_room_work(db):
    with db.write() as session:
        result = build_demo(session, volumes=300, readers=60, seed=3)
    work = result.extras["room_work"]
    with db.read() as session:
        assert session.scalar(select(func.count(Activity.id))) == work["activities"] >= 12
        first, last = session.execute(select(func.min(Activity.held_on), func.max(Activity.held_on))).one()
        assert TODAY - dt.timedelta(days=366) < first and last <= TODAY
        assert session.scalar(select(func.count(Volunteer.id))) == work["volunteers"] == 5
        assert session.scalar(select(func.count(DutyShift.id))) == work["duty_shifts"] > 200
        assert session.scalar(select(func.count(DutyShift.id)).where(DutyShift.ended_at <= DutyShift.started_at)) == 0
        assert session.scalar(select(func.count(ReadingGroup.id))) == work["reading_groups"] == 2
        assert session.scalar(select(func.count(GroupMeeting.id))) == work["group_meetings"] >= 12
        assert session.scalar(select(func.count()).select_from(GroupMember)) > 0
        plan = reading_plan.progress(session, 2026)
        assert plan.planned == work["plan_items"] > 0 and plan.done > 0
        figures = key_figures(session)
        year = Period.year(2026)
        assert figures.activities_this_year == activities.totals(session, year).count > 0
        assert figures.volunteers == len(volunteers.active_volunteers(session, TODAY)) == 4
        assert figures.duty_hours_this_year == round(volunteers.duty_hours(session, year), 1) > 100
        check = self_check(session, year)
        # The room-work items are all kept (volumes and participation depend on the demo's size).
        states = {i.key: i.state for i in check.items}
        assert all(states[key] == YES for key in ("plan", "organised", "results", "renewal", "staffed", "regular",
                                                   "featured", "site", "rules"))


def test_the_demo_room_work_is_repeatable(tmp_path):
    from bookroom_desk.store.migrate import open_database

    snapshots = []
    for name in ("a.db", "b.db"):
        database = open_database(f"sqlite:///{tmp_path / name}")
        with database.write() as session:
            build_demo(session, volumes=100, readers=20, seed=5)
        with database.read() as session:
            snapshots.append((
                session.execute(select(Activity.held_on, Activity.name, Activity.participants)).all(),
                session.execute(select(DutyShift.started_at, DutyShift.ended_at)).all(),
            ))
        database.dispose()
    assert snapshots[0] == snapshots[1]
