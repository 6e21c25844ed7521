"""The report library: registered reports by name, an unknown name refused with the names, a department's figures
counted again by plain SQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import report_list as library
from tests.support.desk_room import past_loan, small_room


def test_the_library_names_its_reports_and_refuses_an_unknown_one(session):
    names = [report.name for report in library.reports()]
    assert "loans-by-department" in names and len(names) == len(set(names))
    with pytest.raises(InvalidInput) as caught:
        library.run(session, "no-such-report", Period.year(2026))
    assert "no-such-report" in caught.value.message and "loans-by-department" in caught.value.message


def test_loans_by_department_against_a_direct_count(session):
    room = small_room(session)
    past_loan(session, "00000004", room.zhang, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
    past_loan(session, "00000005", room.zhang, dt.date(2026, 4, 1), dt.date(2026, 4, 20))
    past_loan(session, "00000006", room.li, dt.date(2025, 4, 1), dt.date(2025, 4, 20))  # another year
    table = library.run(session, "loans-by-department", Period.year(2026))
    counted = dict(session.execute(text(
        "SELECT r.department, count(*) FROM loans l JOIN readers r ON r.id = l.reader_id"
        " WHERE l.out_at >= '2026-01-01' AND l.out_at < '2027-01-01' GROUP BY r.department")).all())
    shown = {row["department"]: row["loans"] for row in table.as_dicts() if row["loans"]}
    assert shown == counted and table.total is not None and table.total[3] == sum(counted.values())
    assert table.rows[0][3] == max(counted.values())  # most first


def test_an_empty_period_is_a_table_with_a_note(session):
    small_room(session)
    table = library.run(session, "loans-by-department", Period.year(2020))
    assert all(row[3] == 0 for row in table.rows) and table.note == "这段时间没有借阅。"
