"""Bulk work (reading, checking and writing a whole delivery list) with Python's cyclic garbage collector paused."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, MutableSequence
from contextlib import contextmanager
from typing import Any

_lock = threading.Lock()
#: Objects made (and still alive) during bulk work above which they are frozen afterwards.
FREEZE_AFTER = 100_000
_state = {"depth": 0, "was_enabled": True}


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector while this runs (nested or in several threads: until the last one ends).

    An import builds millions of small objects that refer to no cycle (rows, cells, plans); every
    so many allocations the collector walks the whole, growing heap again, holding the interpreter
    lock: at 100,000 rows that was about a quarter of the import's time, and the window's longest
    stalls. Reference counting still frees everything as usual; the collector runs again afterwards.

    What big work leaves alive then (a list's rows, read for the wizard's preview; a plan) is moved
    to the permanent generation (``gc.freeze``), as ui/warmup.py does at start: otherwise the first
    collection afterwards walks those million objects at once, holding the interpreter for
    100–200 ms (the window froze at the end of reading a 100,000-row list). Reference counting
    still frees them when they go; only cyclic garbage made during the work stays uncollected
    (a few session objects per import).
    """
    with _lock:
        if _state["depth"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            if _state["depth"] == 0 and _state["was_enabled"]:
                if gc.get_count()[0] > FREEZE_AFTER:
                    gc.freeze()
                gc.enable()


#: Items freed at a time by :func:`let_go`.
_RELEASE_STEP = 2000


def let_go(*items: MutableSequence[Any]) -> None:
    """Empty big lists a slice at a time, so freeing them lets other threads run in between.

    Freeing a 100,000-row list's rows or plan in one go is a cascade of a million deallocations
    inside one bytecode: the window stood still for 100–160 ms at the end of an import. Deleting
    a slice at a time frees the same memory with the interpreter able to switch threads between.
    """
    for sequence in items:
        while sequence:
            del sequence[-_RELEASE_STEP:]
