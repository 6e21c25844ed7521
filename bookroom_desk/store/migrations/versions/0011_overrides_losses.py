"""Overrides and losses: a loan lent past a refusal keeps who let it through and why; a reported loss keeps how it was settled.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_COLUMNS = ("override_kinds", "override_reason", "override_by")


def upgrade() -> None:
    # Nullable columns are added in place on SQLite too (no rebuild of a table of a million loans); loans before have none.
    op.add_column("loans", sa.Column("override_kinds", sa.String(length=100), nullable=True))
    op.add_column("loans", sa.Column("override_reason", sa.Text(), nullable=True))
    op.add_column("loans", sa.Column("override_by", sa.String(length=64), nullable=True))
    op.create_index("ix_loans_overridden", "loans", ["out_at"], unique=False,
                    sqlite_where=sa.text("override_by IS NOT NULL"), postgresql_where=sa.text("override_by IS NOT NULL"))
    op.create_table(
        "losses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("copy_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("settled", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("new_copy_id", sa.Integer(), nullable=True),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["loan_id"], ["loans.id"], name=op.f("fk_losses_loan_id_loans")),
        sa.ForeignKeyConstraint(["copy_id"], ["copies.id"], name=op.f("fk_losses_copy_id_copies")),
        sa.ForeignKeyConstraint(["new_copy_id"], ["copies.id"], name=op.f("fk_losses_new_copy_id_copies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_losses")),
        sa.UniqueConstraint("loan_id", name=op.f("uq_losses_loan_id")),
    )
    op.create_index("ix_losses_copy_id", "losses", ["copy_id"], unique=False)
    op.create_index("ix_losses_at", "losses", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_losses_at", table_name="losses")
    op.drop_index("ix_losses_copy_id", table_name="losses")
    op.drop_table("losses")
    op.drop_index("ix_loans_overridden", table_name="loans")
    for column in reversed(_COLUMNS):
        if op.get_bind().dialect.name == "sqlite":
            # In place (SQLite 3.35+): a rebuilt table would be refused, renewals and losses point at loans.
            op.execute(f"ALTER TABLE loans DROP COLUMN {column}")
        else:
            op.drop_column("loans", column)
