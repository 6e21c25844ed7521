"""The window before its room is open: the scan field takes scans at once, and the desk processes them, in order."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Copy, Loan, Reader
from bookroom_desk.store.peek import has_accounts, sqlite_file
from bookroom_desk.ui.access.guard import OFFER_DISMISSED
from bookroom_desk.ui.main_window import MainWindow
from tests.support.desk_room import small_room
from tests.support.helpers import add_admin_and_volunteer


def _scan(qtbot, field, code: str, end=Qt.Key.Key_Return) -> None:
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, end)


def _loans(db) -> list[tuple[str, str, bool]]:
    with db.read() as session:
        rows = session.execute(select(Copy.barcode, Reader.card, Loan.returned_at, Loan.lent_by)
                               .join(Copy, Loan.copy_id == Copy.id).join(Reader, Loan.reader_id == Reader.id)
                               .order_by(Loan.id)).all()
    return [(barcode, card, returned is not None, lent_by) for barcode, card, returned, lent_by in rows]


def _early_window(qtbot, scan: bool = True) -> MainWindow:
    window = MainWindow(scan=scan)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_scans_typed_before_the_room_is_open_are_processed_in_order_once_it_is(db, ctx, qtbot, sync_tasks):
    with db.write() as session:
        small_room(session)
    window = _early_window(qtbot)
    field = window.findChild(QLineEdit, "scanInput")
    qtbot.waitUntil(lambda: window.focusWidget() is field)  # ready to scan, the room not open yet
    assert window.ctx is None
    _scan(qtbot, QApplication.focusWidget() or field, "R000001")  # a scanner types into whatever has focus
    _scan(qtbot, field, "00000001")
    _scan(qtbot, field, "00000004", end=Qt.Key.Key_Tab)  # scanners set to end a code with Tab
    qtbot.keyClicks(field, "0000")  # the next code, half typed when the room opens
    assert _loans(db) == []

    window.open_room(ctx)

    assert _loans(db) == [("00000001", "R000001", False, OPERATOR), ("00000004", "R000001", False, OPERATOR)]
    desk = window.page("desk")
    assert window.stack.currentWidget() is desk
    assert desk.scan_input.text() == "0000"  # kept, to be ended by the scanner's Enter
    qtbot.waitUntil(lambda: window.focusWidget() is desk.scan_input)
    _scan(qtbot, desk.scan_input, "0005")
    assert [barcode for barcode, *_ in _loans(db)] == ["00000001", "00000004", "00000005"]
    assert window.findChild(QLineEdit, "scanInput") is desk.scan_input  # the stand-in has gone
    assert window.opening is None


def test_in_a_room_with_accounts_scans_queued_wait_for_the_log_in(db, ctx, qtbot, sync_tasks):
    QSettings().remove(OFFER_DISMISSED)
    with db.write() as session:
        add_admin_and_volunteer(session)
        small_room(session)
    window = _early_window(qtbot)  # the peek said no accounts (one added since, by another desk)
    field = window.findChild(QLineEdit, "scanInput")
    _scan(qtbot, field, "R000002")
    _scan(qtbot, field, "00000002")
    window.open_room(ctx)
    assert window.access.is_locked
    assert _loans(db) == []  # nobody to lend them as
    panel = window.access.panel
    panel.who.setText("小王")
    qtbot.keyClick(panel.who, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.secret, "246810")
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    assert _loans(db) == [("00000002", "R000002", False, "小王")]
    QSettings().remove(OFFER_DISMISSED)


def test_a_room_that_opens_at_the_log_in_shows_no_scan_field_meanwhile(qtbot):
    window = _early_window(qtbot, scan=False)
    assert window.findChild(QLineEdit, "scanInput") is None


def test_the_peek_tells_a_room_with_accounts_without_sqlalchemy(db, db_path, tmp_path):
    assert has_accounts(db_path) is False
    with db.write() as session:
        add_admin_and_volunteer(session)
    assert has_accounts(db_path) is True
    assert has_accounts(tmp_path / "new.db") is False  # made on this start: no accounts
    (tmp_path / "notes.db").write_text("not a room", encoding="utf-8")
    assert has_accounts(tmp_path / "notes.db") is None  # the open says what it is
    assert sqlite_file(f"sqlite:///{db_path}") == db_path
    assert sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("postgresql://desk@server/room") is None


def test_closing_the_window_while_the_room_opens_keeps_the_queued_scans(db, ctx, qtbot, sync_tasks):
    with db.write() as session:
        small_room(session)
    window = _early_window(qtbot)
    field = window.findChild(QLineEdit, "scanInput")
    _scan(qtbot, field, "R000001")
    _scan(qtbot, field, "00000001")
    window.close()  # the volunteer closes at once; the room is not open yet
    assert window.isVisible() and _loans(db) == []

    window.open_room(ctx)

    assert _loans(db) == [("00000001", "R000001", False, OPERATOR)]
    assert not window.isVisible()  # closed once the desk had them


def test_closing_the_window_with_nothing_queued_closes_it_at_once(qtbot):
    window = _early_window(qtbot)
    window.close()
    assert not window.isVisible()
