"""The record pool (书目库): catalogue records without copies, looked up by ISBN.

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table only: a room from before has an empty pool.
    op.create_table(
        "pool_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("isbn", sa.String(length=13), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("other_title", sa.String(length=300), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("publisher", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("pub_year", sa.Integer(), nullable=True),
        sa.Column("price", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("clc", sa.String(length=40), nullable=False),
        sa.Column("pages", sa.String(length=40), nullable=False),
        sa.Column("series", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("subjects", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.Column("loaded_by", sa.String(length=64), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pool_records")),
    )
    op.create_index("ix_pool_records_isbn", "pool_records", ["isbn"], unique=False)
    op.create_index("uq_pool_records_digest", "pool_records", ["digest"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_pool_records_digest", table_name="pool_records")
    op.drop_index("ix_pool_records_isbn", table_name="pool_records")
    op.drop_table("pool_records")
