"""The label dialog's file chooser and print dialog open over it, also when it is itself over a title's dialog.

A dialog that waits is looked at while it is up; keys go through its window, as a person's would
(tests/support/over_dialog.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog

from bookroom_desk.services.catalogue import copies, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.ui.catalogue.page import CataloguePage
from bookroom_desk.ui.printing import dialog as dialog_module
from bookroom_desk.ui.printing.dialog import LabelDialog, open_label_dialog
from tests.support.over_dialog import Seen, answered_over


@pytest.fixture(autouse=True)
def scratch_pc_settings(tmp_path, monkeypatch):
    """This PC's settings in a scratch file, so tests neither read nor leave the user's."""
    path = str(tmp_path / "pc.ini")
    monkeypatch.setattr(dialog_module, "pc_settings", lambda: QSettings(path, QSettings.Format.IniFormat))


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


def labels_over_a_title(qtbot, page) -> LabelDialog:
    title = page.open_title(page.model.title_id(0))
    qtbot.waitExposed(title)
    title.copies.table.selectAll()
    title.copies._print()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LabelDialog))
    labels = QApplication.activeModalWidget()
    qtbot.waitExposed(labels)
    assert labels.parent() is title and labels.sheets() is not None
    return labels


def over(seen: Seen, outer, kind) -> None:
    assert seen.kind is kind  # it came up, the active modal dialog
    assert seen.over(outer)  # over the dialog it was asked from, not beside it
    assert seen.closed_by_escape  # Escape, sent as the keyboard sends it, reached it


def test_saving_labels_asks_for_the_file_over_the_label_dialog(qtbot, page):
    labels = labels_over_a_title(qtbot, page)
    seen, _ = answered_over(labels, labels.save_pdf)
    over(seen, labels, QFileDialog)
    assert labels.isVisible() and QApplication.activeModalWidget() is labels


def test_printing_labels_opens_the_print_dialog_over_the_label_dialog(qtbot, page):
    labels = labels_over_a_title(qtbot, page)
    seen, _ = answered_over(labels, labels.print_labels)
    over(seen, labels, QPrintDialog)
    assert QApplication.activeModalWidget() is labels


def test_labels_from_a_page_ask_for_the_file_over_themselves(qtbot, page, ctx):
    with ctx.read() as session:
        codes = [c.barcode for c in titles.get_title(session, page.model.title_id(0)).copies]
    labels = open_label_dialog(page, ctx, kind="books", barcodes=codes)  # not modal: the page's work goes on
    qtbot.waitExposed(labels)
    assert labels.sheets() is not None
    seen, _ = answered_over(labels, labels.save_pdf)
    over(seen, labels, QFileDialog)
