"""Migration 0017 (a title's catalogue details, '" "' filed before '='): a room from 0016 gets empty details and
its keys refiled in the new order; going down puts 0015's keys back; it stands alone."""

from __future__ import annotations

import ast
import importlib.util
import sqlite3
from pathlib import Path

from sqlalchemy import select

from bookroom_desk.services.catalogue import shelf_order
from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import current_revision, open_database
from bookroom_desk.store.models import Copy, Title

VERSIONS = Path(migrate.__file__).parent / "migrations" / "versions"
MIGRATION = VERSIONS / "0017_title_details.py"


def _module(path: Path):
    spec = importlib.util.spec_from_file_location(f"migration_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


OLD = _module(VERSIONS / "0015_shelf_order.py")
CALL_NUMBERS = ('D=5/1', 'D"1"/1', "D922.5/12=2", 'D922.5/12"2"', "TM90/1")


def test_migration_0017_imports_nothing_of_the_program():
    tree = ast.parse(MIGRATION.read_text(encoding="utf-8"))
    modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert modules and not {m for m in modules if m.startswith("bookroom_desk")}


def _old_room(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'room.db'}"
    old = Database(url)
    migrate.upgrade(old, "0016")
    with old.engine.begin() as connection:
        for call_number in CALL_NUMBERS:
            connection.exec_driver_sql(
                "INSERT INTO titles (title, author, publisher, clc, call_number, shelf_key, topic, material, pinyin,"
                " notes, created_at) VALUES (?, '', '', 'D', ?, ?, 'other', 'book', '', '', '2025-01-01 09:00:00')",
                ("书" + call_number, call_number, OLD.shelf_key(call_number)))
        connection.exec_driver_sql(
            "INSERT INTO copies (barcode, title_id, status, volume_mark, volume_key, acquired_on, source,"
            " removed_reason, notes) VALUES ('00000001', 1, 'available', '=2', ?, '2025-01-01', 'other', '', '')",
            (OLD.volume_key("=2"),))
    old.dispose()
    return url


def test_a_room_from_0016_gets_empty_details_and_its_keys_refiled(tmp_path):
    url = _old_room(tmp_path)
    assert OLD.shelf_key('D=5/1') < OLD.shelf_key('D"1"/1')  # the order before
    db = open_database(url)
    try:
        assert current_revision(db) == migrate.SCHEMA_REVISION  # the head: later migrations may follow
        with db.read() as session:
            rows = session.execute(select(Title.call_number, Title.shelf_key, Title.edition, Title.pages,
                                          Title.series, Title.summary, Title.subjects)).all()
            assert {row[0]: row[1] for row in rows} == {c: shelf_order.shelf_key(c) for c in CALL_NUMBERS}
            assert {row[2:] for row in rows} == {("", "", "", "", "")}
            in_order = session.scalars(select(Title.call_number).order_by(Title.shelf_key)).all()
            assert in_order == ['D"1"/1', 'D=5/1', 'D922.5/12"2"', "D922.5/12=2", "TM90/1"]
            assert session.scalar(select(Copy.volume_key)) == shelf_order.volume_key("=2")
        from alembic import command

        config = migrate.alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0016")
    finally:
        db.dispose()
    connection = sqlite3.connect(tmp_path / "room.db")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(titles)")]
    keys = dict(connection.execute("SELECT call_number, shelf_key FROM titles").fetchall())
    connection.close()
    assert not {"edition", "pages", "series", "summary", "subjects"} & set(columns)
    assert keys == {c: OLD.shelf_key(c) for c in CALL_NUMBERS}
