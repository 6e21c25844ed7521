"""PySide6 6.12 drops a reference to None on each call that returns nothing; printing keeps None alive."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QImage, QPainter

import bookroom_desk.printing  # noqa: F401 - importing it installs the guard


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_none_cannot_run_out_of_references():
    assert sys.getrefcount(None) > 1 << 59


def test_many_painter_calls_leave_the_interpreter_standing(qapp):
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(20_000):  # more than None's own count in a fresh interpreter
            painter.save()
            painter.restore()
    finally:
        painter.end()
    assert sys.getrefcount(None) > 0 and before > 0
