"""Locking while a modal dialog is open: the log-in comes up over the dialog, and the dialog keeps its work.

Keys go through a window, as the keyboard sends them (tests/support/over_dialog.py): a window blocked by a
modal dialog drops them, which QTest on a widget would not show. A dialog that waits (``exec()``) is looked
at from a timer while it is up; the look only records, and always closes it; the test asserts afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from bookroom_desk.ui.access.login import LoginPanel
from tests.support.helpers import add_admin_and_volunteer
from tests.support.over_dialog import type_into_window
from tests.support.windows import open_window


def logged_in(ctx, db, qtbot):
    """The window, 老李 (administrator) logged in."""
    with db.write() as session:
        add_admin_and_volunteer(session)
    window = open_window(ctx, qtbot)
    panel = window.access.panel
    panel.who.setText("老李")
    qtbot.keyClick(panel.who, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.secret, "secret1")
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    assert not window.access.is_locked
    return window


def lock_panel() -> LoginPanel | None:
    """The log-in panel in the active modal dialog (None: that dialog asks for no log-in)."""
    top = QApplication.activeModalWidget()
    return top.findChild(LoginPanel) if top is not None else None


def log_in_through_window(panel: LoginPanel, who: str, secret: str) -> None:
    """Log in through the panel's window: the keys reach it only if nothing blocks that window."""
    window = panel.window().windowHandle()
    if who.isascii():
        type_into_window(panel.window(), who)  # a card scan, typed into the focused 账户 field
    else:
        panel.who.setText(who)  # a name typed through the input method (key clicks take ASCII only)
    QTest.keyClick(window, Qt.Key.Key_Return)
    type_into_window(panel.window(), secret)
    QTest.keyClick(window, Qt.Key.Key_Return)


def plain_dialog(parent: QWidget) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog(parent)
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    return dialog, edit


def test_the_idle_lock_over_a_waiting_dialog_asks_over_it_and_the_dialog_keeps_its_text(ctx, db, qtbot):
    window = logged_in(ctx, db, qtbot)
    guard = window.access
    dialog, edit = plain_dialog(window)  # as QMessageBox.question, QPrintDialog: exec(), application modal
    seen: dict[str, object] = {}

    def probe() -> None:
        if not dialog.isVisible() or not dialog.windowHandle().isExposed():
            QTimer.singleShot(10, probe)
            return
        try:
            edit.setFocus()
            type_into_window(dialog, "ab")
            guard.idle.start(1)  # the room's idle time runs out while the dialog waits
            qtbot.waitUntil(lambda: guard.is_locked)
            qtbot.wait(20)
            type_into_window(dialog, "cd")
            QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Escape)
            seen["locked"] = (edit.text(), dialog.isVisible())
            panel = lock_panel()
            seen["asked over it"] = panel is not None and panel.isVisible() and panel.window() is not dialog
            if panel is not None:
                QTest.keyClick(panel.window().windowHandle(), Qt.Key.Key_Escape)  # it cannot be sent away
                seen["lock after Escape"] = panel.window().isVisible()
                log_in_through_window(panel, "老李", "secret1")
                seen["lock after log-in"] = lock_panel() is not None
            seen["modal after log-in"] = QApplication.activeModalWidget() is dialog
            type_into_window(dialog, "ef")
            seen["after log-in"] = edit.text()
        finally:
            dialog.reject()

    QTimer.singleShot(0, probe)
    dialog.exec()
    assert seen["locked"] == ("ab", True)  # the keys did not reach it; Escape did not close it
    assert seen["asked over it"]
    assert seen.get("lock after Escape") is True
    assert seen.get("lock after log-in") is False
    assert seen["modal after log-in"]
    assert seen["after log-in"] == "abef"
    assert not guard.is_locked and (ctx.actor, ctx.role) == ("老李", "admin")


