"""The time the rules see; tests fix it with :func:`set_clock`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


def wall_clock() -> dt.datetime:
    """The PC's local time, naive, to the second: the clock unless a test set another."""
    return dt.datetime.now().replace(microsecond=0)


_now: Callable[[], dt.datetime] = wall_clock


def now() -> dt.datetime:
    """Local wall-clock time, naive, to the second."""
    return _now()


def today() -> dt.date:
    return _now().date()


def set_clock(fn: Callable[[], dt.datetime] | None) -> None:
    """Replace the clock (None restores the real one)."""
    global _now
    _now = fn or wall_clock


def fixed(moment: dt.datetime) -> Callable[[], dt.datetime]:
    """A clock that always says ``moment``."""
    return lambda: moment
