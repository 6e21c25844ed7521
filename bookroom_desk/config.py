"""Where things live on this PC, and which database to open."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from bookroom_desk import APP_NAME

#: Environment variables a user or a test may set.
ENV_DB = "BOOKROOM_DB"
ENV_DATA_DIR = "BOOKROOM_DATA_DIR"  # dev/test override of the user data folder

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
RESOURCES_DIR = PACKAGE_DIR / "resources"


def user_data_dir() -> Path:
    """The folder that holds the room's database, backups and photos."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_cache_dir() -> Path:
    """A folder for things the program can rebuild (compiled translations)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "bookroom.db"


def backups_dir_for(database_path: Path) -> Path:
    """Backups sit in a `backups` folder beside the database file."""
    return database_path.parent / "backups"


def resolve_database_url(value: str | None) -> str:
    """Turn `--db` (a path or a SQLAlchemy URL), BOOKROOM_DB, or nothing into a URL."""
    value = value or os.environ.get(ENV_DB) or str(default_database_path())
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"
