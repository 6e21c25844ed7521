"""Open a room database: refuse a newer one, back up, then apply Alembic migrations."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import DatabaseError as SADatabaseError

from bookroom_desk import files
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
SCHEMA_REVISION = "0017"


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


class NotADatabase(DatabaseError):
    """The file is not a SQLite database at all (a text, a picture, a zip…): refused as such, not as damaged,
    so nothing offers to restore a backup over it."""

    def __init__(self, path: Path, kind: str | None) -> None:
        if kind == "zip":
            super().__init__(QT_TRANSLATE_NOOP(
                "BookroomError", "文件 {path} 不是书屋数据库文件，而是一个压缩文件（也许是一份备份），未作任何改动。"
                "如果它是备份，请从备份恢复，不要把它当作数据库打开。"), path=str(path))
        else:
            super().__init__(QT_TRANSLATE_NOOP(
                "BookroomError", "文件 {path} 不是书屋数据库文件，未作任何改动。请检查选的是不是书屋的数据库文件（.db）。"),
                path=str(path))
        self.path = path
        self.kind = kind


def _kind(path: Path) -> str | None:
    """The file's kind by its first bytes (see :func:`snapshots.file_kind`); a file that cannot be read is refused."""
    try:
        return snapshots.file_kind(path)
    except OSError as exc:
        raise DatabaseError(QT_TRANSLATE_NOOP("BookroomError", "无法读取数据库文件 {path}：{detail}，未作任何改动。"),
                            path=str(path), detail=files.os_error_text(exc)) from exc


def check_file(path: Path, backup_dir: Path | None = None, *, full: bool = True) -> None:
    """Refuse a SQLite file on a network share, a file that is no SQLite database at all (:class:`NotADatabase`),
    or one SQLite finds damaged (read-only; nothing written).

    ``full=False`` skips SQLite's page-by-page check: only for a file the program closed cleanly and
    checked today, unchanged since (see :mod:`bookroom_desk.store.clean_close`).
    """
    if on_network_share(path):
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "BookroomError",
            "数据库 {path} 在网络共享文件夹上。SQLite 数据库文件不能放在网络上共用，否则会损坏。"
            "几台电脑共用一个书屋，请改用 PostgreSQL 服务器（见说明书“多台电脑共用”一节）；"
            "只用一台电脑，请把数据库放在本机硬盘上。"), path=str(path))
    if not path.exists() or path.stat().st_size == 0:
        return
    if (kind := _kind(path)) != "sqlite":
        raise NotADatabase(path, kind)
    if not full:
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


def open_database(url: str, *, backup_dir: Path | None = None, safety_backup: bool = True) -> Database:
    """Open ``url``, migrating it to this version's schema.

    A database written by a newer version of the program, a damaged file (:class:`DamagedDatabase`),
    a file on a network share, or a database that is not a room's is refused and left untouched.
    An existing SQLite database that needs migrating is first backed up with the backup API, unless
    ``safety_backup`` is False (a scratch copy of a backup being tried, which is its own backup). (The
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
        snapshots.sweep_leftovers(db.path)
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
        if revision is not None and path is not None and safety_backup:
            folder = backup_dir or backups_dir_for(path)
            target = snapshots.free_name(folder, f"pre-migrate-{revision}")
            log.info("backing up %s to %s before migrating", path, target)
            try:
                snapshots.backup_sqlite(path, target)
            except BookroomError:
                db.dispose()
                raise
            snapshots.rotate(folder)
        elif revision is not None and path is None:
            log.warning("migrating %s from %s to %s without a backup: backing up a PostgreSQL database is the "
                        "server administrator's job (pg_dump), see docs/postgresql.md", db.engine.url, revision, head)
        upgrade(db)
        db.optimize()
    return db


def _schema(connection: sqlite3.Connection) -> dict[str, tuple[set[str], set[tuple]]]:
    """Each table's columns and its indexes (unique or not, over which columns), and the triggers under ""."""
    schema: dict[str, tuple[set[str], set[tuple]]] = {}
    for name, kind in connection.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'trigger')"):
        if kind == "trigger":
            schema.setdefault("", (set(), set()))[0].add(name)
            continue
        columns = {row[1] for row in connection.execute("SELECT * FROM pragma_table_info(?)", (name,))}
        indexes = {(bool(unique), tuple(row[2] for row in connection.execute(
                       "SELECT * FROM pragma_index_info(?)", (index,))))
                   for _, index, unique, *_ in connection.execute("SELECT * FROM pragma_index_list(?)", (name,))}
        schema[name] = (columns, indexes)
    return schema


@functools.cache
def _head_schema() -> dict[str, tuple[set[str], set[tuple]]]:
    """The schema this version's migrations give a new SQLite room (made once per run, in a temporary file)."""
    with tempfile.TemporaryDirectory(prefix="bookroom-schema-") as folder:
        db = Database(f"sqlite:///{Path(folder) / 'head.db'}")
        try:
            upgrade(db)
        finally:
            db.dispose()
        connection = sqlite3.connect(Path(folder) / "head.db")
        try:
            return _schema(connection)
        finally:
            connection.close()


def schema_problems(path: Path) -> list[str]:
    """What a SQLite room at this version's revision lacks of the schema its migrations make (read-only).

    A file's revision label is only a claim: a file labelled current may lack tables, columns, the
    indexes that keep barcodes unique or the triggers that keep the search index in step.
    """
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = _schema(connection)
    finally:
        connection.close()
    problems = []
    for table, (columns, indexes) in sorted(_head_schema().items(), key=lambda item: (not item[0], item[0])):
        if table and table not in found:
            problems.append(f"no table {table}")
            continue
        have_columns, have_indexes = found.get(table, (set(), set()))
        if not table:
            problems += [f"no trigger {name}" for name in sorted(columns - have_columns)]
            continue
        problems += [f"no column {table}.{name}" for name in sorted(columns - have_columns)]
        problems += [f"no {'unique ' if unique else ''}index on {table}({', '.join(on)})"
                     for unique, on in sorted(indexes - have_indexes)]
    return problems
