"""Periods: years, quarters and ranges, their fixed labels, and the command line's options."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common.periods import Period, from_dates, from_options, parse_label


def test_year_quarter_and_range_labels():
    assert Period.year(2026).label == "2026年"
    assert (Period.year(2026).start, Period.year(2026).end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    q1 = Period.quarter(2026, 1)
    assert (q1.label, q1.start, q1.end) == ("2026年第1季度", dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert Period.quarter(2024, 4).end == dt.date(2024, 12, 31)
    assert Period.quarter(2024, 1).months() == [(2024, 1), (2024, 2), (2024, 3)]
    span = Period.between(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert span.label == "2026-01-01至2026-03-31" and span.dates_text == span.label


def test_moments_bound_the_period():
    q = Period.quarter(2026, 2)
    assert q.start_at == dt.datetime(2026, 4, 1) and q.end_before == dt.datetime(2026, 7, 1)


def test_months_of_a_range_cross_the_year():
    span = Period.between(dt.date(2025, 11, 15), dt.date(2026, 2, 3))
    assert span.months() == [(2025, 11), (2025, 12), (2026, 1), (2026, 2)]


@pytest.mark.parametrize("bad", [lambda: Period.quarter(2026, 5), lambda: Period.year(1800),
                                 lambda: Period.between(dt.date(2026, 2, 1), dt.date(2026, 1, 1)),
                                 lambda: from_options(None), lambda: from_options(2026, 1, dt.date(2026, 1, 1), None),
                                 lambda: from_options(None, None, dt.date(2026, 1, 1), None),
                                 lambda: parse_label("2026年第5季度"), lambda: parse_label("上半年")])
def test_bad_periods_are_refused_with_a_message(bad):
    with pytest.raises(InvalidInput) as caught:
        bad()
    assert caught.value.message


def test_options_of_the_command_line():
    assert from_options(2026) == Period.year(2026)
    assert from_options(2026, 3) == Period.quarter(2026, 3)
    assert from_options(None, None, dt.date(2026, 5, 1), dt.date(2026, 6, 1)).label == "2026-05-01至2026-06-01"


def test_dates_that_make_a_year_or_quarter_are_named_so():
    assert from_dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == Period.year(2026)
    assert from_dates(dt.date(2026, 7, 1), dt.date(2026, 9, 30)) == Period.quarter(2026, 3)
    assert from_dates(dt.date(2026, 7, 1), dt.date(2026, 9, 29)).kind == "range"


periods = st.one_of(
    st.integers(1990, 2100).map(Period.year),
    st.tuples(st.integers(1990, 2100), st.integers(1, 4)).map(lambda t: Period.quarter(*t)),
    st.tuples(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)), st.integers(0, 800)).map(
        lambda t: Period.between(t[0], min(t[0] + dt.timedelta(days=t[1]), dt.date(2100, 12, 31)))),
)


@given(periods)
def test_a_label_reads_back_as_the_same_dates(period):
    back = parse_label(period.label)
    assert back.same_dates(period)
    assert back.months()[0] == (period.start.year, period.start.month)
    assert back.months()[-1] == (period.end.year, period.end.month)


@given(st.text(max_size=30))
def test_any_text_is_a_period_or_refused(text):
    try:
        period = parse_label(text)
    except InvalidInput:
        return
    assert period.start <= period.end
