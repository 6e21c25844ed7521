"""The desk, search, stocktake and return groups against a PostgreSQL server holding the same room.

    python -m benchmarks --size full --db postgresql [--only desk,search,stocktake,returns] [--runs N]

The benchmark starts its own server on loopback, as the tests start theirs (tests/support/pg_server.py),
but durable: fsync, full_page_writes and synchronous_commit stay on, so a commit waits for its WAL
flush as the program's does on a real server. The generated SQLite room is copied in once by the
program's own transfer (store.transfer.migrate_and_copy, as ``migrate-to`` copies a room) and
ANALYZEd; each group then runs in a new process on its own database cloned from that one
(CREATE DATABASE … TEMPLATE), so no group sees another's changes. The server and its folder are
removed at the end, also after a failure or Ctrl-C.

A group's modules see a PostgreSQL URL where they otherwise see the SQLite file's path: :func:`url_of`
gives the program's URL for either, :func:`plain` a plain connection (sqlite3 or psycopg) and
:func:`plain_floor` replays the program's reads on it. The floors are the same statements as the
SQLite floors in plain psycopg (BEGIN IMMEDIATE becomes the advisory lock the program's units of
work take on PostgreSQL); their rows are labelled "(PostgreSQL)" and have the SQLite rows' targets.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.common import Figure, sqlite_floor

LABEL = " (PostgreSQL)"
#: A durable server (PostgreSQL's defaults for fsync, synchronous_commit and full_page_writes), a little more cache.
SETTINGS = "-c shared_buffers=256MB -c max_connections=40 -c synchronous_commit=on -c fsync=on"
TEMPLATE = "bookroom_bench_room"
#: The program's write lock on PostgreSQL (store.database.PG_WRITE_LOCK), taken as its units of work take it.
WRITE_LOCK = "SELECT set_config('lock_timeout', '10000ms', true), pg_advisory_xact_lock(1651470187)"


def is_pg(room: Path | str) -> bool:
    return str(room).startswith("postgresql")


def url_of(room: Path | str) -> str:
    """The program's database URL for a group's room: a SQLite file's path, or a PostgreSQL URL as it is."""
    return str(room) if is_pg(room) else f"sqlite:///{room}"


