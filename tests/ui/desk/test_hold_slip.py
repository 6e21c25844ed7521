"""打印预约条 at the desk: a hold placed, its copy scanned back, the slip printed (saved as a PDF here, no printer)
at once with 每次预约到书时打印预约条 set, not without it; Ctrl+Shift+P and the button print it after such a check-in."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bookroom_desk.printing import hold_slip
from bookroom_desk.services.circulation import holds
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Reader, Title
from tests.printing.test_slip import pdf_text
from tests.support.desk_keys import key, said, scan
from tests.support.desk_room import ISBN_ONE, past_loan, small_room

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _room(db, automatic: bool):
    with db.write() as session:
        room = small_room(session)
        session.get(Reader, room.zhang).phone = "13800001111"
        past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))  # 机械制图's only copy
        title_id = session.scalar(select(Title.id).where(Title.isbn == ISBN_ONE))
        room.hold_id = holds.place(session, "R000001", title_id, actor=OPERATOR).id
        settings.set_value(session, settings.HOLD_SLIP_ON_READY, automatic, actor=OPERATOR)
        settings.set_value(session, settings.SLIP_PAGE, "receipt58", actor=OPERATOR)
        return room


@pytest.fixture
def room(db, request):
    return _room(db, getattr(request, "param", False))


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """Each hold slip the desk makes: (hold id, paper), saved as a PDF in tmp_path/slips (no printer here)."""
    seen = []
    real = hold_slip.hold_slip_document

    def document(session, hold_id, paper="a5"):
        seen.append((hold_id, paper))
        return real(session, hold_id, paper)

    monkeypatch.setattr(hold_slip, "hold_slip_document", document)
    monkeypatch.setattr(hold_slip, "user_data_dir", lambda: tmp_path)
    monkeypatch.setattr(hold_slip.QPrinterInfo, "defaultPrinter", staticmethod(lambda: hold_slip.QPrinterInfo()))
    return seen


def _pdfs(tmp_path) -> list:
    return sorted((tmp_path / "slips").glob("*.pdf")) if (tmp_path / "slips").exists() else []


@pytest.mark.parametrize("room", [True], indirect=True)
def test_with_the_setting_on_the_check_in_prints_the_slip_at_once(desk, room, qtbot, printed, tmp_path):
    assert not desk.hold_slip_button.isEnabled()
    scan(qtbot, desk, "00000009")  # 李娜 brings it back: kept for 张伟
    assert said(desk).startswith("留给 张伟 R000001（预约）")  # still said large: the note says where the slip went
    assert printed == [(room.hold_id, "receipt58")]
    [path] = _pdfs(tmp_path)
    text = "".join(pdf_text(path).split())
    for needed in ("预约条", "张伟", "13800001111", "机械制图", "00000009", "保留到:2026-11-29", "预约架"):
        assert needed in text
    assert "R000001 的预约条已保存为" in desk.slip_note.text() and str(path) in desk.slip_note.text()
    assert desk.hold_slip_button.isEnabled() and desk.scan_input.hasFocus()


@pytest.mark.parametrize("room", [False], indirect=True)
def test_with_the_setting_off_nothing_prints_until_asked(desk, room, qtbot, printed, tmp_path):
    scan(qtbot, desk, "00000009")
    assert said(desk).startswith("留给 张伟 R000001（预约）")
    assert printed == [] and _pdfs(tmp_path) == []
    assert desk.hold_slip_button.isEnabled()
    key(qtbot, desk, Qt.Key.Key_P, SHIFT_CTRL)
    assert printed == [(room.hold_id, "receipt58")] and len(_pdfs(tmp_path)) == 1
    assert "预约条已保存为" in desk.slip_note.text()
    qtbot.mouseClick(desk.hold_slip_button, Qt.MouseButton.LeftButton)  # the button prints another
    assert len(printed) == 2
    assert desk.scan_input.hasFocus()


def test_after_another_scan_there_is_no_hold_slip(desk, room, qtbot, printed):
    scan(qtbot, desk, "00000009")
    assert desk.hold_slip_button.isEnabled()
    scan(qtbot, desk, "R000002")  # the next scan is not a hold's
    assert not desk.hold_slip_button.isEnabled()
    key(qtbot, desk, Qt.Key.Key_P, SHIFT_CTRL)
    assert printed == [] and "现在没有要打印的预约条" in desk.slip_note.text()


def test_the_key_line_names_f6_f7_and_the_hold_slip(desk):
    text = desk.keys.text()
    assert "F6 阅览登记" in text and "F7 入馆登记" in text and "Ctrl+Shift+P 打印预约条" in text
    assert desk.keys.wordWrap()
