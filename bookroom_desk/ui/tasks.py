"""Run slow work off the GUI thread with progress, and get the result back on it by a signal.

Writes go through one single-thread pool so SQLite sees one writer at a time. Tests set
``TaskRunner.synchronous = True`` to run tasks inline.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import Shiboken

from bookroom_desk.errors import BookroomError

log = logging.getLogger(__name__)


class Progress:
    """Passed to a task as ``progress``: call it with (done, total) to move the bar."""

    def __init__(self, signal) -> None:
        self._signal = signal

    def __call__(self, done: int, total: int) -> None:
        _emit(self._signal, int(done), int(total))


def _emit(signal, *values) -> None:
    try:
        signal.emit(*values)
    except RuntimeError:  # the page that asked has gone: the window closed while the work ran
        log.info("task outlived its page; its result was dropped")


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(Progress(self.signals.progress))
        except BaseException as exc:  # handed to the GUI thread, which shows or raises it
            if not isinstance(exc, BookroomError):
                log.error("task failed:\n%s", traceback.format_exc())
            _emit(self.signals.failed, exc)
        else:
            _emit(self.signals.finished, result)


class TaskRunner(QObject):
    """Starts tasks; ``fn(progress)`` runs on a worker thread, callbacks on the GUI thread."""

    synchronous = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self._live: set[_Signals] = set()

    def run(self, fn: Callable[[Progress], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None, write: bool = False) -> None:
        signals = _Signals()
        self._live.add(signals)
        if on_progress:
            signals.progress.connect(on_progress)

        def finished(result: Any) -> None:
            self._live.discard(signals)
            if on_done and Shiboken.isValid(self):  # else its page (the runner's parent) has gone
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._live.discard(signals)
            if not Shiboken.isValid(self):
                log.info("task of a page that has gone failed: %s", exc)
                return
            if on_error:
                on_error(exc)
            else:
                raise exc

        signals.finished.connect(finished)
        signals.failed.connect(failed)
        job = _Job(fn, signals)
        if self.synchronous:
            job.run()
        else:
            (self.writer if write else self.pool).start(job)

    def wait(self) -> None:
        self.pool.waitForDone()
        self.writer.waitForDone()
