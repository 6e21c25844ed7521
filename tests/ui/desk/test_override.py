"""F10 at the desk: an administrator lends past 借满 after writing why; a volunteer is told only an administrator can."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from sqlalchemy import func, select

from bookroom_desk.store.models import Loan
from bookroom_desk.ui.access.guard import OFFER_DISMISSED
from bookroom_desk.ui.main_window import MainWindow
from tests.support.desk_keys import scan
from tests.support.desk_room import category, past_loan, small_room
from tests.support.helpers import add_admin_and_volunteer


def _room(session) -> None:
    room = small_room(session)
    category(session).max_loans = 1
    past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 20), dt.date(2026, 12, 20))


@pytest.fixture
def room(db):
    with db.write() as session:
        _room(session)


def _overridden(db) -> list[tuple]:
    with db.read() as session:
        return session.execute(select(Loan.override_kinds, Loan.override_reason)
                               .where(Loan.override_by.is_not(None))).all()


@pytest.fixture
def asked(monkeypatch):
    """QInputDialog.getText answers with what the test puts in ``asked.answer``, and records that it was asked."""
    class Asked:
        answer: tuple[str, bool] = ("部门读书活动", True)
        parents: list = []

    def get_text(parent, title, label, *args, **kwargs):
        Asked.parents.append(parent)
        return Asked.answer

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return Asked


def test_f10_asks_the_reason_and_lends_past_the_limit(desk, db, qtbot, asked):
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000005")
    assert "上限" in desk.feedback.message.text() and "F10" in desk.feedback.hint.text()
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_F10)
    assert asked.parents == [desk]
    assert "管理员放行" in desk.feedback.message.text()
    assert _overridden(db) == [("limit", "部门读书活动")]
    assert [loan.barcode for loan in desk.reader_panel.summary.loans] == ["00000004", "00000005"]
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undone as any loan
    assert _overridden(db) == []
    assert "已撤销" in desk.feedback.message.text()


def test_an_empty_reason_is_refused_and_the_override_stays(desk, db, qtbot, asked):
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000005")
    asked.answer = ("  ", True)
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_F10)
    assert "请写明放行的原因" in desk.feedback.message.text()
    assert _overridden(db) == []
    asked.answer = ("主任批准", True)
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_F10)
    assert _overridden(db) == [("limit", "主任批准")]


def test_cancelling_the_reason_lends_nothing(desk, db, qtbot, asked):
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000005")
    asked.answer = ("部门读书活动", False)
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_F10)
    with db.read() as session:
        assert session.scalar(select(func.count(Loan.id))) == 1


def test_f10_with_nothing_refused_says_so(desk, qtbot, asked):
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_F10)
    assert asked.parents == [] and "没有可以放行" in desk.feedback.message.text()


@pytest.fixture
def volunteer_desk(ctx, db, qtbot, monkeypatch):
    QSettings().remove(OFFER_DISMISSED)
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    with db.write() as session:
        add_admin_and_volunteer(session)
        _room(session)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.access.panel
    panel.who.setText("小王")
    qtbot.keyClick(panel.who, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.secret, "246810")
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    assert ctx.role == "volunteer"
    yield window.page("desk")
    QSettings().remove(OFFER_DISMISSED)


def test_a_volunteer_is_told_only_an_administrator_can(volunteer_desk, db, qtbot, asked):
    desk = volunteer_desk
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000005")
    assert "管理员可按 F10" in desk.feedback.hint.text()
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_F10)
    assert asked.parents == []  # not asked for a reason at all
    assert "只有管理员可以放行" in desk.feedback.message.text()
    assert _overridden(db) == []


def test_a_long_override_message_is_read_whole_on_the_smallest_screen(desk, db, qtbot, asked, main_window):
    main_window.resize(1024, 700)
    asked.answer = ("部门读书活动，工会主席同意，下周一之前归还", True)
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000005")
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_F10)
    message = desk.feedback.message
    qtbot.waitUntil(lambda: message.width() > 0)
    assert "工会主席同意" in message.text()
    assert message.height() >= message.heightForWidth(message.width())  # every line of it shows, none cut
