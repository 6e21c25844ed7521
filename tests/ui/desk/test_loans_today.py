"""The status bar's 今日借出 follows every change of loans at the desk, Ctrl+Z included."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.desk_keys import scan
from tests.support.desk_room import small_room


def test_loans_today_is_right_after_lending_and_after_ctrl_z(main_window, db, qtbot, beeps):
    with db.write() as session:
        small_room(session)
    desk = main_window.page("desk")
    status = main_window.room_status.loans
    for code in ("R000001", "00000001", "00000004"):
        scan(qtbot, desk, code)
    qtbot.waitUntil(lambda: "今日借出 2 册次" in status.text())
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "已撤销" in desk.feedback.message.text()
    qtbot.waitUntil(lambda: "今日借出 1 册次" in status.text())
