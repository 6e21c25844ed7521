"""What every benchmark shares: figures (median and p95), the plain-SQL floor, and the GUI-thread gap."""

from __future__ import annotations

import math
import os
import resource
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (the largest value for a handful of runs)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * fraction) - 1)]


@dataclass
class Figure:
    """One line of the table: a median and p95 in ``unit``, its target, and what it is compared with."""

    name: str
    unit: str  # "ms", "s" or "MB"
    median: float
    p95: float
    runs: int
    target: float | None = None  # the p95 must not exceed it
    floor: float | None = None  # median of the same work in plain sqlite3, same unit
    gap_ms: float | None = None  # the longest the GUI thread went without a timer tick
    note: str = ""
    ratio_target: float | None = None  # the median must be within this many times the floor

    @classmethod
    def of(cls, name: str, unit: str, values: list[float], target: float | None = None, **extra) -> Figure:
        return cls(name, unit, statistics.median(values), percentile(values, 0.95), len(values), target, **extra)

    @property
    def ratio(self) -> float | None:
        return self.median / self.floor if self.floor else None

    def as_dict(self) -> dict:
        return asdict(self)


def peak_mb() -> float:
    """Peak resident memory of this process, or of the largest child it waited for, in MB.

    VmHWM, not getrusage(RUSAGE_SELF): on Linux a process started by fork and exec inherits the
    parent's high-water mark in ru_maxrss, so a small child of a big parent would report the parent.
    """
    own = 0.0
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                own = int(line.split()[1]) / 1024
    except OSError:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def timed(fn: Callable[[], object], scale: float = 1000.0) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * scale


@contextmanager
def captured_sql(engine) -> Iterator[list[tuple[str, tuple | dict]]]:
    """The statements (and parameters) the program sends to the database while the block runs.

    SQLite's parameters come as a tuple; PostgreSQL's (psycopg's named placeholders) stay a dict."""
    from sqlalchemy import event

    statements: list[tuple[str, tuple]] = []

    def before(_conn, _cursor, statement, parameters, _context, executemany):
        if not executemany:
            statements.append((statement, parameters if isinstance(parameters, dict)
                               else tuple(parameters) if parameters else ()))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


def sqlite_floor(path: Path, statements: list[tuple[str, tuple]], rounds: int) -> list[float]:
    """Milliseconds to run the reads among ``statements`` with plain sqlite3 on the same file, per round."""
    statements = [(sql, params) for sql, params in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
    con = sqlite3.connect(path)
    try:
        timings = []
        for _ in range(rounds + 1):
            start = time.perf_counter()
            for sql, params in statements:
                con.execute(sql, params).fetchall()
            timings.append((time.perf_counter() - start) * 1000)
        return timings[1:]  # the first round warms the cache, as the program's first query did
    finally:
        con.close()


def qt_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bookroom-benchmarks"])


_settled = []


def as_after_launch() -> None:
    """Once per process: what the program does shortly after its window is up (ui/warmup.py), finished."""
    if not _settled:
        from bookroom_desk.ui import warmup

        warmup.settle_heap()
        warmup.warm_pinyin().join()
        _settled.append(True)


def through_task_runner(fn: Callable[[Callable[[int, int], None]], object], write: bool = True,
                        beside: Callable[[], None] | None = None) -> tuple[float, float]:
    """Run ``fn(progress)`` as the program runs slow work (ui.tasks.TaskRunner, progress shown).

    Returns (seconds, the longest gap in ms between ticks of a 5 ms timer on the GUI thread).
    ``beside``: also called on the GUI thread every 150 ms meanwhile (what a volunteer does then); the
    time it takes is left out of the gaps (the caller times it).
    """
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from bookroom_desk.ui.tasks import TaskRunner

    qt_app()
    as_after_launch()
    runner, loop, outcome = TaskRunner(), QEventLoop(), {}
    clock, gaps = QElapsedTimer(), [0]
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps[0] = max(gaps[0], now - last[0])
        if now - last[0] > 50 and os.environ.get("BOOKROOM_BENCH_GAPS"):
            _where_the_workers_are(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)

    def done(result) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc) -> None:
        outcome["error"] = exc
        loop.quit()

    volunteer = QTimer()
    volunteer.setInterval(150)
    if beside is not None:
        def volunteer_acts() -> None:
            beside()
            last[0] = clock.elapsed()  # the time beside() took is its own figure, not the work's gap

        volunteer.timeout.connect(volunteer_acts)
        volunteer.start()
    clock.start()
    timer.start()
    start = time.perf_counter()
    runner.run(fn, on_done=done, on_error=failed, on_progress=lambda _d, _t: None, write=write)
    loop.exec()
    seconds = time.perf_counter() - start
    tick()
    timer.stop()
    volunteer.stop()
    runner.wait()
    if "error" in outcome:
        raise outcome["error"]
    return seconds, float(gaps[0])


def _where_the_workers_are(gap: int) -> None:
    """Print where the other threads stand just after a long gap (BOOKROOM_BENCH_GAPS=1, for profiling)."""
    import sys
    import threading
    import traceback

    for ident, frame in sys._current_frames().items():
        if ident != threading.get_ident():
            stack = " <- ".join(f"{Path(f.f_code.co_filename).name}:{line} {f.f_code.co_name}"
                                for f, line in list(traceback.walk_stack(frame))[:4])
            print(f"gap {gap} ms: {stack}", file=sys.stderr)


def repeated_task(fn: Callable[[Callable[[int, int], None]], object], runs: int,
                  before: Callable[[], None] | None = None) -> tuple[list[float], float]:
    """``runs`` runs through the TaskRunner: the seconds of each, and the longest GUI gap of all."""
    seconds, worst = [], 0.0
    for _ in range(runs):
        if before:
            before()
        elapsed, gap = through_task_runner(fn)
        seconds.append(elapsed)
        worst = max(worst, gap)
    return seconds, worst
