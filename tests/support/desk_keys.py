"""Driving the desk page as a scanner and a volunteer do: a code typed into scanInput then Enter, a key."""

from __future__ import annotations

from PySide6.QtCore import Qt


def scan(qtbot, desk, code: str) -> None:
    qtbot.keyClicks(desk.scan_input, code)
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_Return)


def key(qtbot, desk, keys, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(desk.scan_input, keys, modifier)


def said(desk) -> str:
    """What the feedback panel says now."""
    return desk.feedback.message.text()
