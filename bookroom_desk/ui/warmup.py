"""Once the window is up: settle the heap and load pypinyin in the background, so later work does not stall the screen.

Measured (benchmarks, BOOKROOM_BENCH_GAPS=1): the GUI thread's longest stalls during an import, a
return, consolidation or labels were the worker thread holding the interpreter in (1) a full
collection by the cyclic garbage collector over the few hundred thousand objects the program keeps
for its whole life (modules, Qt wrappers, SQLAlchemy's mappers), and (2) pypinyin's first use,
which unpacks its phrase dictionary (0.2–0.5 s) in one go. Moving the long-lived objects into the
permanent generation (``gc.freeze``) takes them out of every later collection; loading pypinyin
once, shortly after launch, happens while the volunteer is still looking at the window. Its
dictionaries (about 200,000 lists) are frozen too, once loaded: left in the old generation, every
later full collection walked them (77 ms of a worker holding the interpreter, seen consolidating
returns after an annual return).
"""

from __future__ import annotations

import gc
import threading


def settle_heap() -> None:
    """Collect once, then leave everything alive now out of later collections."""
    gc.collect()
    gc.freeze()


def _load_pinyin() -> None:
    from bookroom_desk.services.catalogue.search_keys import pinyin_key

    pinyin_key("书屋")
    # The dictionaries just loaded live as long as the program: out of later collections too. (Whatever
    # cyclic garbage was made since settle_heap's collection, a moment ago, is frozen with them: a few objects.)
    gc.freeze()


def warm_pinyin() -> threading.Thread:
    """Load pypinyin's dictionaries in a background thread, then freeze them (the thread is returned, started)."""
    thread = threading.Thread(target=_load_pinyin, name="pinyin-warmup", daemon=True)
    thread.start()
    return thread


def after_start() -> None:
    settle_heap()
    warm_pinyin()
