"""A label dialog asked from a title's dialog or the import answers at once (it opens over the dialog it came from)."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bookroom_desk.services.catalogue import copies, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.ui.catalogue.page import CataloguePage
from bookroom_desk.ui.printing.dialog import LabelDialog


@pytest.fixture
def page(ctx, qtbot, sync_tasks):
    with ctx.write() as session:
        title = titles.create_title(session, TitleData(title="红楼梦", clc="I242.4"), actor=OPERATOR)
        copies.add_copies(session, title.id, 2, actor=OPERATOR)
    widget = CataloguePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 650)
    widget.show()
    widget.activated()
    return widget


def label_dialog(qtbot, under) -> LabelDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LabelDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.parent() is under  # over the dialog it was asked from, not beside it
    return dialog


def takes_a_click(qtbot, dialog: LabelDialog) -> None:
    """A real click reaches the dialog: a blocked window drops mouse events, so the close button would do nothing."""
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_labels_from_a_titles_dialog_take_a_click(qtbot, page):
    title = page.open_title(page.model.title_id(0))
    qtbot.waitExposed(title)
    title.copies.table.selectAll()
    title.copies._print()
    dialog = label_dialog(qtbot, title)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    takes_a_click(qtbot, dialog)
    assert title.isVisible()  # the title's dialog is still there, and answers again
    assert QApplication.activeModalWidget() is title


def test_labels_after_an_import_take_a_click(qtbot, page, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["书名", "数量", "中图分类号"])
    book.active.append(["西游记", 2, "I242.4"])
    book.save(tmp_path / "list.xlsx")
    wizard = page.open_import(str(tmp_path / "list.xlsx"))
    qtbot.waitExposed(wizard)
    wizard.import_button.click()
    qtbot.mouseClick(wizard.print_button, Qt.MouseButton.LeftButton)
    dialog = label_dialog(qtbot, wizard)
    takes_a_click(qtbot, dialog)
    assert QApplication.activeModalWidget() is wizard
