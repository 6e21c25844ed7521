"""The dashboard's charts: value axes count in whole numbers, and an empty chart shows no made-up scale."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCharts import QValueAxis

from bookroom_desk.services.reporting.indicators import Breakdowns, MonthRow
from bookroom_desk.ui.reports import charts


def _value_axis(chart) -> QValueAxis:
    (axis,) = [a for a in chart.axes() if isinstance(a, QValueAxis)]
    return axis


def _tick_values(axis: QValueAxis) -> list[float]:
    step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    return [axis.min() + i * step for i in range(axis.tickCount())]


def test_an_empty_year_has_no_numbers_on_its_axis(qapp):
    empty = Breakdowns(months=[MonthRow(2026, m) for m in range(1, 13)])
    chart = charts.months_chart(empty)
    axis = _value_axis(chart)
    assert not axis.labelsVisible()  # not "0, 0, 1, 1"


@pytest.mark.parametrize("top", [1, 2, 3, 7, 9, 12, 48, 101, 3213])
def test_ticks_are_distinct_whole_numbers_above_the_highest_bar(qapp, top):
    parts = Breakdowns(months=[MonthRow(2026, 1, loans=top, returns=0)])
    chart = charts.months_chart(parts)
    axis = _value_axis(chart)
    ticks = _tick_values(axis)
    assert axis.labelsVisible()
    assert all(t == int(t) for t in ticks), ticks
    assert len({int(t) for t in ticks}) == len(ticks)
    assert axis.max() >= top
    assert 2 <= axis.tickCount() <= 11


@given(st.integers(min_value=1, max_value=10_000_000))
def test_whole_steps_cover_any_top_in_a_few_steps(top):
    step, end = charts._whole_steps(top)
    assert step >= 1 and end % step == 0
    assert top <= end <= top * 2 + step
    assert end // step <= 10
