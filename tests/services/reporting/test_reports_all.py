"""Every report of the library, on an empty room and for a period with nothing in it: a table (perhaps with no
rows) and a note, never an error; registered with a kebab-case name, a title, what it is for and a group."""

from __future__ import annotations

import re

import pytest

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import report_list as library
from bookroom_desk.services.reporting.library import KINDS
from tests.support.desk_room import small_room

NAMES = [report.name for report in library.reports()]


def test_every_report_is_registered_with_its_texts():
    expected = {"loans-by-department", "loans-by-category", "loans-by-reader", "loans-by-title", "loans-by-class",
                "readers-never-borrowed", "copies-not-lent", "overdue-by-department", "work-by-volunteer",
                "visits-by-day", "visits-by-month", "acquisitions-by-source", "acquisitions-by-batch", "asset-ledger"}
    assert expected <= set(NAMES)
    for report in library.reports():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", report.name) and report.title and report.about and report.group


@pytest.mark.parametrize("name", NAMES)
def test_an_empty_room_gives_a_table_and_a_note(session, name):
    table = library.run(session, name, Period.year(2026))
    assert table.name == name and table.note
    assert all(len(row) == len(table.columns) for row in table.rows)
    assert all(not isinstance(v, int) or v == 0 for row in table.rows for v in row[1:])
    assert all(column.kind in KINDS for column in table.columns)


@pytest.mark.parametrize("name", NAMES)
def test_a_period_with_nothing_in_it_gives_a_table_and_a_note(session, name):
    small_room(session)
    table = library.run(session, name, Period.quarter(2020, 2))
    assert table.note and all(len(row) == len(table.columns) for row in table.rows)
    if table.chart is not None:
        keys = {c.key for c in table.columns}
        assert table.chart.label in keys and set(table.chart.values) <= keys


def test_an_option_a_report_does_not_take_is_refused(session):
    with pytest.raises(ValueError, match="top"):
        library.run(session, "loans-by-class", Period.year(2026), top=3)
