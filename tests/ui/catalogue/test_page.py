"""The 藏书 page driven like a volunteer: search as you type, scan an ISBN, a new title, copies, shelves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bookroom_desk.services.catalogue import copies, holdings, shelves, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Copy, Title
from bookroom_desk.ui.catalogue.page import CataloguePage


@pytest.fixture
def page(ctx, qtbot, sync_tasks):
    with ctx.write() as session:
        shelves.create_shelf(session, "I01", "文学", "I", "I", actor=OPERATOR)
        hlm = titles.create_title(session, TitleData(title="红楼梦", author="曹雪芹", isbn="9787020002207",
                                                        clc="I242.4", topic="culture"), actor=OPERATOR)
        law = titles.create_title(session, TitleData(title="劳动合同法释义", clc="D922.52"), actor=OPERATOR)
        copies.add_copies(session, hlm.id, 2, actor=OPERATOR)
        copies.add_copies(session, law.id, 1, actor=OPERATOR)
    widget = CataloguePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.activated()
    return widget


def shown_titles(page):
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def type(qtbot, widget, text):
    """Type ``text``; QTest can only press ASCII keys, so Chinese arrives as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def type_search(qtbot, page, text):
    page.search.clear()
    type(qtbot, page.search, text)
    qtbot.waitUntil(lambda: not page.timer.isActive())


@pytest.mark.parametrize("query", ["hlm", "红楼", "702000220X", "9787020002207", "00000002"])
def test_search_as_you_type(qtbot, page, query):
    assert shown_titles(page) == ["劳动合同法释义", "红楼梦"]
    type_search(qtbot, page, query)
    assert shown_titles(page) == ["红楼梦"]
    assert page.count.text() == "共 1 种"
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[3] == "978-7-02-000220-7" and row[4] == "I242.4/1" and row[5:8] == ["2", "2", "0"]


def test_scanning_a_barcode_opens_its_title_with_the_copy_selected(qtbot, page):
    type_search(qtbot, page, "00000002")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.form.title.text() == "红楼梦"
    assert dialog.copies.selected() == ["00000002"]


def test_scanning_a_new_isbn_starts_a_title_and_enter_saves_it(qtbot, page, db):
    type_search(qtbot, page, "9787111213826")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog.windowTitle() == "新编书目" and dialog.form.isbn.text() == "9787111213826"
    type(qtbot, dialog.form.title, "算法导论")
    dialog.form.clc.setEditText("TP301.6")
    dialog.form.propose()
    assert dialog.form.call_number.placeholderText() == "保存时自动给出，如 TP301.6/1"
    dialog.form.topic.setCurrentIndex(dialog.form.topic.findData("skills"))
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_Return)
    assert "已保存，索书号 TP301.6/1" in dialog.message.text()
    assert dialog.copies_box.isEnabled()
    dialog.copies.add(3, source="purchase")
    assert [row.barcode for row in dialog.copies.rows] == ["00000004", "00000005", "00000006"]
    assert shown_titles(page)[0] == "算法导论"
    with db.read() as session:
        title = session.scalar(select(Title).where(Title.isbn == "9787111213826"))
        assert (title.topic, title.call_number) == ("skills", "TP301.6/1")
        assert {c.source for c in title.copies} == {"purchase"}


def test_errors_show_beside_their_fields_and_nothing_is_saved(qtbot, page, db):
    dialog = page.new_title()
    qtbot.keyClicks(dialog.form.isbn, "9787020002208")
    qtbot.keyClick(dialog.form.isbn, Qt.Key.Key_Return)
    assert dialog.form.errors["isbn"].isVisible()
    assert "校验位" in dialog.form.errors["isbn"].text()
    assert dialog.windowTitle() == "新编书目"  # Enter in the ISBN field looked it up, did not save
    dialog.form.clc.setEditText("Y1")
    assert not dialog.save()
    assert dialog.form.errors["title"].isVisible() and dialog.form.errors["isbn"].isVisible()
    assert dialog.form.errors["clc"].isVisible()  # every problem at once, beside its field
    assert dialog.focusWidget() is dialog.form.title  # the first problem gets the cursor
    dialog.form.isbn.setText("")
    type(qtbot, dialog.form.title, "某书")
    assert not dialog.save()
    assert "不在中图法" in dialog.form.errors["clc"].text() and dialog.form.errors["clc"].isVisible()
    assert not dialog.form.errors["isbn"].isVisible()
    dialog.form.clc.setEditText("I247")
    dialog.form.call_number.setText("I242.4/1")
    assert not dialog.save()
    assert "红楼梦" in dialog.form.errors["call_number"].text()
    with db.read() as session:
        assert session.scalar(select(Title).where(Title.title == "某书")) is None


