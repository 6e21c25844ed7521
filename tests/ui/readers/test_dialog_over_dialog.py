"""The roster import's own file chooser and question open over the import, and a reader's privacy asks over the window.

A dialog that waits is looked at while it is up; keys go through its window, as a person's would
(tests/support/over_dialog.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import func, select

from bookroom_desk.store.models import Reader
from tests.support.desk_room import small_room
from tests.support.over_dialog import Seen, answered_over


@pytest.fixture
def page(main_window, db, qtbot):
    with db.write() as session:
        small_room(session)
    main_window.show_page("readers")
    return main_window.page("readers")


def over(seen: Seen, outer, kind) -> None:
    assert seen.kind is kind  # it came up, the active modal dialog
    assert seen.over(outer)  # over the dialog (or window) it was asked from, not beside it
    assert seen.closed_by_escape  # Escape, sent as the keyboard sends it, reached it


def readers(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Reader))


def test_choosing_a_roster_opens_over_the_import(page, qtbot):
    page.list_tab.import_roster()
    dialog = page.list_tab.dialog
    qtbot.waitExposed(dialog)
    seen, _ = answered_over(dialog, dialog.choose)
    over(seen, dialog, QFileDialog)
    assert dialog.isVisible() and QApplication.activeModalWidget() is dialog


def test_importing_a_roster_again_asks_over_the_import(page, db, qtbot, tmp_path, sync_tasks):
    roster = tmp_path / "roster.csv"
    roster.write_text("姓名\n孙丽\n周杰\n", encoding="utf-8")  # no employee numbers: a second import is asked about
    page.list_tab.import_roster()
    dialog = page.list_tab.dialog
    qtbot.waitExposed(dialog)
    dialog.load(roster)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    before = readers(db)
    dialog.load(roster)
    seen, _ = answered_over(dialog, lambda: qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton))
    over(seen, dialog, QMessageBox)
    assert readers(db) == before  # Escape: not imported again
    assert QApplication.activeModalWidget() is dialog


def test_a_readers_privacy_asks_over_the_window(page, main_window, qtbot):
    tab = page.list_tab
    tab.table.selectRow(0)
    seen, _ = answered_over(main_window, tab.privacy.ask_export)
    over(seen, main_window, QFileDialog)
    seen, _ = answered_over(main_window, tab.privacy.erase)
    over(seen, main_window, QMessageBox)
    assert "已删除" not in tab.message.text()
