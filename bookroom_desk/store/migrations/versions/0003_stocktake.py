"""Stocktake (盘点): stocktakes, their shelves, and every scan.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stocktakes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('all_shelves', sa.Boolean(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('started_by', sa.String(length=64), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('finished_by', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stocktakes'))
    )
    op.create_table('stocktake_shelves',
    sa.Column('stocktake_id', sa.Integer(), nullable=False),
    sa.Column('shelf_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['shelf_id'], ['shelves.id'], name=op.f('fk_stocktake_shelves_shelf_id_shelves')),
    sa.ForeignKeyConstraint(['stocktake_id'], ['stocktakes.id'], name=op.f('fk_stocktake_shelves_stocktake_id_stocktakes')),
    sa.PrimaryKeyConstraint('stocktake_id', 'shelf_id', name=op.f('pk_stocktake_shelves'))
    )
    op.create_table('stocktake_scans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stocktake_id', sa.Integer(), nullable=False),
    sa.Column('barcode', sa.String(length=40), nullable=False),
    sa.Column('copy_id', sa.Integer(), nullable=True),
    sa.Column('shelf_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('by', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['copy_id'], ['copies.id'], name=op.f('fk_stocktake_scans_copy_id_copies')),
    sa.ForeignKeyConstraint(['shelf_id'], ['shelves.id'], name=op.f('fk_stocktake_scans_shelf_id_shelves')),
    sa.ForeignKeyConstraint(['stocktake_id'], ['stocktakes.id'], name=op.f('fk_stocktake_scans_stocktake_id_stocktakes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stocktake_scans'))
    )
    op.create_index('ix_stocktake_scans_stocktake_id_barcode', 'stocktake_scans', ['stocktake_id', 'barcode'], unique=False)
    op.create_index('ix_stocktake_scans_stocktake_id_copy_id', 'stocktake_scans', ['stocktake_id', 'copy_id'], unique=False)

def downgrade() -> None:
    op.drop_table("stocktake_scans")
    op.drop_table("stocktake_shelves")
    op.drop_table("stocktakes")
