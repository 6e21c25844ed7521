"""A period's loans open at its end and how many of them were overdue then: in open days if the room says so."""

from __future__ import annotations

import pytest

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import indicators, period_facts
from tests.support.open_days import DUES, OVERDUE, D, lend_all, on_day, open_days_room


def _overdue(session, period: Period) -> tuple[int, int]:
    groups = period_facts.open_groups(session, period)
    return sum(g.open for g in groups), sum(g.overdue for g in groups)


@pytest.mark.parametrize(("today", "open_only"), sorted(OVERDUE))
def test_overdue_at_the_end_of_a_period_not_yet_ended(session, today, open_only):
    room = open_days_room(session, open_only)
    lend_all(session, room.zhang)
    on_day(today)
    expected = len(OVERDUE[today, open_only])
    assert _overdue(session, Period.year(2026)) == (len(DUES), expected)
    assert indicators.compute(session, Period.year(2026))["overdue"] == expected  # the return's 逾期未还


# the period's end (a day of OVERDUE) → the loans overdue then, judged on that day, not today
@pytest.mark.parametrize(("end", "open_only"), sorted(OVERDUE))
def test_overdue_at_the_end_of_a_past_period(session, end, open_only):
    room = open_days_room(session, open_only)
    lend_all(session, room.zhang)
    on_day("2026-12-15")
    assert _overdue(session, Period.between(D("2026-10-01"), D(end))) == (len(DUES), len(OVERDUE[end, open_only]))
