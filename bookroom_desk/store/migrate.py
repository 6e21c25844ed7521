"""Open a room database: refuse a newer one, back up, then apply Alembic migrations."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import DatabaseError as SADatabaseError

from bookroom_desk.config import backups_dir_for, on_network_share
from bookroom_desk.errors import BookroomError, DatabaseError
from bookroom_desk.store import clean_close, faults, precheck, snapshots
from bookroom_desk.store.database import Database
from bookroom_desk.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: The newest migration's revision. Alembic's import costs 0.3 s at every start; a database
#: already at this revision opens without it. tests/store/test_migrate.py checks this equals
#: Alembic's head, so a new migration cannot be forgotten here.
SCHEMA_REVISION = "0007a"


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


class DamagedDatabase(DatabaseError):
    """SQLite's check fails on the database file; ``backup`` is the newest good backup, if any."""

    def __init__(self, path: Path, detail: str, good: snapshots.BackupFile | None) -> None:
        if good is None:
            super().__init__(QT_TRANSLATE_NOOP(
                "BookroomError", "数据库 {path} 已损坏（{detail}），未作任何改动。没有找到完好的备份。"),
                path=str(path), detail=detail)
        else:
            super().__init__(QT_TRANSLATE_NOOP(
                "BookroomError",
                "数据库 {path} 已损坏（{detail}），未作任何改动。最新的完好备份是 {backup}，"
                "可用命令 bookroom-desk restore \"{backup}\" 恢复。"),
                path=str(path), detail=detail, backup=str(good.path))
        self.path = path
        self.detail = detail
        self.good = good


def check_file(path: Path, backup_dir: Path | None = None, *, full: bool = True) -> None:
    """Refuse a SQLite file on a network share, or one SQLite finds damaged (read-only; nothing written).

    ``full=False`` skips SQLite's page-by-page check: only for a file the program closed cleanly and
    checked today, unchanged since (see :mod:`bookroom_desk.store.clean_close`).
    """
    if on_network_share(path):
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "BookroomError",
            "数据库 {path} 在网络共享文件夹上。SQLite 数据库文件不能放在网络上共用，否则会损坏。"
            "几台电脑共用一个书屋，请改用 PostgreSQL 服务器（见说明书“多台电脑共用”一节）；"
            "只用一台电脑，请把数据库放在本机硬盘上。"), path=str(path))
    if not full or not path.exists() or path.stat().st_size == 0:
        return
    problems = precheck.problems(path)  # begun while the window's modules loaded, if the window started it
    if problems:
        good = snapshots.newest_good(backup_dir or backups_dir_for(path), _known)
        raise DamagedDatabase(path, "; ".join(problems), good)


def close_database(db: Database) -> None:
    """Close the room at the program's normal exit, recording the clean close (so the next start may skip the full check)."""
    db.optimize()
    db.dispose()
    if db.path is not None and db.checked_on is not None:
        clean_close.record(db.path, db.checked_on)


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

    A database written by a newer version of the program, a damaged file (:class:`DamagedDatabase`),
    a file on a network share, or a database that is not a room's is refused and left untouched.
    An existing SQLite database that needs migrating is first backed up with the backup API. (The
    day's first backup is the window's, made once it is shown: see ``ui/daily_backup.py``.)
    """
    db = Database(url)
    if db.path is not None:
        full = not clean_close.trusted(db.path)
        try:
            check_file(db.path, backup_dir, full=full)
        except BookroomError:
            db.dispose()
            raise
        db.checked_on = dt.date.today().isoformat() if full else clean_close.last_checked(db.path)
        clean_close.forget(db.path)
    faults.install(db.engine)
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
            folder = backup_dir or backups_dir_for(path)
            target = snapshots.free_name(folder, f"pre-migrate-{revision}")
            log.info("backing up %s to %s before migrating", path, target)
            snapshots.backup_sqlite(path, target)
            snapshots.rotate(folder)
        elif revision is not None:
            log.warning("migrating %s from %s to %s without a backup: backing up a PostgreSQL database is the "
                        "server administrator's job (pg_dump), see docs/postgresql.md", db.engine.url, revision, head)
        upgrade(db)
        db.optimize()
    return db
