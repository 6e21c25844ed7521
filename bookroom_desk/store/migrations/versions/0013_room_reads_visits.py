"""In-room reading (阅览) and visits (入馆): the copies read in the room, the cards scanned at the door, head counts.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New tables only: a room from before has read nothing in the room and had no visits counted.
    op.create_table(
        "room_reads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("copy_id", sa.Integer(), nullable=False),
        sa.Column("reader_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["copy_id"], ["copies.id"], name=op.f("fk_room_reads_copy_id_copies")),
        sa.ForeignKeyConstraint(["reader_id"], ["readers.id"], name=op.f("fk_room_reads_reader_id_readers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room_reads")),
    )
    op.create_index("ix_room_reads_at", "room_reads", ["at"], unique=False)
    op.create_index("ix_room_reads_copy_id", "room_reads", ["copy_id"], unique=False)
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("reader_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("session_label", sa.String(length=40), nullable=False),
        sa.Column("head_count", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["reader_id"], ["readers.id"], name=op.f("fk_visits_reader_id_readers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    op.create_index("ix_visits_at", "visits", ["at"], unique=False)
    op.create_index("ix_visits_reader_id_at", "visits", ["reader_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_visits_reader_id_at", table_name="visits")
    op.drop_index("ix_visits_at", table_name="visits")
    op.drop_table("visits")
    op.drop_index("ix_room_reads_copy_id", table_name="room_reads")
    op.drop_index("ix_room_reads_at", table_name="room_reads")
    op.drop_table("room_reads")
