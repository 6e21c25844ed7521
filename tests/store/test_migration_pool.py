"""Migration 0016 (the record pool): a room from before gets an empty pool with its indexes; it goes down again;
it stands alone."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import current_revision, open_database

MIGRATION = Path(migrate.__file__).parent / "migrations" / "versions" / "0016_record_pool.py"


def test_migration_0016_imports_nothing_of_the_program():
    tree = ast.parse(MIGRATION.read_text(encoding="utf-8"))
    modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert modules and not {m for m in modules if m.startswith("bookroom_desk")}


def test_a_room_from_0014_gets_an_empty_pool_and_goes_down_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'room.db'}"
    old = Database(url)
    migrate.upgrade(old, "0014")
    old.dispose()
    db = open_database(url)
    try:
        assert current_revision(db) == migrate.SCHEMA_REVISION  # the head: later migrations may follow
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM pool_records").scalar() == 0
        from alembic import command

        config = migrate.alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0014")
    finally:
        db.dispose()
    connection = sqlite3.connect(tmp_path / "room.db")
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    connection.close()
    assert "pool_records" not in tables and "holds" in tables
