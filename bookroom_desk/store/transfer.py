"""Copy a whole room from one database into an empty one (SQLite file -> PostgreSQL server), then compare counts."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Integer, MetaData, Table, func, inspect, select
from sqlalchemy.exc import DBAPIError

from bookroom_desk.errors import DatabaseError
from bookroom_desk.store.database import Database
from bookroom_desk.store.schema import metadata
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Rows read and written at a time.
BATCH = 5000


def room_tables() -> list[Table]:
    """The room's tables in an order that satisfies their foreign keys (SQLite's search index left out)."""
    return [t for t in metadata.sorted_tables if not t.info.get("sqlite_fts5")]


def table_counts(db: Database) -> dict[str, int]:
    """Rows in each of the room's tables."""
    with db.read() as session:
        return {table.name: session.scalar(select(func.count()).select_from(table)) or 0 for table in room_tables()}


def require_empty(target: Database) -> None:
    """Refuse a target that already holds tables: migrate-to never mixes two rooms or overwrites one."""
    names = inspect(target.engine).get_table_names()
    if names:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "BookroomError", "目标数据库不是空的（已有 {count} 张表，例如 {example}），未作任何改动。"
            "请让管理员新建一个空数据库。"), count=len(names), example=sorted(names)[0])


def _autoincrement_column(table: Table):
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and isinstance(keys[0].type, Integer) and keys[0].autoincrement in (True, "auto"):
        return keys[0]
    return None


def migrate_and_copy(source: Database, target: Database,
                     progress: Callable[[str, int], None] | None = None) -> None:
    """Create the room's tables in the empty ``target`` and copy every row of ``source``: one transaction.

    On PostgreSQL the tables are made in the same transaction as the rows, so a copy that fails
    (a value the server refuses, the network gone) leaves the target as empty as it was.
    """
    from alembic import command

    from bookroom_desk.store.migrate import alembic_config

    require_empty(target)
    config = alembic_config()
    try:
        with target.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            copy_rows(source, connection, progress)
    except DBAPIError as exc:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "BookroomError", "复制没有完成，目标数据库仍是空的（{detail}）。"),
            detail=str(getattr(exc, "orig", exc)).strip().splitlines()[0]) from exc


def copy_rows(source: Database, connection, progress: Callable[[str, int], None] | None = None) -> None:
    """Copy every row of ``source`` over ``connection`` (a migrated target, in a transaction).

    The rows a migration seeds in the target (the default reader category) are cleared first, so the
    copy is exactly the source. On PostgreSQL each id sequence then continues after the highest id.
    """
    tables = room_tables()
    present = MetaData()
    present.reflect(source.engine, only=[t.name for t in tables if inspect(source.engine).has_table(t.name)])
    with source.read() as reading:
        for table in reversed(tables):
            connection.execute(table.delete())
        for table in tables:
            if table.name not in present.tables:
                continue
            columns = [c for c in table.columns if c.name in present.tables[table.name].columns]
            rows = reading.execute(select(*columns).execution_options(yield_per=BATCH))
            copied = 0
            for chunk in rows.partitions(BATCH):
                connection.execute(table.insert(), [dict(row._mapping) for row in chunk])
                copied += len(chunk)
                if progress:
                    progress(table.name, copied)
            continue_ids(connection, table)


def continue_ids(connection, table: Table) -> None:
    """On PostgreSQL, set ``table``'s id sequence to go on after its highest id (from 1 when empty)."""
    key = _autoincrement_column(table)
    if key is not None and connection.dialect.name == "postgresql":
        top = select(func.max(key)).scalar_subquery()
        connection.execute(select(func.setval(func.pg_get_serial_sequence(table.name, key.name),
                                              func.coalesce(top, 1), top.is_not(None))))
