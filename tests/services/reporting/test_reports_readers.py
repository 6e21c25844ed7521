"""The reader reports (services/reporting/reports_readers.py): readers who never borrowed in a period and the loans
overdue by department, against plain SQL and the room's own overdue counting."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from bookroom_desk.services.common import calendar
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import report_list as library
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.models import Reader
from tests.support.desk_room import past_loan, small_room
from tests.support.helpers import add_reader

YEAR = Period.year(2026)


def test_readers_who_never_borrowed_are_listed_by_department_with_their_phone(session):
    room = small_room(session)
    session.get(Reader, room.li).phone = "13800000000"
    add_reader(session, "R000005", "钱七", "财务科", registered_on=dt.date(2027, 1, 5))  # not yet registered
    past_loan(session, "00000004", room.zhang, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
    past_loan(session, "00000005", room.li, dt.date(2025, 3, 1), dt.date(2025, 3, 20))  # the year before
    table = library.run(session, "readers-never-borrowed", YEAR)
    counted = session.execute(text(
        "SELECT department, card FROM readers WHERE status != 'left' AND registered_on <= '2026-12-31'"
        " AND id NOT IN (SELECT reader_id FROM loans WHERE reader_id IS NOT NULL"
        " AND out_at >= '2026-01-01' AND out_at < '2027-01-01') ORDER BY department, card")).all()
    assert [(row["department"], row["card"]) for row in table.as_dicts()] == [tuple(r) for r in counted]
    assert [row["card"] for row in table.as_dicts()] == ["R000003", "R000002"]  # 后勤 before 财务科; 赵强 left
    assert table.as_dicts()[1]["phone"] == "13800000000" and table.as_dicts()[0]["status"] == "停用"
    assert table.note == "2 位在册读者这段时间没有借过书（共 3 位）。"


def test_never_borrowed_in_the_demo_room_against_a_direct_count(session):
    build_demo(session, volumes=300, readers=60, years=1, seed=5)
    period = Period.quarter(2026, 3)
    table = library.run(session, "readers-never-borrowed", period)
    counted = session.scalar(text(
        "SELECT count(*) FROM readers WHERE status != 'left' AND registered_on <= '2026-09-30'"
        " AND (left_on IS NULL OR left_on > '2026-09-30') AND id NOT IN (SELECT reader_id FROM loans"
        " WHERE reader_id IS NOT NULL AND out_at >= '2026-07-01' AND out_at < '2026-10-01')"))
    assert len(table.rows) == counted
    departments = [row[0] for row in table.rows]
    assert departments == sorted(departments)


def test_a_room_with_no_readers_is_a_table_with_no_rows_and_a_note(session):
    table = library.run(session, "readers-never-borrowed", YEAR)
    assert table.rows == [] and table.note == "书屋还没有登记读者。"


def test_overdue_by_department_against_a_direct_count(session):
    room = small_room(session)  # today is 2026-11-24
    past_loan(session, "00000001", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 11, 1))  # 23 days late
    past_loan(session, "00000002", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 11, 20))
    past_loan(session, "00000003", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))  # not yet due
    past_loan(session, "00000004", room.li, dt.date(2026, 10, 1), dt.date(2026, 11, 23))  # one day late
    table = library.run(session, "overdue-by-department", YEAR)
    late = dict(session.execute(text(
        "SELECT r.department, count(*) FROM loans l JOIN readers r ON r.id = l.reader_id"
        " WHERE l.returned_at IS NULL AND l.due_on < '2026-11-24' GROUP BY r.department")).all())
    rows = {row["department"]: row for row in table.as_dicts()}
    assert {name: row["overdue"] for name, row in rows.items()} == late == {"检修车间": 2, "财务科": 1}
    assert rows["检修车间"]["longest"] == calendar.days_late(session, dt.date(2026, 11, 1), dt.date(2026, 11, 24))
    assert rows["财务科"]["on_loan"] == 2 and rows["财务科"]["readers"] == 1 and rows["财务科"]["share"] == 50
    assert table.rows[0][0] == "检修车间" and table.total is not None and table.total[1:4] == (4, 3, 2)
    assert table.note == "按 2026-11-24 在借的图书计算逾期。"


def test_overdue_at_the_end_of_a_past_period_counts_loans_returned_since(session):
    room = small_room(session)
    loan = past_loan(session, "00000001", room.zhang, dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    loan.returned_at = dt.datetime(2026, 4, 10, 9)  # out and late at the end of March, back in April
    session.flush()
    table = library.run(session, "overdue-by-department", Period.quarter(2026, 1))
    assert table.as_dicts()[0]["overdue"] == 1 and table.note == "按 2026-03-31 在借的图书计算逾期。"
    assert library.run(session, "overdue-by-department", Period.quarter(2026, 2)).rows == []


def test_no_loans_out_is_a_table_with_a_note(session):
    small_room(session)
    table = library.run(session, "overdue-by-department", Period.year(2020))
    assert table.rows == [] and table.total is None and table.note == "2020-12-31 没有逾期未还的图书。"
