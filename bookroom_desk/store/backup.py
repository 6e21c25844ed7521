"""Consistent copies of a live SQLite database, made with SQLite's backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy the database at ``source`` to ``destination`` page by page, safely while in use.

    A plain file copy of a live WAL database can miss committed pages still in the -wal file;
    the backup API reads through SQLite itself and gives a consistent snapshot.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(destination)
    return destination


def backup_name(reason: str, moment: dt.datetime | None = None) -> str:
    """File name of a backup: ``bookroom-<reason>-YYYYMMDD-HHMMSS.db``."""
    moment = moment or dt.datetime.now()
    return f"bookroom-{reason}-{moment:%Y%m%d-%H%M%S}.db"
