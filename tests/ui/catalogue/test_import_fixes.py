"""Fixing a bad delivery list inside the wizard: edit the cell and check again, save the bad rows, Esc asks."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from bookroom_desk.ui.catalogue.import_preview import FIRST_FIELD, MATCH
from tests.support.delivery import isbn, volumes
from tests.support.delivery import write_list as write

HEADER = ("书号", "题名", "复本数", "中图分类号")


def _bad_list(tmp_path):
    rows = [(isbn(i), f"书{i}", 1, "I247") for i in range(5)]
    rows[1] = ("9787111000008", "书1", 1, "I247")  # file row 4: a wrong check digit
    rows[3] = (isbn(3), "书3", 1, "W1")  # file row 6: not a CLC class
    return write(tmp_path / "bad.xlsx", HEADER, rows)


def _type_into_cell(qtbot, dialog, row: int, column: int, text: str) -> None:
    view = dialog.preview
    index = dialog.preview_model.index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == index.data()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    edited = dialog.edited
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.edited and not edited or dialog.preview_model.index(row, column).data() == text)


def test_bad_cells_edited_in_the_preview_are_checked_again_and_import(page, db, qtbot, tmp_path):
    dialog = page.open_import(_bad_list(tmp_path))
    assert "其中 2 行有问题" in dialog.summary.text() and not dialog.import_button.isEnabled()
    _type_into_cell(qtbot, dialog, 1, FIRST_FIELD, isbn(1))  # ISBN column of file row 4
    assert "其中 1 行有问题" in dialog.summary.text()
    assert dialog.preview_model.index(1, FIRST_FIELD).data() == isbn(1)
    _type_into_cell(qtbot, dialog, 3, FIRST_FIELD + 3, "TP3")  # 分类号 column of file row 6
    assert "检查通过" in dialog.summary.text() and dialog.import_button.isEnabled()
    dialog.run_import()
    assert volumes(db) == 5


def test_only_mapped_value_cells_are_editable(page, tmp_path):
    dialog = page.open_import(_bad_list(tmp_path))
    model = dialog.preview_model
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable  # 行号
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable  # 问题
    assert not model.flags(model.index(0, MATCH)) & Qt.ItemFlag.ItemIsEditable  # 书目: nothing to decide
    assert model.flags(model.index(0, FIRST_FIELD)) & Qt.ItemFlag.ItemIsEditable  # ISBN, mapped
    assert not model.flags(model.index(0, FIRST_FIELD + 2)) & Qt.ItemFlag.ItemIsEditable  # 著者: no such column in the file


def test_the_bad_rows_saved_apart_load_again_once_corrected(page, db, qtbot, tmp_path):
    dialog = page.open_import(_bad_list(tmp_path))
    assert dialog.save_bad_button.isVisible()
    saved = tmp_path / "bad-rows.xlsx"
    dialog.save_bad_rows(saved)
    assert str(saved) in dialog.summary.text()
    sheet = openpyxl.load_workbook(saved).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == [*HEADER, "问题"]
    assert [r[:4] for r in rows[1:]] == [["9787111000008", "书1", "1", "I247"], [isbn(3), "书3", "1", "W1"]]
    assert "校验位" in rows[1][4] and "中图法" in rows[2][4]
    assert volumes(db) == 0  # saving imports nothing
    rows[1][0], rows[2][3] = isbn(1), "TP3"
    fixed = write(tmp_path / "fixed.xlsx", rows[0], [r[:4] for r in rows[1:]])
    again = page.open_import(fixed)
    assert "检查通过" in again.summary.text()
    again.run_import()
    assert volumes(db) == 2


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_esc_asks_before_an_edited_preview_is_thrown_away(page, qtbot, tmp_path, monkeypatch, answer):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *args: asked.append(args[1]) or getattr(QMessageBox.StandardButton, answer)))
    dialog = page.open_import(_bad_list(tmp_path))
    qtbot.keyClick(dialog.preview, Qt.Key.Key_Escape)  # nothing edited: closes without asking
    assert asked == [] and not dialog.isVisible()
    dialog = page.open_import(_bad_list(tmp_path))
    _type_into_cell(qtbot, dialog, 1, FIRST_FIELD, isbn(1))
    qtbot.keyClick(dialog.preview, Qt.Key.Key_Escape)
    assert asked == ["放弃修改？"]
    assert dialog.isVisible() == (answer == "No")
    dialog.edited = False  # so the test's own teardown closes it without a real question
    dialog.reject()