def test_locking_over_a_titles_dialog_asks_over_it_and_its_edits_stay(ctx, db, qtbot):
    window = logged_in(ctx, db, qtbot)
    window.show_page("catalogue")
    dialog = window.page("catalogue").new_title()
    qtbot.waitExposed(dialog)
    dialog.form.title.setFocus()
    type_into_window(dialog, "Abc")
    window.access.lock()
    type_into_window(dialog, "x")
    assert dialog.isVisible() and dialog.form.title.text() == "Abc"
    panel = lock_panel()
    assert panel is not None and panel.isVisible() and panel.window() is not dialog
    assert panel.window().windowTitle() == "已锁定"
    assert panel.message.text() == "已锁定（老李）。"
    log_in_through_window(panel, "老李", "wrong")
    assert panel.isVisible() and panel.message.text() == "账户或密码不对，请再试一次。"
    log_in_through_window(panel, "老李", "secret1")
    assert not window.access.is_locked and lock_panel() is None
    assert QApplication.activeModalWidget() is dialog
    type_into_window(dialog, "d")  # the title field has its keys again
    assert dialog.form.title.text() == "Abcd"


def test_another_account_logs_in_over_the_dialog_and_the_dialog_stays(ctx, db, qtbot):
    window = logged_in(ctx, db, qtbot)
    dialog, edit = plain_dialog(window)
    dialog.open()
    qtbot.waitExposed(dialog)
    edit.setFocus()
    type_into_window(dialog, "ab")
    window.access.lock()
    panel = lock_panel()
    assert panel is not None
    log_in_through_window(panel, "V0001", "246810")  # 小王's card and PIN
    assert (ctx.actor, ctx.role) == ("小王", "volunteer")
    assert dialog.isVisible() and QApplication.activeModalWidget() is dialog
    type_into_window(dialog, "c")
    assert edit.text() == "abc"


def test_ctrl_l_in_a_dialog_locks_the_window(ctx, db, qtbot):
    window = logged_in(ctx, db, qtbot)
    dialog, edit = plain_dialog(window)
    dialog.open()
    qtbot.waitExposed(dialog)
    edit.setFocus()
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.access.is_locked
    assert edit.text() == ""
    panel = lock_panel()
    assert panel is not None and panel.window() is not dialog


def test_a_dialog_coming_up_while_locked_is_covered_too(ctx, db, qtbot):
    window = logged_in(ctx, db, qtbot)
    window.access.lock()
    assert lock_panel() is None  # no dialog open: the panel in the window is the log-in, as before
    box = QMessageBox(QMessageBox.Icon.Warning, "未能完成", "x", QMessageBox.StandardButton.Ok, window)
    box.open()  # as a task's refusal comes up while nobody is logged in
    qtbot.waitUntil(lambda: lock_panel() is not None)
    panel = lock_panel()
    assert panel.window() is not box and panel.isVisible()
    QTest.keyClick(box.windowHandle(), Qt.Key.Key_Escape)
    assert box.isVisible()
    log_in_through_window(panel, "老李", "secret1")
    assert not window.access.is_locked and QApplication.activeModalWidget() is box
    QTest.keyClick(box.windowHandle(), Qt.Key.Key_Escape)
    assert not box.isVisible()


def test_keys_in_a_dialog_put_off_the_idle_lock(ctx, db, qtbot):
    window = logged_in(ctx, db, qtbot)
    guard = window.access
    dialog, edit = plain_dialog(window)
    dialog.open()
    qtbot.waitExposed(dialog)
    edit.setFocus()
    guard.idle.setInterval(60_000)
    guard.idle.stop()  # as if it ran on: a key in the dialog starts it afresh
    type_into_window(dialog, "a")
    assert edit.text() == "a" and guard.idle.isActive()
    guard.idle.stop()
    QTest.mouseClick(dialog.windowHandle(), Qt.MouseButton.LeftButton, pos=edit.geometry().center())
    assert guard.idle.isActive()
