"""Migration 0012 (notices given): stands on its own, adds the table on a room with loans, and goes back cleanly."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from tests.store.test_migration_keys import _imported_modules

MIGRATION = Path(migrate.__file__).parent / "migrations" / "versions" / "0012_notices_given.py"


def test_migration_0012_imports_nothing_of_the_program():
    imported = _imported_modules(MIGRATION)
    assert imported and not {m for m in imported if m.startswith("bookroom_desk")}, imported


def test_notices_given_is_added_and_removed(tmp_path):
    from alembic import command

    db = Database(f"sqlite:///{tmp_path / 'room.db'}")
    try:
        migrate.upgrade(db, "0011")
        assert not inspect(db.engine).has_table("notices_given")
        migrate.upgrade(db, "0012")
        columns = {c["name"] for c in inspect(db.engine).get_columns("notices_given")}
        assert columns == {"id", "loan_id", "due_on", "stage", "stage_name", "given_at", "given_by", "how"}
        with db.engine.begin() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0011")
        assert not inspect(db.engine).has_table("notices_given")
    finally:
        db.dispose()
