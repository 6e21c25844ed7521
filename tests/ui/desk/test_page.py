"""The scan desk driven like a scanner: codes typed into scanInput then Enter; screen and database checked."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from bookroom_desk.store.models import Copy, Loan
from tests.support.desk_keys import key, said, scan
from tests.support.desk_room import ISBN, category, copy_status, open_loans, past_loan, small_room


@pytest.fixture
def room(db):
    with db.write() as session:
        return small_room(session)


def loans(db, reader_id=None):
    with db.read() as session:
        return open_loans(session, reader_id)


def test_window_opens_on_the_desk_with_the_cursor_in_the_scan_field(desk):
    assert desk.scan_input.objectName() == "scanInput" and desk.scan_input.hasFocus()
    assert "F5" in desk.keys.text() and "Ctrl+Z" in desk.keys.text()


def test_card_opens_reader_then_copies_are_lent_with_due_date(desk, db, room, qtbot):
    scan(qtbot, desk, "R000001")
    assert desk.reader_panel.name.text() == "张伟"
    assert "检修车间" in desk.reader_panel.details.text()
    assert "还可借 5 册" in desk.reader_panel.counts.text() and not desk.reader_panel.blocked.isVisible()
    scan(qtbot, desk, "00000004")
    assert desk.feedback.tone == "ok" and "借出" in said(desk) and "2026/12/24" in said(desk)
    assert desk.scan_input.text() == "" and desk.scan_input.hasFocus()
    assert desk.reader_panel.loans.rowCount() == 1 and "还可借 4 册" in desk.reader_panel.counts.text()
    assert loans(db) == [("00000004", room.zhang)]
    assert desk.transactions.actions() == ["借出"]


def test_copy_with_no_reader_is_returned_saying_whose_and_late(desk, db, room, qtbot, beeps):
    with db.write() as session:
        past_loan(session, "00000004", room.li, dt.date(2026, 10, 1), dt.date(2026, 11, 14))
    scan(qtbot, desk, "00000004")
    assert "李娜" in said(desk) and "逾期 10 天" in said(desk) and desk.feedback.tone == "warn"
    assert loans(db) == [] and len(beeps) == 1
    with db.read() as session:
        assert copy_status(session, "00000004") == "available"


def test_overdue_loans_show_in_red_and_block_new_ones(desk, db, room, qtbot, beeps):
    with db.write() as session:
        past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    scan(qtbot, desk, "R000001")
    assert "逾期 1 册" in desk.reader_panel.counts.text() and "还可借 0 册" in desk.reader_panel.counts.text()
    assert desk.reader_panel.loans.item(0, 3).foreground().color().name() == "#c62828"
    assert desk.reader_panel.blocked.isVisible() and "逾期" in desk.reader_panel.blocked.text()
    beeps.clear()
    scan(qtbot, desk, "00000005")
    assert desk.feedback.tone == "error" and "逾期未还" in said(desk)
    assert len(beeps) >= 1 and desk.feedback.sound.played[-1] == "error"
    assert loans(db) == [("00000004", room.zhang)]


def test_loan_limit_refused_with_reason(desk, db, room, qtbot):
    with db.write() as session:
        category(session).max_loans = 1
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000004")
    scan(qtbot, desk, "00000005")
    assert desk.feedback.tone == "error" and "上限 1 册" in said(desk)
    assert loans(db) == [("00000004", room.zhang)]


@pytest.mark.parametrize("card, word", [("R000003", "停用"), ("R000004", "离职")])
def test_suspended_and_left_readers(desk, db, qtbot, card, word):
    scan(qtbot, desk, card)
    assert desk.feedback.tone == "error" and word in said(desk)
    assert word in desk.reader_panel.blocked.text()
    scan(qtbot, desk, "00000004")
    assert desk.feedback.tone == "error" and word in said(desk)
    assert loans(db) == []


def test_shelf_label_and_unknown_barcodes_are_refused(desk, db, qtbot):
    scan(qtbot, desk, "SJ-A01")
    assert desk.feedback.tone == "error" and "书架标签" in said(desk)
    scan(qtbot, desk, "ABC-123")
    assert desk.feedback.tone == "error" and "无法识别" in said(desk)
    scan(qtbot, desk, "87654321")
    assert "不是本书屋的图书" in said(desk)
    assert desk.transactions.actions() == ["拒绝", "拒绝", "拒绝"]
    with db.read() as session:
        assert session.scalar(select(func.count(Loan.id))) == 0


def test_copy_lent_to_someone_else_f9_returns_then_lends(desk, db, room, qtbot):
    with db.write() as session:
        past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000004")
    assert desk.feedback.tone == "error" and "李娜" in said(desk) and "F9" in desk.feedback.hint.text()
    key(qtbot, desk, Qt.Key.Key_F9)
    assert desk.feedback.tone == "ok" and "李娜" in said(desk) and "张伟" in said(desk)
    assert loans(db) == [("00000004", room.zhang)]


@pytest.mark.parametrize("status, word", [("withdrawn", "剔除"), ("lost", "遗失")])
def test_written_off_copy_is_offered_back_into_the_holdings(desk, db, qtbot, status, word):
    with db.write() as session:
        copy = session.scalar(select(Copy).where(Copy.barcode == "00000004"))
        copy.status, copy.removed_on, copy.removed_reason = status, dt.date(2026, 1, 1), "破损"
    scan(qtbot, desk, "00000004")
    assert word in said(desk) and "恢复入藏" in desk.feedback.hint.text()
    key(qtbot, desk, Qt.Key.Key_F9)
    assert "恢复入藏" in said(desk)
    with db.read() as session:
        copy = session.scalar(select(Copy).where(Copy.barcode == "00000004"))
        assert (copy.status, copy.removed_on, copy.removed_reason) == ("available", None, "")


def test_missing_copy_goes_back_on_the_shelf(desk, db, qtbot):
    with db.write() as session:
        session.scalar(select(Copy).where(Copy.barcode == "00000004")).status = "missing"
    scan(qtbot, desk, "00000004")
    assert desk.feedback.tone == "ok" and "找回" in said(desk)
    with db.read() as session:
        assert copy_status(session, "00000004") == "available"


def test_isbn_asks_which_copy_and_a_number_chooses(desk, db, room, qtbot):
    scan(qtbot, desk, "R000002")
    scan(qtbot, desk, ISBN)
    assert "3 册" in said(desk) and "2. 00000002" in desk.feedback.hint.text()
    assert loans(db) == []
    scan(qtbot, desk, "2")
    assert "借出" in said(desk) and loans(db) == [("00000002", room.li)]


def test_same_copy_twice_is_not_lent_twice(desk, db, room, qtbot):
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000004")
    scan(qtbot, desk, "00000004")
    assert desk.feedback.tone == "warn" and "重复扫描" in said(desk)
    with db.read() as session:
        assert session.scalar(select(func.count(Loan.id))) == 1


def test_f5_renews_the_selected_loan_and_ctrl_r_all(desk, db, room, qtbot):
    with db.write() as session:
        past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 11, 28))
        past_loan(session, "00000005", room.zhang, dt.date(2026, 11, 2), dt.date(2026, 11, 29))
    scan(qtbot, desk, "R000001")
    key(qtbot, desk, Qt.Key.Key_F5)
    assert "选中" in said(desk)
    key(qtbot, desk, Qt.Key.Key_Down)
    key(qtbot, desk, Qt.Key.Key_Down)
    key(qtbot, desk, Qt.Key.Key_F5)
    assert desk.feedback.tone == "ok" and "续借" in said(desk)
    with db.read() as session:
        due = dict(session.execute(select(Copy.barcode, Loan.due_on).join(Copy, Loan.copy_id == Copy.id)).all())
    assert due == {"00000004": dt.date(2026, 11, 28), "00000005": dt.date(2026, 12, 24)}
    key(qtbot, desk, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert "续借了 1 册" in said(desk) and "上限" in said(desk)
    with db.read() as session:
        assert set(session.scalars(select(Loan.due_on))) == {dt.date(2026, 12, 24)}


def test_ctrl_z_undoes_the_last_transaction(desk, db, room, qtbot):
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000004")
    scan(qtbot, desk, "00000005")
    key(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "已撤销" in said(desk) and loans(db) == [("00000004", room.zhang)]
    assert desk.reader_panel.loans.rowCount() == 1
    assert desk.transactions.actions()[0] == "撤销"


def test_esc_closes_the_reader_and_then_a_copy_is_returned(desk, db, room, qtbot):
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000004")
    key(qtbot, desk, Qt.Key.Key_Escape)
    assert desk.reader_panel.name.text() == "未打开读者" and "关闭读者" in said(desk)
    scan(qtbot, desk, "00000004")
    assert "归还" in said(desk) and loans(db) == []


def test_a_scanner_ending_codes_with_tab(desk, db, room, qtbot):
    for code in ("R000001", "00000004"):
        qtbot.keyClicks(desk.scan_input, code)
        qtbot.keyClick(desk.scan_input, Qt.Key.Key_Tab)
    assert loans(db) == [("00000004", room.zhang)] and desk.scan_input.hasFocus()


def test_next_card_switches_the_reader(desk, db, room, qtbot):
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "R000002")
    scan(qtbot, desk, "00000004")
    assert loans(db) == [("00000004", room.li)]


def test_the_reader_closes_after_the_idle_timeout(desk, qtbot):
    desk.controller.set_idle_seconds(0.05)
    scan(qtbot, desk, "R000001")
    assert desk.controller.reader_id is not None
    qtbot.waitUntil(lambda: desk.controller.reader_id is None, timeout=3000)
    assert desk.reader_panel.name.text() == "未打开读者"


def test_a_pile_of_scans_is_handled_in_order_none_lost_or_merged(desk, db, room, qtbot):
    codes = ["R000001", "00000004", "00000005", "00000006", "R000002", "00000007", "00000008", "00000001"]
    for code in codes:  # no pause: each Enter queues its scan behind the one before
        qtbot.keyClicks(desk.scan_input, code)
        qtbot.keyClick(desk.scan_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.controller.pending == 0)
    assert loans(db) == [("00000001", room.li), ("00000004", room.zhang), ("00000005", room.zhang),
                         ("00000006", room.zhang), ("00000007", room.li), ("00000008", room.li)]
    assert desk.transactions.actions() == ["借出"] * 6
    desk.controller.close_reader()
    for code in codes[1:4]:
        desk.controller.submit(code)
    assert loans(db, room.zhang) == [] and desk.transactions.actions()[:3] == ["归还"] * 3


def test_scans_arriving_while_one_is_handled_wait_their_turn(desk, db, room, qtbot):
    seen = []

    def arrive_during(result):  # runs inside the first scan's handling, as a fast scanner would
        seen.append(result.code)
        if result.code == "R000001":
            desk.controller.submit("00000004")
            desk.controller.submit("00000005")
            assert desk.controller.pending == 3

    desk.controller.resultReady.connect(arrive_during)
    scan(qtbot, desk, "R000001")
    assert seen == ["R000001", "00000004", "00000005"]
    assert loans(db) == [("00000004", room.zhang), ("00000005", room.zhang)]


def test_a_scan_that_fails_half_way_stores_nothing(desk, db, room, qtbot, monkeypatch):
    from bookroom_desk.services.circulation import desk as circulation

    def broken(session, reader, copy, actor):
        session.add(Loan(copy_id=copy.id, reader_id=reader.id, out_at=dt.datetime(2026, 11, 24), due_on=dt.date.today()))
        session.flush()
        raise RuntimeError("power cut")

    monkeypatch.setattr(circulation, "_lend", broken)
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000004")
    assert desk.feedback.tone == "error" and "没有登记" in said(desk)
    with db.read() as session:
        assert session.scalar(select(func.count(Loan.id))) == 0
        assert copy_status(session, "00000004") == "available"


def test_print_slip_without_a_printer_saves_a_pdf(desk, qtbot):
    scan(qtbot, desk, "R000001")
    scan(qtbot, desk, "00000004")
    key(qtbot, desk, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    text = said(desk)
    assert "打印机" in text
    if "保存为" in text:
        path = text.split("保存为 ", 1)[1]
        with open(path, "rb") as handle:
            assert handle.read(5) == b"%PDF-"
    assert desk.scan_input.hasFocus()


def test_other_views_hear_of_a_burst_of_scans_once_it_pauses(desk, ctx, qtbot):
    heard = []
    ctx.dataChanged.connect(lambda: heard.append(1))
    for code in ("R000001", "00000004", "00000005"):
        scan(qtbot, desk, code)
    assert heard == []
    qtbot.waitUntil(lambda: heard == [1], timeout=5000)


def test_muted_desk_sounds_nothing_but_still_shows(main_window, db, room, qtbot, beeps):
    from bookroom_desk.services.common import settings

    with db.write() as session:
        settings.set_value(session, settings.DESK_SOUND_MUTED, True, actor="admin")
    page = main_window.page("desk")
    page.activated()
    scan(qtbot, page, "00000004")
    assert page.feedback.tone in ("ok", "warn") and beeps == [] and page.feedback.sound.sounded == []
