"""Holds (预约): a reader waiting for any copy of a title; queued by placed_at, one copy kept when ready."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bookroom_desk.store.models import Base, Copy, Reader, Title


class Hold(Base):
    """One hold: waiting (in the title's queue by placed_at), ready (a copy kept on the hold shelf until
    expires_on), then expired, filled (lent to its reader) or cancelled."""

    __tablename__ = "holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    title_id: Mapped[int] = mapped_column(ForeignKey("titles.id"))
    reader_id: Mapped[int] = mapped_column(ForeignKey("readers.id"))
    placed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    placed_by: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(20), default="waiting")  # services.circulation.holds.STATES
    copy_id: Mapped[int | None] = mapped_column(ForeignKey("copies.id"))  # the copy kept, once ready
    ready_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)  # the last day a ready hold waits
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # expired, filled or cancelled
    cancelled_by: Mapped[str] = mapped_column(String(64), default="")

    title: Mapped[Title] = relationship()
    reader: Mapped[Reader] = relationship()
    copy: Mapped[Copy | None] = relationship()

    __table_args__ = (
        # The queue of a title: its open holds by placed_at.
        Index("ix_holds_title_id_state", "title_id", "state"),
        Index("ix_holds_reader_id", "reader_id"),
        Index("ix_holds_placed_at", "placed_at"),
        # At most one open (waiting or ready) hold of a reader on a title, kept by the database itself.
        Index("uq_holds_open_reader_title", "reader_id", "title_id", unique=True,
              sqlite_where=text("state IN ('waiting', 'ready')"),
              postgresql_where=text("state IN ('waiting', 'ready')")),
        # The hold keeping a copy: at most one.
        Index("uq_holds_ready_copy", "copy_id", unique=True, sqlite_where=text("state = 'ready'"),
              postgresql_where=text("state = 'ready'")),
    )