def test_known_isbn_in_new_title_opens_the_existing_one(qtbot, page):
    dialog = page.new_title()
    qtbot.keyClicks(dialog.form.isbn, "7-02-000220-X")
    qtbot.keyClick(dialog.form.isbn, Qt.Key.Key_Return)
    assert dialog.form.title.text() == "红楼梦" and dialog.title_id is not None
    assert "已经登记过" in dialog.message.text()


def test_copy_life_from_the_dialog_changes_holdings(qtbot, page, db, main_window):
    type_search(qtbot, page, "hlm")
    dialog = page.open_title(page.model.title_id(0))
    dialog.copies.select(["00000001"])
    assert dialog.copies.withdraw("破损严重")
    assert page.model.index(0, 5).data() == "1"  # the list follows at once
    assert not dialog.copies.withdraw("再剔除")
    assert "已经是" in dialog.copies.message.text()
    dialog.copies.select(["00000002"])
    assert dialog.copies.repair()
    assert dialog.copies.repaired()
    assert dialog.copies.lost("读者遗失")
    with db.read() as session:
        assert holdings.standard(session).volumes == 1
    dialog.copies.select(["00000001"])
    assert dialog.copies.reinstate()
    assert "恢复" in dialog.copies.history_text("00000001")
    with db.read() as session:
        assert session.scalar(select(Copy.status).where(Copy.barcode == "00000001")) == "available"
        assert holdings.standard(session).volumes == 2


def test_shelves_tab_adds_edits_and_counts(qtbot, page, db):
    page.tabs.setCurrentIndex(1)
    panel = page.shelves
    assert [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())] == ["I01"]
    assert panel.table.item(0, 3).text() == "2"
    panel.new()
    qtbot.keyClicks(panel.code, "I01")
    qtbot.keyClick(panel.code, Qt.Key.Key_Return)
    assert panel.errors["code"].isVisible() and "已经有了" in panel.errors["code"].text()
    panel.code.setText("D01")
    type(qtbot, panel.name, "法律")
    qtbot.keyClicks(panel.class_from, "D9")
    qtbot.keyClick(panel.class_from, Qt.Key.Key_Return)
    assert "D01 已保存" in panel.message.text()
    assert panel.table.rowCount() == 2
    panel.table.selectRow(1)
    assert panel.code.text() == "I01"
    assert not panel.delete()
    assert "还有 2 册" in panel.message.text()
    with db.read() as session:
        assert shelves.shelf_by_code(session, "D01").class_from == "D9"


def test_print_labels_hands_the_selection_to_the_label_dialog(page, monkeypatch):
    calls = []
    import bookroom_desk.ui.printing.dialog as dialog_module

    monkeypatch.setattr(dialog_module, "open_label_dialog", lambda *a, **kw: calls.append(kw))
    page.search.setText("hlm")
    page.run_search()
    page.print_labels()
    page.print_labels(batch_id=7)
    assert calls == [dict(kind="books", barcodes=["00000001", "00000002"], batch_id=None),
                     dict(kind="books", barcodes=None, batch_id=7)]
    assert page.buttons["printLabels"].isVisibleTo(page)


def test_export_writes_the_workbook(page, tmp_path):
    target = tmp_path / "目录.xlsx"
    page.export(str(target))
    assert target.exists()
    assert "已导出 2 种、3 册" in page.message.text()


def test_page_opens_from_the_main_window(main_window, qtbot):
    main_window.show_page("catalogue")
    page = main_window.page("catalogue")
    assert isinstance(page, CataloguePage)
    assert page.search.hasFocus() or page.focusWidget() is page.search


