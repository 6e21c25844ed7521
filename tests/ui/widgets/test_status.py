"""The status bar's 今日借出: loans made today and not undone, recounted after every change of loans."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from bookroom_desk.errors import DatabaseError
from bookroom_desk.services.circulation import desk as desk_service
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.ui.widgets import status as status_module
from bookroom_desk.ui.widgets.status import RoomStatus
from tests.support.desk_room import small_room


@pytest.fixture
def room(db):
    with db.write() as session:
        return small_room(session)


@pytest.fixture
def counts(monkeypatch):
    """How many times the status bar has counted (each count of RoomStatus goes through status_figures)."""
    calls = []
    real = status_module.status_figures

    def counted(session, *args, **kwargs):
        figures = real(session, *args, **kwargs)
        calls.append(figures.loans_today)
        return figures

    monkeypatch.setattr(status_module, "status_figures", counted)
    return calls


def scan(qtbot, desk, code: str) -> None:
    qtbot.keyClicks(desk.scan_input, code)
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_Return)


def loans_text(main_window) -> str:
    return main_window.room_status.loans.text()


def refusal_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_lending_at_the_desk_then_ctrl_z_counts_only_what_stays_lent(main_window, room, qtbot, beeps):
    desk = main_window.page("desk")
    for code in ("R000001", "00000001", "00000004"):
        scan(qtbot, desk, code)
    qtbot.waitUntil(lambda: loans_text(main_window) == "今日借出 2 册次")
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "已撤销" in desk.feedback.message.text()
    qtbot.waitUntil(lambda: loans_text(main_window) == "今日借出 1 册次")
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: loans_text(main_window) == "今日借出 0 册次")


def test_a_return_outside_the_desk_is_recounted_and_today_s_loan_stays_counted(main_window, ctx, room, qtbot,
                                                                                beeps, counts):
    desk = main_window.page("desk")
    for code in ("R000001", "00000001", "00000004"):
        scan(qtbot, desk, code)
    qtbot.waitUntil(lambda: loans_text(main_window) == "今日借出 2 册次")
    status = main_window.room_status
    before = len(counts)
    with ctx.write() as session:  # as a page other than the desk writes: through the context
        assert desk_service.check_in(session, "00000001", actor=OPERATOR).action == "returned"
    qtbot.waitUntil(lambda: len(counts) > before and not status._running)
    assert loans_text(main_window) == "今日借出 2 册次"  # returned, not undone: it was still lent today
    with ctx.write() as session:  # lent again, to 李娜, outside the desk
        assert desk_service.scan(session, "00000001", room.li, actor=OPERATOR).action == "lent"
    qtbot.waitUntil(lambda: loans_text(main_window) == "今日借出 3 册次")


def test_a_change_while_a_count_fails_is_counted_after_it_without_a_message_box(ctx, room, qtbot, sync_tasks,
                                                                              monkeypatch):
    status = RoomStatus(ctx)
    qtbot.addWidget(status)
    assert status.loans.text() == "今日借出 0 册次"
    real = status_module.status_figures
    failures = []

    def server_gone_once(session, *args, **kwargs):
        if not failures:
            failures.append(1)
            with ctx.db.write() as writing:  # a loan made meanwhile, its change told while this count runs
                desk_service.scan(writing, "00000001", room.zhang, actor=OPERATOR)
            status.refresh_now()
            raise DatabaseError("连不上数据库服务器 {server}。", server="db:5432")
        return real(session, *args, **kwargs)

    monkeypatch.setattr(status_module, "status_figures", server_gone_once)
    status.refresh_now()
    assert failures
    qtbot.waitUntil(lambda: status.loans.text() == "今日借出 1 册次")
    assert refusal_boxes() == []  # a count of the status bar is not a volunteer's action to refuse


def test_after_midnight_today_s_loans_start_again_from_nought(ctx, room, qtbot, sync_tasks):
    day = dt.date(2026, 11, 24)
    clock.set_clock(clock.fixed(dt.datetime.combine(day, dt.time(23, 59, 59, 800000))))
    with ctx.write() as session:
        desk_service.scan(session, "00000001", room.zhang, actor=OPERATOR)
    status = RoomStatus(ctx)
    qtbot.addWidget(status)
    assert status.loans.text() == "今日借出 1 册次"
    clock.set_clock(clock.fixed(dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 0, 1))))
    qtbot.waitUntil(lambda: status.loans.text() == "今日借出 0 册次", timeout=3000)  # no change of loans needed
