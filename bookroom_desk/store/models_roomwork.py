"""Room work tables (书屋工作): activities and photos, reading plan, volunteers and duty, reading groups."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bookroom_desk.store.models import Base


class Activity(Base):
    """阅读活动: one reading activity held by the room."""

    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="other")  # share, lecture, essay, quiz, checkin, other
    participants: Mapped[int] = mapped_column(Integer, default=0)
    organiser: Mapped[str] = mapped_column(String(100), default="")
    featured: Mapped[bool] = mapped_column(Boolean, default=False)  # 特色活动
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    photos: Mapped[list[ActivityPhoto]] = relationship(cascade="all, delete-orphan", order_by="ActivityPhoto.id")

    __table_args__ = (Index("ix_activities_held_on", "held_on"),)


class ActivityPhoto(Base):
    """A photo of an activity, copied into the data folder (path relative to it)."""

    __tablename__ = "activity_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id"))
    path: Mapped[str] = mapped_column(String(300))
    caption: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_activity_photos_activity_id", "activity_id"),)


class PlanItem(Base):
    """年度阅读计划: one planned activity in a month of a year."""

    __tablename__ = "plan_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="other")
    notes: Mapped[str] = mapped_column(Text, default="")
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id"))  # the activity that carried it out

    __table_args__ = (Index("ix_plan_items_year", "year"),)


class Volunteer(Base):
    """阅读推广志愿者: may be a reader too; has a card to start and end duty."""

    __tablename__ = "volunteers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    contact: Mapped[str] = mapped_column(String(100), default="")
    card: Mapped[str | None] = mapped_column(String(40), unique=True)  # scanned to start/end duty
    reader_id: Mapped[int | None] = mapped_column(ForeignKey("readers.id"))
    training: Mapped[str] = mapped_column(Text, default="")  # training received
    joined_on: Mapped[dt.date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class DutyShift(Base):
    """值班: a volunteer's shift; open while ``ended_at`` is NULL."""

    __tablename__ = "duty_shifts"

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")

    volunteer: Mapped[Volunteer] = relationship()

    __table_args__ = (
        Index("ix_duty_shifts_volunteer_id", "volunteer_id"),
        Index("ix_duty_shifts_started_at", "started_at"),
        # At most one open shift per volunteer, enforced by the database.
        Index("uq_duty_shifts_open", "volunteer_id", unique=True,
              sqlite_where=text("ended_at IS NULL"), postgresql_where=text("ended_at IS NULL")),
    )


class ReadingGroup(Base):
    """读书会、兴趣小组."""

    __tablename__ = "reading_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="club")  # club 读书会 | interest 兴趣小组
    leader: Mapped[str] = mapped_column(String(50), default="")
    founded_on: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class GroupMember(Base):
    """A reader in a reading group."""

    __tablename__ = "group_members"

    group_id: Mapped[int] = mapped_column(ForeignKey("reading_groups.id"), primary_key=True)
    reader_id: Mapped[int] = mapped_column(ForeignKey("readers.id"), primary_key=True)
    joined_on: Mapped[dt.date] = mapped_column(Date)


class GroupMeeting(Base):
    """One meeting of a reading group."""

    __tablename__ = "group_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("reading_groups.id"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(String(200))
    attendees: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_group_meetings_group_id", "group_id"),)
