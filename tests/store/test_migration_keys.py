"""Migration 0002 (title search text): stands on its own, and the titles it finds get keys from the program."""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy import select

from bookroom_desk.services.catalogue import search
from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import current_revision, head_revision, open_database
from bookroom_desk.store.models import Title

MIGRATION = Path(migrate.__file__).parent / "migrations" / "versions" / "0002_title_search_text.py"


def _imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add(node.module or "")
    return found


def test_migration_0002_imports_nothing_of_the_program():
    imported = _imported_modules(MIGRATION)
    assert imported  # the file was read
    assert not {m for m in imported if m.startswith("bookroom_desk")}, imported


def test_titles_migrated_from_0001_get_their_search_keys_from_the_background_keying(tmp_path):
    url = f"sqlite:///{tmp_path / 'room.db'}"
    old = Database(url)
    migrate.upgrade(old, "0001")
    with old.engine.begin() as connection:
        for title, author in (("红楼梦", "曹雪芹"), ("平凡的世界", "路遥")):
            connection.exec_driver_sql(
                "INSERT INTO titles (title, author, publisher, clc, call_number, topic, material, pinyin, notes,"
                " created_at) VALUES (?, ?, '', 'I247', '', 'culture', 'book', '', '', '2025-01-01 09:00:00')",
                (title, author))
    old.dispose()
    db = open_database(url, backup_dir=tmp_path / "backups")
    try:
        assert current_revision(db) == head_revision()
        with db.read() as session:
            assert search.unkeyed_count(session) == 2  # left for the program, as any unkeyed title
            assert search.matching_ids(session, "红楼") != []  # found by its fields meanwhile
            assert search.matching_ids(session, "hlm") == []
        assert search.key_titles(db.read, db.write) == 2
        with db.read() as session:
            assert search.unkeyed_count(session) == 0
            red = session.scalar(select(Title.id).where(Title.title == "红楼梦"))
            assert search.matching_ids(session, "hlm") == [red]  # pinyin, through the FTS5 index
            assert search.matching_ids(session, "凡的") != []
    finally:
        db.dispose()
