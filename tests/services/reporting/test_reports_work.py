"""The room work reports (services/reporting/reports_work.py): the desk's work by who did it, with duty hours,
and visits and in-room reading by day and by month, against plain SQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import text

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import report_list as library
from bookroom_desk.services.roomwork import volunteers
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.models import Loss
from bookroom_desk.store.models_reading import RoomRead, RoomVisit
from tests.support.desk_room import past_loan, small_room

YEAR = Period.year(2026)


def test_work_by_volunteer_counts_loans_returns_and_duty(session):
    room = small_room(session)
    for barcode, by, back in (("00000001", "小王", "小王"), ("00000002", "小王", OPERATOR), ("00000003", OPERATOR, "")):
        loan = past_loan(session, barcode, room.zhang, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
        loan.lent_by, loan.returned_by = by, back
        if back:
            loan.returned_at = dt.datetime(2026, 3, 10, 9)
    lost = past_loan(session, "00000004", room.li, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
    lost.lent_by, lost.returned_by, lost.returned_at = "小王", "小王", dt.datetime(2026, 3, 12, 9)
    session.flush()
    session.add(Loss(loan_id=lost.id, copy_id=lost.copy_id, at=lost.returned_at, settled="waived", by="小王"))
    volunteer = volunteers.add_volunteer(session, name="小王", joined_on=dt.date(2025, 1, 1))
    volunteers.record_shift(session, volunteer.id, dt.datetime(2026, 4, 1, 9), dt.datetime(2026, 4, 1, 11, 30))
    volunteers.record_shift(session, volunteer.id, dt.datetime(2026, 4, 2, 9), dt.datetime(2026, 4, 2, 10))
    helper = volunteers.add_volunteer(session, name="老赵", joined_on=dt.date(2025, 1, 1))
    volunteers.record_shift(session, helper.id, dt.datetime(2025, 4, 2, 9), dt.datetime(2025, 4, 2, 10))  # last year
    session.flush()
    table = library.run(session, "work-by-volunteer", YEAR)
    lent = dict(session.execute(text("SELECT lent_by, count(*) FROM loans WHERE out_at >= '2026-01-01'"
                                     " GROUP BY lent_by")).all())
    rows = {row["name"]: row for row in table.as_dicts()}
    assert rows["小王"]["loans"] == lent["小王"] == 3 and rows["（操作员）"]["loans"] == 1
    assert rows["小王"]["returns"] == 1  # the loan closed as lost is no return
    assert (rows["小王"]["shifts"], rows["小王"]["hours"]) == (2, Decimal("3.50"))
    assert "老赵" not in rows and table.rows[0][0] == "小王"
    assert table.total is not None and table.total[1:] == (4, 2, 2, Decimal("3.50"))


def test_no_work_in_a_period_is_a_table_with_a_note(session):
    table = library.run(session, "work-by-volunteer", Period.year(2020))
    assert table.rows == [] and table.note == "这段时间没有借还，也没有值班。"


def _visit(session, at: dt.datetime, kind: str = "card", count: int = 1) -> None:
    session.add(RoomVisit(kind=kind, reader_id=None, at=at, session_label="", head_count=count, note="",
                          actor=OPERATOR))


def test_visits_and_reads_by_day_and_by_month(session):
    small_room(session)
    copy_id = session.scalar(text("SELECT id FROM copies WHERE barcode = '00000001'"))
    _visit(session, dt.datetime(2026, 3, 2, 9))
    _visit(session, dt.datetime(2026, 3, 2, 15))
    _visit(session, dt.datetime(2026, 3, 2), "count", 12)
    _visit(session, dt.datetime(2026, 5, 7, 10))
    _visit(session, dt.datetime(2025, 5, 7, 10))  # another year
    for at in (dt.datetime(2026, 3, 2, 10), dt.datetime(2026, 3, 20, 10)):
        session.add(RoomRead(copy_id=copy_id, reader_id=None, at=at, actor=OPERATOR))
    session.flush()
    by_day = library.run(session, "visits-by-day", YEAR)
    assert by_day.rows == [(dt.date(2026, 3, 2), 2, 12, 14, 1), (dt.date(2026, 3, 20), 0, 0, 0, 1),
                           (dt.date(2026, 5, 7), 1, 0, 1, 0)]
    by_month = library.run(session, "visits-by-month", YEAR)
    assert len(by_month.rows) == 12 and by_month.rows[2] == ("2026-03", 2, 12, 14, 2)
    assert by_month.rows[4] == ("2026-05", 1, 0, 1, 0) and by_month.rows[0] == ("2026-01", 0, 0, 0, 0)
    visits = session.scalar(text("SELECT sum(head_count) FROM visits WHERE at >= '2026-01-01' AND at < '2027-01-01'"))
    assert by_month.total is not None and by_month.total[3] == visits == by_day.total[3]
    assert by_month.chart is not None and by_month.chart.kind == "line"


def test_visits_in_the_demo_room_against_a_direct_count(session):
    build_demo(session, volumes=300, readers=40, years=1, seed=2)
    table = library.run(session, "visits-by-month", YEAR)
    counted = dict(session.execute(text(
        "SELECT strftime('%Y-%m', at), sum(head_count) FROM visits WHERE at >= '2026-01-01' AND at < '2027-01-01'"
        " GROUP BY 1")).all()) if session.bind.dialect.name == "sqlite" else None
    if counted is not None:
        assert {row["month"]: row["visits"] for row in table.as_dicts() if row["visits"]} == counted
    reads = session.scalar(text("SELECT count(*) FROM room_reads WHERE at >= '2026-01-01' AND at < '2027-01-01'"))
    assert table.total is not None and table.total[4] == reads


def test_no_visits_is_a_table_with_no_rows_and_a_note(session):
    for name in ("visits-by-day", "visits-by-month"):
        table = library.run(session, name, YEAR)
        assert table.rows == [] and table.note == "这段时间没有到馆和阅览登记。"
