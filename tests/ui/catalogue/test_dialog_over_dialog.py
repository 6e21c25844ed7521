"""A dialog asked from a title's dialog or the import answers at once (it opens over the dialog it came from).

The label dialog, the copies' own dialogs (add, reason, delete, history) and the import's file and question.
"""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from shiboken6 import Shiboken

from bookroom_desk.services.catalogue import copies, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.ui.catalogue.page import CataloguePage
from bookroom_desk.ui.printing.dialog import LabelDialog
from tests.support.over_dialog import Seen, answered_over, look


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
    """A click, sent to the dialog's window as the window system sends it, reaches the close button.

    A window blocked by a modal dialog drops such a click, so the button would do nothing. (qtbot.mouseClick on
    the button itself hands the event to the widget past the modal check: it would reach a blocked dialog too.)
    """
    qtbot.waitExposed(dialog)
    button = dialog.close_button
    QTest.mouseClick(dialog.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     button.mapTo(dialog, button.rect().center()))
    qtbot.waitUntil(lambda: not Shiboken.isValid(dialog) or not dialog.isVisible())  # closed (and deleted)


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


# The copies' own dialogs over a title's dialog, and the import's questions over the import -------------------
# (a dialog that waits is looked at while it is up; keys go through its window, as a person's would)


def title_dialog(qtbot, page):
    title = page.open_title(page.model.title_id(0))
    qtbot.waitExposed(title)
    title.copies.table.selectRow(0)
    return title


def over(seen: Seen, outer, kind) -> None:
    assert seen.kind is kind  # it came up, the active modal dialog
    assert seen.over(outer)  # over the dialog it was asked from, not the page or no window at all
    assert seen.closed_by_escape  # Escape, sent as the keyboard sends it, reached it


def test_adding_copies_opens_over_the_titles_dialog(qtbot, page, ctx):
    from bookroom_desk.ui.catalogue.copies import AddCopiesDialog

    title = title_dialog(qtbot, page)
    seen, _ = answered_over(title, title.copies.ask_add)
    over(seen, title, AddCopiesDialog)
    assert len(title.copies.rows) == 2  # Escape added nothing
    assert QApplication.activeModalWidget() is title


def test_a_reason_is_typed_into_its_box_over_the_titles_dialog(qtbot, page):
    title = title_dialog(qtbot, page)
    seen, reason = answered_over(title, lambda: title.copies._ask_reason("剔除"), text="ab")
    over(seen, title, QInputDialog)
    assert seen.typed == "ab"
    assert reason is None  # Escape: nothing withdrawn


def test_deleting_copies_asks_over_the_titles_dialog(qtbot, page):
    title = title_dialog(qtbot, page)
    seen, _ = answered_over(title, title.copies.ask_delete)
    over(seen, title, QMessageBox)
    assert len(title.copies.rows) == 2


def test_a_copys_history_opens_over_the_titles_dialog(qtbot, page):
    title = title_dialog(qtbot, page)
    title.copies.show_history()
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.objectName() == "historyBox"
    qtbot.waitExposed(box)
    seen = Seen()
    look(box, seen, "")
    over(seen, title, QMessageBox)
    assert seen.modality == Qt.WindowModality.WindowModal  # it does not wait: modal to the title's dialog alone
    assert QApplication.activeModalWidget() is title


def test_the_imports_file_and_question_open_over_the_import(qtbot, page):
    wizard = page.open_import()
    qtbot.waitExposed(wizard)
    seen, _ = answered_over(wizard, wizard.choose_file)
    over(seen, wizard, QFileDialog)
    seen, answer = answered_over(wizard, wizard.confirm_discard)
    over(seen, wizard, QMessageBox)
    assert answer is False and wizard.isVisible()
