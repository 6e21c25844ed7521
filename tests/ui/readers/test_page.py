"""The 读者 page: register, edit, suspend, leave, search, reader's page, categories, overdue list, roster import."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Reader, ReaderCategory
from tests.support.desk_room import past_loan, small_room


@pytest.fixture
def room(db):
    with db.write() as session:
        room = small_room(session)
        past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
        past_loan(session, "00000005", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
        past_loan(session, "00000006", room.li, dt.date(2026, 9, 1), dt.date(2026, 10, 1))
        return room


@pytest.fixture
def page(main_window, room, qtbot):
    main_window.show_page("readers")
    return main_window.page("readers")


def reader_row(db, card):
    with db.read() as session:
        reader = session.scalar(select(Reader).where(Reader.card == card))
        return reader and (reader.name, reader.department, reader.status, reader.category.name)


def test_list_shows_readers_with_loans_and_overdue(page):
    tab = page.list_tab
    assert tab.model.column(0) == ["R000001", "R000002", "R000003", "R000004"]
    assert tab.model.column(7)[:2] == ["2", "1"] and tab.model.column(8)[:2] == ["1", "1"]


def test_search_by_name_pinyin_or_card(page, qtbot):
    tab = page.list_tab
    tab.search.setText("财务")  # QTest types Latin-1 only; an input method delivers Chinese as a commit
    qtbot.waitUntil(lambda: tab.model.column(1) == ["李娜"])
    tab.search.clear()
    qtbot.keyClicks(tab.search, "r000004")
    qtbot.waitUntil(lambda: tab.model.column(1) == ["赵强"])


def test_reader_page_shows_current_overdue_and_history(page, ctx, qtbot):
    tab = page.list_tab
    tab.table.selectRow(0)
    detail = tab.detail
    assert detail.name.text() == "张伟" and "检修车间" in detail.info.text()
    assert "在借 2 册，逾期 1 册" in detail.counts.text()
    assert detail.loans.column(0) == ["00000004", "00000005"] and detail.loans.colours[0] is not None
    from bookroom_desk.services.circulation import desk

    with ctx.write() as session:  # as the desk would: the page follows
        desk.scan(session, "00000004", None, actor=OPERATOR)
    qtbot.waitUntil(lambda: detail.history.column(0) == ["00000004"])
    assert detail.loans.column(0) == ["00000005"]


def test_register_a_reader_through_the_form(page, db, qtbot):
    tab = page.list_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.name.setText("孙丽")
    dialog.department.setText("质检科")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert reader_row(db, "R000005") == ("孙丽", "质检科", "active", "职工")
    assert "R000005" in tab.message.text() and tab.detail.name.text() == "孙丽"


def test_form_errors_keep_the_form_open(page, db, qtbot):
    tab = page.list_tab
    tab.register_reader()
    dialog = tab.dialog
    dialog.name.setText("孙丽")
    qtbot.keyClicks(dialog.card, "R000001")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "已被使用" in dialog.error.text()
    with db.read() as session:
        assert session.scalar(select(Reader).where(Reader.name == "孙丽")) is None


def test_edit_a_reader(page, db, qtbot):
    tab = page.list_tab
    tab.table.selectRow(1)
    tab.edit_reader()
    dialog = tab.dialog
    dialog.department.setText("审计科")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert reader_row(db, "R000002") == ("李娜", "审计科", "active", "职工")
    assert tab.model.column(3)[1] == "审计科"


def test_suspend_reinstate_and_left(page, db, qtbot):
    tab = page.list_tab
    tab.table.selectRow(1)
    assert tab.suspend_button.text() == "停用"
    qtbot.mouseClick(tab.suspend_button, Qt.MouseButton.LeftButton)
    assert reader_row(db, "R000002")[2] == "suspended" and tab.suspend_button.text() == "恢复正常"
    qtbot.mouseClick(tab.suspend_button, Qt.MouseButton.LeftButton)
    assert reader_row(db, "R000002")[2] == "active"
    qtbot.mouseClick(tab.left_button, Qt.MouseButton.LeftButton)  # 李娜 still holds a book
    assert reader_row(db, "R000002")[2] == "active" and "未还" in tab.message.text()
    tab.table.selectRow(2)  # 王芳 (停用, holds nothing)
    qtbot.mouseClick(tab.left_button, Qt.MouseButton.LeftButton)
    assert reader_row(db, "R000003")[2] == "left"


def test_categories_add_edit_and_refuse_delete_in_use(page, db, qtbot):
    page.tabs.setCurrentWidget(page.categories_tab)
    tab = page.categories_tab
    assert tab.model.column(0) == ["职工"]
    tab.add()
    dialog = tab.dialog
    dialog.name.setText("劳模工匠")
    dialog.loan_days.setValue(60)
    dialog.max_loans.setValue(10)
    dialog.overdue_blocks.setChecked(False)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    with db.read() as session:
        category = session.scalar(select(ReaderCategory).where(ReaderCategory.name == "劳模工匠"))
        assert (category.loan_days, category.max_loans, category.overdue_blocks) == (60, 10, False)
    assert tab.model.column(0) == ["职工", "劳模工匠"] and tab.model.column(4) == ["是", "否"]
    tab.table.selectRow(0)
    tab.delete()
    assert "不能删除" in tab.message.text()
    tab.table.selectRow(1)
    tab.delete()
    assert tab.model.column(0) == ["职工"]


def test_overdue_list_orders_and_exports(page, qtbot, tmp_path, monkeypatch, sync_tasks):
    page.tabs.setCurrentWidget(page.overdue_tab)
    tab = page.overdue_tab
    assert tab.model.column(1) == ["张伟", "李娜"] and "共 2 册" in tab.summary.text()
    tab.order.setCurrentIndex(1)
    assert tab.model.column(1) == ["李娜", "张伟"]
    target = tmp_path / "逾期"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(tmp_path / "逾期.xlsx").worksheets[0]
    assert [sheet.cell(r, 2).value for r in (2, 3)] == ["李娜", "张伟"]
    assert "已导出 2 行" in tab.message.text()
    qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "逾期.pdf").read_bytes()[:5] == b"%PDF-"


def test_roster_import_dialog_checks_then_imports(page, db, qtbot, tmp_path, monkeypatch, sync_tasks):
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,工号,读者证号\n孙丽,E1,X9\n周杰,E2,\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text("姓名,工号,部门\n孙丽,E1,质检科\n周杰,E2,质检科\n", encoding="utf-8")
    tab = page.list_tab
    tab.import_roster()
    dialog = tab.dialog
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert "1 处问题" in dialog.status.text() and dialog.problems.column(0) == ["2"]
    assert not dialog.import_button.isEnabled()
    dialog.load(good)
    assert "检查通过" in dialog.status.text() and dialog.import_button.isEnabled()
    assert reader_row(db, "R000005") is None
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "新增 2 位读者" in dialog.status.text()
    assert reader_row(db, "R000005") == ("孙丽", "质检科", "active", "职工")
    dialog.reject()
    assert "周杰" in tab.model.column(1)


def test_a_roster_imported_again_is_asked_about(page, db, qtbot, tmp_path, monkeypatch, sync_tasks):
    from PySide6.QtWidgets import QMessageBox

    roster = tmp_path / "roster.csv"
    roster.write_text("姓名\n孙丽\n周杰\n", encoding="utf-8")  # no employee numbers: each import adds them
    tab = page.list_tab
    tab.import_roster()
    dialog = tab.dialog
    asked = []

    def run(answer: str) -> int:
        monkeypatch.setattr(QMessageBox, "question", staticmethod(
            lambda *a: asked.append(a[-1]) or getattr(QMessageBox.StandardButton, answer)))
        dialog.load(roster)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        with db.read() as session:
            return len(session.scalars(select(Reader).where(Reader.name.in_(("孙丽", "周杰")))).all())

    assert run("No") == 2 and asked == []  # the first import asks nothing
    assert run("No") == 2 and asked == [QMessageBox.StandardButton.No]  # asked, No by default
    assert "已在 2026-11-24 10:30 导入过（批次" in dialog.status.text()
    assert run("Yes") == 4 and len(asked) == 2
    assert "已导入" in dialog.status.text()
    dialog.reject()


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform cannot raise or grab a popup
def test_department_field_offers_the_departments_in_use(page, db, qtbot):
    with db.write() as session:
        from bookroom_desk.services.readers import records

        records.register(session, name="孙丽", department="Quality Control")
        records.register(session, name="周杰", department="Quality Control")
    tab = page.list_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    completer = dialog.department.completer()
    assert completer.model().stringList()[0] == "Quality Control"  # the most used first
    qtbot.keyClicks(dialog.department, "CONT")  # any case, anywhere in the name
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    offered = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert offered == ["Quality Control"]
    popup.hide()
    dialog.reject()
