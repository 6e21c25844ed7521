"""Printing: labels (book barcodes, spine labels, reader cards, shelf labels) to PDF and printers.

Sits beside ui/ over services/: QtGui painting and QtPrintSupport only; the one widget module
is ``dialog`` (the label print dialog, the UI of printing).
"""

from __future__ import annotations

import ctypes
import sys


def _keep_none_alive() -> None:
    """Make None immortal on Python < 3.12, as 3.12 itself does (PEP 683).

    PySide6 6.12 on Python 3.11 drops one reference to None on every call of a method that
    returns nothing (QPainter.fillRect, QWidget.setText, ...); a sheet of labels makes
    thousands of such calls, and the interpreter aborts with "none_dealloc" once None's count
    reaches zero. None is never freed, so a huge count is harmless.
    """
    # Only a release CPython build keeps the count as an object's first field (debug builds do not).
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    if abs(count.value - sys.getrefcount(None)) <= 2 and count.value < 1 << 40:  # the field is the count Python reports
        count.value += 1 << 60


_keep_none_alive()
