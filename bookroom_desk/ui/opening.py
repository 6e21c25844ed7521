"""The desk while the room opens: the scan field is there (and has the keyboard) before the room is.

The window is shown as soon as Qt is up, before SQLAlchemy, the services and the room's file are
loaded (about half a second on a large room). Meanwhile this stand-in takes the scans: each code
ended with Enter (or Tab, as some scanners send) is queued, in order; the desk page, once built,
processes the queue as if scanned there, and keeps whatever was typed but not yet ended.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

#: Qt.Key.Key_Tab: nothing of Qt's namespace here, whose first use makes all its enums (20-40 ms, see main_window).
KEY_TAB = 0x01000001


class OpeningDesk(QWidget):
    """The desk page's stand-in: ``scanInput`` queues codes until the room is open (``scan=False``: no field,
    for a room that opens at the log-in)."""

    def __init__(self, parent: QWidget | None = None, *, scan: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("page_opening")
        self.queued: list[str] = []
        self.prompt = QLabel(self.tr("正在打开书屋…可以先扫码，书屋打开后依次处理。"), self)
        self.prompt.setObjectName("openingPrompt")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addWidget(self.prompt)
        self.scan_input: QLineEdit | None = None
        if scan:
            self.scan_input = QLineEdit(self)
            self.scan_input.setObjectName("scanInput")  # as the desk's: the keyboard (and a scanner) types here
            self.scan_input.setPlaceholderText(self.tr("扫码或输入条码后按回车"))
            font = QFont(self.scan_input.font())
            font.setPointSize(font.pointSize() + 8)  # as the desk's field
            self.scan_input.setFont(font)
            self.scan_input.returnPressed.connect(self._queue)
            self.scan_input.installEventFilter(self)
            layout.addWidget(self.scan_input)
        layout.addStretch(1)

    def _queue(self) -> None:
        assert self.scan_input is not None
        raw = self.scan_input.text()
        self.scan_input.clear()
        if raw.strip():
            self.queued.append(raw)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.scan_input and event.type() == QEvent.Type.KeyPress and event.key() == KEY_TAB
                and self.scan_input.text().strip()):
            self._queue()  # scanners set to end a code with Tab instead of Enter
            return True
        return super().eventFilter(watched, event)

    def focus(self) -> None:
        if self.scan_input is not None:
            self.scan_input.setFocus()  # Qt.FocusReason.OtherFocusReason

    def take(self) -> tuple[list[str], str]:
        """(the codes queued, in order; the text typed but not ended), leaving nothing behind."""
        queued, self.queued = self.queued, []
        typed = ""
        if self.scan_input is not None:
            typed = self.scan_input.text()
            self.scan_input.clear()
        return queued, typed
