"""The opening calendar: open weekdays and hours, closed dates, and the due dates they give."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select

from bookroom_desk.errors import InvalidInput, NotFound, Refused
from bookroom_desk.services.common import calendar as cal
from bookroom_desk.services.common import closures
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import ReaderCategory
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.store.models_calendar import ClosedDates, OpeningDay, OpeningHours
from tests.support.helpers import add_admin_and_volunteer

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
    cal.set_week(session, cal.Week.of(open_days), actor=OPERATOR)
    whole = cal.load(session)
    for start in [D("2026-06-01") + dt.timedelta(days=n) for n in range(0, 400, 9)]:
        for loan_days in (1, 14, 30, 60):
            assert cal.due_date(session, start, loan_days, count_open) == whole.due(start, loan_days, count_open)


@pytest.mark.sqlite_only("times the program's own file; a server's round trips are another matter")
def test_a_due_date_from_the_session_takes_under_a_millisecond_with_ten_years_stored(session):
    _ten_years_of_closures(session)
    cal.set_week(session, cal.Week.of(WORKDAYS), actor=OPERATOR)
    best = float("inf")
    for _ in range(7):
        began = time.perf_counter()
        for _ in range(40):
            cal.due_date(session, D("2026-11-24"), 30, True)
        best = min(best, (time.perf_counter() - began) / 40)
    assert best < 0.001, f"{best * 1000:.3f} ms a due date"


# --- stored: weekdays and hours, closures ---------------------------------------------------


def test_a_room_with_no_calendar_is_open_every_day_with_no_hours(session):
    week = cal.week(session)
    assert week.open_days == ALL_WEEK and all(week.hours_of(day) == () for day in ALL_WEEK)
    assert closures.closures(session) == []
    assert cal.due_date(session, D("2026-11-24"), 30, False) == D("2026-12-24")
    assert cal.opening_hours_text(week) == "每天"


def test_week_is_stored_with_its_hours_and_audited(session):
    hours = cal.parse_hours("11:30-13:30,17:00-19:00")
    cal.set_week(session, cal.Week.of(WORKDAYS, hours), actor="老李")
    session.flush()
    stored = {row.weekday: row.is_open for row in session.scalars(select(OpeningDay))}
    assert stored == {1: True, 2: True, 3: True, 4: True, 5: True, 6: False, 7: False}
    assert session.scalar(select(func.count()).select_from(OpeningHours)) == 10
    week = cal.week(session)
    assert week.open_days == WORKDAYS
    assert week.hours_of(1) == (cal.Hours(dt.time(11, 30), dt.time(13, 30)), cal.Hours(dt.time(17), dt.time(19)))
    assert week.hours_of(6) == ()
    assert cal.opening_hours_text(week) == "周一至周五 11:30–13:30、17:00–19:00"
    (entry,) = session.scalars(select(AuditEntry))
    assert (entry.kind, entry.actor) == ("setting", "老李")
    assert "周一至周五" in entry.detail
    cal.set_week(session, cal.Week.of(WORKDAYS, hours), actor="老李")  # the same again: nothing to audit
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1


def test_the_profile_text_is_made_from_a_stored_week_only(session):
    assert cal.profile_text(session) == ""  # no week set: the profile keeps what was typed into it
    cal.set_week(session, cal.Week.of({6, 7}, cal.parse_hours("14:00-18:00")), actor=OPERATOR)
    assert cal.profile_text(session) == "周六、周日 14:00–18:00"


def test_different_hours_per_day_make_the_profile_text():
    morning, evening = cal.parse_hours("9:00-12:00"), cal.parse_hours("17:00-19:00")
    week = cal.Week({1: evening, 2: evening, 3: evening, 5: evening, 6: morning, 7: morning})
    assert cal.opening_hours_text(week) == "周一至周三、周五 17:00–19:00；周六、周日 9:00–12:00"
    assert cal.opening_hours_text(cal.Week({2: (), 4: ()})) == "周二、周四"
    assert cal.opening_hours_text(cal.Week.of(ALL_WEEK, morning)) == "每天 9:00–12:00"


@pytest.mark.parametrize("days", [frozenset(), frozenset({0}), frozenset({8})])
def test_a_week_with_no_open_day_or_no_such_day_is_refused(session, days):
    with pytest.raises(InvalidInput) as caught:
        cal.set_week(session, cal.Week.of(days, ()), actor=OPERATOR)
    assert ("每一天都不开放" if not days else "1（周一）到 7（周日）") in caught.value.message
    assert session.scalar(select(func.count()).select_from(OpeningDay)) == 0


def test_every_weekday_closed_is_refused_with_its_own_error(session):
    with pytest.raises(cal.AllDaysClosed, match="每一天都不开放"):
        cal.set_week(session, cal.Week({}), actor=OPERATOR)
    with pytest.raises(cal.AllDaysClosed):
        cal.parse_days("")


@pytest.mark.parametrize(("text", "days"), [("1-5", WORKDAYS), ("1-5,7", WORKDAYS | {7}), ("6", {6}),
                                            (" 1, 3 ,5 ", {1, 3, 5}), ("1-7", ALL_WEEK), ("5-5", {5}),
                                            ("1–5，6", WORKDAYS | {6})])
def test_open_days_are_read(text, days):
    assert cal.parse_days(text) == frozenset(days)


@pytest.mark.parametrize("text", ["0-5", "1-8", "5-1", "周一", "1-", "1,,2", "x"])
def test_bad_open_days_are_refused(text):
    with pytest.raises(cal.BadWeekdays, match=text.strip() or "."):
        cal.parse_days(text)


@pytest.mark.parametrize(("text", "hours"), [
    ("11:30-13:30,17:00-19:00", ((dt.time(11, 30), dt.time(13, 30)), (dt.time(17), dt.time(19)))),
    ("9:00–12:00", ((dt.time(9), dt.time(12)),)),
    ("9-12，14：30-17", ((dt.time(9), dt.time(12)), (dt.time(14, 30), dt.time(17)))),
    ("17:00-19:00, 08:30-11:00", ((dt.time(8, 30), dt.time(11)), (dt.time(17), dt.time(19)))),
    ("", ()),
])
def test_hours_are_read_in_order(text, hours):
    assert cal.parse_hours(text) == tuple(cal.Hours(*pair) for pair in hours)


@pytest.mark.parametrize("text", ["13:30-11:30", "9:5-12", "25:00-26:00", "9:60-10:00", "9:00-12:00,11:00-13:00", "9:00-9:00",
                                  "9:00-12:00,,13:00-14:00"])
def test_bad_hours_are_refused(text):
    with pytest.raises(cal.BadHours):
        cal.parse_hours(text)


def test_a_volunteer_may_not_change_the_calendar(session):
    add_admin_and_volunteer(session)
    with pytest.raises(Refused, match="志愿者"):
        cal.set_week(session, cal.Week.of(WORKDAYS, ()), actor="小王")
    with pytest.raises(Refused, match="志愿者"):
        closures.close(session, D("2026-12-31"), D("2026-12-31"), actor="小王")
    assert session.scalar(select(func.count()).select_from(ClosedDates)) == 0


def test_every_write_needs_an_actor(session):
    with pytest.raises(ValueError, match="no actor"):
        closures.close(session, D("2026-12-31"), D("2026-12-31"), actor="")


def test_closures_are_stored_listed_and_audited(session):
    closures.close(session, D("2027-01-01"), D("2027-01-03"), "元旦", actor="老李")
    closures.close(session, D("2026-12-31"), None, actor="老李")
    closures.close(session, D("2026-12-31"), D("2026-12-31"), actor="老李")  # already closed just so: nothing new
    rows = closures.closures(session)
    assert [(r.first, r.last, r.reason) for r in rows] == [(D("2026-12-31"), D("2026-12-31"), ""),
                                                          (D("2027-01-01"), D("2027-01-03"), "元旦")]
    stored = session.scalars(select(ClosedDates).order_by(ClosedDates.first_day)).all()
    assert [(r.first_day, r.last_day, r.added_by) for r in stored] == [
        (D("2026-12-31"), D("2026-12-31"), "老李"), (D("2027-01-01"), D("2027-01-03"), "老李")]
    details = session.scalars(select(AuditEntry.detail).order_by(AuditEntry.id)).all()
    assert details == ["停馆 2027-01-01 至 2027-01-03（元旦）", "停馆 2026-12-31"]
    assert cal.due_date(session, D("2026-12-01"), 30, False) == D("2027-01-04")


def test_a_range_ending_before_it_starts_is_refused(session):
    with pytest.raises(closures.BackwardsRange) as caught:
        closures.close(session, D("2026-10-07"), D("2026-10-01"), actor=OPERATOR)
    assert "2026-10-07" in caught.value.message and "2026-10-01" in caught.value.message
    with pytest.raises(closures.BackwardsRange):
        closures.reopen(session, D("2026-10-07"), D("2026-10-01"), actor=OPERATOR)
    with pytest.raises(closures.BackwardsRange):
        closures.parse_range("2026-10-07:2026-10-01")
    assert session.scalar(select(func.count()).select_from(ClosedDates)) == 0


def test_a_closure_in_an_unlikely_year_is_refused(session):
    with pytest.raises(InvalidInput, match="3026"):
        closures.close(session, D("2026-10-01"), D("3026-10-01"), actor=OPERATOR)


@pytest.mark.parametrize(("text", "first", "last"), [("2026-10-01", "2026-10-01", "2026-10-01"),
                                                     ("2026-10-01:2026-10-07", "2026-10-01", "2026-10-07")])
def test_ranges_are_read(text, first, last):
    assert closures.parse_range(text) == (D(first), D(last))


def test_a_bad_date_in_a_range_is_refused_as_a_date():
    with pytest.raises(InvalidInput, match="2026-02-30"):
        closures.parse_range("2026-02-01:2026-02-30")


def test_reopening_trims_splits_and_removes_closures(session):
    closures.close(session, D("2026-07-01"), D("2026-08-31"), "暑期闭馆", actor=OPERATOR)
    closures.close(session, D("2026-10-01"), D("2026-10-07"), "国庆", actor=OPERATOR)
    closures.close(session, D("2026-11-28"), None, "盘点", actor=OPERATOR)
    assert closures.reopen(session, D("2026-07-20"), D("2026-07-31"), actor="老李") == 12  # splits the summer closure
    assert closures.reopen(session, D("2026-10-06"), D("2026-11-30"), actor="老李") == 3  # trims 国庆, removes 盘点
    assert closures.reopen(session, D("2026-12-01"), None, actor="老李") == 0  # was open: nothing changes
    rows = [(r.first, r.last, r.reason) for r in closures.closures(session)]
    assert rows == [(D("2026-07-01"), D("2026-07-19"), "暑期闭馆"), (D("2026-08-01"), D("2026-08-31"), "暑期闭馆"),
                    (D("2026-10-01"), D("2026-10-05"), "国庆")]
    details = session.scalars(select(AuditEntry.detail).where(AuditEntry.actor == "老李")).all()
    assert details == ["恢复开馆 2026-07-20 至 2026-07-31", "恢复开馆 2026-10-06 至 2026-11-30"]


def test_a_closure_is_removed_by_its_id(session):
    kept = closures.close(session, D("2026-10-01"), D("2026-10-07"), actor=OPERATOR)
    gone = closures.close(session, D("2026-12-31"), None, actor=OPERATOR)
    closures.remove_closure(session, gone.id, actor=OPERATOR)
    assert [r.id for r in closures.closures(session)] == [kept.id]
    with pytest.raises(NotFound):
        closures.remove_closure(session, gone.id, actor=OPERATOR)


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
