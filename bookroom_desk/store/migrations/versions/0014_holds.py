"""Holds (预约): the holds table, and each reader category's most holds at once and days a ready hold waits.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

OPEN = "state IN ('waiting', 'ready')"
READY = "state = 'ready'"


def upgrade() -> None:
    # Non-null columns with a server default are added in place on SQLite too; existing categories get the defaults.
    op.add_column("reader_categories", sa.Column("max_holds", sa.Integer(), nullable=False, server_default="3"))
    op.add_column("reader_categories", sa.Column("hold_days", sa.Integer(), nullable=False, server_default="5"))
    op.create_table(
        "holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title_id", sa.Integer(), nullable=False),
        sa.Column("reader_id", sa.Integer(), nullable=False),
        sa.Column("placed_at", sa.DateTime(), nullable=False),
        sa.Column("placed_by", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("copy_id", sa.Integer(), nullable=True),
        sa.Column("ready_at", sa.DateTime(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("cancelled_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["title_id"], ["titles.id"], name=op.f("fk_holds_title_id_titles")),
        sa.ForeignKeyConstraint(["reader_id"], ["readers.id"], name=op.f("fk_holds_reader_id_readers")),
        sa.ForeignKeyConstraint(["copy_id"], ["copies.id"], name=op.f("fk_holds_copy_id_copies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holds")),
    )
    op.create_index("ix_holds_title_id_state", "holds", ["title_id", "state"], unique=False)
    op.create_index("ix_holds_reader_id", "holds", ["reader_id"], unique=False)
    op.create_index("ix_holds_placed_at", "holds", ["placed_at"], unique=False)
    op.create_index("uq_holds_open_reader_title", "holds", ["reader_id", "title_id"], unique=True,
                    sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))
    op.create_index("uq_holds_ready_copy", "holds", ["copy_id"], unique=True,
                    sqlite_where=sa.text(READY), postgresql_where=sa.text(READY))


def downgrade() -> None:
    op.drop_index("uq_holds_ready_copy", table_name="holds")
    op.drop_index("uq_holds_open_reader_title", table_name="holds")
    op.drop_index("ix_holds_placed_at", table_name="holds")
    op.drop_index("ix_holds_reader_id", table_name="holds")
    op.drop_index("ix_holds_title_id_state", table_name="holds")
    op.drop_table("holds")
    if op.get_bind().dialect.name == "sqlite":
        # In place (SQLite 3.35+): a rebuilt table would be refused, readers point at their categories.
        op.execute("ALTER TABLE reader_categories DROP COLUMN hold_days")
        op.execute("ALTER TABLE reader_categories DROP COLUMN max_holds")
    else:
        op.drop_column("reader_categories", "hold_days")
        op.drop_column("reader_categories", "max_holds")
