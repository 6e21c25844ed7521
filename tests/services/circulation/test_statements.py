"""The desk's reader row: its count of overdue loans (the 逾期停借 block) follows 逾期天数只计开放日, in SQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bookroom_desk.services.circulation import desk
from bookroom_desk.services.circulation import statements as sql
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Loan, ReaderCategory
from tests.support.desk_room import past_loan
from tests.support.open_days import DUES, OVERDUE, D, lend_all, on_day, open_days_room


def _room(session, open_only: bool):
    room = open_days_room(session, open_only)
    session.scalars(select(ReaderCategory)).first().max_loans = 20  # the six loans do not fill the reader's limit
    return room


@pytest.mark.parametrize(("today", "open_only"), sorted(OVERDUE))
def test_the_readers_late_count(session, today, open_only):
    room = _room(session, open_only)
    lend_all(session, room.li)
    day = on_day(today)
    expected = len(OVERDUE[today, open_only])
    reader = sql.reader_by_card(session, "R000002", day)
    assert (reader.holding, reader.late) == (len(DUES), expected)
    assert sql.copy_for_reader(session, "00000001", room.li, day).late == expected
    opened = desk.open_reader(session, "R000002")
    if expected:
        assert f"有 {expected} 册逾期未还" in opened.message()
    else:
        assert "请扫描要借的书" in opened.message()


@pytest.mark.parametrize(("today", "open_only", "lent"), [
    ("2026-11-28", True, True),  # Saturday: no open day since Friday, the day it was due
    ("2026-11-28", False, False),  # a calendar day late: 逾期停借
    ("2026-11-30", True, False),  # Monday: an open day late
])
def test_lending_to_a_reader_with_a_loan_due_before_a_closed_day(session, today, open_only, lent):
    room = _room(session, open_only)
    past_loan(session, "00000009", room.li, D("2026-10-01"), D("2026-11-27"))
    on_day(today)
    result = desk.scan(session, "00000001", room.li, actor=OPERATOR)
    assert (result.action == "lent") is lent
    open_loans = session.scalars(select(Loan).where(Loan.returned_at.is_(None))).all()
    assert len(open_loans) == (2 if lent else 1)
    if not lent:
        assert "逾期" in result.message()
