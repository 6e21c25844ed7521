"""Opening calendar tables: the room's weekly opening days and hours, and the dates it is closed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from bookroom_desk.store.models import Base


class OpeningDay(Base):
    """One day of the week (1 Monday … 7 Sunday, ISO) and whether the room opens on it.

    No rows: the room has set no calendar, and every day is open (as before the calendar existed).
    """

    __tablename__ = "opening_days"

    weekday: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)


class OpeningHours(Base):
    """One opening session of a weekday, e.g. 11:30–13:30 on Mondays (a day may have several, or none)."""

    __tablename__ = "opening_hours"

    id: Mapped[int] = mapped_column(primary_key=True)
    weekday: Mapped[int] = mapped_column(ForeignKey("opening_days.weekday", ondelete="CASCADE"))
    opens: Mapped[dt.time] = mapped_column(Time)
    closes: Mapped[dt.time] = mapped_column(Time)

    __table_args__ = (Index("ix_opening_hours_weekday", "weekday"),)


class ClosedDates(Base):
    """A closure: the days ``first_day``..``last_day`` (both included) the room is shut, with why and who set it."""

    __tablename__ = "closed_dates"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(100), default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (
        CheckConstraint("last_day >= first_day", name="in_order"),
        Index("ix_closed_dates_last_day", "last_day"),
    )
