"""The record pool (书目库) at 200,000 records: an ISBN looked up, the publisher of an unknown ISBN's prefix, a
title search.

On the group's own copy of the benchmark room, 200,000 pool records are inserted (150,000 ISBNs of 978-7-5…,
the first 50,000 of them twice, from a second source). Target: a look-up (the pool's records and the room's
titles for the ISBN, each with the next call number in its class) p95 ≤ 20 ms, and so the publisher for an
ISBN neither knows, over the room's 50,000 titles (978-7-1…) and the pool; the title search (a scan of the pool's
titles) is timed beside them without a target.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import statistics
from pathlib import Path

from benchmarks.catalogue import CHARS, CLASSES, PUBLISHERS, isbn
from benchmarks.common import Figure, captured_sql, sqlite_floor, timed

#: Per size: the pool's records, and how many distinct ISBNs they have (the first ones twice).
SIZES = {"full": (200_000, 150_000), "small": (2_000, 1_500)}
TARGET_MS = 20.0


def pool_isbn(n: int) -> str:
    body = f"97875{n:07d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def fill(path: Path, rng: random.Random, records: int, isbns: int) -> None:
    """Insert the pool's records with sqlite3 (as benchmarks/data.py builds the room)."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN")
        rows = []
        for i in range(records):
            n = i % isbns
            title = "".join(rng.choice(CHARS) for _ in range(rng.randint(4, 14)))
            source = "市总工会书目.xlsx" if i < isbns else "兄弟书屋目录.xlsx"
            rows.append((pool_isbn(n), title, "".join(rng.choice(CHARS) for _ in range(3)), rng.choice(PUBLISHERS),
                         2000 + n % 25, f"{20 + n % 60}.50", rng.choice(CLASSES), source, "2026-11-01 09:00:00",
                         hashlib.sha256(str(i).encode()).hexdigest()))
        con.executemany("INSERT INTO pool_records (isbn, title, other_title, author, publisher, place, pub_year, price,"
                        " clc, pages, series, summary, subjects, source, loaded_at, loaded_by, raw, digest)"
                        " VALUES (?, ?, '', ?, ?, '', ?, ?, ?, '', '', '', '', ?, ?, '（操作员）', '', ?)", rows)
        con.execute("COMMIT")
        con.execute("ANALYZE")
    finally:
        con.close()


def _measure(db, path: Path, name: str, work, queries: list[str], rounds: int, target: float | None) -> Figure:
    timings, floor = [], []
    for query in queries:
        with captured_sql(db.engine) as statements, db.read() as session:
            work(session, query)  # also warms the statement cache
        for _ in range(rounds):
            def once(query: str = query) -> None:
                with db.read() as session:
                    work(session, query)
            timings.append(timed(once))
        floor.extend(sqlite_floor(path, statements, rounds))
    return Figure.of(name, "ms", timings, target, floor=statistics.median(floor))


def bench(path: Path, runs: int, size: str = "full") -> list[Figure]:
    from bookroom_desk.services.catalogue import record_pool
    from bookroom_desk.store.database import Database

    rng = random.Random(7)
    fill(path, rng, *SIZES[size])
    db = Database(f"sqlite:///{path}")
    rounds = max(5, runs)
    twice = [pool_isbn(n) for n in (17, 20_000, 49_999)]  # two records each
    once = [pool_isbn(n) for n in (50_000, 99_999, 149_999)]
    room = [isbn(n) for n in (1, 25_000, 50_000)]  # the room's titles, not in the pool
    unknown = [pool_isbn(n) for n in (160_000, 170_001)] + [isbn(n) for n in (60_000, 90_000)]
    figures = [
        _measure(db, path, "pool: lookup by ISBN (200,000 records)", record_pool.lookup, twice + once + room + unknown,
                 rounds, TARGET_MS),
        _measure(db, path, "pool: publisher from the ISBN prefix", record_pool.publisher_for, unknown, rounds,
                 TARGET_MS),
        _measure(db, path, "pool: title search (scan)", record_pool.search_pool,
                 ["工人", "的一", "".join(rng.choice(CHARS) for _ in range(3))], rounds, None),
    ]
    db.dispose()
    return figures
