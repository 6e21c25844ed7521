"""Fonts and the application style: Simplified Chinese shapes wherever the system has them."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from bookroom_desk.fonts import cjk_families

STYLE_SHEET = """
QListWidget#navigation { font-size: 15px; border: none; background: #f3f5f7; padding-top: 8px; }
QListWidget#navigation::item { padding: 10px 16px; }
QListWidget#navigation::item:selected { background: #1565c0; color: white; }
QLabel#pageHeading { font-size: 20px; font-weight: bold; }
QLabel#scanPrompt { font-size: 16px; color: #333; }
"""


def apply_style(app: QApplication) -> None:
    families = cjk_families()
    if families:
        font = QFont(app.font())
        font.setFamilies(families)
        font.setPointSize(max(font.pointSize(), 10))
        app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
