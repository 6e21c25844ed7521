"""Closed dates imported from a list (.xlsx, .csv, .txt): all or nothing, every wrong line listed."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from bookroom_desk.errors import ImportRejected, InvalidInput, Refused
from bookroom_desk.services.circulation import calendar_import
from bookroom_desk.services.common import closures
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models_calendar import ClosedDates
from tests.support.helpers import add_admin_and_volunteer

D = dt.date.fromisoformat


def _stored(db) -> list[tuple[dt.date, dt.date, str]]:
    with db.read() as session:
        return [(c.first, c.last, c.reason) for c in closures.closures(session)]


def test_a_good_text_list_is_stored_ranges_reasons_and_a_header(db):
    data = "日期,原因\n2026-10-01:2026-10-07,国庆节\n2026/12/31\n2027-01-01 至 2027-01-03，元旦\n".encode()
    with db.write() as session:
        stored = calendar_import.import_list(session, data, "closed.txt", actor=OPERATOR)
    assert len(stored) == 3
    assert _stored(db) == [(D("2026-10-01"), D("2026-10-07"), "国庆节"), (D("2026-12-31"), D("2026-12-31"), ""),
                           (D("2027-01-01"), D("2027-01-03"), "元旦")]


def test_a_list_with_bad_lines_stores_nothing_and_lists_every_bad_line(db):
    data = "2026-10-01,国庆\n2026-13-01\n明天\n2026-10-09:2026-10-08\n2026-11-02\n".encode()
    with pytest.raises(ImportRejected) as caught:
        with db.write() as session:
            calendar_import.import_list(session, data, "closed.csv", actor=OPERATOR)
    assert caught.value.message == "文件中有 3 处问题，未导入任何数据。"
    lines = [str(problem) for problem in caught.value.problems]
    assert lines == [
        "第 2 行，日期：日期“2026-13-01”的月份 13 不对：月份应在 1 到 12 之间。",
        "第 3 行，日期：“明天”不是日期或日期范围：请写成 2026-10-01 或 2026-10-01:2026-10-07。",
        "第 4 行，日期：日期范围 2026-10-09:2026-10-08 不对：结束日期早于开始日期。",
    ]
    assert _stored(db) == []


def test_a_workbook_with_date_cells_and_range_text(db):
    book = Workbook()
    sheet = book.active
    sheet.append(["停馆日期", "原因"])
    sheet.append([dt.datetime(2026, 12, 25), "盘点"])
    sheet.append(["2027-02-10:2027-02-17", "春节"])
    buffer = io.BytesIO()
    book.save(buffer)
    with db.write() as session:
        calendar_import.import_list(session, buffer.getvalue(), "closed.xlsx", actor=OPERATOR)
    assert _stored(db) == [(D("2026-12-25"), D("2026-12-25"), "盘点"), (D("2027-02-10"), D("2027-02-17"), "春节")]


def test_an_empty_list_and_a_volunteer_are_refused(db):
    with pytest.raises(InvalidInput, match="没有任何日期"):
        calendar_import.read_list("日期\n".encode(), "closed.txt")
    with db.write() as session:
        add_admin_and_volunteer(session)
    with pytest.raises(Refused):
        with db.write() as session:
            calendar_import.import_list(session, b"2026-10-01\n", "closed.txt", actor="小王")
    with db.read() as session:
        assert session.scalar(select(func.count(ClosedDates.id))) == 0


_days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
_reasons = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters=",，\t"),
                   max_size=30)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # 2 cores shared: timing varies
@given(_days, st.integers(min_value=0, max_value=400), _reasons, st.sampled_from([":", " 至 ", "~", "："]),
       st.sampled_from(["-", "/", "."]), st.sampled_from([",", "，"]))
def test_any_line_written_as_documented_reads_back(first, length, reason, range_mark, date_mark, reason_mark):
    last = min(first + dt.timedelta(days=length), dt.date(2200, 12, 31))

    def written(day: dt.date) -> str:
        return f"{day.year}{date_mark}{day.month:02d}{date_mark}{day.day:02d}"

    line = written(first) if first == last else f"{written(first)}{range_mark}{written(last)}"
    if reason.strip():
        line += reason_mark + reason
    assert calendar_import.parse_line(line) == (first, last, " ".join(reason.split()))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40), st.text(max_size=10))
def test_any_text_is_a_closure_or_a_problem_never_a_crash(line, reason):
    closures, problems = calendar_import.parse_rows([(1, [line, reason])])
    assert len(closures) + len(problems) == (1 if line.strip() or reason.strip() else 0)
    for closure in closures:
        assert closure.first <= closure.last