def dsn(url: str) -> str:
    """A psycopg connection string for a SQLAlchemy PostgreSQL URL."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class _Plain:
    """A psycopg connection that takes the sqlite3 module's ``?`` placeholders (the benchmarks' own queries)."""

    def __init__(self, url: str, autocommit: bool = False) -> None:
        import psycopg

        self.con = psycopg.connect(dsn(url), autocommit=autocommit)

    def execute(self, sql: str, params=()):
        return self.con.execute(sql.replace("?", "%s"), params)

    def executemany(self, sql: str, rows) -> None:
        with self.con.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), list(rows))

    def commit(self) -> None:
        self.con.commit()

    def close(self) -> None:
        self.con.close()


def plain(room: Path | str):
    """A plain connection to the room: sqlite3 on the file, or psycopg (``?`` placeholders work on both)."""
    return _Plain(str(room)) if is_pg(room) else sqlite3.connect(room)


def pg_floor(url: str, statements: list[tuple[str, object]], rounds: int) -> list[float]:
    """Milliseconds to run the reads among ``statements`` with plain psycopg, per round (cf. common.sqlite_floor)."""
    import psycopg

    statements = [(sql, params) for sql, params in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
    with psycopg.connect(dsn(url), autocommit=True) as con:
        timings = []
        for _ in range(rounds + 1):
            start = time.perf_counter()
            for sql, params in statements:
                con.execute(sql, params or None).fetchall()
            timings.append((time.perf_counter() - start) * 1000)
        return timings[1:]  # the first round warms the cache and plans, as the program's first query did


def plain_floor(room: Path | str, statements: list[tuple[str, object]], rounds: int) -> list[float]:
    return pg_floor(str(room), statements, rounds) if is_pg(room) else sqlite_floor(Path(room), statements, rounds)


# The desk's floors in plain psycopg: the statements of benchmarks.desk's floor_check_out, floor_check_in and
# its lookup, with PostgreSQL's placeholders and types (dates and times as values; count(*) FILTER for SQLite's
# sum(due_on < ?)), in one transaction each that takes the program's write lock first.

def connect_floor(url: str):
    import psycopg

    return psycopg.connect(dsn(url), autocommit=True)


def floor_check_out(con, reader_id: int, code: str) -> None:
    now = dt.datetime.now()
    with con.transaction():
        con.execute(WRITE_LOCK)
        reader = con.execute("SELECT r.name, r.status, c.max_loans, c.loan_days, c.overdue_blocks FROM readers r"
                             " JOIN reader_categories c ON c.id = r.category_id WHERE r.id = %s",
                             (reader_id,)).fetchone()
        copy = con.execute("SELECT c.id, c.status, t.title FROM copies c JOIN titles t ON t.id = c.title_id"
                           " WHERE c.barcode = %s", (code,)).fetchone()
        held = con.execute("SELECT id, reader_id FROM loans WHERE copy_id = %s AND returned_at IS NULL",
                           (copy[0],)).fetchone()
        count, late = con.execute("SELECT count(*), count(*) FILTER (WHERE due_on < %s) FROM loans"
                                  " WHERE reader_id = %s AND returned_at IS NULL", (now.date(), reader_id)).fetchone()
        assert held is None and count < reader[2]
        con.execute("INSERT INTO loans (copy_id, reader_id, out_at, due_on, renewals, lent_by, returned_by)"
                    " VALUES (%s, %s, %s, %s, 0, '', '')",
                    (copy[0], reader_id, now, now.date() + dt.timedelta(days=reader[3])))
        con.execute("UPDATE copies SET status = 'on_loan' WHERE id = %s", (copy[0],))


def floor_check_in(con, code: str) -> None:
    now = dt.datetime.now()
    with con.transaction():
        con.execute(WRITE_LOCK)
        copy = con.execute("SELECT c.id, c.status, t.title FROM copies c JOIN titles t ON t.id = c.title_id"
                           " WHERE c.barcode = %s", (code,)).fetchone()
        loan = con.execute("SELECT l.id, l.due_on, r.name FROM loans l JOIN readers r ON r.id = l.reader_id"
                           " WHERE l.copy_id = %s AND l.returned_at IS NULL", (copy[0],)).fetchone()
        con.execute("UPDATE loans SET returned_at = %s, returned_by = '' WHERE id = %s", (now, loan[0]))
        con.execute("UPDATE copies SET status = 'available' WHERE id = %s", (copy[0],))


def floor_lookup(con, code: str):
    return con.execute("SELECT c.id, c.status, c.shelf_id, t.title, t.call_number FROM copies c"
                       " JOIN titles t ON t.id = c.title_id WHERE c.barcode = %s", (code,)).fetchone()


def search_figures(url: str, rounds: int) -> list[Figure]:
    """benchmarks.catalogue.search_figures on PostgreSQL: its SQL replayed in plain psycopg."""
    from benchmarks.catalogue import search_figures as figures

    return figures(Path(), rounds, url=url, floor=lambda statements, rounds: pg_floor(url, statements, rounds))


# The server and the room on it.

class Server:
    """A durable private server holding the benchmark room once (:data:`TEMPLATE`), and a clone per group."""

    def __init__(self) -> None:
        from tests.support.pg_server import LocalServer

        self.local = LocalServer.start(SETTINGS, prefix="bookroom-bench-pg-")

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://bookroom@127.0.0.1:{self.local.port}/{name}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(dsn(self.url("postgres")), autocommit=True) as con:
            con.execute(sql)

    def load(self, base: Path) -> float:
        """Copy the SQLite room at ``base`` into the template database and ANALYZE it; the seconds it took."""
        import psycopg

        from bookroom_desk.store.database import Database
        from bookroom_desk.store.transfer import migrate_and_copy

        started = time.perf_counter()
        self._admin(f"CREATE DATABASE {TEMPLATE} TEMPLATE template0 ENCODING UTF8 LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'")
        source, target = Database(f"sqlite:///{base}"), Database(self.url(TEMPLATE))
        try:
            migrate_and_copy(source, target)
        finally:
            source.dispose()
            target.dispose()
        with psycopg.connect(dsn(self.url(TEMPLATE)), autocommit=True) as con:
            con.execute("VACUUM ANALYZE")
        return time.perf_counter() - started

    def clone(self, group: str) -> str:
        """A new database for ``group``: the loaded room as it is (its statistics too); its URL."""
        name = f"bench_{group}"
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def drop(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self._admin(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")

    def version(self) -> str:
        import psycopg

        with psycopg.connect(dsn(self.url("postgres")), autocommit=True) as con:
            return "PostgreSQL " + con.execute("SHOW server_version").fetchone()[0]

    def stop(self) -> None:
        self.local.stop()


@contextlib.contextmanager
def server() -> Iterator[Server]:
    """A started server, stopped and its folder removed however the block ends (SIGTERM too)."""
    previous = signal.getsignal(signal.SIGTERM)

    def terminated(_signum, _frame):
        raise SystemExit(143)

    signal.signal(signal.SIGTERM, terminated)
    started = None
    try:
        print("starting a PostgreSQL server …", file=sys.stderr, flush=True)
        started = Server()
        yield started
    finally:
        if started is not None:
            started.stop()
        signal.signal(signal.SIGTERM, previous)


def labelled(figures: list[Figure]) -> list[Figure]:
    """The figures named as run on PostgreSQL (the targets stay the SQLite rows' targets)."""
    for figure in figures:
        figure.name += LABEL
    return figures
