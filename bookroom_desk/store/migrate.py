"""Open a room database: refuse a newer one, back up, then apply Alembic migrations."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import DatabaseError as SADatabaseError

from bookroom_desk.config import backups_dir_for
from bookroom_desk.errors import DatabaseError
from bookroom_desk.store.backup import backup_name, backup_sqlite
from bookroom_desk.store.database import Database
from bookroom_desk.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: The newest migration's revision. Alembic's import costs 0.3 s at every start; a database
#: already at this revision opens without it. tests/store/test_migrate.py checks this equals
#: Alembic's head, so a new migration cannot be forgotten here.
SCHEMA_REVISION = "0005"


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _script():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return SCHEMA_REVISION


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _known(revision: str) -> bool:
    if revision == SCHEMA_REVISION:
        return True
    try:
        return _script().get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _inspect_sqlite_file(path: Path) -> tuple[str | None, bool]:
    """(revision, has tables) of an existing SQLite file, read-only, so a refused file stays as it was.

    The engine's connections switch a database to WAL, which rewrites its header: nothing may
    open a file that way before it is known to be a room database of this version or older.
    """
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return revision, bool(tables - {"alembic_version"})
    finally:
        connection.close()


def _inspect(db: Database) -> tuple[str | None, bool]:
    path = db.path
    if path is not None:
        if not path.exists() or path.stat().st_size == 0:
            return None, False
        return _inspect_sqlite_file(path)
    return current_revision(db), bool(inspect(db.engine).get_table_names())


def open_database(url: str, *, backup_dir: Path | None = None) -> Database:
    """Open ``url``, migrating it to this version's schema.

    A database written by a newer version of the program, a damaged file, or a database that is
    not a room's is refused and left untouched. An existing SQLite database that needs migrating
    is first backed up with the backup API.
    """
    db = Database(url)
    try:
        revision, has_tables = _inspect(db)
    except (sqlite3.DatabaseError, SADatabaseError) as exc:
        db.dispose()
        raise DatabaseError(
            QT_TRANSLATE_NOOP("BookroomError", "无法打开数据库 {url}：文件已损坏或不是书屋数据库。（{detail}）"),
            url=url, detail=getattr(exc, "orig", exc),
        ) from exc
    head = head_revision()
    if revision is None and has_tables:
        db.dispose()
        raise DatabaseError(
            QT_TRANSLATE_NOOP("BookroomError", "{url} 不是书屋管理台的数据库，未作任何改动。"), url=url
        )
    if revision is not None and not _known(revision):
        db.dispose()
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "BookroomError",
                "这个数据库由更新版本的书屋管理台写入（版本 {revision}），本程序无法使用，未作任何改动。请安装最新版本。",
            ),
            revision=revision,
        )
    if revision != head:
        path = db.path
        if revision is not None and path is not None:
            target = (backup_dir or backups_dir_for(path)) / backup_name(f"pre-migrate-{revision}")
            log.info("backing up %s to %s before migrating", path, target)
            backup_sqlite(path, target)
        upgrade(db)
        db.optimize()
    return db
