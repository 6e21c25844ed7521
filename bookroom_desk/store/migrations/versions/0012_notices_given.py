"""Reminders (催还): every notice given for a loan, at which stage, so the next run gives the next stage.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table only: loans open before it have had no notices recorded.
    op.create_table(
        "notices_given",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("stage_name", sa.String(length=40), nullable=False),
        sa.Column("given_at", sa.DateTime(), nullable=False),
        sa.Column("given_by", sa.String(length=64), nullable=False),
        sa.Column("how", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["loan_id"], ["loans.id"], ondelete="CASCADE",
                                name=op.f("fk_notices_given_loan_id_loans")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices_given")),
    )
    op.create_index("ix_notices_given_loan_id_due_on_stage", "notices_given", ["loan_id", "due_on", "stage"],
                    unique=False)
    op.create_index("ix_notices_given_given_at", "notices_given", ["given_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_notices_given_given_at", table_name="notices_given")
    op.drop_index("ix_notices_given_loan_id_due_on_stage", table_name="notices_given")
    op.drop_table("notices_given")
