"""Days late: calendar days past due, or open days past due when the room says so (逾期天数只计开放日)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.services.circulation import desk, overdue, reminders
from bookroom_desk.services.common import calendar as cal
from bookroom_desk.services.common import closures, opening_week, settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.readers import records
from bookroom_desk.store.models import Loan
from tests.support.desk_room import past_loan
from tests.support.open_days import open_days_room  # Monday to Friday, shut 2026-11-16..20, the setting on

D = dt.date.fromisoformat
ALL_WEEK = frozenset(range(1, 8))
WORKDAYS = frozenset(range(1, 6))
NATIONAL_DAY = ("2026-10-01", "2026-10-07")

# due date, today, closed ranges, open weekdays, open days only, expected days late
CASES = [
    # Not late: today is the due day or before it.
    ("2026-11-24", "2026-11-24", [], ALL_WEEK, False, 0),
    ("2026-11-24", "2026-11-20", [], ALL_WEEK, True, 0),
    ("2026-11-24", "2026-11-24", [NATIONAL_DAY], WORKDAYS, True, 0),
    # Setting off: calendar days, whatever the calendar says.
    ("2026-11-20", "2026-11-24", [], ALL_WEEK, False, 4),
    ("2026-09-30", "2026-10-08", [NATIONAL_DAY], WORKDAYS, False, 8),
    # Setting on, no calendar set: the same as calendar days.
    ("2026-11-20", "2026-11-24", [], ALL_WEEK, True, 4),
    ("2026-01-01", "2026-12-31", [], ALL_WEEK, True, 364),
    # Weekends are not counted: due Friday, back Monday is one open day late.
    ("2026-11-20", "2026-11-23", [], WORKDAYS, True, 1),
    ("2026-11-20", "2026-11-21", [], WORKDAYS, True, 0),  # Saturday, closed: no open day has passed yet
    ("2026-11-20", "2026-11-30", [], WORKDAYS, True, 6),
    # A holiday closure: due the day before 国庆, back the day it reopens is one open day late.
    ("2026-09-30", "2026-10-08", [NATIONAL_DAY], ALL_WEEK, True, 1),
    ("2026-09-30", "2026-10-08", [NATIONAL_DAY], WORKDAYS, True, 1),
    ("2026-09-30", "2026-10-12", [NATIONAL_DAY], WORKDAYS, True, 3),  # 8, 9 (Fri), 12 (Mon)
    ("2026-09-30", "2026-10-05", [NATIONAL_DAY], ALL_WEEK, True, 0),  # still closed
    # Closures overlapping each other and the range's ends; a closure before the due date changes nothing.
    ("2026-09-28", "2026-10-10", [("2026-09-29", "2026-10-03"), ("2026-10-02", "2026-10-08")], ALL_WEEK, True, 2),
    ("2026-09-28", "2026-10-10", [("2026-09-01", "2026-09-28")], ALL_WEEK, True, 12),
    ("2026-09-28", "2026-10-10", [("2026-10-10", "2026-12-31")], ALL_WEEK, True, 11),
    # Over a year boundary, weekends and 元旦 skipped.
    ("2026-12-30", "2027-01-05", [("2027-01-01", "2027-01-01")], WORKDAYS, True, 3),  # 31, 4, 5
]


@pytest.mark.parametrize(("due", "today", "closed", "open_days", "open_only", "expected"), CASES)
def test_days_late(due, today, closed, open_days, open_only, expected):
    calendar = cal.Calendar(open_days, [(D(first), D(last)) for first, last in closed])
    assert calendar.days_late(D(due), D(today), open_only) == expected
    if open_only:
        assert cal.days_late(calendar, D(due), D(today)) == expected
        # the brute count it stands for
        days = (D(today) - D(due)).days
        assert expected == sum(calendar.is_open(D(due) + dt.timedelta(days=n)) for n in range(1, days + 1))
    else:
        assert cal.days_late(None, D(due), D(today)) == expected


@pytest.mark.parametrize(("due", "today", "closed", "open_days", "open_only", "expected"), CASES)
def test_days_late_from_the_stored_calendar_and_setting(session, due, today, closed, open_days, open_only, expected):
    opening_week.set_week(session, opening_week.Week.of(open_days), actor=OPERATOR)
    for first, last in closed:
        closures.close(session, D(first), D(last), actor=OPERATOR)
    settings.set_value(session, cal.OVERDUE_OPEN_DAYS, open_only, actor=OPERATOR)
    assert cal.days_late(session, D(due), D(today)) == expected
    counter = cal.LateCounter(session)
    assert counter(D(due), D(today)) == expected


def test_the_setting_is_off_and_for_administrators():
    setting = cal.OVERDUE_OPEN_DAYS
    assert setting.default is False and setting.admin_only and setting.type is bool
    assert settings.REGISTRY[setting.key] is setting


def test_a_return_after_a_closure_says_the_open_days_late(session):
    room = open_days_room(session)
    past_loan(session, "00000004", room.li, D("2026-10-01"), D("2026-11-13"))  # Friday before the closure
    result = desk.scan(session, "00000004", None, actor="小王")
    assert result.action == "returned" and result.days_late == 2  # Monday 23 and today
    assert "逾期 2 天" in result.message()
    assert session.scalar(select(Loan)).returned_at is not None


def test_the_same_return_with_the_setting_off_counts_calendar_days(session):
    room = open_days_room(session)
    settings.set_value(session, cal.OVERDUE_OPEN_DAYS, False, actor=OPERATOR)
    past_loan(session, "00000004", room.li, D("2026-10-01"), D("2026-11-13"))
    result = desk.scan(session, "00000004", None, actor="小王")
    assert result.days_late == 11 and "逾期 11 天" in result.message()


def test_the_overdue_list_counts_open_days(session):
    room = open_days_room(session)
    past_loan(session, "00000004", room.zhang, D("2026-10-01"), D("2026-11-13"))  # 2 open days
    past_loan(session, "00000005", room.li, D("2026-10-01"), D("2026-11-23"))  # 1
    past_loan(session, "00000006", room.li, D("2026-10-01"), D("2026-11-02"))  # 3-6, 9-13, 23, 24: 11
    lines = overdue.overdue_loans(session, "days")
    assert [(line.barcode, line.days_late) for line in lines] == [("00000006", 11), ("00000004", 2), ("00000005", 1)]
    assert [(g.department, g.most_days) for g in overdue.by_department(lines)] == [("财务科", 11), ("检修车间", 2)]
    settings.set_value(session, cal.OVERDUE_OPEN_DAYS, False, actor=OPERATOR)
    assert [line.days_late for line in overdue.overdue_loans(session, "days")] == [22, 11, 1]


def test_on_a_closed_day_a_loan_no_open_day_past_due_is_not_overdue(session, fixed_clock):
    from bookroom_desk.services.common import clock

    room = open_days_room(session)
    clock.set_clock(clock.fixed(dt.datetime(2026, 11, 28, 10)))  # Saturday
    past_loan(session, "00000004", room.zhang, D("2026-10-01"), D("2026-11-27"))  # Friday: no open day since
    past_loan(session, "00000005", room.li, D("2026-10-01"), D("2026-11-26"))  # Thursday: Friday was open
    assert [(line.barcode, line.days_late) for line in overdue.overdue_loans(session)] == [("00000005", 1)]
    counts = {row.card: row.overdue for row in records.search(session)}
    assert counts["R000001"] == 0 and counts["R000002"] == 1


def test_the_readers_loans_count_open_days(session):
    room = open_days_room(session)
    past_loan(session, "00000004", room.li, D("2026-10-01"), D("2026-11-13"))
    past_loan(session, "00000005", room.li, D("2026-10-01"), D("2026-12-13"))
    assert [line.days_late for line in records.open_loans(session, room.li)] == [2, 0]
    desk.scan(session, "00000004", None, actor="小王")
    assert [line.days_late for line in records.loan_history(session, room.li)] == [2]


def test_reminder_stages_count_open_days_late(session):
    room = open_days_room(session)
    reminders.set_stages(session, [reminders.Stage(-3), reminders.Stage(0), reminders.Stage(3), reminders.Stage(7)],
                         actor=OPERATOR)
    past_loan(session, "00000004", room.zhang, D("2026-10-01"), D("2026-11-13"))  # 11 calendar days, 2 open
    past_loan(session, "00000005", room.li, D("2026-10-01"), D("2026-11-26"))  # 2 days to go
    lines = {line.barcode: line for notice in reminders.due_notices(session) for line in notice.lines}
    assert (lines["00000004"].days_late, lines["00000004"].stage.days) == (2, 0)
    assert (lines["00000005"].days_late, lines["00000005"].stage.days) == (-2, -3)
    settings.set_value(session, cal.OVERDUE_OPEN_DAYS, False, actor=OPERATOR)
    lines = {line.barcode: line for notice in reminders.due_notices(session) for line in notice.lines}
    assert (lines["00000004"].days_late, lines["00000004"].stage.days) == (11, 7)


def test_a_first_stage_after_the_due_date_waits_for_the_open_days(session):
    room = open_days_room(session)
    reminders.set_stages(session, [reminders.Stage(3)], actor=OPERATOR)
    past_loan(session, "00000004", room.zhang, D("2026-10-01"), D("2026-11-13"))  # 2 open days: not yet
    past_loan(session, "00000005", room.li, D("2026-10-01"), D("2026-11-02"))  # 11 open days
    assert [line.barcode for notice in reminders.due_notices(session) for line in notice.lines] == ["00000005"]


def test_a_volunteer_may_not_change_it(db):
    from bookroom_desk.errors import Refused
    from tests.support.helpers import add_admin_and_volunteer

    with db.write() as session:
        add_admin_and_volunteer(session)
    with pytest.raises(Refused), db.write() as session:
        settings.set_value(session, cal.OVERDUE_OPEN_DAYS, True, actor="小王")
    with db.read() as session:
        assert cal.counts_open_days_late(session) is False


def test_many_loans_on_one_calendar_are_quick():
    import time

    closed = [(dt.date(2000, 1, 1) + dt.timedelta(days=10 * n), dt.date(2000, 1, 3) + dt.timedelta(days=10 * n))
              for n in range(3000)]  # 80 years of closures
    calendar = cal.Calendar(WORKDAYS, closed)
    started = time.perf_counter()
    total = sum(calendar.days_late(dt.date(2026, 1, 1), dt.date(2026, 1, 1) + dt.timedelta(days=n)) for n in range(20_000))
    assert total > 0 and time.perf_counter() - started < 2


@given(st.frozensets(st.integers(1, 7), min_size=1),
       st.lists(st.tuples(st.integers(0, 400), st.integers(0, 20)), max_size=12),
       st.integers(0, 400), st.integers(0, 400))
@hypothesis_settings(max_examples=300, deadline=None)
def test_days_late_is_the_open_days_counted_one_by_one(open_days, closures, due, span):
    base = dt.date(2026, 1, 1)
    calendar = cal.Calendar(open_days, [(base + dt.timedelta(days=start), base + dt.timedelta(days=start + length))
                                        for start, length in closures])
    due_on, today = base + dt.timedelta(days=due), base + dt.timedelta(days=due + span)
    expected = sum(calendar.is_open(due_on + dt.timedelta(days=n)) for n in range(1, span + 1))
    assert calendar.days_late(due_on, today) == expected
    assert calendar.days_late(due_on, today, open_days_only=False) == span


@pytest.mark.parametrize(("due", "today", "closed", "open_days", "open_only", "expected"), CASES)
def test_overdue_before_agrees_with_days_late(session, due, today, closed, open_days, open_only, expected):
    calendar = cal.Calendar(open_days, [(D(first), D(last)) for first, last in closed])
    opening_week.set_week(session, opening_week.Week.of(open_days), actor=OPERATOR)
    for first, last in closed:
        closures.close(session, D(first), D(last), actor=OPERATOR)
    settings.set_value(session, cal.OVERDUE_OPEN_DAYS, open_only, actor=OPERATOR)
    sources = [session, cal.LateCounter(session).calendar, calendar if open_only else None]
    assert [D(due) < cal.overdue_before(source, D(today)) for source in sources] == [expected >= 1] * 3


def test_overdue_before_past_a_long_closure_reads_the_older_closures(session):
    """Shut 2026-08-01..11-24 (more than the weeks read first), and 2026-07-29..31 before it: the last open day
    is Tuesday 28 July, found in the closures read the second time."""
    opening_week.set_week(session, opening_week.Week.of(WORKDAYS), actor=OPERATOR)
    closures.close(session, D("2026-07-29"), D("2026-07-31"), actor=OPERATOR)
    closures.close(session, D("2026-08-03"), D("2026-11-24"), actor=OPERATOR)
    settings.set_value(session, cal.OVERDUE_OPEN_DAYS, True, actor=OPERATOR)
    assert cal.overdue_before(session, D("2026-11-24")) == D("2026-07-28")
    assert cal.days_late(session, D("2026-07-27"), D("2026-11-24")) == 1
    assert cal.days_late(session, D("2026-07-28"), D("2026-11-24")) == 0
    assert cal.overdue_before(session, D("2026-11-25")) == D("2026-11-25")


@given(st.frozensets(st.integers(1, 7), min_size=1),
       st.lists(st.tuples(st.integers(0, 400), st.integers(0, 90)), max_size=12),
       st.integers(0, 400), st.integers(0, 400))
@hypothesis_settings(max_examples=300, deadline=None)
def test_overdue_before_is_days_late_of_one_or_more(open_days, closures, due, span):
    base = dt.date(2026, 1, 1)
    calendar = cal.Calendar(open_days, [(base + dt.timedelta(days=start), base + dt.timedelta(days=start + length))
                                        for start, length in closures])
    due_on, today = base + dt.timedelta(days=due), base + dt.timedelta(days=due + span)
    assert (due_on < cal.overdue_before(calendar, today)) == (calendar.days_late(due_on, today) >= 1)
    assert (due_on < cal.overdue_before(None, today)) == (cal.days_late(None, due_on, today) >= 1)
