"""Room work (书屋工作): activities and photos, reading plan, volunteers and duty, reading groups.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('organiser', sa.String(length=100), nullable=False),
    sa.Column('featured', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    op.create_index('ix_activities_held_on', 'activities', ['held_on'], unique=False)
    op.create_table('reading_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('leader', sa.String(length=50), nullable=False),
    sa.Column('founded_on', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reading_groups')),
    sa.UniqueConstraint('name', name=op.f('uq_reading_groups_name'))
    )
    op.create_table('activity_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('path', sa.String(length=300), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_activity_photos_activity_id_activities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_photos'))
    )
    op.create_index('ix_activity_photos_activity_id', 'activity_photos', ['activity_id'], unique=False)
    op.create_table('group_meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('attendees', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['reading_groups.id'], name=op.f('fk_group_meetings_group_id_reading_groups')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_meetings'))
    )
    op.create_index('ix_group_meetings_group_id', 'group_meetings', ['group_id'], unique=False)
    op.create_table('plan_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_plan_items_activity_id_activities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_items'))
    )
    op.create_index('ix_plan_items_year', 'plan_items', ['year'], unique=False)
    op.create_table('group_members',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('reader_id', sa.Integer(), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['reading_groups.id'], name=op.f('fk_group_members_group_id_reading_groups')),
    sa.ForeignKeyConstraint(['reader_id'], ['readers.id'], name=op.f('fk_group_members_reader_id_readers')),
    sa.PrimaryKeyConstraint('group_id', 'reader_id', name=op.f('pk_group_members'))
    )
    op.create_table('volunteers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('contact', sa.String(length=100), nullable=False),
    sa.Column('card', sa.String(length=40), nullable=True),
    sa.Column('reader_id', sa.Integer(), nullable=True),
    sa.Column('training', sa.Text(), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['reader_id'], ['readers.id'], name=op.f('fk_volunteers_reader_id_readers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteers')),
    sa.UniqueConstraint('card', name=op.f('uq_volunteers_card'))
    )
    op.create_table('duty_shifts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_duty_shifts_volunteer_id_volunteers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_shifts'))
    )
    op.create_index('ix_duty_shifts_started_at', 'duty_shifts', ['started_at'], unique=False)
    op.create_index('ix_duty_shifts_volunteer_id', 'duty_shifts', ['volunteer_id'], unique=False)
    op.create_index('uq_duty_shifts_open', 'duty_shifts', ['volunteer_id'], unique=True,
                    sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))

def downgrade() -> None:
    op.drop_table("duty_shifts")
    op.drop_table("volunteers")
    op.drop_table("group_members")
    op.drop_table("group_meetings")
    op.drop_table("reading_groups")
    op.drop_table("plan_items")
    op.drop_table("activity_photos")
    op.drop_table("activities")
