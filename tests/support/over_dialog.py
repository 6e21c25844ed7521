"""Checking a dialog asked from another dialog: it opens over that dialog and takes keys at once.

A dialog that waits (``exec()``, ``QMessageBox.question``, ``QFileDialog.get...``) runs its own event loop,
so the checks run from a timer while it is up; they only record what they see and always close it, and the
test asserts afterwards (an assertion raised inside the loop would leave the dialog open for ever).

Keys are sent to the dialog's window (QTest on the QWindow), as the window system sends them: a window
blocked by a modal dialog drops them. (QTest on a widget hands the event to the widget directly, past the
modal check, so it would reach even a blocked dialog.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

#: How long a dialog may take to come up.
WAIT_MS = 3000


@dataclass
class Seen:
    """What the check saw of the dialog that came up (``kind`` None: none came up)."""

    kind: type | None = None
    parents: list[QWidget] = field(default_factory=list)  # the dialog's parent, its parent's parent...
    modality: Qt.WindowModality | None = None
    typed: str | None = None  # the text a line edit in it had after the keys were typed
    closed_by_escape: bool = False

    def over(self, outer: QWidget) -> bool:
        """Whether the dialog is over ``outer``: ``outer`` is its parent, or its parent's window."""
        return any(widget is outer for widget in self.parents)


def chain(widget: QWidget) -> list[QWidget]:
    parents = []
    parent = widget.parentWidget()
    while parent is not None:
        parents.append(parent)
        parent = parent.parentWidget()
    return parents


def type_into_window(dialog: QWidget, text: str) -> None:
    window = dialog.windowHandle()
    for char in text:
        QTest.keyClick(window, char)


def escape(dialog: QWidget) -> None:
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Escape)


def look(dialog: QWidget, seen: Seen, text: str) -> None:
    """Record ``dialog``, type ``text`` into it and press Escape, through its window."""
    seen.kind = type(dialog)
    seen.parents = chain(dialog)
    seen.modality = dialog.windowModality()
    edit = dialog.focusWidget() if text else None
    if isinstance(edit, QLineEdit):
        type_into_window(dialog, text)
        seen.typed = edit.text()
    escape(dialog)
    seen.closed_by_escape = not dialog.isVisible()


def answered_over(outer: QWidget, ask: Callable[[], object], text: str = "") -> tuple[Seen, object]:
    """Call ``ask()``, which opens a dialog and waits for it; look at that dialog while it is up and close it.

    ``outer`` is the dialog it is asked from. Returns what was seen and what ``ask()`` returned.
    """
    seen = Seen()
    clock = QElapsedTimer()
    clock.start()
    returned = []

    def probe() -> None:
        if returned:  # ask() opened nothing that waited: nothing to look at (seen.kind stays None)
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is outer or not dialog.isVisible() or dialog.windowHandle() is None \
                or not dialog.windowHandle().isExposed():
            if clock.elapsed() < WAIT_MS:
                QTimer.singleShot(10, probe)
            return
        try:
            look(dialog, seen, text)
        finally:
            if dialog.isVisible() and isinstance(dialog, QDialog):
                dialog.reject()  # the keys did not reach it: close it anyway, the test fails on what was seen

    QTimer.singleShot(0, probe)
    result = ask()
    returned.append(True)
    return seen, result
