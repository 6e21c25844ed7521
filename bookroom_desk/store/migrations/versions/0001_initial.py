"""The room's first schema: profile, settings, shelves, titles, copies, readers, loans.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("union_name", sa.String(100), nullable=False),
        sa.Column("workplace", sa.String(100), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("contact", sa.String(50), nullable=False),
        sa.Column("phone", sa.String(50), nullable=False),
        sa.Column("area_m2", sa.Numeric(8, 1), nullable=True),
        sa.Column("seats", sa.Integer(), nullable=True),
        sa.Column("opening_hours", sa.String(200), nullable=False),
        sa.Column("workers_served", sa.Integer(), nullable=True),
        sa.Column("nameplate", sa.Boolean(), nullable=False),
        sa.Column("acftu_named_year", sa.Integer(), nullable=True),
        sa.Column("digital_service", sa.String(200), nullable=False),
        sa.Column("rules_text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_room_profile"),
    )
    op.create_table(
        "room_settings",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_room_settings"),
    )
    op.create_table(
        "shelves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("class_from", sa.String(20), nullable=False),
        sa.Column("class_to", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_shelves"),
        sa.UniqueConstraint("code", name="uq_shelves_code"),
    )
    op.create_table(
        "titles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("isbn", sa.String(13), nullable=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("publisher", sa.String(200), nullable=False),
        sa.Column("pub_year", sa.Integer(), nullable=True),
        sa.Column("price", sa.Numeric(10, 2), nullable=True),
        sa.Column("clc", sa.String(40), nullable=False),
        sa.Column("order_no", sa.Integer(), nullable=True),
        sa.Column("call_number", sa.String(60), nullable=False),
        sa.Column("topic", sa.String(20), nullable=False),
        sa.Column("material", sa.String(20), nullable=False),
        sa.Column("pinyin", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_titles"),
    )
    op.create_index("uq_titles_isbn", "titles", ["isbn"], unique=True,
                    sqlite_where=sa.text("isbn IS NOT NULL"), postgresql_where=sa.text("isbn IS NOT NULL"))
    op.create_index("ix_titles_clc", "titles", ["clc"])
    op.create_index("ix_titles_call_number", "titles", ["call_number"])
    op.create_table(
        "call_number_counters",
        sa.Column("clc", sa.String(40), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("clc", name="pk_call_number_counters"),
    )
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("supplier", sa.String(200), nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_import_batches"),
    )
    op.create_table(
        "copies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(40), nullable=False),
        sa.Column("title_id", sa.Integer(), nullable=False),
        sa.Column("shelf_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("volume_mark", sa.String(40), nullable=False),
        sa.Column("acquired_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("price_paid", sa.Numeric(10, 2), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("removed_on", sa.Date(), nullable=True),
        sa.Column("removed_reason", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["title_id"], ["titles.id"], name="fk_copies_title_id_titles"),
        sa.ForeignKeyConstraint(["shelf_id"], ["shelves.id"], name="fk_copies_shelf_id_shelves"),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], name="fk_copies_batch_id_import_batches"),
        sa.PrimaryKeyConstraint("id", name="pk_copies"),
        sa.UniqueConstraint("barcode", name="uq_copies_barcode"),
    )
    for column in ("title_id", "shelf_id", "status", "acquired_on", "batch_id"):
        op.create_index(f"ix_copies_{column}", "copies", [column])
    op.create_table(
        "copy_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("copy_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["copy_id"], ["copies.id"], name="fk_copy_events_copy_id_copies"),
        sa.PrimaryKeyConstraint("id", name="pk_copy_events"),
    )
    op.create_index("ix_copy_events_copy_id", "copy_events", ["copy_id"])
    op.create_table(
        "reader_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("loan_days", sa.Integer(), nullable=False),
        sa.Column("max_loans", sa.Integer(), nullable=False),
        sa.Column("renewals", sa.Integer(), nullable=False),
        sa.Column("overdue_blocks", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reader_categories"),
        sa.UniqueConstraint("name", name="uq_reader_categories_name"),
    )
    op.create_table(
        "readers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card", sa.String(40), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("employee_no", sa.String(40), nullable=False),
        sa.Column("department", sa.String(100), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("pinyin", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["category_id"], ["reader_categories.id"],
                                name="fk_readers_category_id_reader_categories"),
        sa.PrimaryKeyConstraint("id", name="pk_readers"),
        sa.UniqueConstraint("card", name="uq_readers_card"),
    )
    op.create_index("ix_readers_department", "readers", ["department"])
    op.create_index("ix_readers_employee_no", "readers", ["employee_no"])
    op.create_table(
        "loans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("copy_id", sa.Integer(), nullable=False),
        sa.Column("reader_id", sa.Integer(), nullable=False),
        sa.Column("out_at", sa.DateTime(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.Column("renewals", sa.Integer(), nullable=False),
        sa.Column("lent_by", sa.String(64), nullable=False),
        sa.Column("returned_by", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["copy_id"], ["copies.id"], name="fk_loans_copy_id_copies"),
        sa.ForeignKeyConstraint(["reader_id"], ["readers.id"], name="fk_loans_reader_id_readers"),
        sa.PrimaryKeyConstraint("id", name="pk_loans"),
    )
    op.create_index("uq_loans_open_copy", "loans", ["copy_id"], unique=True,
                    sqlite_where=sa.text("returned_at IS NULL"), postgresql_where=sa.text("returned_at IS NULL"))
    for column in ("reader_id", "out_at", "returned_at", "due_on"):
        op.create_index(f"ix_loans_{column}", "loans", [column])
    op.create_table(
        "renewals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("old_due_on", sa.Date(), nullable=False),
        sa.Column("new_due_on", sa.Date(), nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["loan_id"], ["loans.id"], name="fk_renewals_loan_id_loans"),
        sa.PrimaryKeyConstraint("id", name="pk_renewals"),
    )
    op.create_index("ix_renewals_loan_id", "renewals", ["loan_id"])
    op.create_index("ix_renewals_at", "renewals", ["at"])
    # The default reader category, so a room can register readers at once.
    categories = sa.table(
        "reader_categories",
        sa.column("name", sa.String), sa.column("loan_days", sa.Integer), sa.column("max_loans", sa.Integer),
        sa.column("renewals", sa.Integer), sa.column("overdue_blocks", sa.Boolean),
    )
    op.bulk_insert(categories, [
        {"name": "职工", "loan_days": 30, "max_loans": 5, "renewals": 1, "overdue_blocks": True},
    ])


def downgrade() -> None:
    for table in ("renewals", "loans", "readers", "reader_categories", "copy_events", "copies",
                  "import_batches", "call_number_counters", "titles", "shelves", "room_settings",
                  "room_profile"):
        op.drop_table(table)
