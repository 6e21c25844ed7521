"""The service tests run twice: on a SQLite file and on a PostgreSQL database (skipped, saying why, without one)."""

from __future__ import annotations

import pytest

from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import open_database
from tests.support.pg import pg_rooms, pg_url  # noqa: F401  (fixtures)

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """Which database the test runs on; ``sqlite_only`` tests run on SQLite alone."""
    if request.param != "sqlite" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("SQLite only: " + (request.node.get_closest_marker("sqlite_only").args or ("",))[0])
    return request.param


@pytest.fixture
def db(request, backend, db_path) -> Database:
    """A migrated, empty room database: a temporary SQLite file, or a fresh PostgreSQL database."""
    url = f"sqlite:///{db_path}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    database = open_database(url)
    yield database
    database.dispose()


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(why): runs on SQLite alone (says why it cannot run on PostgreSQL)")
