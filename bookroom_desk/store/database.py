"""The engine and its sessions: one SQLite file by default, PostgreSQL by URL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from bookroom_desk.text import QT_TRANSLATE_NOOP

# How long a connection waits for another writer before it gives up, in milliseconds.
BUSY_TIMEOUT_MS = 10_000
_IMMEDIATE = "bookroom_immediate"
#: The key of the PostgreSQL advisory lock that a unit of work holds (its own per database).
PG_WRITE_LOCK = 0x626F6F6B  # "book"


#: How many SQLite virtual-machine steps a query runs between two looks at whether it is to stop (see cut_short).
PROGRESS_STEPS = 50_000


class _Marked(threading.local):
    may_cut = False  # this thread's queries are reads that may be cut short at the program's exit


_thread = _Marked()
_cutting = threading.Event()


@contextmanager
def reads_that_may_stop() -> Iterator[None]:
    """Inside the block this thread only reads, and a :func:`cut_short` may stop its query (OperationalError)."""
    _thread.may_cut = True
    try:
        yield
    finally:
        _thread.may_cut = False


@contextmanager
def cut_short() -> Iterator[None]:
    """Inside the block the SQLite queries of reads that may stop (see above) do: the program's exit need not wait
    for a count nobody will see. Writes, and reads not marked, go on as ever."""
    _cutting.set()
    try:
        yield
    finally:
        _cutting.clear()


def _stop_marked_read() -> int:
    return 1 if _cutting.is_set() and _thread.may_cut else 0


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "memory":
        cursor.execute("PRAGMA journal_mode = WAL")
    # FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on a power cut. Every scan
    # at the desk or in a stocktake is its own small commit that must survive one, and FULL
    # costs one WAL fsync per commit, which a single-row transaction can afford.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()
    dbapi_connection.set_progress_handler(_stop_marked_read, PROGRESS_STEPS)


def _sqlite_begin(connection) -> None:
    # The dialect's own BEGIN (make_engine sets it), given the pool's connection. Write transactions take the
    # write lock at BEGIN, so two desks never both read a value, then both write from it (call numbers, loans);
    # readers use a plain BEGIN. Database.write marks its connection (its info). Not a "begin" event: an engine
    # with any listener of its own runs SQLAlchemy's event machinery at every statement, which cost a desk scan
    # about as much as one of its statements; and sent on the driver's connection, as SQLAlchemy sends COMMIT
    # and ROLLBACK (an error is raised as SQLAlchemy raises the driver's: OperationalError when locked).
    statement = "BEGIN IMMEDIATE" if connection.info.get(_IMMEDIATE) else "BEGIN"
    connection.dbapi_connection.execute(statement)


def _pg_begin(conn) -> None:
    # PostgreSQL's counterpart of BEGIN IMMEDIATE: every unit of work takes one advisory lock
    # (released at commit or rollback), so the services' read-check-write rules (one open loan,
    # the next 种次号, one open stocktake) hold across desks exactly as on SQLite. Readers take
    # no lock and see the last committed state (READ COMMITTED, each statement a fresh snapshot).
    if conn.get_execution_options().get(_IMMEDIATE):
        conn.exec_driver_sql(f"SELECT set_config('lock_timeout', '{BUSY_TIMEOUT_MS}ms', true), "
                             f"pg_advisory_xact_lock({PG_WRITE_LOCK})")


def _has_nul(row) -> bool:
    return isinstance(row, dict) and any(isinstance(v, str) and "\x00" in v for v in row.values())


def _without_nul(row: dict) -> dict:
    return {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in row.items()}


def _pg_strip_nul(_conn, _cursor, statement, parameters, _context, executemany):
    # PostgreSQL's text cannot hold U+0000 (SQLite's can, and every reader of it stops there):
    # a NUL pasted or imported into a field is dropped rather than failing the whole unit of work.
    if executemany:
        if any(_has_nul(row) for row in parameters):
            return statement, [_without_nul(row) if _has_nul(row) else row for row in parameters]
    elif _has_nul(parameters):
        return statement, _without_nul(parameters)
    return statement, parameters


#: What a volunteer is told when the PostgreSQL server refuses a unit of work, by SQLSTATE class or code.
PG_MESSAGES = {
    "55P03": QT_TRANSLATE_NOOP("BookroomError", "数据库正被另一台电脑长时间写入，这次操作没有保存。请稍后再试。"),
    "08": QT_TRANSLATE_NOOP("BookroomError", "连不上数据库服务器 {server}，这次操作没有保存（之前保存的都在服务器上）。"
                                             "请检查网络，或请管理员检查服务器。"),
    "57": QT_TRANSLATE_NOOP("BookroomError", "连不上数据库服务器 {server}，这次操作没有保存（之前保存的都在服务器上）。"
                                             "请检查网络，或请管理员检查服务器。"),
    "53": QT_TRANSLATE_NOOP("BookroomError", "数据库服务器资源不足（{detail}），这次操作没有保存。请联系管理员。"),
    "25006": QT_TRANSLATE_NOOP("BookroomError", "数据库服务器只允许读取，这次操作没有保存。请联系管理员。"),
    "42501": QT_TRANSLATE_NOOP("BookroomError", "数据库账户没有权限（{detail}），这次操作没有保存。请联系管理员。"),
    "connect": QT_TRANSLATE_NOOP("BookroomError", "连不上数据库服务器 {server}（{detail}）。"
                                                  "请检查网络和 --db 或 BOOKROOM_DB 中的地址，或请管理员检查服务器。"),
    "28": QT_TRANSLATE_NOOP("BookroomError", "数据库服务器 {server} 拒绝登录（{detail}）。"
                                             "请核对 --db 或 BOOKROOM_DB 中的账户和密码。"),
}


def _pg_error(context):
    """A readable DatabaseError for a server that is unreachable, busy, full or forbids; None for a bug."""
    exc = context.original_exception
    state = getattr(exc, "sqlstate", None)
    if state is None and type(exc).__name__ == "OperationalError":  # no server answered at all
        state = "08"
    if context.connection is None and (state or "")[:2] in ("08", "57"):  # while connecting: nothing was under way
        state = "connect"
    text = PG_MESSAGES.get(state or "") or PG_MESSAGES.get((state or "")[:2])
    if text is None:
        return None
    from bookroom_desk.errors import DatabaseError

    url = context.engine.url if context.engine is not None else None
    server = f"{url.host or 'localhost'}:{url.port or 5432}" if url is not None else ""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return DatabaseError(text, server=server, detail=detail)


#: Rows psycopg turns into Python at a time when a whole result is fetched (see _pg_sliced_cursor).
PG_FETCH_SLICE = 2000


def _pg_sliced_cursor():
    """psycopg's cursor with ``fetchall`` done a slice at a time.

    psycopg converts the rows of a ``fetchall`` in one call of its C code, which holds the GIL
    throughout: the annual return's 99,000 rows held the GUI thread 100-200 ms while a worker
    fetched them (sqlite3 lets go of the GIL at each row). Between slices other threads run.
    """
    import psycopg

    class SlicedCursor(psycopg.Cursor):
        def fetchall(self):
            rows = []
            while chunk := self.fetchmany(PG_FETCH_SLICE):
                rows.extend(chunk)
            return rows

    return SlicedCursor


_CONNECTION = "bookroom_connection"


def connection_of(session: Session) -> Connection:
    """The connection of the session's unit of work (Database.write's own, without the session's bookkeeping),
    or the session's connection: outside Database.write, and inside a savepoint (begin_nested), which the
    session opens on the connection only when asked for it. What the caller changed through the ORM is not
    flushed here: see statements.py."""
    connection: Connection | None = session.info.get(_CONNECTION)
    if connection is None or session.in_nested_transaction():
        return session.connection()
    return connection


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the room's connection settings."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        engine.dialect.do_begin = _sqlite_begin  # type: ignore[method-assign,assignment]
        return engine
    if parsed.get_backend_name() == "postgresql":
        args: dict = {"connect_timeout": 10, "application_name": "bookroom-desk"}
        if parsed.get_driver_name() == "psycopg":
            args["cursor_factory"] = _pg_sliced_cursor()
        engine = create_engine(url, pool_pre_ping=True, connect_args=args)
        event.listen(engine, "begin", _pg_begin)
        event.listen(engine, "before_cursor_execute", _pg_strip_nul, retval=True)
        event.listen(engine, "handle_error", _pg_error)
        return engine
    return create_engine(url, pool_pre_ping=True)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another database or in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


class Database:
    """An opened room database: sessions for reading, and one writer at a time."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        #: The day SQLite's full check last passed on this file (set by migrate.open_database).
        self.checked_on: str | None = None
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self.is_postgresql = self.engine.dialect.name == "postgresql"
        locking = self.is_sqlite or self.is_postgresql
        write_engine = self.engine.execution_options(**{_IMMEDIATE: True}) if locking else self.engine
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write_engine = write_engine
        # Writers of this process take turns here before SQLite's lock: one waiting in SQLite's busy
        # handler polls with growing sleeps (up to 100 ms) and kept missing the moment the lock was
        # free while search keys were written in the background, a short batch at a time (a scan
        # then waited up to 270 ms); a lock hands over as soon as it is released. Other processes
        # still meet at the database's own lock.
        self._writers = threading.RLock()

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; closing it rolls back whatever it changed.

        Objects it loaded stay readable after it closes (close() does not expire them).
        """
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed whole on success, rolled back whole on any error.

        The unit of work is the transaction of one Core connection, begun at its first statement (BEGIN
        IMMEDIATE, or PostgreSQL's write lock: _sqlite_begin, _pg_begin), committed here after the session's
        last flush. The session is bound to that connection and joins its transaction, so ORM and Core statements
        (:func:`connection_of`: the desk's hot path) run in it alike; a session that owned its transaction
        cost a desk scan about as much as one of its statements.
        """
        queued = self._writers.acquire(timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            with self._write_engine.connect() as connection:
                connection.info[_IMMEDIATE] = True  # BEGIN IMMEDIATE on SQLite (_sqlite_begin)
                session = Session(connection, expire_on_commit=False, join_transaction_mode="rollback_only")
                session.info[_CONNECTION] = connection
                try:
                    yield session
                    session.flush()
                    if connection.in_transaction():
                        connection.commit()
                except BaseException:
                    if connection.in_transaction():
                        connection.rollback()
                    raise
                finally:
                    session.close()
                    if not connection.invalidated:
                        connection.info.pop(_IMMEDIATE, None)
        finally:
            if queued:
                self._writers.release()

    def optimize(self) -> None:
        """Let SQLite refresh the statistics its query planner uses (cheap; SQLite's advice at close)."""
        if self.is_sqlite:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA optimize")

    def dispose(self) -> None:
        self.engine.dispose()
