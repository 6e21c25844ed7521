"""The opening calendar's computation: the due dates and the days open weekdays and closed dates give."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from bookroom_desk.errors import NotFound
from bookroom_desk.services.common import calendar as cal
from bookroom_desk.services.common import closures
from bookroom_desk.services.common import opening_week as ow
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import ReaderCategory
from bookroom_desk.store.models_calendar import ClosedDates

D = dt.date.fromisoformat
ALL_WEEK = frozenset(range(1, 8))
WORKDAYS = frozenset(range(1, 6))
NATIONAL_DAY = ("2026-10-01", "2026-10-07")
SUMMER = ("2026-07-01", "2026-08-31")  # a closure of several weeks, longer than the loan periods below


def _calendar(open_days, closed) -> cal.Calendar:
    return cal.Calendar(open_days, [(D(first), D(last)) for first, last in closed])


# start, loan days, closed ranges, open weekdays, counted in open days, due date
CASES = [
    # No calendar set: exactly today's rule, start + loan days.
    ("2026-11-24", 30, [], ALL_WEEK, False, "2026-12-24"),
    ("2026-11-24", 30, [], ALL_WEEK, True, "2026-12-24"),
    # A due date on a holiday moves to the first open day after it; the closure's last day is closed too.
    ("2026-09-01", 30, [NATIONAL_DAY], ALL_WEEK, False, "2026-10-08"),
    ("2026-09-07", 30, [NATIONAL_DAY], ALL_WEEK, False, "2026-10-08"),
    ("2026-09-08", 30, [NATIONAL_DAY], ALL_WEEK, False, "2026-10-08"),  # due the day it reopens: unchanged
    # A due date on a closed weekday: to Monday.
    ("2026-11-24", 4, [], WORKDAYS, False, "2026-11-30"),
    ("2026-11-24", 3, [], WORKDAYS, False, "2026-11-27"),
    # A closure longer than the loan period: due when the room opens again.
    ("2026-06-25", 14, [SUMMER], ALL_WEEK, False, "2026-09-01"),
    ("2026-06-25", 14, [SUMMER], WORKDAYS, False, "2026-09-01"),
    ("2026-06-29", 3, [SUMMER], ALL_WEEK, True, "2026-09-02"),
    # The year boundary: 元旦 and a weekend run into the new year.
    ("2026-12-20", 14, [("2027-01-01", "2027-01-03")], WORKDAYS, False, "2027-01-04"),
    ("2026-12-02", 30, [("2027-01-01", "2027-01-01")], ALL_WEEK, False, "2027-01-02"),
    ("2026-12-02", 30, [("2027-01-01", "2027-01-01")], WORKDAYS, False, "2027-01-04"),
    ("2026-12-28", 3, [("2026-12-31", "2027-01-01")], WORKDAYS, True, "2027-01-04"),
    # A loan made on a closed day itself (a closure, a weekend): counted from that day all the same.
    ("2026-10-03", 7, [NATIONAL_DAY], ALL_WEEK, False, "2026-10-10"),
    ("2026-10-03", 3, [NATIONAL_DAY], ALL_WEEK, False, "2026-10-08"),
    ("2026-10-03", 7, [NATIONAL_DAY], ALL_WEEK, True, "2026-10-14"),
    ("2026-10-03", 7, [NATIONAL_DAY], WORKDAYS, True, "2026-10-16"),
    ("2026-11-28", 1, [], WORKDAYS, True, "2026-11-30"),
    # Counted in open days: weekends and holidays are skipped while counting.
    ("2026-11-23", 5, [], WORKDAYS, True, "2026-11-30"),
    ("2026-11-23", 5, [("2026-11-26", "2026-11-26")], WORKDAYS, True, "2026-12-01"),
    # A room open on Saturdays only.
    ("2026-11-24", 14, [], frozenset({6}), False, "2026-12-12"),
    ("2026-11-24", 2, [], frozenset({6}), True, "2026-12-05"),
    # Overlapping and touching closures act as one.
    ("2026-12-10", 15, [("2026-12-24", "2026-12-28"), ("2026-12-27", "2027-01-02")], ALL_WEEK, False, "2027-01-03"),
    ("2026-12-10", 14, [("2026-12-24", "2026-12-26"), ("2026-12-27", "2026-12-31")], ALL_WEEK, False, "2027-01-01"),
    ("2026-12-10", 14, [("2026-12-27", "2026-12-31"), ("2026-12-20", "2026-12-25")], ALL_WEEK, False, "2026-12-26"),
]


@pytest.mark.parametrize(("start", "loan_days", "closed", "open_days", "count_open", "due"), CASES)
def test_due_date(start, loan_days, closed, open_days, count_open, due):
    assert cal.due_date(_calendar(open_days, closed), D(start), loan_days, count_open) == D(due)


_days = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2028, 12, 31))
_ranges = st.lists(st.tuples(_days, st.integers(0, 60)).map(lambda r: (r[0], r[0] + dt.timedelta(days=r[1]))),
                   max_size=12)
_weekdays = st.frozensets(st.integers(1, 7), min_size=1)


@settings(max_examples=300, deadline=None)
@given(start=_days, loan_days=st.integers(1, 120), closed=_ranges, open_days=_weekdays, count_open=st.booleans())
def test_due_date_is_open_and_never_early(start, loan_days, closed, open_days, count_open):
    calendar = cal.Calendar(open_days, closed)
    due = cal.due_date(calendar, start, loan_days, count_open)

    def is_open(day):
        return day.isoweekday() in open_days and not any(first <= day <= last for first, last in closed)

    assert is_open(due) and calendar.is_open(due)
    assert due >= start + dt.timedelta(days=loan_days)
    days_between = [start + dt.timedelta(days=n) for n in range(1, (due - start).days)]
    if count_open:  # exactly loan_days open days after the start, the last of them the due date
        assert sum(map(is_open, days_between)) == loan_days - 1
    else:  # the first open day on or after start + loan days
        assert not any(is_open(day) for day in days_between if day >= start + dt.timedelta(days=loan_days))


def test_a_due_date_takes_under_a_millisecond_with_ten_years_of_closed_dates():
    closed = []
    for year in range(2020, 2031):
        closed.append((dt.date(year, 1, 1), dt.date(year, 1, 3)))
        closed.append((dt.date(year, 2, 10), dt.date(year, 2, 17)))
        closed.append((dt.date(year, 7, 15), dt.date(year, 8, 20)))
        closed.append((dt.date(year, 10, 1), dt.date(year, 10, 7)))
        closed += [(dt.date(year, month, 28), dt.date(year, month, 28)) for month in range(1, 13)]  # stocktake days
        closed += [(day, day) for day in (dt.date(year, 3, 1) + dt.timedelta(days=7 * n) for n in range(20))]
    calendar = cal.Calendar(WORKDAYS, closed)
    starts = [dt.date(2021, 1, 1) + dt.timedelta(days=n) for n in range(0, 3600, 7)]
    best = float("inf")
    for _ in range(5):
        began = time.perf_counter()
        for start in starts:
            cal.due_date(calendar, start, 30, False)
            cal.due_date(calendar, start, 30, True)
        best = min(best, (time.perf_counter() - began) / (2 * len(starts)))
    assert best < 0.001, f"{best * 1000:.3f} ms a due date"


def _ten_years_of_closures(session):
    for year in range(2020, 2031):
        for first, last in ((f"{year}-01-01", f"{year}-01-03"), (f"{year}-05-01", f"{year}-05-05"),
                            (f"{year}-07-15", f"{year}-08-20"), (f"{year}-10-01", f"{year}-10-07")):
            session.add(ClosedDates(first_day=D(first), last_day=D(last), reason="", added_at=dt.datetime(2020, 1, 1),
                                    added_by=OPERATOR))
        session.add_all(ClosedDates(first_day=dt.date(year, month, 28), last_day=dt.date(year, month, 28), reason="盘点",
                                    added_at=dt.datetime(2020, 1, 1), added_by=OPERATOR) for month in range(1, 13))
    session.flush()


@pytest.mark.parametrize("count_open", [False, True])
@pytest.mark.parametrize("open_days", [ALL_WEEK, WORKDAYS, frozenset({6})])
def test_a_due_date_from_the_session_reads_a_few_closures_and_is_the_one_all_of_them_give(session, open_days,
                                                                                           count_open):
    _ten_years_of_closures(session)
    # A chain of closures, each a day apart from the next, running far past any loan period.
    chain = [(D("2027-03-01") + dt.timedelta(days=2 * n), D("2027-03-01") + dt.timedelta(days=2 * n)) for n in range(200)]
    session.add_all(ClosedDates(first_day=first, last_day=last, reason="", added_at=dt.datetime(2020, 1, 1),
                                added_by=OPERATOR) for first, last in chain)
    ow.set_week(session, ow.Week.of(open_days), actor=OPERATOR)
    whole = cal.load(session)
    for start in [D("2026-06-01") + dt.timedelta(days=n) for n in range(0, 400, 9)]:
        for loan_days in (1, 14, 30, 60):
            assert cal.due_date(session, start, loan_days, count_open) == whole.due(start, loan_days, count_open)


@pytest.mark.sqlite_only("times the program's own file; a server's round trips are another matter")
def test_a_due_date_from_the_session_takes_under_a_millisecond_with_ten_years_stored(session):
    _ten_years_of_closures(session)
    ow.set_week(session, ow.Week.of(WORKDAYS), actor=OPERATOR)
    best = float("inf")
    for _ in range(7):
        began = time.perf_counter()
        for _ in range(40):
            cal.due_date(session, D("2026-11-24"), 30, True)
        best = min(best, (time.perf_counter() - began) / 40)
    assert best < 0.001, f"{best * 1000:.3f} ms a due date"



def test_a_room_with_no_calendar_is_open_every_day_with_no_hours(session):
    week = ow.week(session)
    assert week.open_days == ALL_WEEK and all(week.hours_of(day) == () for day in ALL_WEEK)
    assert closures.closures(session) == []
    assert cal.due_date(session, D("2026-11-24"), 30, False) == D("2026-12-24")
    assert ow.opening_hours_text(week) == "每天"


def test_the_session_calendar_loads_only_closures_that_can_matter(session):
    closures.close(session, D("2020-10-01"), D("2020-10-07"), actor=OPERATOR)
    closures.close(session, D("2026-12-24"), D("2026-12-26"), actor=OPERATOR)
    assert cal.load(session, since=D("2026-11-24")).closed == ((D("2026-12-24"), D("2026-12-26")),)
    assert len(cal.load(session).closed) == 2


def test_the_loan_rule_of_a_category(session):
    assert cal.loan_rule(session, None) == cal.LoanRule("职工", 30, False)  # the category every room starts with
    session.add(ReaderCategory(name="劳模工匠", loan_days=60, max_loans=10, renewals=2, overdue_blocks=False,
                               loan_days_open=True))
    session.flush()
    assert cal.loan_rule(session, "劳模工匠") == cal.LoanRule("劳模工匠", 60, True)
    assert cal.loan_rule(session, None) == cal.LoanRule("职工", 30, False)
    with pytest.raises(NotFound, match="临时"):
        cal.loan_rule(session, "临时")
    session.execute(delete(ReaderCategory))
    assert cal.loan_rule(session, None) == cal.LoanRule("", 30, False)  # none left: a new category's defaults
