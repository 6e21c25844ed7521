"""Dates typed on the command line: what is wrong is said (the form, the month, the day)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common.periods import read_date


def test_a_wrong_month_says_the_month():
    with pytest.raises(InvalidInput) as caught:
        read_date("2026-13-01")
    assert "月份 13" in caught.value.message


def test_a_wrong_day_says_how_many_days_the_month_has():
    with pytest.raises(InvalidInput) as caught:
        read_date("2026-02-30")
    assert "只有 28 天" in caught.value.message


@given(st.dates())
def test_every_real_date_reads_back(day):
    assert read_date(day.isoformat()) == day


@given(st.text(max_size=12))
def test_anything_else_is_refused_or_a_real_date(text):
    try:
        assert isinstance(read_date(text), dt.date)
    except InvalidInput as exc:
        assert text in exc.message or exc.params["value"] == text
