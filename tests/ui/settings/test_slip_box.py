"""设置 › 借阅凭条: the paper and "a slip after every loan" are stored for the room; the page shows them again."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from bookroom_desk.services.common import settings


def _stored(db):
    with db.read() as session:
        return settings.get(session, settings.SLIP_PAGE), settings.get(session, settings.SLIP_AFTER_LOANS)


def test_paper_and_slip_after_loans_are_stored_and_shown_again(main_window, db, qtbot, beeps):
    main_window.show_page("settings")
    box = main_window.page("settings").slips
    assert box.isVisibleTo(main_window.page("settings"))
    assert box.page.currentData() == "a5" and not box.after_loans.isChecked()
    assert [box.page.itemText(i) for i in range(box.page.count())] == ["A5 纸", "58 毫米小票", "80 毫米小票"]
    box.page.setCurrentIndex(box.page.findData("receipt80"))
    assert _stored(db) == ("receipt80", False)
    qtbot.mouseClick(box.after_loans, Qt.MouseButton.LeftButton)
    assert _stored(db) == ("receipt80", True) and box.message.text() == ""
    main_window.show_page("desk")
    with db.write() as session:  # another desk of the room changes the paper
        settings.set_value(session, settings.SLIP_PAGE, "receipt58", actor="admin")
    main_window.show_page("settings")
    assert box.page.currentData() == "receipt58" and box.after_loans.isChecked()


def test_a_hold_slip_whenever_a_copy_is_kept_for_a_hold_is_stored_and_shown_again(main_window, db, qtbot, beeps):
    main_window.show_page("settings")
    box = main_window.page("settings").slips
    assert box.on_hold.text() == "每次预约到书时打印预约条" and not box.on_hold.isChecked()
    qtbot.mouseClick(box.on_hold, Qt.MouseButton.LeftButton, pos=QPoint(8, box.on_hold.height() // 2))  # its box
    with db.read() as session:
        assert settings.get(session, settings.HOLD_SLIP_ON_READY) is True
        assert settings.get(session, settings.SLIP_AFTER_LOANS) is False
    main_window.show_page("desk")
    with db.write() as session:  # another desk of the room turns it off
        settings.set_value(session, settings.HOLD_SLIP_ON_READY, False, actor="admin")
    main_window.show_page("settings")
    assert not box.on_hold.isChecked()
