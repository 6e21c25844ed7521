"""A reader's open loans by index, so the desk never walks a reader's whole loan history.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_loans_open_reader", "loans", ["reader_id"], unique=False,
                    sqlite_where=sa.text("returned_at IS NULL"), postgresql_where=sa.text("returned_at IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_loans_open_reader", table_name="loans")
