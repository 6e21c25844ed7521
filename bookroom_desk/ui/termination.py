"""A SIGTERM (or SIGHUP) closes the window as a normal quit does: the lock, the local socket and the room released.

Python runs its signal handlers only between bytecodes, and Qt's event loop is C++: a signal that
arrives while the window waits for input would be noticed only at the next Python slot, maybe never.
So the C-level handler writes to a socket (``signal.set_wakeup_fd``) that a QSocketNotifier watches;
its slot wakes Python, whose handler closes every window and makes the event loops return. The code
after ``app.exec()`` (ui/app.py) then finishes the backup under way, closes the database and
releases the lock, as after a normal close. Before the event loop runs (opening the room) the
handler raises SystemExit like the command's (bookroom_desk/stopping.py).
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QThread, QTimer
from PySide6.QtWidgets import QApplication

from bookroom_desk import stopping


class Termination:
    """Whether a stop was asked for, and the exit code it asks for."""

    def __init__(self) -> None:
        self.code: int | None = None

    @property
    def requested(self) -> bool:
        return self.code is not None

    def handle(self, signum: int, _frame: object) -> None:
        stopping.ignore_further()
        self.code = stopping.exit_code(signum)
        QTimer.singleShot(0, self._quit)  # run by whichever event loop runs next (a start-up dialog's, the main one)
        if QThread.currentThread().loopLevel() == 0:
            raise SystemExit(self.code)  # plain Python code (opening the room): unwind it

    def _quit(self) -> None:
        QApplication.closeAllWindows()  # dialogs rejected, the window's geometry saved as on a normal close
        QCoreApplication.exit(self.code or 0)  # every event loop returns, even if a window refused to close


@contextmanager
def quit_on_terminate() -> Iterator[Termination]:
    """Inside the block a SIGTERM/SIGHUP quits the application (see the module's docstring)."""
    termination = Termination()
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = None
    notifier = None
    try:
        with suppress(ValueError, OSError):  # not the main thread: Python's own handling stays
            previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
            notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
            notifier.activated.connect(lambda *_: _drain(reader))
        with stopping.handling(termination.handle):
            yield termination
    finally:
        if notifier is not None:
            notifier.setEnabled(False)
            with suppress(ValueError, OSError):
                signal.set_wakeup_fd(previous_fd if previous_fd is not None else -1)
        reader.close()
        writer.close()


def _drain(reader: socket.socket) -> None:
    with suppress(OSError):
        while reader.recv(64):
            pass
