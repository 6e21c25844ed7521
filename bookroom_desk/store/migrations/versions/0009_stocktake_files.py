"""Stocktakes remember a digest of each data collector's file loaded into them, so loading one twice is noticed.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table only: stocktakes loaded before it have no files recorded (nothing is worked out for them).
    op.create_table(
        "stocktake_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stocktake_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("scans", sa.Integer(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.Column("loaded_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["stocktake_id"], ["stocktakes.id"],
                                name=op.f("fk_stocktake_files_stocktake_id_stocktakes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_files")),
    )
    op.create_index("ix_stocktake_files_stocktake_id_content_hash", "stocktake_files",
                    ["stocktake_id", "content_hash"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_stocktake_files_stocktake_id_content_hash", table_name="stocktake_files")
    op.drop_table("stocktake_files")
