"""A new room's desk: the first-start checklist instead of a bare banner, steps that open pages and tick."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from bookroom_desk.store.models import Shelf


def _desk(main_window, qtbot):
    page = main_window.page("desk")
    main_window.activateWindow()
    qtbot.waitUntil(lambda: page.scan_input.hasFocus())
    return page


def test_an_empty_room_shows_the_checklist_and_scanning_still_works(main_window, qtbot, beeps):
    desk = _desk(main_window, qtbot)
    assert desk.checklist.isVisible() and not desk.banner.isVisible()
    assert {key: mark.text() for key, mark in desk.checklist.marks.items()} == dict.fromkeys(desk.checklist.marks, "○")
    qtbot.keyClicks(desk.scan_input, "R000001")
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_Return)
    assert desk.feedback.message.text()  # the scan was answered, the checklist in the way of nothing
    assert desk.scan_input.hasFocus()


def test_the_class_shelves_in_one_click_tick_their_step(main_window, db, qtbot):
    desk = _desk(main_window, qtbot)
    qtbot.mouseClick(desk.checklist.class_shelves, Qt.MouseButton.LeftButton)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Shelf)) == 22
    assert desk.checklist.marks["shelves"].text() == "✔"
    assert not desk.checklist.class_shelves.isVisible()
    assert "22" in desk.checklist.message.text()
    assert desk.scan_input.hasFocus()


def test_a_step_opens_its_page(main_window, qtbot):
    desk = _desk(main_window, qtbot)
    qtbot.mouseClick(desk.checklist.buttons["readers"], Qt.MouseButton.LeftButton)
    assert main_window.stack.currentWidget().objectName() == "page_readers"


def test_put_away_it_stays_away_and_the_profile_banner_returns(main_window, qtbot):
    desk = _desk(main_window, qtbot)
    qtbot.mouseClick(desk.checklist.put_away_button, Qt.MouseButton.LeftButton)
    assert not desk.checklist.isVisible()
    assert desk.banner.isVisible()  # the profile is still to be filled in
