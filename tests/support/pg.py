"""A PostgreSQL server for the tests: the one BOOKROOM_TEST_PG_URL names, or a private one started here.

The private server (tests/support/pg_server.py, which the benchmarks share) lives in a temporary
folder, listens on 127.0.0.1 only (on a free port) and is stopped at the end of the session. Where
no server can be had, the tests that need one are skipped with the reason. Each test gets an empty room database: one migrated
once per session and emptied before each test (see :meth:`Rooms.fresh`).
"""

from __future__ import annotations

import atexit
import itertools
import os
from dataclasses import dataclass, field

import pytest

from tests.support.pg_server import FAST, LocalServer, Unavailable

__all__ = ["FAST", "LocalServer", "Rooms", "Unavailable", "pg_rooms", "pg_url", "rooms_or_skip", "shutdown"]

ENV_URL = "BOOKROOM_TEST_PG_URL"  # an admin URL (may CREATE DATABASE), e.g. postgresql+psycopg://u:p@host/postgres
ENV_OFF = "BOOKROOM_TEST_NO_PG"  # set to 1 to skip the PostgreSQL runs
TEMPLATE = "bookroom_test_template"


@dataclass
class Rooms:
    """Makes fresh, migrated room databases on one server, and drops them."""

    admin_url: str
    _numbers: itertools.count = field(default_factory=lambda: itertools.count(1))
    _seed: dict = field(default_factory=dict)  # rows the migrations write, by table
    _shared: object = None  # the Database that fresh() empties for each test

    def _admin(self):
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(self.admin_url).set(drivername="postgresql")
        return psycopg.connect(url.render_as_string(hide_password=False), autocommit=True, connect_timeout=10)

    def url(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def prepare_template(self) -> None:
        """Migrate the template once, note the rows the migrations seed, and make the shared test database."""
        from sqlalchemy import select

        from bookroom_desk.store.migrate import open_database
        from bookroom_desk.store.transfer import room_tables

        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{TEMPLATE}" TEMPLATE template0 ENCODING UTF8 '
                          "LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'")
        template = open_database(self.url(TEMPLATE))
        with template.read() as session:
            self._seed = {t.name: [dict(r._mapping) for r in session.execute(select(t))] for t in room_tables()}
        template.dispose()
        self._shared = None

    def fresh(self) -> str:
        """The session's shared test database, emptied back to what the migrations leave (a few ms).

        Copying the template for every test costs about half a second (CREATE DATABASE checkpoints);
        deleting a test's few rows and restarting the id sequences costs a tenth of that.
        """
        from sqlalchemy import text

        from bookroom_desk.store.database import Database
        from bookroom_desk.store.transfer import continue_ids, room_tables

        if self._shared is None:
            self._shared = Database(self.create())
        tables = room_tables()
        for attempt in (1, 2):
            try:
                with self._shared.engine.begin() as connection:
                    connection.execute(text("SET LOCAL lock_timeout = '5s'"))
                    for table in reversed(tables):
                        connection.execute(table.delete())
                    for table in tables:
                        if self._seed[table.name]:
                            connection.execute(table.insert(), self._seed[table.name])
                        continue_ids(connection, table)
                break
            except Exception:
                if attempt == 2:
                    raise
                self._terminate_others()  # a test left a connection holding locks
        return self._shared.url

    def _terminate_others(self) -> None:
        from sqlalchemy.engine import make_url

        self._shared.engine.dispose()
        with self._admin() as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                          "AND pid <> pg_backend_pid()", (make_url(self._shared.url).database,))

    def create(self, empty: bool = False) -> str:
        """A new database (migrated, unless ``empty``): its URL."""
        name = f"bookroom_test_{os.getpid()}_{next(self._numbers)}"
        source = "template0" if empty else TEMPLATE
        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE {source} ENCODING UTF8 '
                          "LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'")
        return self.url(name)

    def drop(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def drop_template(self) -> None:
        if self._shared is not None:
            self._shared.dispose()
            self.drop(self._shared.url)
        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')


_state: dict = {}


def rooms_or_skip() -> Rooms:
    """The session's Rooms (the server started at first use), or skip the calling test saying why.

    Only a server that cannot be had skips; one that runs but cannot take the room's migrations
    is a failure of the program, and every test that needs it errors with that.
    """
    if not _state.keys() & {"rooms", "reason", "error"}:
        try:
            _state["rooms"] = _open()
        except Unavailable as exc:
            _state["reason"] = str(exc)
        except Exception as exc:
            _state["error"] = exc
    if "reason" in _state:
        pytest.skip(f"PostgreSQL not available: {_state['reason']}")
    if "error" in _state:
        raise _state["error"]
    return _state["rooms"]


def _open() -> Rooms:
    if os.environ.get(ENV_OFF):
        raise Unavailable(f"{ENV_OFF} is set")
    try:
        import psycopg
    except ImportError:
        raise Unavailable("the psycopg driver is not installed: pip install 'psycopg[binary]'") from None
    url = os.environ.get(ENV_URL)
    if not url:
        server = LocalServer.start()
        _state["server"] = server
        atexit.register(shutdown)  # also when the session ends without its fixtures' teardown
        url = server.admin_url
    rooms = Rooms(url)
    try:
        with rooms._admin():
            pass
    except psycopg.OperationalError as exc:  # refused, unreachable, bad password
        raise Unavailable(f"cannot connect to {url}: {exc}") from exc
    rooms.prepare_template()
    return rooms


def shutdown() -> None:
    """Drop the template and stop the private server (called once at the end of the session)."""
    rooms, server = _state.pop("rooms", None), _state.pop("server", None)
    if rooms is not None and rooms._shared is not None:
        rooms._shared.dispose()
    if rooms is not None and server is None:
        try:
            rooms.drop_template()
        except Exception:
            pass
    if server is not None:
        server.stop()


@pytest.fixture(scope="session")
def pg_rooms() -> Rooms:
    """Fresh PostgreSQL room databases for this session (the test is skipped where none can be had)."""
    yield rooms_or_skip()
    shutdown()


@pytest.fixture
def pg_url(pg_rooms):
    """The URL of an empty, migrated PostgreSQL room database (the session's one, emptied for this test)."""
    return pg_rooms.fresh()
