"""The reading stars' PDF file chooser and print dialog open over the window they are asked from and take keys.

A dialog that waits is looked at while it is up; keys go through its window, as a person's would
(tests/support/over_dialog.py).
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog

from tests.support.over_dialog import Seen, answered_over
from tests.support.windows import open_window


def over(seen: Seen, outer, kind) -> None:
    assert seen.kind is kind  # it came up, the active modal dialog
    assert seen.over(outer)  # over the window it was asked from, not a window of its own
    assert seen.closed_by_escape  # Escape, sent as the keyboard sends it, reached it


def test_the_stars_pdf_and_print_dialogs_open_over_the_window(ctx, qtbot):
    window = open_window(ctx, qtbot)
    window.show_page("activities")
    page = window.page("activities")
    page.show_tab(page.stars)
    seen, _ = answered_over(window, page.stars.choose_pdf)
    over(seen, window, QFileDialog)
    seen, _ = answered_over(window, page.stars.print_list)
    over(seen, window, QPrintDialog)
