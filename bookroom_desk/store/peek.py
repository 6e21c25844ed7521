"""Cheap looks at a room before SQLAlchemy is loaded (its import costs 0.2 s): the window shows meanwhile.

Only plain ``sqlite3``, read-only: nothing here writes to the file or changes its header (the
engine's first connection switches a file to WAL; see ``store/migrate.py``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SQLITE_PREFIX = "sqlite:///"


def sqlite_file(url: str) -> Path | None:
    """The file behind a plain SQLite URL (``sqlite:///path``), read without SQLAlchemy; else
    :func:`bookroom_desk.store.database.sqlite_path` decides (a URL with options, another database)."""
    if url.startswith(SQLITE_PREFIX) and "?" not in url:
        name = url[len(SQLITE_PREFIX):]
        return Path(name) if name and name != ":memory:" else None
    from bookroom_desk.store.database import sqlite_path

    return sqlite_path(url)


def has_accounts(path: Path) -> bool | None:
    """Whether the room file has an active account (its window opens at the log-in); None when not known
    (not a readable SQLite room, a file SQLite cannot open read-only now). A file not there yet has none."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return False
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.2)
    except (OSError, sqlite3.Error):
        return None
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "accounts" not in tables:
            return False if "alembic_version" in tables else None
        return connection.execute("SELECT 1 FROM accounts WHERE active LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return None
    finally:
        connection.close()
