"""Title search: one folded search text per title, and a trigram index over it (SQLite FTS5, PostgreSQL pg_trgm).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("titles") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    op.create_index("ix_titles_unkeyed", "titles", ["id"], sqlite_where=sa.text("search_text = ''"),
                    postgresql_where=sa.text("search_text = ''"))
    # Titles already stored get their keys now, so search finds them at once.
    from bookroom_desk.services.catalogue.search import search_text

    connection = op.get_bind()
    titles = sa.table("titles", sa.column("id"), sa.column("isbn"), sa.column("title"), sa.column("author"),
                      sa.column("publisher"), sa.column("clc"), sa.column("call_number"), sa.column("search_text"))
    rows = connection.execute(sa.select(titles.c.id, titles.c.isbn, titles.c.title, titles.c.author,
                                        titles.c.publisher, titles.c.clc, titles.c.call_number)).all()
    if rows:
        connection.execute(
            titles.update().where(titles.c.id == sa.bindparam("row_id")).values(search_text=sa.bindparam("text")),
            [{"row_id": row.id, "text": search_text(row.title, row.author, row.publisher, row.isbn, row.clc,
                                                    row.call_number)} for row in rows],
        )
    if connection.dialect.name == "sqlite":
        from bookroom_desk.services.catalogue.search_index import create_sqlite_index

        create_sqlite_index(connection)
    elif connection.dialect.name == "postgresql":
        from bookroom_desk.services.catalogue.search_index import create_postgresql_index

        create_postgresql_index(connection)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for trigger in ("titles_search_insert", "titles_search_delete", "titles_search_update"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        connection.exec_driver_sql("DROP TABLE IF EXISTS title_search")
    elif connection.dialect.name == "postgresql":
        from bookroom_desk.services.catalogue.search_index import PG_TRGM_INDEX

        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_TRGM_INDEX}")
    op.drop_index("ix_titles_unkeyed", "titles")
    with op.batch_alter_table("titles") as batch:
        batch.drop_column("search_text")
