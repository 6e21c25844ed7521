"""阅读之星: ranked by loans in the period, ties share a place, leavers not ranked."""

from __future__ import annotations

import datetime as dt

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork.stars import departments, reading_stars
from bookroom_desk.store.models import Loan
from tests.support.helpers import add_copy, add_reader, add_title


def _lend(session, reader, copy, day):
    session.add(Loan(copy_id=copy.id, reader_id=reader.id, out_at=dt.datetime.combine(day, dt.time(12)),
                     due_on=day + dt.timedelta(days=30), returned_at=dt.datetime.combine(day, dt.time(13))))
    session.flush()


def test_ranks_ties_departments_and_leavers(session):
    book_a, book_b = add_title(session, "甲"), add_title(session, "乙")
    copies = [add_copy(session, f"0000000{i}", title=book_a if i < 3 else book_b) for i in range(1, 6)]
    zhang = add_reader(session, "R000001", name="张伟", department="检修车间")
    wang = add_reader(session, "R000002", name="王芳", department="运用车间")
    li = add_reader(session, "R000003", name="李强", department="检修车间")
    gone = add_reader(session, "R000004", name="走了", status="left")
    day = dt.date(2026, 3, 2)
    for copy in copies[:3]:
        _lend(session, zhang, copy, day)  # 3 loans, 2 titles
    for copy in copies[2:5]:
        _lend(session, wang, copy, day)  # 3 loans
    _lend(session, li, copies[0], day)
    for copy in copies:
        _lend(session, gone, copy, day)
    _lend(session, li, copies[1], dt.date(2025, 12, 31))  # outside the period
    stars = reading_stars(session, Period.year(2026))
    assert [(s.rank, s.name, s.loans) for s in stars] == [(1, "张伟", 3), (1, "王芳", 3), (3, "李强", 1)]
    assert stars[0].titles == 2 and stars[1].titles == 1
    # Everyone tied with the last place is kept.
    assert [s.name for s in reading_stars(session, Period.year(2026), limit=1)] == ["张伟", "王芳"]
    assert [s.name for s in reading_stars(session, Period.year(2026), department="检修车间")] == ["张伟", "李强"]
    assert reading_stars(session, Period.year(2025))[0].name == "李强"
    assert set(departments(session)) == {"运用车间", "检修车间"}
