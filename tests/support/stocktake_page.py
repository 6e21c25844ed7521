"""Driving the 盘点 page like a scanner: shelf labels and copies typed into stocktakeScanInput, then Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit


def scan(qtbot, page, code: str) -> None:
    field = page.findChild(QLineEdit, "stocktakeScanInput")
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def start_with(page, qtbot, *codes: str) -> None:
    """Choose shelves by their codes in the list, then start."""
    shelf_list = page.start_view.shelf_list
    for i in range(shelf_list.count()):
        item = shelf_list.item(i)
        if item.text().split()[0] in codes:
            item.setCheckState(Qt.CheckState.Checked)
    assert page.start_view.chosen_shelves.isChecked()
    qtbot.mouseClick(page.start_view.start_button, Qt.MouseButton.LeftButton)
