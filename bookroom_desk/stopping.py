"""A SIGTERM (or SIGHUP) ends the program as a normal exit would, so its clean-up runs.

By default those signals kill Python where it stands: no ``finally``, no ``atexit``, so a command
stopped by a shutdown or a service manager left its partial files (files.atomic_write), its WAL
and the window's lock and local socket behind. :func:`exit_on_terminate` turns them into
``SystemExit(128 + signal)`` in the main thread: the unit of work under way rolls back, every
``finally`` runs, and the exit code still says which signal stopped it. The window, whose event
loop is C++ that Python's handlers do not run in, installs its own (ui/termination.py).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

#: The signals that ask the program to stop (SIGHUP: its terminal closed); SIGINT is Python's KeyboardInterrupt.
SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

Handler = Callable[[int, object], object]


def exit_code(signum: int) -> int:
    """The shell's code for a program that stopped on ``signum``."""
    return 128 + signum


def _raise_exit(signum: int, _frame: object) -> None:
    ignore_further()  # the clean-up that follows is not cut short by a second signal
    raise SystemExit(exit_code(signum))


def ignore_further() -> None:
    """Ignore further stop requests: one was received and the program is closing."""
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_IGN)


@contextmanager
def handling(handler: Handler) -> Iterator[None]:
    """``handler`` for :data:`SIGNALS` inside the block, the previous handlers back after it.

    A signal the parent set to be ignored (``nohup``) stays ignored. Only the main thread may set
    handlers; elsewhere (a test calling the command in a thread) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in SIGNALS}
    for signum, old in previous.items():
        if old is not signal.SIG_IGN:
            signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old if old is not None else signal.SIG_DFL)


@contextmanager
def exit_on_terminate() -> Iterator[None]:
    """SIGTERM/SIGHUP raise SystemExit(128 + signal) inside the block (see the module's docstring)."""
    with handling(_raise_exit):
        yield


def leave_now(code: int) -> None:
    """End the process with ``code`` at once, once its work is done and saved (the window closed, the room closed
    and its lock released): the exit handlers run (logging flushed, temporary folders removed) and the output is
    flushed, but not the interpreter's own tear-down of every module and Qt object, which took 0.3 s (0.8 s under
    load) after the window had closed. Under a profiler or a debugger it returns (the ordinary exit follows)."""
    import atexit
    import os
    import sys

    if sys.getprofile() is not None or sys.gettrace() is not None:
        return  # a profiler or a debugger writes its findings after the program: the ordinary exit
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):  # a closed pipe, no console (a windowed bundle)
            pass
    os._exit(code)
