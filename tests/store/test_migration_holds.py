"""Migration 0014 (holds): categories keep their rules and get the hold defaults; it goes down again; it stands alone."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

from sqlalchemy import select

from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import ReaderCategory

MIGRATION = Path(migrate.__file__).parent / "migrations" / "versions" / "0014_holds.py"


def test_migration_0014_imports_nothing_of_the_program():
    tree = ast.parse(MIGRATION.read_text(encoding="utf-8"))
    modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert modules and not {m for m in modules if m.startswith("bookroom_desk")}


def test_a_room_from_0009_gets_hold_rules_on_its_categories_and_goes_down_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'room.db'}"
    old = Database(url)
    migrate.upgrade(old, "0013")
    with old.engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO reader_categories (name, loan_days, max_loans, renewals, overdue_blocks)"
                                   " VALUES ('退休职工', 60, 8, 2, 0)")
    old.dispose()
    db = open_database(url)
    try:
        with db.read() as session:
            rows = session.execute(select(ReaderCategory.name, ReaderCategory.loan_days, ReaderCategory.max_holds,
                                          ReaderCategory.hold_days).where(ReaderCategory.name == "退休职工")).all()
        assert rows == [("退休职工", 60, 3, 5)]
        from alembic import command

        config = migrate.alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0013")
    finally:
        db.dispose()
    connection = sqlite3.connect(tmp_path / "room.db")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(reader_categories)")]
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    connection.close()
    assert "max_holds" not in columns and "hold_days" not in columns and "holds" not in tables
