"""The desk's controller: a FIFO of scans and keys for the desk's counter, its idle and refresh timers."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from bookroom_desk.services.circulation.counter import DeskCounter
from bookroom_desk.services.circulation.results import ScanResult
from bookroom_desk.ui.context import AppContext

#: How long after the last scan of a burst the other views are told the data changed.
REFRESH_DELAY_MS = 1000


class ScanController(QObject):
    """Hands the desk's commands to its DeskCounter one at a time, in the order they came, on the GUI thread.

    A scan is a few indexed lookups and one small commit (a few milliseconds), so it runs on
    the GUI thread; the FIFO keeps order if a command arrives while another is being handled
    (a scanner types ~13 characters and Enter in 100 ms). The other pages are told about the
    change once a burst of scans pauses: their refreshes (the status bar's figures take ~0.4 s
    with a million past loans) must not sit between two scans.
    """

    resultReady = Signal(object)  # ScanResult
    readerChanged = Signal(object)  # reader id or None
    visitEnded = Signal(object)  # counter.Visit: a reader's visit ended (another card, Esc, the idle timeout)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.counter = DeskCounter()
        self._queue: deque[Callable[[], ScanResult | None]] = deque()
        self._busy = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.idle_close)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._refresh.timeout.connect(ctx.dataChanged.emit)
        ctx.dataChanged.connect(self.counter.settings_changed)
        with ctx.read() as session:
            self.idle.setInterval(self.counter.idle_seconds(session) * 1000)

    @property
    def reader_id(self) -> int | None:
        return self.counter.reader_id

    # --- commands (each queued; the actor is the one at the desk when the command runs) ---

    def submit(self, raw: str) -> None:
        """A scan (or typed code) arrived."""
        self._enqueue(lambda: self.counter.scan(self.ctx.db.write, raw, actor=self.ctx.actor))

    def renew(self, loan_id: int | None) -> None:
        self._enqueue(lambda: self.counter.renew(self.ctx.db.write, loan_id, actor=self.ctx.actor))

    def renew_all(self) -> None:
        self._enqueue(lambda: self.counter.renew_all(self.ctx.db.write, actor=self.ctx.actor))

    def accept_offer(self) -> None:
        self._enqueue(lambda: self.counter.accept_offer(self.ctx.db.write, actor=self.ctx.actor))

    def override(self, reason: str | None) -> None:
        """F10: an administrator lends past the last refusal, with ``reason``."""
        self._enqueue(lambda: self.counter.override(self.ctx.db.write, reason, actor=self.ctx.actor))

    def undo_last(self) -> None:
        self._enqueue(lambda: self.counter.undo(self.ctx.db.write, actor=self.ctx.actor))

    def open_shelf(self, code: str) -> None:
        """Shelving onto the shelf ``code``, chosen on screen."""
        self._enqueue(lambda: self.counter.open_shelf(self.ctx.db.read, code))

    def open_mode(self, mode: str) -> None:
        """阅览 (F6) or 入馆 (F7): see services/circulation/reading.py."""
        self._enqueue(lambda: self.counter.open_mode(self.ctx.db.read, mode))

    def close_reader(self) -> None:
        self._enqueue(self.counter.close_reader)

    def idle_close(self) -> None:
        """The idle timeout: as Esc, except that 阅览 stays on (reading.py)."""
        self._enqueue(self.counter.idle_close)

    def set_idle_seconds(self, seconds: float) -> None:
        self.idle.setInterval(int(seconds * 1000))

    @property
    def pending(self) -> int:
        return len(self._queue) + (1 if self._busy else 0)

    # --- the queue ---

    def _enqueue(self, command: Callable[[], ScanResult | None]) -> None:
        self._queue.append(command)
        if not self._busy:
            self._drain()

    def _drain(self) -> None:
        self._busy = True
        try:
            while self._queue:
                self._run(self._queue.popleft())
        finally:
            self._busy = False

    def _run(self, command: Callable[[], ScanResult | None]) -> None:
        before = self.counter.reader_id
        result = command()
        if result is None:
            return
        if result.action != "hint":
            if result.steps or result.action in ("undone", "held"):  # an undo or a hold writes too, leaving no steps
                self._refresh.start()
            if self.counter.reader_id is None and self.counter.shelf is None:
                self.idle.stop()
            else:
                self.idle.start()
            if self.counter.reader_id != before:
                self.readerChanged.emit(self.counter.reader_id)
        self.resultReady.emit(result)
        if self.counter.ended is not None:
            self.visitEnded.emit(self.counter.ended)

    def touch(self) -> None:
        """The volunteer is busy at the desk: keep the open reader."""
        if self.counter.reader_id is not None or self.counter.shelf is not None:
            self.idle.start()
