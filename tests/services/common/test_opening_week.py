"""The room's week: open weekdays and their hours, stored, audited, read as typed and written as the profile's text."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import InvalidInput, Refused
from bookroom_desk.services.common import calendar as cal
from bookroom_desk.services.common import opening_week as ow
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.store.models_calendar import OpeningDay, OpeningHours
from tests.support.helpers import add_admin_and_volunteer

ALL_WEEK = frozenset(range(1, 8))
WORKDAYS = frozenset(range(1, 6))


def test_week_is_stored_with_its_hours_and_audited(session):
    hours = ow.parse_hours("11:30-13:30,17:00-19:00")
    ow.set_week(session, ow.Week.of(WORKDAYS, hours), actor="老李")
    session.flush()
    stored = {row.weekday: row.is_open for row in session.scalars(select(OpeningDay))}
    assert stored == {1: True, 2: True, 3: True, 4: True, 5: True, 6: False, 7: False}
    assert session.scalar(select(func.count()).select_from(OpeningHours)) == 10
    week = ow.week(session)
    assert week.open_days == WORKDAYS
    assert week.hours_of(1) == (ow.Hours(dt.time(11, 30), dt.time(13, 30)), ow.Hours(dt.time(17), dt.time(19)))
    assert week.hours_of(6) == ()
    assert ow.opening_hours_text(week) == "周一至周五 11:30–13:30、17:00–19:00"
    (entry,) = session.scalars(select(AuditEntry))
    assert (entry.kind, entry.actor) == ("setting", "老李")
    assert "周一至周五" in entry.detail
    ow.set_week(session, ow.Week.of(WORKDAYS, hours), actor="老李")  # the same again: nothing to audit
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1


def test_the_profile_text_is_made_from_a_stored_week_only(session):
    assert ow.profile_text(session) == ""  # no week set: the profile keeps what was typed into it
    ow.set_week(session, ow.Week.of({6, 7}, ow.parse_hours("14:00-18:00")), actor=OPERATOR)
    assert ow.profile_text(session) == "周六、周日 14:00–18:00"


def test_different_hours_per_day_make_the_profile_text():
    morning, evening = ow.parse_hours("9:00-12:00"), ow.parse_hours("17:00-19:00")
    week = ow.Week({1: evening, 2: evening, 3: evening, 5: evening, 6: morning, 7: morning})
    assert ow.opening_hours_text(week) == "周一至周三、周五 17:00–19:00；周六、周日 9:00–12:00"
    assert ow.opening_hours_text(ow.Week({2: (), 4: ()})) == "周二、周四"
    assert ow.opening_hours_text(ow.Week.of(ALL_WEEK, morning)) == "每天 9:00–12:00"


@pytest.mark.parametrize("days", [frozenset(), frozenset({0}), frozenset({8})])
def test_a_week_with_no_open_day_or_no_such_day_is_refused(session, days):
    with pytest.raises(InvalidInput) as caught:
        ow.set_week(session, ow.Week.of(days, ()), actor=OPERATOR)
    assert ("每一天都不开放" if not days else "1（周一）到 7（周日）") in caught.value.message
    assert session.scalar(select(func.count()).select_from(OpeningDay)) == 0


def test_every_weekday_closed_is_refused_with_its_own_error(session):
    with pytest.raises(cal.AllDaysClosed, match="每一天都不开放"):
        ow.set_week(session, ow.Week({}), actor=OPERATOR)
    with pytest.raises(cal.AllDaysClosed):
        ow.parse_days("")


@pytest.mark.parametrize(("text", "days"), [("1-5", WORKDAYS), ("1-5,7", WORKDAYS | {7}), ("6", {6}),
                                            (" 1, 3 ,5 ", {1, 3, 5}), ("1-7", ALL_WEEK), ("5-5", {5}),
                                            ("1–5，6", WORKDAYS | {6})])
def test_open_days_are_read(text, days):
    assert ow.parse_days(text) == frozenset(days)


@pytest.mark.parametrize("text", ["0-5", "1-8", "5-1", "周一", "1-", "1,,2", "x"])
def test_bad_open_days_are_refused(text):
    with pytest.raises(cal.BadWeekdays, match=text.strip() or "."):
        ow.parse_days(text)


@pytest.mark.parametrize(("text", "hours"), [
    ("11:30-13:30,17:00-19:00", ((dt.time(11, 30), dt.time(13, 30)), (dt.time(17), dt.time(19)))),
    ("9:00–12:00", ((dt.time(9), dt.time(12)),)),
    ("9-12，14：30-17", ((dt.time(9), dt.time(12)), (dt.time(14, 30), dt.time(17)))),
    ("17:00-19:00, 08:30-11:00", ((dt.time(8, 30), dt.time(11)), (dt.time(17), dt.time(19)))),
    ("", ()),
])
def test_hours_are_read_in_order(text, hours):
    assert ow.parse_hours(text) == tuple(ow.Hours(*pair) for pair in hours)


@pytest.mark.parametrize("text", ["13:30-11:30", "9:5-12", "25:00-26:00", "9:60-10:00", "9:00-12:00,11:00-13:00", "9:00-9:00",
                                  "9:00-12:00,,13:00-14:00"])
def test_bad_hours_are_refused(text):
    with pytest.raises(ow.BadHours):
        ow.parse_hours(text)


def test_a_volunteer_may_not_change_the_week(session):
    add_admin_and_volunteer(session)
    with pytest.raises(Refused, match="志愿者"):
        ow.set_week(session, ow.Week.of(WORKDAYS, ()), actor="小王")
    assert ow.week(session) == ow.Week.of(ALL_WEEK)
