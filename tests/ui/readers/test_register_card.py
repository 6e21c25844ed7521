"""After registering a reader: 打印读者证 beside the message; the message stays until the user searches again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QToolButton
from sqlalchemy import select

from bookroom_desk.store.models import Reader
from bookroom_desk.ui.printing import dialog as dialog_module
from bookroom_desk.ui.printing.dialog import LabelDialog
from tests.support.desk_room import small_room


@pytest.fixture(autouse=True)
def scratch_pc_settings(tmp_path, monkeypatch):
    """The label dialog's PC settings in a scratch file."""
    path = str(tmp_path / "pc.ini")
    monkeypatch.setattr(dialog_module, "pc_settings", lambda: QSettings(path, QSettings.Format.IniFormat))


@pytest.fixture
def tab(main_window, db, qtbot):
    with db.write() as session:
        small_room(session)
    main_window.show_page("readers")
    return main_window.page("readers").list_tab


def register(tab, name: str = "孙丽") -> None:
    tab.new_button.click()
    dialog = tab.dialog
    dialog.name.setText(name)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()


def label_dialogs() -> list[LabelDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, LabelDialog) and w.isVisible()]


def test_the_new_reader_s_card_is_printed_from_the_message(tab, db, qtbot, sync_tasks):
    card_button = tab.print_card_button
    assert not card_button.isVisible()
    register(tab)
    with db.read() as session:
        reader_id = session.scalar(select(Reader.id).where(Reader.card == "R000005"))
    assert "已登记读者，读者证号 R000005" in tab.message.text()
    assert card_button.isVisible() and card_button.text() == "打印读者证"
    qtbot.mouseClick(card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(label_dialogs()) == 1)
    dialog = label_dialogs()[0]
    assert dialog.kind() == "readers" and dialog.given["readers"] == (reader_id,)
    assert dialog.source_combo.currentText() == "所选读者（1 人）"
    assert [card.card for card in dialog.labels.items] == ["R000005"]


def test_another_message_takes_the_print_button_away(tab, qtbot):
    register(tab)
    assert tab.print_card_button.isVisible()
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.suspend_button, Qt.MouseButton.LeftButton)
    assert "停用" in tab.message.text() and not tab.print_card_button.isVisible()


def test_the_message_stays_through_its_own_search_and_goes_when_the_user_types(tab, qtbot):
    register(tab)
    assert tab.search.text() == "R000005"  # the register flow searched for the new card itself
    qtbot.wait(400)  # past the search's 200 ms pause: the list was searched again meanwhile
    assert tab.model.column(0) == ["R000005"]
    assert tab.message.isVisible() and "R000005" in tab.message.text() and tab.print_card_button.isVisible()
    tab.search.selectAll()
    qtbot.keyClicks(tab.search, "r00000")
    assert not tab.message.isVisible() and not tab.print_card_button.isVisible()
    qtbot.waitUntil(lambda: len(tab.model.column(0)) == 5)
    assert not tab.message.isVisible()


def test_clearing_the_search_is_a_new_search_too(tab, qtbot):
    register(tab)
    action = tab.search.findChild(QAction, "_q_qlineeditclearaction")  # Qt's own name for it
    clear = next(b for b in tab.search.findChildren(QToolButton) if b.defaultAction() is action)
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)  # the field's clear button
    assert tab.search.text() == "" and not tab.message.isVisible()
