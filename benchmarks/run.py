"""Run every benchmark and print one table: median and p95, target, plain-SQL floor, GUI-thread gap.

    python -m benchmarks [--size full|small] [--runs N] [--only desk,search,...] [--results FILE]
    python -m benchmarks --db postgresql [--only desk,search,stocktake,returns] ...

The room is generated once per size (benchmarks/data.py) and kept in the temp folder; each group
of benchmarks runs in a new process on a fresh copy of it, so peak memory is the group's own and
no group sees another's changes. With ``--db postgresql`` the desk, search, stocktake and return
groups run against a private PostgreSQL server holding the same room instead (benchmarks/pg.py).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.common import Figure, peak_mb

#: Per size: repeated runs, desk scans, labels, returns to consolidate, the rows of the two imports.
SCALE = {"full": dict(runs=5, scans=30, labels=1000, returns=200, imports=(3000, 100_000), marc=10_000),
         "small": dict(runs=2, scans=6, labels=30, returns=3, imports=(200, 500), marc=300)}
GROUPS = ("launch", "desk", "lists", "search", "import", "marc", "stocktake", "returns", "upkeep", "reminders", "pool",
          "reports", "publish")
#: The groups that also run on PostgreSQL (--db postgresql).
PG_GROUPS = ("desk", "search", "stocktake", "returns")
MEMORY_TARGET_MB = 400.0


def run_group(group: str, db: Path | str, size: str, runs: int) -> tuple[list[Figure], float]:
    """The group's figures on ``db``: the SQLite room's path, or a PostgreSQL URL (see benchmarks/pg.py)."""
    from benchmarks import pg

    if pg.is_pg(db):
        return pg.labelled(_figures(group, db, size, runs)), peak_mb()
    return _figures(group, db, size, runs), peak_mb()


def _figures(group: str, db: Path | str, size: str, runs: int) -> list[Figure]:
    from benchmarks import pg

    scale = SCALE[size]
    if group == "launch":
        from benchmarks import launch

        found = launch.measure(db, runs)
        floor = statistics.median(found.bare)  # the targets: 3x a bare window's start, measured in this run
        figures = [Figure.of("launch to ready-to-scan (routine start)", "s", found.routine, 3 * floor, floor=floor),
                   Figure.of("launch to ready-to-scan (day's first start: full check)", "s", found.first, 3 * floor,
                             floor=floor),
                   Figure.of("bare PySide6 window with a focused line edit (the floor)", "s", found.bare),
                   Figure.of("launch to the room open, scans queued meanwhile handed over (routine start)", "s",
                             found.opened),
                   Figure.of("exit: quit to process gone (routine start)", "s", found.exits, 0.3)]
    elif group == "desk":
        from benchmarks import desk

        figures = desk.bench(db, max(scale["scans"], runs * 6))
    elif group == "lists":
        from benchmarks import lists

        figures = lists.bench(db, runs)
    elif group == "search" and pg.is_pg(db):
        figures = pg.search_figures(str(db), max(5, runs))
    elif group == "search":
        from benchmarks import catalogue

        figures = catalogue.search_figures(db, max(5, runs))
    elif group == "import":
        from benchmarks import catalogue

        small, big = scale["imports"]
        figures = [*catalogue.import_figures(small, runs), *catalogue.import_figures(big, max(1, min(runs, 2))),
                   *catalogue.matching_figures(big, 1)]
    elif group == "marc":
        from benchmarks import marc

        figures = marc.bench(scale["marc"], max(1, min(runs, 3)))
    elif group == "stocktake":
        from benchmarks import stocktake

        figures = stocktake.bench(db, runs)
    elif group == "returns":
        from benchmarks import returns

        figures = returns.bench(db, runs, scale["returns"], consolidate=not pg.is_pg(db))
    elif group == "upkeep":
        from benchmarks import upkeep

        figures = upkeep.bench(db, runs, scale["labels"])
    elif group == "reminders":
        from benchmarks import reminders

        figures = reminders.bench(db, runs, size)
    elif group == "pool":
        from benchmarks import pool

        figures = pool.bench(db, runs, size)
    elif group == "reports":
        from benchmarks import reports

        figures = reports.bench(db, runs, size)
    elif group == "publish":
        from benchmarks import publish

        figures = publish.bench(db, runs)
    else:
        raise SystemExit(f"unknown group {group}")
    return figures


@contextlib.contextmanager
def _server(db: str) -> Iterator[object]:
    """None for SQLite; for PostgreSQL a started server (benchmarks.pg.Server), stopped and removed afterwards."""
    if db != "postgresql":
        yield None
        return
    from benchmarks import pg

    with pg.server() as server:
        yield server


def _child(args: argparse.Namespace) -> int:
    from benchmarks import pg

    room = args.room if pg.is_pg(args.room) else Path(args.room)
    figures, peak = run_group(args.group, room, args.size, args.runs)
    print("\n" + json.dumps({"figures": [f.as_dict() for f in figures], "peak_mb": peak}, ensure_ascii=False))
    return 0


def _in_new_process(group: str, base: Path, size: str, runs: int, folder: Path,
                    server=None) -> tuple[list[Figure], float]:
    """The group run in a new process on a fresh copy of the room: a file in ``folder``, or a database
    cloned on the PostgreSQL ``server`` (benchmarks.pg.Server) when one is given."""
    if server is not None:
        room = server.clone(group)
    else:
        work = folder / f"{group}.db"
        shutil.copyfile(base, work)
        room = str(work)
    try:
        out = subprocess.run([sys.executable, "-m", "benchmarks", "--group", group, "--room", room, "--size", size,
                              "--runs", str(runs)], capture_output=True, text=True, timeout=1800)
    finally:
        if server is not None:
            server.drop(room)
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{work}{suffix}").unlink(missing_ok=True)
    if out.returncode != 0:
        raise SystemExit(f"benchmark group {group} failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return [Figure(**f) for f in data["figures"]], data["peak_mb"]


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "ms":
        return f"{value:.1f} ms" if value >= 0.1 else f"{value * 1000:.0f} µs"
    return f"{value:.2f} s" if unit == "s" else f"{value:.0f} {unit}"


def verdict(figure: Figure) -> str:
    """'ok', or what misses: the p95 over its target, the GUI gap over 50 ms, the ratio over its target."""
    misses, checked = [], False
    if figure.target is not None:
        checked = True
        if figure.p95 > figure.target:
            misses.append("memory" if figure.unit == "MB" else "time")
    if figure.gap_ms is not None:
        checked = True
        if figure.gap_ms > 50.0:
            misses.append("gap")
    if figure.ratio_target is not None and figure.ratio is not None:
        checked = True
        if figure.ratio > figure.ratio_target:
            misses.append("ratio")
    return "" if not checked else ("MISS " + ", ".join(misses) if misses else "ok")


def table(figures: list[Figure]) -> str:
    head = ["benchmark", "median", "p95", "target (p95)", "plain-SQL floor", "ratio", "GUI gap (max)", "runs", ""]
    rows = [head, ["---"] * len(head)]
    for f in figures:
        target = f"≤ {_number(f.target, f.unit)}" if f.target is not None else (
            f"≤ {f.ratio_target:g}× floor" if f.ratio_target is not None else "")
        rows.append([f.name, _number(f.median, f.unit), _number(f.p95, f.unit), target, _number(f.floor, f.unit),
                     f"{f.ratio:.1f}×" if f.ratio else "", f"{f.gap_ms:.0f} ms" if f.gap_ms is not None else "",
                     str(f.runs), verdict(f)])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " / load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{load}; Python "
            f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SCALE), default="full")
    parser.add_argument("--runs", type=int, help="repeated runs of each measurement (default: 5 full, 2 small)")
    parser.add_argument("--only", help="comma-separated groups: " + ", ".join(GROUPS))
    parser.add_argument("--data", type=Path, help="the generated room (default: one per size in the temp folder)")
    parser.add_argument("--rebuild", action="store_true", help="generate the room again even if it exists")
    parser.add_argument("--results", type=Path, help="also write the table, dated, to this Markdown file")
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite",
                        help="run the groups on the SQLite file (default) or on a private PostgreSQL server holding "
                             "the same room (groups " + ", ".join(PG_GROUPS) + ")")
    parser.add_argument("--group", help=argparse.SUPPRESS)
    parser.add_argument("--room", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.runs = args.runs or SCALE[args.size]["runs"]
    if args.group:
        return _child(args)
    from benchmarks import data

    groups = args.only.split(",") if args.only else list(PG_GROUPS if args.db == "postgresql" else GROUPS)
    if args.db == "postgresql" and set(groups) - set(PG_GROUPS):
        parser.error("on PostgreSQL only these groups run: " + ", ".join(PG_GROUPS))

    base = args.data or Path(tempfile.gettempdir()) / f"bookroom-bench-{args.size}.db"
    figures: list[Figure] = []
    if args.rebuild or not base.exists() or not data.current(base):
        print(f"generating {base} ({args.size}) …", file=sys.stderr, flush=True)
        seconds = data.build(base, args.size)
        figures.append(Figure.of(f"data generator ({args.size})", "s", [seconds], 60.0 if args.size == "full" else None))
    peaks: dict[str, float] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bookroom-bench-") as folder, _server(args.db) as server:
        if server is not None:
            print(f"copying {base} to PostgreSQL …", file=sys.stderr, flush=True)
            seconds = server.load(base)
            figures.append(Figure.of(f"room copied to PostgreSQL (migrate-to's transfer, ANALYZE; {args.size})",
                                     "s", [seconds], note=server.version()))
        for group in groups:
            print(f"running {group} …", file=sys.stderr, flush=True)
            found, peaks[group] = _in_new_process(group, base, args.size, args.runs, Path(folder), server)
            figures.extend(found)
    worst = max(peaks, key=peaks.get)
    figures.append(Figure("peak memory (largest group process)", "MB", peaks[worst], peaks[worst], 1, MEMORY_TARGET_MB,
                          note=f"{worst}; " + ", ".join(f"{g} {mb:.0f}" for g, mb in peaks.items())))
    text = table(figures)
    print(text)
    print(f"\npeak MB by group: {figures[-1].note}\n{time.perf_counter() - started:.0f} s; {machine()}")
    if args.results:
        write_results(args.results, text, figures, args)
    return 0


HOW_TO_READ = """Median and p95 (nearest rank: with five runs, the slowest) over repeated runs. Target: the p95
must not exceed it. Floor: the same work written by hand in plain sqlite3 on the same file (check-out
and check-in with the program's WAL and synchronous=FULL, interleaved one for one with the program's);
ratio = the program's median / the floor's. GUI gap: the longest interval between ticks of a 5 ms
QTimer on the GUI thread while the work ran through ui.tasks.TaskRunner (50 ms allowed). Peak memory:
the largest VmHWM of the processes the groups ran in. A shared machine makes every figure noisy."""


TITLE = "# Benchmark results\n\n"
EARLIER = "Earlier results:\n\n"


def write_results(path: Path, text: str, figures: list[Figure], args: argparse.Namespace) -> None:
    """Put this run's table on top of the file; the run that was on top moves under "Earlier results", and
    everything after it (earlier runs, what was changed) stays as it was."""
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    only = f" --only {args.only}" if args.only else ""
    only = (" --db postgresql" if getattr(args, "db", "sqlite") == "postgresql" else "") + only
    section = (f"{dt.date.today().isoformat()}, `python -m benchmarks --size {args.size}{only} --runs {args.runs}`"
               f"\n\nMachine: {machine()}\n\n{text}\n\n" + "\n".join(notes) + ("\n\n" if notes else ""))
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    body = old.removeprefix(TITLE)
    if EARLIER in body:
        latest, rest = body.split(EARLIER, 1)
        kept = EARLIER + latest.rstrip() + "\n\n" + rest
    elif body.strip():
        kept = EARLIER + body
    else:
        kept = HOW_TO_READ + "\n"
    path.write_text(TITLE + section + kept, encoding="utf-8")
