"""Search keys worked out in a second process, beside the import, the desk and the window.

Working out a big list's search keys (pinyin, folding, the pairs of Chinese characters) is
Python work: about 130 µs a title, 13 s for 100,000 on this kind of machine. In the program's own
process it holds the interpreter's lock the window needs, and it uses one core of two while the
other waits. So one worker process (multiprocessing's "spawn", the start method Windows has) does
it: the import sends it the new titles' and authors' texts as soon as its plan is made, and their
pinyin is worked out while the import still writes; :func:`search.key_titles` then sends it each
batch of unkeyed titles and only reads and writes itself, the next batch worked out there while
this one is written here.

The worker holds nothing but texts and their pinyin: it never opens the database, so a room is
written by the program's own process alone, as before. It runs below the program's priority, so a
scan at the desk and the window come first on a two-core PC. Where no second process starts (a sandbox,
a bundle whose entry point lacks ``multiprocessing.freeze_support()``), or it fails on the way,
the keys are worked out in the program's own process instead: slower, never wrong or lost.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any

log = logging.getLogger(__name__)

#: Fewer unkeyed titles than this are worked out in the program's own process: a worker's start
#: (a new interpreter importing the search code) takes about half a second of the other core.
MIN_TITLES = 2_000
#: Texts sent in one message: under a millisecond to pickle, so the sending thread never holds the
#: interpreter's lock long enough for the window to stall; and about 45 ms of the worker's work, the
#: longest a keying stopped at the program's end waits for it.
CHUNK = 500
#: How long a batch's keys are waited for before they are worked out here instead (the worker
#: hung or is starved): far longer than a batch takes (about 20 ms), short of looking stuck.
WAIT_SECONDS = 30.0

# In the worker process: the pinyin of the texts sent ahead.
_known: dict[str, str] = {}


def _learn(texts: list[str]) -> int:
    """(In the worker.) Work out and keep the pinyin of ``texts``; how many it knows now."""
    from bookroom_desk.services.catalogue.search_keys import pinyin_key

    for value in texts:
        if value not in _known:
            _known[value] = pinyin_key(value)
    return len(_known)


def _with_known(work: Callable[[list[tuple], Mapping[str, str]], list[dict]], rows: list[tuple]) -> list[dict]:
    """(In the worker.) ``work`` (:func:`search.keys_of`) with the pinyin learnt ahead."""
    return work(rows, _known)


def _known_count() -> int:
    """(In the worker.) How many texts' pinyin it has learnt."""
    return len(_known)


#: The worker's lower priority: a scan at the desk, its window and the import come first on two cores.
NICENESS = 10
_BELOW_NORMAL_PRIORITY_CLASS = 0x4000  # Windows


def _in_the_background() -> None:
    """(In the worker, as it starts.) Run below the program's priority."""
    try:
        if hasattr(os, "nice"):
            os.nice(NICENESS)
        elif sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), _BELOW_NORMAL_PRIORITY_CLASS)
    except OSError:  # not allowed here: it works at the usual priority
        pass


def _spawned() -> Executor:
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_in_the_background)


class KeyWorker:
    """One worker process, started at its first use; every call says "not available" (None) once it failed."""

    def __init__(self, start: Callable[[], Executor] = _spawned) -> None:
        self._start = start
        self._pool: Executor | None = None
        self._failed = False
        self._lock = threading.Lock()
        self.learnt = 0  # texts sent ahead so far (a keying started before the latest of them leaves it running)

    @property
    def failed(self) -> bool:
        return self._failed

    def _submit(self, fn: Callable, *args) -> Future | None:
        with self._lock:
            if self._failed:
                return None
            try:
                if self._pool is None:
                    self._pool = self._start()
                return self._pool.submit(fn, *args)
            except Exception as exc:  # no second process here (or it broke): keys are worked out here
                self._fail(exc)
                return None

    def _fail(self, exc: BaseException) -> None:
        if not self._failed:
            log.warning("search keys are worked out in the program's own process: the key worker failed (%r)", exc)
        self._failed = True
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def learn(self, texts: Iterable[str]) -> None:
        """Send texts (titles, authors) whose pinyin will be asked for soon, without waiting for it."""
        chunk: list[str] = []
        for value in texts:
            if value:
                chunk.append(value)
            if len(chunk) >= CHUNK:
                self._send(chunk)
                chunk = []
        if chunk:
            self._send(chunk)

    def _send(self, chunk: list[str]) -> None:
        future = self._submit(_learn, chunk)
        if future is not None:
            self.learnt += len(chunk)
            future.add_done_callback(self._check)

    def _check(self, future: Future) -> None:
        if not future.cancelled() and future.exception() is not None:
            with self._lock:
                self._fail(future.exception())  # type: ignore[arg-type]

    def keys(self, work: Callable[[list[tuple], Mapping[str, str]], list[dict]], rows: list[tuple]) -> Future | None:
        """Ask for ``work(rows, pinyin learnt)`` (:func:`search.keys_of` of :func:`search.unkeyed_rows`' rows);
        None where the worker is not available."""
        return self._submit(_with_known, work, rows)

    def result(self, future: Future) -> list[dict] | None:
        """The keys a :meth:`keys` future brings, or None (worked out here then) if the worker failed."""
        return self._wait(future)

    def _wait(self, future: Future) -> Any:
        try:
            return future.result(timeout=WAIT_SECONDS)
        except Exception as exc:  # a broken or hung worker: the caller works the keys out itself
            with self._lock:
                self._fail(exc)
            return None

    def known_count(self) -> int:
        """How many texts' pinyin the worker has learnt (waits for what was sent before); 0 if not available."""
        future = self._submit(_known_count)
        return (self._wait(future) or 0) if future is not None else 0

    def close(self, wait: bool = True) -> None:
        """End the worker process (what it learnt goes with it); a later use starts a new one.

        ``wait=False`` (the program ends): its process is ended at once rather than let finish its task,
        since multiprocessing's own exit handler would wait for it (it holds nothing but pinyin).
        """
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = [] if wait else list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=wait, cancel_futures=True)
        for process in processes:
            process.terminate()


_shared: KeyWorker | None = None
_shared_lock = threading.Lock()


def shared() -> KeyWorker:
    """The program's key worker (its process starts at its first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = KeyWorker()
        return _shared


def learn(texts: Iterable[str]) -> None:
    """Send the texts of a big import's new titles and authors ahead (see the module's text)."""
    shared().learn(texts)


def for_keying(total: int) -> KeyWorker | None:
    """The worker :func:`search.key_titles` uses for ``total`` unkeyed titles, or None (worked out here)."""
    worker = shared()
    if worker.failed or (total < MIN_TITLES and not worker.learnt):
        return None
    return worker


def done_keying(worker: KeyWorker, learnt_before: int | None = None, wait: bool = True) -> None:
    """A keying is over: end the worker's process and free what it learnt, unless texts were sent since
    ``learnt_before`` (the import of another list meanwhile: the next keying wants them). ``wait``: until
    its process is gone (not when the program is ending: it ends by itself once its batch is done)."""
    if learnt_before is None or worker.learnt == learnt_before:
        worker.learnt = 0
        worker.close(wait)


@atexit.register
def _at_exit() -> None:
    """At the program's end (before multiprocessing's own exit handler, registered before this one): the
    worker's process is ended, not waited for."""
    if _shared is not None:
        _shared.close(wait=False)
