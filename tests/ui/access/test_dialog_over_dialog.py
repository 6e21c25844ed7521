"""The audit log opened from the settings page, and its export's file chooser over it; the accounts dialogs.

A dialog that waits is looked at while it is up; keys go through its window, as a person's would
(tests/support/over_dialog.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from bookroom_desk.ui.access.accounts_box import AccountDialog
from bookroom_desk.ui.access.audit_dialog import AuditDialog
from tests.support.helpers import add_admin_and_volunteer
from tests.support.over_dialog import Seen, answered_over, look
from tests.support.windows import open_window


def settings(ctx, db, qtbot):
    """The settings page in the window, 老李 (administrator) logged in."""
    with db.write() as session:
        add_admin_and_volunteer(session)
    window = open_window(ctx, qtbot)
    panel = window.access.panel
    panel.who.setText("老李")
    qtbot.keyClick(panel.who, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.secret, "secret1")
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    window.show_page("settings")
    return window, window.page("settings")


def over(seen: Seen, outer, kind) -> None:
    assert seen.kind is kind  # it came up, the active modal dialog
    assert seen.over(outer)  # over the dialog (or window) it was asked from, not beside it
    assert seen.closed_by_escape  # Escape, sent as the keyboard sends it, reached it


def test_the_audit_logs_export_asks_for_its_file_over_the_audit_log(ctx, db, qtbot):
    window, page = settings(ctx, db, qtbot)
    dialog = page.privacy.open_audit()
    qtbot.waitExposed(dialog)
    assert QApplication.activeModalWidget() is dialog
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    seen, _ = answered_over(dialog, dialog.ask_export)
    over(seen, dialog, QFileDialog)
    assert dialog.isVisible() and QApplication.activeModalWidget() is dialog
    seen = Seen()
    look(dialog, seen, "")
    over(seen, window, AuditDialog)


def test_an_accounts_dialog_takes_its_keys_over_the_window(ctx, db, qtbot):
    window, page = settings(ctx, db, qtbot)
    dialog = page.accounts.add()
    qtbot.waitExposed(dialog)
    assert QApplication.activeModalWidget() is dialog
    dialog.name.setFocus()
    seen = Seen()
    look(dialog, seen, "xl")
    over(seen, window, AccountDialog)
    assert seen.typed == "xl"


def test_removing_an_account_asks_over_the_window(ctx, db, qtbot):
    window, page = settings(ctx, db, qtbot)
    box = page.accounts
    box.table.selectRow(0)
    rows = box.table.rowCount()
    seen, _ = answered_over(window, box.remove)
    over(seen, window, QMessageBox)
    assert box.table.rowCount() == rows  # Escape: nothing removed


def test_the_first_administrator_is_asked_for_over_the_window(ctx, qtbot):
    window = open_window(ctx, qtbot)  # a room without accounts: the offer's 创建管理员…
    dialog = window.access.create_admin()
    qtbot.waitExposed(dialog)
    assert QApplication.activeModalWidget() is dialog
    dialog.name.setFocus()
    seen = Seen()
    look(dialog, seen, "li")
    over(seen, window, AccountDialog)
    assert seen.typed == "li"
