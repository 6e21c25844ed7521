"""Renewal refused for an overdue loan: overdue as the room counts it (逾期天数只计开放日), never "0 days" late."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bookroom_desk.services.circulation import renewals
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Loan, Renewal
from tests.support.desk_room import past_loan
from tests.support.open_days import D, on_day, open_days_room

# today, open days only, the loan's due date → renewed, or the refusal's words
CASES = [
    # Saturday after a Friday due date: with open days, not yet late, so it may be renewed.
    ("2026-11-28", True, "2026-11-27", None),
    ("2026-11-28", False, "2026-11-27", "已逾期 1 天"),
    # due Thursday: Friday was open.
    ("2026-11-28", True, "2026-11-26", "已逾期 1 天"),
    ("2026-11-28", False, "2026-11-26", "已逾期 2 天"),
    # Sunday 22 after the closed week: due before it, no open day since Friday 13 was the due day.
    ("2026-11-22", True, "2026-11-13", None),
    ("2026-11-22", False, "2026-11-13", "已逾期 9 天"),
    ("2026-11-23", True, "2026-11-13", "已逾期 1 天"),
    # not yet due
    ("2026-11-24", True, "2026-11-27", None),
]


@pytest.mark.parametrize(("today", "open_only", "due", "refusal"), CASES)
def test_renewing_a_loan_past_its_due_date(session, today, open_only, due, refusal):
    room = open_days_room(session, open_only)
    loan = past_loan(session, "00000004", room.zhang, D("2026-10-01"), D(due))
    on_day(today)
    result = renewals.renew(session, loan.id, actor=OPERATOR)
    if refusal is None:
        assert result.action == "renewed" and loan.due_on > D(today) and loan.renewals == 1
        assert session.scalar(select(Renewal.old_due_on)) == D(due)
    else:
        assert result.action == "refused" and refusal in result.message() and "不能续借" in result.message()
        assert loan.due_on == D(due) and session.scalar(select(Renewal.id)) is None


@pytest.mark.parametrize(("today", "open_only", "due", "refusal"), CASES)
def test_renewing_all_refuses_the_same(session, today, open_only, due, refusal):
    room = open_days_room(session, open_only)
    past_loan(session, "00000004", room.zhang, D("2026-10-01"), D(due))
    past_loan(session, "00000005", room.zhang, D("2026-10-01"), D("2026-12-31"))  # renewing it would not extend
    on_day(today)
    result = renewals.renew_all(session, room.zhang, actor=OPERATOR)
    message = result.message()
    assert "已逾期 0 天" not in message
    if refusal is None:
        assert result.action == "renewed" and len(result.steps) == 1
    else:
        assert result.action == "refused" and refusal in message
    assert session.scalar(select(Loan.renewals).where(Loan.due_on == D("2026-12-31"))) == 0
