"""The desk's controller: a FIFO of scans and keys, each handled whole in its own unit of work."""

from __future__ import annotations

import logging
from collections import deque
from typing import Callable

from PySide6.QtCore import QObject, QT_TRANSLATE_NOOP, QTimer, Signal
from sqlalchemy.orm import Session

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.circulation import desk, renewals
from bookroom_desk.services.common.barcodes import Scheme
from bookroom_desk.services.circulation.results import Offer, ScanResult
from bookroom_desk.ui.context import AppContext

log = logging.getLogger(__name__)

CLOSED = QT_TRANSLATE_NOOP("circulation", "已关闭读者。现在扫描图书即为还书。")

#: How long after the last scan of a burst the other views are told the data changed.
REFRESH_DELAY_MS = 1000


class ScanController(QObject):
    """Runs the desk's commands one at a time, in the order they came, on the GUI thread.

    A scan is a few indexed lookups and one small commit (a few milliseconds), so it runs on
    the GUI thread; the FIFO keeps order if a command arrives while another is being handled
    (a scanner types ~13 characters and Enter in 100 ms). The other pages are told about the
    change once a burst of scans pauses: their refreshes (the status bar's figures take ~0.4 s
    with a million past loans) must not sit between two scans.
    """

    resultReady = Signal(object)  # ScanResult
    readerChanged = Signal(object)  # reader id or None

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reader_id: int | None = None
        self.choices: tuple[str, ...] = ()
        self.offer: Offer | None = None
        self.done: list[ScanResult] = []  # this session's transactions that can be undone, last on top
        self._queue: deque[tuple[Callable[[Session | None], ScanResult | None], bool]] = deque()
        self._busy = False
        self._scheme: Scheme | None = None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self._idle_timeout)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._refresh.timeout.connect(ctx.dataChanged.emit)
        ctx.dataChanged.connect(self._forget_scheme)
        with ctx.read() as session:
            self.idle.setInterval(desk.idle_seconds(session) * 1000)

    # --- commands (each queued) ---

    def submit(self, raw: str) -> None:
        """A scan (or typed code) arrived."""
        if not raw.strip():
            return
        # The open reader and any pending ISBN choice are those left by the commands before it.
        self._enqueue(lambda s: desk.scan(s, raw, self.reader_id, actor=self.ctx.actor,
                                                 choices=self.choices, scheme=self._scheme_for(s)))

    def renew(self, loan_id: int) -> None:
        self._enqueue(lambda s: renewals.renew(s, loan_id, actor=self.ctx.actor))

    def renew_all(self) -> None:
        self._enqueue(lambda s: renewals.renew_all(s, self.reader_id, actor=self.ctx.actor)
                      if self.reader_id is not None else None)

    def accept_offer(self) -> None:
        self._enqueue(lambda s: desk.accept_offer(s, self.offer, actor=self.ctx.actor) if self.offer else None)

    def undo_last(self) -> None:
        self._enqueue(lambda s: desk.undo(s, self.done[-1], actor=self.ctx.actor,
                                                        reader_id=self.reader_id) if self.done else None)

    def close_reader(self) -> None:
        self._enqueue(lambda s: ScanResult("closed", "ok", CLOSED, {}, None), database=False)

    def set_idle_seconds(self, seconds: float) -> None:
        self.idle.setInterval(int(seconds * 1000))

    @property
    def pending(self) -> int:
        return len(self._queue) + (1 if self._busy else 0)

    # --- the queue ---

    def _enqueue(self, command: Callable[[Session | None], ScanResult | None], database: bool = True) -> None:
        self._queue.append((command, database))
        if not self._busy:
            self._drain()

    def _drain(self) -> None:
        self._busy = True
        try:
            while self._queue:
                self._run(*self._queue.popleft())
        finally:
            self._busy = False

    def _run(self, command: Callable[[Session | None], ScanResult | None], database: bool) -> None:
        try:
            if database:
                with self.ctx.db.write() as session:
                    result = command(session)
            else:
                result = command(None)
        except BookroomError as exc:  # the unit of work rolled back whole
            result = ScanResult("refused", "error", "{message}", {"message": exc.message}, self.reader_id)
        except Exception:  # a bug: nothing was stored; say so and keep the desk running
            log.exception("scan failed")
            result = ScanResult("refused", "error", desk.INTERNAL_ERROR, {}, self.reader_id)
        if result is None:
            return
        if result.action == "undone":
            self.done.pop()
        elif result.steps:
            self.done.append(result)
        if result.steps:
            self._refresh.start()
        self.choices = tuple(choice.barcode for choice in result.choices)
        self.offer = result.offer
        self._set_reader(result.reader_id)
        self.resultReady.emit(result)

    def _set_reader(self, reader_id: int | None) -> None:
        changed = reader_id != self.reader_id
        self.reader_id = reader_id
        if reader_id is None:
            self.idle.stop()
        else:
            self.idle.start()
        if changed:
            if reader_id is None:
                self.choices = ()
                self.offer = None
            self.readerChanged.emit(reader_id)

    def touch(self) -> None:
        """The volunteer is busy at the desk: keep the open reader."""
        if self.reader_id is not None:
            self.idle.start()

    def _idle_timeout(self) -> None:
        if self.reader_id is not None:
            self.close_reader()

    def _scheme_for(self, session: Session) -> Scheme:
        if self._scheme is None:
            self._scheme = Scheme.load(session)
        return self._scheme

    def _forget_scheme(self) -> None:
        self._scheme = None  # settings may have changed
