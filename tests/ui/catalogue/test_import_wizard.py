"""The import wizard: mapping found and corrected, a preview naming exactly the bad rows, all-or-nothing import."""

from __future__ import annotations

import pytest

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.ui.catalogue.import_preview import FIRST_FIELD
from tests.support.delivery import isbn, volumes
from tests.support.delivery import write_list as write


def shown(dialog, column):
    model = dialog.preview_model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_three_bad_rows_are_shown_and_nothing_imports(page, db, tmp_path):
    rows = [(isbn(i), f"书{i}", 1, "I247") for i in range(12)]
    rows[1] = ("9787111000008", "书1", 1, "I247")   # file row 4
    rows[6] = (isbn(6), "书6", 0, "I247")           # file row 9
    rows[9] = (isbn(9), "书9", 1, "W1")             # file row 12
    path = write(tmp_path / "bad.xlsx", ("书号", "题名", "复本数", "中图分类号"), rows)
    dialog = page.open_import(path)
    assert dialog.combos["isbn"].currentText() == "书号" and dialog.combos["quantity"].currentText() == "复本数"
    assert "共 12 行，其中 3 行有问题" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.only_problems.setChecked(True)
    assert shown(dialog, 0) == ["4", "9", "12"]
    problems = shown(dialog, 1)
    assert "校验位" in problems[0] and "数量" in problems[1] and "不在中图法" in problems[2]
    dialog.run_import()
    assert volumes(db) == 0


def test_mapping_corrected_by_hand_then_import_and_print_button(page, db, tmp_path, monkeypatch):
    path = write(tmp_path / "ledger.xlsx", ("编号", "品名", "件数", "架"),
                 [("1", "红楼梦", 2, "WX1"), ("2", "西游记", 1, "WX1"), ("合计", "", 3, "")])
    dialog = page.open_import(path)
    assert "找不到“书名”这一列" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    title = dialog.combos["title"]
    title.setCurrentIndex(title.findText("品名"))
    title.activated.emit(title.currentIndex())
    quantity = dialog.combos["quantity"]
    quantity.setCurrentIndex(quantity.findText("件数"))
    quantity.activated.emit(quantity.currentIndex())
    shelf = dialog.combos["shelf"]
    shelf.setCurrentIndex(shelf.findText("架"))
    shelf.activated.emit(shelf.currentIndex())
    assert "检查通过：将导入 2 种（其中新书目 2 种）、3 册" in dialog.summary.text()
    assert shown(dialog, FIRST_FIELD + 1) == ["红楼梦", "西游记"]
    dialog.source.setCurrentIndex(dialog.source.findData("donation"))
    dialog.supplier.setText("某单位工会")
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert "已导入 2 种、3 册" in dialog.summary.text()
    assert volumes(db) == 3
    assert not dialog.import_button.isEnabled()  # the same list is not imported twice by a second click
    assert dialog.print_button.isVisible()  # labels for the new batch are offered at once
    calls = []
    import bookroom_desk.ui.printing.dialog as dialog_module

    monkeypatch.setattr(dialog_module, "open_label_dialog", lambda *a, **kw: calls.append(kw))
    dialog.print_button.click()
    assert calls == [dict(kind="books", barcodes=None, batch_id=dialog.result.batch_id)]
    assert sorted(page.model.index(r, 0).data() for r in range(page.model.rowCount())) == ["红楼梦", "西游记"]


def test_unreadable_file_is_said_plainly(page, tmp_path):
    path = tmp_path / "junk.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    dialog = page.open_import(str(path))
    assert "无法读取文件" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_a_barcode_taken_after_the_preview_stops_the_import(page, db, tmp_path):
    path = write(tmp_path / "list.xlsx", ("书名", "条码号"), [("红楼梦", "00000005"), ("西游记", "00000006")])
    dialog = page.open_import(path)
    assert dialog.import_button.isEnabled()
    from bookroom_desk.services.catalogue import copies, titles
    from bookroom_desk.services.catalogue.titles import TitleData

    with db.write() as session:  # another desk labels a copy with the same barcode meanwhile
        title = titles.create_title(session, TitleData(title="别的书"), actor=OPERATOR)
        copies.add_copies(session, title.id, 1, barcodes=["00000006"], actor=OPERATOR)
    dialog.run_import()
    assert "1 处问题" in dialog.summary.text()
    assert "已被使用" in shown(dialog, 1)[1]
    assert volumes(db) == 1