def test_keyboard_shortcuts(qtbot, page):
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.dialog is not None and page.dialog.windowTitle() == "新编书目"
    page.dialog.close()
    page.tabs.setCurrentIndex(1)
    qtbot.keyClick(page.shelves.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 0


def test_deleting_a_mistaken_copy_from_the_dialog(qtbot, page, db):
    dialog = page.open_title(page.model.title_id(1))
    assert dialog.form.title.text() == "红楼梦"
    added = dialog.copies.add(1)
    dialog.copies.select(added)
    assert dialog.copies.delete()
    assert [row.barcode for row in dialog.copies.rows] == ["00000001", "00000002"]
    with db.read() as session:
        assert session.scalar(select(Copy).where(Copy.barcode == added[0])) is None


def test_holdings_tooltip_says_where_copies_stand(qtbot, page, db):
    with db.write() as session:
        copies.send_to_repair(session, "00000001", actor=OPERATOR)
    type_search(qtbot, page, "hlm")
    tip = page.model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "馆藏 2 册：在架 1，借出 0，修补、加工或缺失 1"
    assert page.shelves.code.placeholderText() == "如 A01；书架标签为 SJ-A01"


def test_shelf_order_from_the_page(qtbot, page):
    page.order.setCurrentIndex(page.order.findData("call_number"))
    assert [page.model.index(r, 4).data() for r in range(page.model.rowCount())] == ["D922.52/1", "I242.4/1"]
    page.order.setCurrentIndex(0)
    assert shown_titles(page) == ["劳动合同法释义", "红楼梦"]


def test_a_call_number_not_led_by_its_class_survives_opening_and_saving(qtbot, page, db):
    with db.write() as session:
        title = titles.create_title(session, TitleData(title="旧账书", clc="D922.5", call_number="D9/77"), actor=OPERATOR)
    dialog = page.open_title(title.id)
    assert dialog.form.call_number.text() == "D9/77"
    assert dialog.save()
    dialog.form.clc.setEditText("I247")
    dialog.form.propose()
    assert dialog.form.call_number.text() == ""  # the class changed: a new number will be given
    assert dialog.save()
    with db.read() as session:
        assert titles.get_title(session, title.id).call_number == "I247/1"


def test_an_isbn10_typed_for_a_new_book_starts_its_title(qtbot, page):
    type_search(qtbot, page, "7-111-21382-3")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.dialog.windowTitle() == "新编书目"
    assert page.dialog.form.isbn.text() == "9787111213826"
    page.dialog.close()
    type_search(qtbot, page, "没有这本书")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert not page.dialog.isVisible()


@pytest.mark.parametrize("scanned", ["978702000220751", "978702000220751234", "９７８７０２０００２２０７５１２３４"])
def test_an_isbn_scanned_with_its_price_add_on_finds_its_title(qtbot, page, scanned):
    type_search(qtbot, page, scanned)
    assert shown_titles(page) == ["红楼梦"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.dialog.form.title.text() == "红楼梦"  # the title, not a new one for the same ISBN
    new = page.new_title()
    type(qtbot, new.form.isbn, scanned)
    qtbot.keyClick(new.form.isbn, Qt.Key.Key_Return)
    assert new.form.title.text() == "红楼梦" and "已经登记过" in new.message.text()


def test_a_class_changed_and_saved_at_once_gets_the_next_number_of_the_new_class(qtbot, page, db):
    # Saved straight after choosing the class (no editingFinished, so no proposal cleared the old number).
    with db.write() as session:
        title = titles.create_title(session, TitleData(title="换类书", clc="D922.5"), actor=OPERATOR)
    dialog = page.open_title(title.id)
    assert dialog.form.call_number.text() == "D922.5/1"
    dialog.form.clc.setEditText("I242.4")
    assert dialog.form.call_number.text() == "D922.5/1"
    assert dialog.save()
    with db.read() as session:
        assert titles.get_title(session, title.id).call_number == "I242.4/2"  # 红楼梦 holds I242.4/1
    assert "I242.4/2" in dialog.message.text()


@pytest.mark.parametrize(("choice", "name", "marks"), [
    (1, "目录", [b"50  ", "红楼梦".encode()]),
    (2, "目录", [b"0120", "红楼梦".encode("gb18030")]),
    (3, "目录.xml", [b"<?xml", "红楼梦".encode()]),
])
def test_the_catalogue_is_exported_as_marc_from_the_window(qtbot, page, tmp_path, monkeypatch, choice, name, marks):
    from PySide6.QtWidgets import QFileDialog

    filters = page.export_filters()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(tmp_path / name), filters[choice][0])))
    page.ask_export()
    written = tmp_path / (name if name.endswith(".xml") else name + filters[choice][1])
    qtbot.waitUntil(lambda: "MARC 记录" in page.message.text())
    assert page.message.text() == f"已导出 2 条 MARC 记录（3 册）到 {written}。"
    data = written.read_bytes()
    for mark in marks:
        assert mark in data
