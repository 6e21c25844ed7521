"""The dashboard's 到馆人次 and 阅览册次 tiles: the chosen period's visits (cards + head counts) and reads in the room."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox

from bookroom_desk.services.circulation import reading
from bookroom_desk.services.circulation.counter import DeskCounter
from bookroom_desk.ui.reports.page import ReportsPage
from tests.support.desk_room import small_room


@pytest.fixture
def page(ctx, db, qtbot, sync_tasks):
    with db.write() as session:
        small_room(session)
        reading.save_head_count(session, dt.date(2026, 3, 5), 20, actor="小王")
    counter = DeskCounter()
    counter.open_mode(db.read, reading.VISITS)
    counter.scan(db.write, "R000001", actor="小王")
    counter.open_mode(db.read, reading.READING)
    for code in ("00000001", "00000002"):
        counter.scan(db.write, code, actor="小王")
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activated()
    return widget


def _tile(page, key) -> str:
    return page.findChild(QLabel, f"indicator_{key}").text()


def test_the_tiles_show_the_years_visits_and_reads(page):
    assert (_tile(page, "visits"), _tile(page, "reads_in_room")) == ("21", "2")
    tiles = page.dashboard.tiles
    assert tiles["visits"].findChildren(QLabel)[1].text() == "到馆人次"
    assert tiles["reads_in_room"].findChildren(QLabel)[1].text() == "阅览册次"


def test_a_quarter_shows_its_own(page, qtbot):
    kind = page.findChild(QComboBox, "periodKind")
    kind.setCurrentIndex(kind.findData("quarter"))
    page.findChild(QSpinBox, "periodYear").setValue(2026)
    page.findChild(QComboBox, "periodQuarter").setCurrentIndex(0)
    qtbot.waitUntil(lambda: _tile(page, "visits") == "20")
    assert _tile(page, "reads_in_room") == "0"
