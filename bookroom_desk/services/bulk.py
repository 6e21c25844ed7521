"""Bulk work (reading, checking and writing a whole delivery list) with Python's cyclic garbage collector paused."""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_state = {"depth": 0, "was_enabled": True}


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector while this runs (nested or in several threads: until the last one ends).

    An import builds millions of small objects that refer to no cycle (rows, cells, plans); every
    so many allocations the collector walks the whole, growing heap again, holding the interpreter
    lock: at 100,000 rows that was about a quarter of the import's time, and the window's longest
    stalls. Reference counting still frees everything as usual; the collector runs again afterwards.
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
                gc.enable()
