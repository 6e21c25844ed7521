"""The 到馆人数 tab: head counts entered, listed, changed and deleted, with the period's visits and reads."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QMessageBox, QTableWidget
from sqlalchemy import select

from bookroom_desk.services.circulation import reading
from bookroom_desk.store.models_reading import RoomVisit
from tests.support.helpers import add_reader
from tests.support.room_work_page import _click, _error, _type, page  # noqa: F401  (page is a fixture)


def _open(page):
    page.show_tab(page.visits)
    return page.visits


def _stored(db):
    with db.read() as session:
        return [(v.at.date(), v.session_label, v.head_count, v.note) for v in
                session.scalars(select(RoomVisit).where(RoomVisit.kind == "count").order_by(RoomVisit.id))]


def test_a_head_count_is_entered_listed_and_summed_with_card_visits(page, qtbot, db):
    with db.write() as session:
        reader = add_reader(session, "R000001")
        session.add(RoomVisit(kind="card", reader_id=reader.id, at=dt.datetime(2026, 11, 20, 9), session_label="",
                              head_count=1, note="", actor="小王"))
    tab = _open(page)
    assert tab.on.text() == "2026-11-24"
    _type(qtbot, page, "headCount_session_label", "上午")
    _type(qtbot, page, "headCount_count", "12")
    _type(qtbot, page, "headCount_note", "读书日")
    _click(qtbot, page, "headCountSave")
    assert page.findChild(QLabel, "headCountMessage").text() == "已保存。"
    assert _stored(db) == [(dt.date(2026, 11, 24), "上午", 12, "读书日")]
    table = page.findChild(QTableWidget, "headCountTable")
    assert table.rowCount() == 1 and table.item(0, 1).text() == "上午" and table.item(0, 2).text() == "12"
    summary = page.findChild(QLabel, "headCountSummary").text()
    assert "到馆 13 人次" in summary and "刷读者证 1 人次" in summary and "登记人数 12 人次" in summary


def test_a_bad_count_is_shown_beside_its_field_and_nothing_is_stored(page, qtbot, db):
    _open(page)
    _type(qtbot, page, "headCount_count", "twelve")
    _click(qtbot, page, "headCountSave")
    assert _error(page, "headCount_count_error") == "“到馆人数”应为整数。"
    _type(qtbot, page, "headCount_count", "")
    _click(qtbot, page, "headCountSave")
    assert _error(page, "headCount_count_error") == "请填写“到馆人数”。"
    _type(qtbot, page, "headCount_count", "5")
    _type(qtbot, page, "headCount_on", "2027-01-01")
    _click(qtbot, page, "headCountSave")
    assert "晚于今天" in _error(page, "headCount_on_error")
    assert _stored(db) == []


def test_a_head_count_is_changed_and_deleted(page, qtbot, db, monkeypatch):
    with db.write() as session:
        reading.save_head_count(session, dt.date(2026, 11, 23), 8, actor="小王")
    _open(page)
    page.visits.refresh()
    table = page.findChild(QTableWidget, "headCountTable")
    table.selectRow(0)
    assert page.visits.count.text() == "8" and page.visits.on.text() == "2026-11-23"
    _type(qtbot, page, "headCount_count", "9")
    _click(qtbot, page, "headCountSave")
    assert _stored(db) == [(dt.date(2026, 11, 23), "", 9, "")]
    assert table.rowCount() == 1 and table.item(0, 2).text() == "9"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _click(qtbot, page, "headCountDelete")
    assert _stored(db) == [] and table.rowCount() == 0


def test_a_count_entered_at_the_command_line_shows_the_operator_in_english(db, qapp, qtbot):
    from bookroom_desk.i18n import install_app_translators
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.ui.activities.visits_tab import VisitsTab
    from bookroom_desk.ui.context import AppContext

    with db.write() as session:
        reading.save_head_count(session, dt.date(2026, 11, 23), 12, actor=OPERATOR)
        reading.save_head_count(session, dt.date(2026, 11, 24), 5, actor="老李")
    install_app_translators(qapp, "en")
    try:
        widget = VisitsTab(AppContext(db, "en"))
        qtbot.addWidget(widget)
        widget.refresh()
        table = widget.findChild(QTableWidget, "headCountTable")
        assert [table.item(row, 4).text() for row in range(table.rowCount())] == ["老李", "(operator)"]
    finally:
        install_app_translators(qapp, "zh_CN")
    with db.read() as session:  # stored as the operator still, whatever the language shown
        assert session.scalars(select(RoomVisit.actor).order_by(RoomVisit.id)).all() == [OPERATOR, "老李"]
