"""The base of every page in the main window, and a page that says what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bookroom_desk.ui.context import AppContext


class Page(QWidget):
    """A page of the main window; ``activated`` runs each time it is shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def activated(self) -> None:
        """Refresh what the page shows; called when the user opens it."""


class PlaceholderPage(Page):
    """A page a later version fills: it says what it will hold instead of being blank."""

    heading = ""
    description = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        heading = QLabel(self.heading, self)
        heading.setObjectName("pageHeading")
        body = QLabel(self.description, self)
        body.setObjectName("placeholderText")
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
