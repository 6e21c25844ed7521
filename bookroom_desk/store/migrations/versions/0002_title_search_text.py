"""Title search: one folded search text per title, and a trigram index over it (SQLite FTS5, PostgreSQL pg_trgm).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import logging

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


#: The FTS5 index and the triggers that keep it in step with titles, as this revision made them (written out
#: here so the migration never changes with the program; services/catalogue/search_index.py reads the index).
SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS title_search USING fts5("
    "search_text, content='titles', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS titles_search_insert AFTER INSERT ON titles BEGIN "
    "INSERT INTO title_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS titles_search_delete AFTER DELETE ON titles BEGIN "
    "INSERT INTO title_search(title_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS titles_search_update AFTER UPDATE OF search_text ON titles BEGIN "
    "INSERT INTO title_search(title_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO title_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO title_search(title_search) VALUES ('rebuild')",
)
PG_TRGM_INDEX = "ix_titles_search_trgm"


def upgrade() -> None:
    # Titles already stored keep search_text '' (unkeyed): the program keys them in the background
    # (services/catalogue/search.key_titles, run by ui/search_keys.py at start) and finds them by their
    # fields meanwhile.
    with op.batch_alter_table("titles") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    op.create_index("ix_titles_unkeyed", "titles", ["id"], sqlite_where=sa.text("search_text = ''"),
                    postgresql_where=sa.text("search_text = ''"))
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for statement in SQLITE_DDL:
            connection.exec_driver_sql(statement)
    elif connection.dialect.name == "postgresql":
        _create_postgresql_index(connection)


def _create_postgresql_index(connection) -> None:
    """A pg_trgm GIN index over search_text; without pg_trgm (not installed, or not allowed) search stays unindexed.

    pg_trgm is a trusted extension: the database's owner may create it.
    """
    try:
        with connection.begin_nested():
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError as exc:
        logging.getLogger(__name__).warning("pg_trgm not available, title search is not indexed: %s", exc)
        return
    connection.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS {PG_TRGM_INDEX} ON titles USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for trigger in ("titles_search_insert", "titles_search_delete", "titles_search_update"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        connection.exec_driver_sql("DROP TABLE IF EXISTS title_search")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_TRGM_INDEX}")
    op.drop_index("ix_titles_unkeyed", "titles")
    with op.batch_alter_table("titles") as batch:
        batch.drop_column("search_text")
