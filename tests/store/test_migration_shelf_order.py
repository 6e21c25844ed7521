"""Migration 0015 (shelf order): every title gets its shelf key; the newest frozen key function (0017's, which
refiled '" "' before '=') equals the service's."""

from __future__ import annotations

import ast
import importlib.util
import sqlite3
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.services.catalogue import shelf_order
from bookroom_desk.services.common.entry import column_length
from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Copy, Title
from tests.services.catalogue.test_shelf_order import SHELF

VERSIONS = Path(migrate.__file__).parent / "migrations" / "versions"
MIGRATION = VERSIONS / "0015_shelf_order.py"
NEWEST_KEY = VERSIONS / "0017_title_details.py"  # the last migration that worked shelf keys out


def _frozen(path: Path):
    spec = importlib.util.spec_from_file_location(f"migration_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FROZEN = _frozen(NEWEST_KEY)


def test_migration_0015_imports_nothing_of_the_program():
    tree = ast.parse(MIGRATION.read_text(encoding="utf-8"))
    modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert modules and not {m for m in modules if m.startswith("bookroom_desk")}


def test_the_frozen_key_is_the_services_key_and_fits_the_column():
    assert [FROZEN.shelf_key(c) for c in SHELF] == [shelf_order.shelf_key(c) for c in SHELF]
    assert FROZEN.KEY_LENGTH == shelf_order.KEY_LENGTH == column_length(Title.shelf_key)


@given(st.text(max_size=80))
def test_the_frozen_key_agrees_on_any_text(text):
    assert FROZEN.shelf_key(text) == shelf_order.shelf_key(text)
    assert FROZEN.volume_key(text) == shelf_order.volume_key(text)


def test_a_room_from_0014_gets_shelf_keys_and_goes_down_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'room.db'}"
    old = Database(url)
    migrate.upgrade(old, "0014")
    with old.engine.begin() as connection:
        for call_number in ("TM90/1", "TM101/1", ""):
            connection.exec_driver_sql(
                "INSERT INTO titles (title, author, publisher, clc, call_number, topic, material, pinyin, notes,"
                " created_at) VALUES (?, '', '', 'TM', ?, 'other', 'book', '', '', '2025-01-01 09:00:00')",
                ("书" + call_number, call_number))
        for barcode, mark in (("00000001", "v.10"), ("00000002", ""), ("00000003", "v.2")):
            connection.exec_driver_sql(
                "INSERT INTO copies (barcode, title_id, status, volume_mark, acquired_on, source, removed_reason, notes)"
                " VALUES (?, 1, 'available', ?, '2025-01-01', 'other', '', '')", (barcode, mark))
    old.dispose()
    db = open_database(url)
    try:
        with db.read() as session:
            rows = session.execute(select(Title.call_number, Title.shelf_key).order_by(Title.shelf_key)).all()
        assert rows == [("", ""), ("TM101/1", shelf_order.shelf_key("TM101/1")),
                        ("TM90/1", shelf_order.shelf_key("TM90/1"))]
        marks = session.execute(select(Copy.volume_mark, Copy.volume_key).order_by(Copy.volume_key)).all()
        assert marks == [("", ""), ("v.2", shelf_order.volume_key("v.2")), ("v.10", shelf_order.volume_key("v.10"))]
        from alembic import command

        config = migrate.alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0014")
    finally:
        db.dispose()
    connection = sqlite3.connect(tmp_path / "room.db")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(titles)")]
    columns += [row[1] for row in connection.execute("PRAGMA table_info(copies)")]
    indexes = [row[1] for row in connection.execute("PRAGMA index_list(titles)")]
    connection.close()
    assert "shelf_key" not in columns and "volume_key" not in columns and "ix_titles_shelf_key" not in indexes
