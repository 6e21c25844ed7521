"""报告遗失… on the reader's page: the dialog (parented to the page) with the three ways; the history shows it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bookroom_desk.store.models import Copy, Loan, Loss
from bookroom_desk.ui.readers.loss_dialog import LossDialog
from tests.support.desk_room import past_loan, small_room


@pytest.fixture
def room(db):
    with db.write() as session:
        room = small_room(session)
        past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
        past_loan(session, "00000005", room.zhang, dt.date(2026, 11, 2), dt.date(2026, 12, 2))
        loan = past_loan(session, "00000006", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
        loan.override_kinds, loan.override_reason, loan.override_by = "limit", "部门读书活动", "老李"
        return room


@pytest.fixture
def tab(main_window, room, qtbot):
    main_window.show_page("readers")
    tab = main_window.page("readers").list_tab
    tab.table.selectRow(0)  # 张伟
    return tab


def _answer(monkeypatch, fill, seen: list):
    """LossDialog.exec fills the form as ``fill`` says and presses OK."""
    def exec_(dialog):
        seen.append(dialog)
        fill(dialog)
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(LossDialog, "exec", exec_)


def test_paid_the_price_by_default(tab, db, monkeypatch):
    seen: list = []
    _answer(monkeypatch, lambda dialog: None, seen)
    tab.detail.loans_view.selectRow(0)
    tab.losses.button.click()
    (dialog,) = seen
    assert dialog.parent() is tab.detail and dialog.paid.isChecked() and dialog.amount.text() == "20.00"
    assert not dialog.new_barcode.isEnabled()
    with db.read() as session:
        assert session.execute(select(Loss.settled, Loss.amount)).all() == [("paid", 20)]
        assert session.scalar(select(Copy.status).where(Copy.barcode == "00000004")) == "lost"
    assert tab.detail.loans.column(0) == ["00000005"]
    assert tab.detail.history.column(0) == ["00000004"] and tab.detail.history.column(4) == ["遗失"]
    assert tab.detail.history.notes == ["遗失，照价赔偿"]
    assert "已登记遗失" in tab.message.text()


def test_replaced_with_a_barcode_in_use_keeps_the_form_open_and_stores_nothing(tab, db, monkeypatch):
    seen: list = []

    def fill(dialog):
        dialog.replaced.setChecked(True)
        dialog.new_barcode.setText("00000002")

    _answer(monkeypatch, fill, seen)
    tab.detail.loans_view.selectRow(1)
    tab.losses.button.click()
    (dialog,) = seen
    assert dialog.error.isVisibleTo(dialog) and "已被使用" in dialog.error.text()
    with db.read() as session:
        assert session.scalar(select(Loss.id)) is None
        assert session.scalar(select(Loan.returned_at).where(Loan.copy_id == 5)) is None


def test_replaced_by_a_new_copy(tab, db, monkeypatch):
    def fill(dialog):
        dialog.replaced.setChecked(True)
        dialog.new_barcode.setText("00000010")

    _answer(monkeypatch, fill, [])
    tab.detail.loans_view.selectRow(0)
    tab.losses.button.click()
    with db.read() as session:
        assert session.scalar(select(Copy.status).where(Copy.barcode == "00000010")) == "available"
    assert tab.detail.history.notes == ["遗失，以书赔书"]


def test_waived(tab, db, monkeypatch):
    _answer(monkeypatch, lambda dialog: dialog.waived.setChecked(True), [])
    tab.detail.loans_view.selectRow(0)
    tab.losses.button.click()
    with db.read() as session:
        assert session.execute(select(Loss.settled, Loss.amount)).all() == [("waived", None)]


def test_no_loan_chosen_asks_for_one(tab, monkeypatch):
    seen: list = []
    _answer(monkeypatch, lambda dialog: None, seen)
    tab.detail.loans_view.clearSelection()
    tab.losses.button.click()
    assert seen == [] and "选中" in tab.message.text()


def test_the_history_notes_an_override(main_window, room, qtbot):
    main_window.show_page("readers")
    tab = main_window.page("readers").list_tab
    tab.table.selectRow(1)  # 李娜
    assert tab.detail.loans.column(1) == ["［放行］劳动法读本6"] and tab.detail.loans.notes == ["老李放行：部门读书活动"]
    index = tab.detail.loans.index(0, 0)
    assert tab.detail.loans.data(index, Qt.ItemDataRole.ToolTipRole) == "00000006\n老李放行：部门读书活动"
