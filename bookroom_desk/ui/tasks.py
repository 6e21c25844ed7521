"""Run slow work off the GUI thread with progress, and get the result back on it by a signal.

One runner serves a main window (``AppContext.tasks``); its writes go through one single-thread
pool so SQLite sees one writer at a time. Tests set ``TaskRunner.synchronous = True`` to run
tasks inline.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThread, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import Shiboken

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common.progress import Progress

log = logging.getLogger(__name__)

# Workers for reads: the search keys keep one busy for minutes, the status bar and a page need others meanwhile.
READ_THREADS = 4


class _SignalProgress:
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
    def __init__(self, fn: Callable[..., Any], signals: _Signals, may_stop: bool = False,
                 runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.may_stop = may_stop
        self.runner = runner

    @Slot()
    def run(self) -> None:
        try:
            if self.may_stop and self.runner is not None:
                with self.runner.reads_that_may_stop():
                    result = self.fn(_SignalProgress(self.signals.progress))
            else:
                result = self.fn(_SignalProgress(self.signals.progress))
        except BaseException as exc:  # handed to the GUI thread, which shows or raises it
            if self.may_stop and self.runner is not None and self.runner.closing:
                log.info("a read was cut short at exit: %s", exc)
                return
            if not isinstance(exc, BookroomError):
                log.error("task failed:\n%s", traceback.format_exc())
            _emit(self.signals.failed, exc)
        else:
            _emit(self.signals.finished, result)


class TaskRunner(QObject):
    """Starts tasks; ``fn(progress)`` runs on a worker thread, callbacks on the GUI thread.

    A task's BookroomError is said to the volunteer: by ``on_error`` when the page shows it its own
    way, else in a message box over ``owner``. Any other exception is a bug: logged, raised again.
    """

    synchronous = False

    def __init__(self, parent: QObject | None = None, *, reads_that_may_stop=nullcontext, cut_short=nullcontext) -> None:
        """``reads_that_may_stop`` marks a read's thread, ``cut_short`` stops the marked reads' queries
        (store.database's, given by ui.context: widgets reach the store only through services)."""
        super().__init__(parent)
        self.reads_that_may_stop, self.cut_short = reads_that_may_stop, cut_short
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(READ_THREADS, QThread.idealThreadCount()))
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self._live: set[_Signals] = set()
        self.closing = False  # finish() has begun: the window is closing

    def run(self, fn: Callable[[Progress], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BookroomError], None] | None = None,
            on_progress: Progress | None = None, write: bool = False, *, owner: QObject | None = None,
            on_failure: Callable[[], None] | None = None, may_stop: bool = False) -> None:
        """Run ``fn`` for ``owner`` (the page asking): when it has gone meanwhile, the outcome is dropped.

        ``on_failure`` puts the page back (a button, a bar) after any failure, before it is shown or raised.
        ``may_stop``: ``fn`` only reads the room, and the window's closing cuts its query short (a count for the
        screen); never for work that writes (a file, the room) or that a volunteer waits for.
        """
        signals = _Signals()
        self._live.add(signals)

        def gone() -> bool:
            return not Shiboken.isValid(self) or (owner is not None and not Shiboken.isValid(owner))

        if on_progress:
            signals.progress.connect(lambda done, total: gone() or on_progress(done, total))

        def finished(result: Any) -> None:
            self._live.discard(signals)
            if on_done and not gone():
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._live.discard(signals)
            if gone():
                log.info("task of a page that has gone failed: %s", exc)
                return
            if on_failure:
                on_failure()
            if not isinstance(exc, BookroomError):
                raise exc
            if on_error:
                on_error(exc)
            else:
                self._tell(exc, owner)

        signals.finished.connect(finished)
        signals.failed.connect(failed)
        job = _Job(fn, signals, may_stop, self)
        if self.synchronous:
            job.run()
        else:
            (self.writer if write else self.pool).start(job)

    def _tell(self, exc: BookroomError, owner: QObject | None) -> None:
        """The default for a refusal: a message box over the page's window that does not block the event loop."""
        parent = owner.window() if isinstance(owner, QWidget) else None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("未能完成"), exc.message, QMessageBox.StandardButton.Ok,
                          parent)
        box.setObjectName("taskRefusal")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def wait(self) -> None:
        """Let every task under way finish (before a restore replaces the room)."""
        self.pool.waitForDone()
        self.writer.waitForDone()

    def finish(self) -> None:
        """At the window's close: reads that may stop (``may_stop``) stop; the rest (every write, a backup or an
        export under way) finishes, whole: nothing is left half-written."""
        self.closing = True
        with self.cut_short():
            self.pool.waitForDone()
        self.writer.waitForDone()
