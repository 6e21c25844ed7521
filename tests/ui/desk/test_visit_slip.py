"""每次借书后打印凭条: when a visit that lent books ends (another card, Esc, the idle timeout), its slip prints."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bookroom_desk.printing import slip
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from tests.support.desk_keys import key, scan
from tests.support.desk_room import small_room


@pytest.fixture
def room(db):
    with db.write() as session:
        room = small_room(session)
        settings.set_value(session, settings.SLIP_AFTER_LOANS, True, actor=OPERATOR)
        settings.set_value(session, settings.SLIP_PAGE, "receipt58", actor=OPERATOR)
        return room


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """Each slip the desk prints: (reader id, loan ids, paper), saved as a PDF (no printer here)."""
    seen = []
    real = slip.slip_document

    def document(session, reader_id, loan_ids=None, paper="a5"):
        seen.append((reader_id, tuple(loan_ids) if loan_ids is not None else None, paper))
        return real(session, reader_id, loan_ids, paper)

    monkeypatch.setattr(slip, "slip_document", document)
    monkeypatch.setattr(slip, "user_data_dir", lambda: tmp_path)
    monkeypatch.setattr(slip.QPrinterInfo, "defaultPrinter", staticmethod(lambda: slip.QPrinterInfo()))
    return seen


def lent_ids(desk):
    return [step.loan_id for done in desk.controller.counter.done for step in done.steps if step.action == "lend"]


def test_esc_after_lending_prints_the_visits_slip_on_the_roll(desk, room, qtbot, printed, tmp_path):
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000004")
    scan(qtbot, desk, "00000005")
    assert printed == []  # nothing while the reader is open
    ids = tuple(lent_ids(desk))
    key(qtbot, desk, Qt.Key.Key_Escape)
    assert printed == [(room.zhang, ids, "receipt58")]
    assert "张伟本次借的 2 册" in desk.slip_note.text() and "已保存为" in desk.slip_note.text()
    assert len(list((tmp_path / "slips").glob("*.pdf"))) == 1
    assert desk.scan_input.hasFocus()


def test_the_next_card_ends_the_visit_and_an_undone_loan_is_left_off(desk, room, qtbot, printed):
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000004")
    first = lent_ids(desk)
    scan(qtbot, desk, "00000005")
    key(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the second loan taken back
    scan(qtbot, desk, "R000002")
    assert printed == [(room.zhang, tuple(first), "receipt58")]
    scan(qtbot, desk, "00000005")
    desk.controller.idle.timeout.emit()  # the idle timeout closes 李娜 too
    assert [p[0] for p in printed] == [room.zhang, room.li] and len(printed[1][1]) == 1


def test_a_visit_without_loans_or_with_the_setting_off_prints_nothing(desk, db, room, qtbot, printed):
    scan(qtbot, desk, "R000001")
    key(qtbot, desk, Qt.Key.Key_Escape)
    assert printed == [] and desk.slip_note.text() == ""
    with db.write() as session:
        settings.set_value(session, settings.SLIP_AFTER_LOANS, False, actor=OPERATOR)
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000004")
    key(qtbot, desk, Qt.Key.Key_Escape)
    assert printed == []
