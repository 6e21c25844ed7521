"""The opening calendar: weekly opening days and hours, closed dates; reader categories may count loan days in open days.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No rows: every day open and no closure, so loans made after the upgrade fall due as before it.
    op.create_table(
        "opening_days",
        sa.Column("weekday", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("weekday", name=op.f("pk_opening_days")),
    )
    op.create_table(
        "opening_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("opens", sa.Time(), nullable=False),
        sa.Column("closes", sa.Time(), nullable=False),
        sa.ForeignKeyConstraint(["weekday"], ["opening_days.weekday"], ondelete="CASCADE",
                                name=op.f("fk_opening_hours_weekday_opening_days")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opening_hours")),
    )
    op.create_index("ix_opening_hours_weekday", "opening_hours", ["weekday"], unique=False)
    op.create_table(
        "closed_dates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_closed_dates_in_order")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closed_dates")),
    )
    op.create_index("ix_closed_dates_last_day", "closed_dates", ["last_day"], unique=False)
    # In place on SQLite too (no table rebuild: readers point at their category); every category counts
    # calendar days, as before.
    op.add_column("reader_categories",
                  sa.Column("loan_days_open", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # In place (SQLite 3.35+): a rebuilt table would be refused, readers point at their categories.
        op.execute("ALTER TABLE reader_categories DROP COLUMN loan_days_open")
    else:
        op.drop_column("reader_categories", "loan_days_open")
    op.drop_index("ix_closed_dates_last_day", table_name="closed_dates")
    op.drop_table("closed_dates")
    op.drop_index("ix_opening_hours_weekday", table_name="opening_hours")
    op.drop_table("opening_hours")
    op.drop_table("opening_days")