def test_the_status_bar_holdings_follow_an_import(main_window, qtbot, sync_tasks, tmp_path):
    main_window.show_page("catalogue")
    page = main_window.page("catalogue")
    qtbot.waitUntil(lambda: "藏书 0 / 3,000 册" in main_window.room_status.holdings.text())  # counted off the GUI thread
    rows = [(isbn(i), f"书{i}", 2, "I247") for i in range(40)]
    dialog = page.open_import(write(tmp_path / "list.xlsx", ("书号", "题名", "复本数", "中图分类号"), rows))
    dialog.run_import()
    qtbot.waitUntil(lambda: "藏书 80 / 3,000 册" in main_window.room_status.holdings.text())  # refreshed soon after
    assert page.count.text() == "共 40 种"


def test_a_big_list_is_keyed_in_the_background_and_found_by_pinyin_after(main_window, qtbot, sync_tasks, tmp_path,
                                                                          monkeypatch):
    from bookroom_desk.services.catalogue import search

    monkeypatch.setattr(search, "KEYS_INLINE_MAX", 5)
    monkeypatch.setattr(search, "KEY_BATCH", 4)
    shown_steps = []
    keys = main_window.search_keys
    keys.label.setText = lambda text, set_text=keys.label.setText: (shown_steps.append(text), set_text(text))
    main_window.show_page("catalogue")
    page = main_window.page("catalogue")
    rows = [(isbn(i), f"平凡的世界{i}", 1, "I247") for i in range(9)]
    dialog = page.open_import(write(tmp_path / "big.xlsx", ("书号", "题名", "复本数", "中图分类号"), rows))
    dialog.run_import()
    assert dialog.result.keys_pending == 9
    assert shown_steps == ["正在建立检索：4 / 9 种", "正在建立检索：8 / 9 种", "正在建立检索：9 / 9 种"]
    assert not keys.label.isVisible() and not keys.running
    with main_window.ctx.read() as session:
        assert search.unkeyed_count(session) == 0
        assert len(search.find_titles(session, "pfdsj")) == 9
    page.search.clear()
    qtbot.keyClicks(page.search, "pfdsj")
    qtbot.waitUntil(lambda: page.count.text() == "共 9 种")


def test_titles_left_unkeyed_at_the_last_close_are_keyed_at_start(main_window, db, sync_tasks, monkeypatch):
    from bookroom_desk.services.catalogue import search
    from tests.support.helpers import add_title

    with db.write() as session:
        add_title(session, "平凡的世界")
    with db.write() as session:
        session.execute(search.Title.__table__.update().values(search_text="", pinyin=""))
    main_window.search_keys.start()
    with db.read() as session:
        assert search.unkeyed_count(session) == 0
        assert len(search.find_titles(session, "pfdsj")) == 1


def test_stopped_keys_wait_for_resume(main_window, db, sync_tasks):
    from bookroom_desk.services.catalogue import search
    from tests.support.helpers import add_title

    with db.write() as session:
        add_title(session, "平凡的世界")
    with db.write() as session:
        session.execute(search.Title.__table__.update().values(search_text="", pinyin=""))
    keys = main_window.search_keys
    keys.stop()
    keys.start()
    with db.read() as session:
        assert search.unkeyed_count(session) == 1
    keys.resume()
    with db.read() as session:
        assert search.unkeyed_count(session) == 0


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_the_same_list_again_is_asked_about_no_by_default(page, db, tmp_path, monkeypatch, answer):
    from PySide6.QtWidgets import QMessageBox

    rows = [(isbn(i), f"书{i}", 2, "I247") for i in range(3)]
    first = page.open_import(write(tmp_path / "list.xlsx", ("书号", "题名", "复本数", "中图分类号"), rows))
    first.run_import()
    assert volumes(db) == 6
    # The same rows saved again as another file: noticed by its rows, not its name or bytes.
    dialog = page.open_import(write(tmp_path / "list (2).xlsx", ("书号", "题名", "复本数", "中图分类号"), rows))
    assert "注意：这些行已在 2026-11-24 10:30 导入过（批次 1，3 行）" in dialog.summary.text()
    asked = []

    def question(parent, title, text, buttons, default):
        asked.append((title, default))
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog.run_import()
    assert asked == [("再导入一次？", QMessageBox.StandardButton.No)]
    assert volumes(db) == (12 if answer == "Yes" else 6)


def test_a_stray_quote_is_said_with_its_row_and_the_last_preview_goes(page, tmp_path):
    good = write(tmp_path / "good.xlsx", ("书号", "题名"), [(isbn(1), "书1"), (isbn(2), "书2")])
    dialog = page.open_import(good)
    assert dialog.preview_model.rowCount() == 2
    bad = tmp_path / "bad.csv"
    bad.write_text('题名,复本数\n红楼梦,1\n"西游记,1\n水浒传,1\n', encoding="utf-8")
    dialog.load_file(str(bad))
    assert "第 3 行" in dialog.summary.text() and "引号" in dialog.summary.text()
    assert dialog.preview_model.rowCount() == 0 and not dialog.import_button.isEnabled()
