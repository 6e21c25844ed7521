"""In-room reading (阅览) and visits (入馆): a copy read in the room, a card scanned at the door, a head count."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bookroom_desk.store.models import Base


class RoomRead(Base):
    """阅览: one copy read in the room (never lent: the copy's status is not touched), by a reader or by nobody known."""

    __tablename__ = "room_reads"

    id: Mapped[int] = mapped_column(primary_key=True)
    copy_id: Mapped[int] = mapped_column(ForeignKey("copies.id"))
    reader_id: Mapped[int | None] = mapped_column(ForeignKey("readers.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_room_reads_at", "at"), Index("ix_room_reads_copy_id", "copy_id"))


class RoomVisit(Base):
    """入馆: a card scanned at the door (``kind`` "card", ``head_count`` 1), or a head count entered for a day or
    one session of it (``kind`` "count": those who came without a card; ``at`` is the day's midnight)."""

    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # card | count
    reader_id: Mapped[int | None] = mapped_column(ForeignKey("readers.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    session_label: Mapped[str] = mapped_column(String(40), default="")  # a head count's session (上午, 午间…)
    head_count: Mapped[int] = mapped_column(Integer, default=1)
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_visits_at", "at"), Index("ix_visits_reader_id_at", "reader_id", "at"))
