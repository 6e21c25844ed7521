"""Import batches remember a digest of their file's rows, so importing the same list twice is noticed.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column is added in place on SQLite too (no table rebuild); batches imported before it have none.
    op.add_column("import_batches", sa.Column("content_hash", sa.String(length=64), nullable=True))
    op.create_index("ix_import_batches_content_hash", "import_batches", ["content_hash"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_import_batches_content_hash", table_name="import_batches")
    if op.get_bind().dialect.name == "sqlite":
        # In place (SQLite 3.35+): a rebuilt table would be refused, copies point at their batches.
        op.execute("ALTER TABLE import_batches DROP COLUMN content_hash")
    else:
        op.drop_column("import_batches", "content_hash")
