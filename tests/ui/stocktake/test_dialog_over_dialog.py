"""The 盘点 page's dialogs open over the window they are asked from (never beside it) and take keys at once.

A dialog that waits is looked at while it is up; keys go through its window, as a person's would
(tests/support/over_dialog.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from bookroom_desk.ui.stocktake.writeoff import WriteOffDialog
from tests.support.over_dialog import Seen, answered_over


def over(seen: Seen, outer, kind) -> None:
    assert seen.kind is kind  # it came up, the active modal dialog
    assert seen.over(outer)  # over the window it was asked from, not a window of its own
    assert seen.closed_by_escape  # Escape, sent as the keyboard sends it, reached it


def test_the_write_off_opens_over_the_window(main_window, page):
    seen, _ = answered_over(main_window, page.write_off)
    over(seen, main_window, WriteOffDialog)
    assert "已核销" not in page.status.text()


def test_the_report_file_and_a_collectors_file_are_asked_over_the_window(main_window, page):
    seen, path = answered_over(main_window, lambda: page.choose_report_path(1))
    over(seen, main_window, QFileDialog)
    assert path == ""
    seen, _ = answered_over(main_window, page.counting._choose_file)
    over(seen, main_window, QFileDialog)


def test_finishing_is_asked_over_the_window(main_window, page):
    seen, answer = answered_over(main_window, lambda: page.results.confirm("结束？"))
    over(seen, main_window, QMessageBox)
    assert answer is False
