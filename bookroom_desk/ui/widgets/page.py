"""The base of every page in the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from bookroom_desk.ui.context import AppContext


class Page(QWidget):
    """A page of the main window; ``activated`` runs each time it is shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def activated(self) -> None:
        """Refresh what the page shows; called when the user opens it."""

