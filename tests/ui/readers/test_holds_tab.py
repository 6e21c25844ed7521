"""The 预约 tab of the readers page: ready for pickup with phone and department, waiting, expired; place; cancel."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bookroom_desk.services.circulation import desk as desk_rules
from bookroom_desk.services.circulation import holds
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Reader
from bookroom_desk.store.models_holds import Hold
from tests.support.desk_room import ISBN, ISBN_ONE, past_loan, small_room


@pytest.fixture
def room(db):
    with db.write() as session:
        room = small_room(session)
        session.get(Reader, room.zhang).phone = "13800000000"
        past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
        holds.place_by_code(session, "R000001", ISBN_ONE, actor=OPERATOR)
        desk_rules.scan(session, "00000009", None, actor=OPERATOR)  # back: kept for 张伟
        return room


@pytest.fixture
def tab(main_window, room, qtbot):
    main_window.show_page("readers")
    page = main_window.page("readers")
    page.tabs.setCurrentWidget(page.holds_tab)
    return page.holds_tab


def _states(db) -> list[tuple[str, str]]:
    with db.read() as session:
        return [(h.reader.card, h.state) for h in session.scalars(select(Hold).order_by(Hold.id))]


def test_ready_for_pickup_shows_phone_department_and_copy(tab):
    assert tab.model.rowCount() == 1
    assert tab.model.rows[0][1:7] == ["待取", "张伟 R000001", "检修车间", "13800000000", "机械制图", "00000009"]


def test_place_by_card_and_title_search_then_cancel(tab, db, qtbot):
    tab.card.setText("R000002")
    tab.query.setText(ISBN)
    tab.find_button.click()
    assert tab.titles.count() == 1 and "红楼梦" in tab.titles.currentText()
    tab.place_button.click()
    assert "已为李娜预约《红楼梦》，排第 1 位" in tab.message.text()
    tab.which.setCurrentIndex(1)  # 等待中
    assert tab.model.column(2) == ["李娜 R000002"] and tab.model.column(9) == ["1"]
    tab.table.selectRow(0)
    tab.cancel_button.click()
    assert "已取消预约" in tab.message.text()
    assert _states(db) == [("R000001", "ready"), ("R000002", "cancelled")]


def test_a_refused_hold_says_why(tab, db):
    tab.card.setText("R000004")
    tab.query.setText(ISBN)
    tab.find_button.click()
    tab.place_button.click()
    assert "赵强已离职，不能预约" in tab.message.text()
    assert len(_states(db)) == 1


def test_a_hold_past_its_day_shows_as_expired(tab, db):
    clock.set_clock(clock.fixed(dt.datetime(2026, 12, 1, 9)))
    tab.refresh()
    assert tab.model.rowCount() == 0 and "已标为过期" in tab.message.text()
    tab.which.setCurrentIndex(2)  # 已过期
    assert tab.model.column(2) == ["张伟 R000001"]


def test_the_reader_pages_hold_button_opens_the_tab_for_that_reader(main_window, room, qtbot):
    main_window.show_page("readers")
    page = main_window.page("readers")
    page.list_tab.table.selectRow(1)
    page.list_tab.detail.hold_button.click()
    assert page.tabs.currentWidget() is page.holds_tab and page.holds_tab.card.text() == "R000002"


def test_a_categorys_hold_rules_are_set_in_its_dialog(main_window, db, room, qtbot):
    from bookroom_desk.store.models import ReaderCategory

    main_window.show_page("readers")
    page = main_window.page("readers")
    page.tabs.setCurrentWidget(page.categories_tab)
    tab = page.categories_tab
    assert tab.model.column(5) == ["3"] and tab.model.column(6) == ["5"]
    tab.table.selectRow(0)
    tab.edit()
    dialog = tab.dialog
    dialog.max_holds.setValue(1)
    dialog.hold_days.setValue(3)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    with db.read() as session:
        category = session.scalar(select(ReaderCategory))
        assert (category.max_holds, category.hold_days) == (1, 3)
    assert tab.model.column(5) == ["1"] and tab.model.column(6) == ["3"]
