"""Opening the main window in a test, as the program shows it."""

from __future__ import annotations

from bookroom_desk.ui.main_window import MainWindow


def open_window(ctx, qtbot) -> MainWindow:
    """A main window on ``ctx``, shown and exposed, closed with the test."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
