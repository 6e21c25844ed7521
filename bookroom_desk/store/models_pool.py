"""The record pool (书目库): catalogue records without copies (a union's shared file, a MARC load), kept searchable."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bookroom_desk.store.models import Base, Money


class PoolRecord(Base):
    """One record as a source gave it. Several may share an ISBN (from different sources); identical
    records are kept once (``digest``, services.catalogue.record_pool)."""

    __tablename__ = "pool_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    isbn: Mapped[str | None] = mapped_column(String(13))  # ISBN-13, normalised; None when the record has none
    title: Mapped[str] = mapped_column(String(300))
    other_title: Mapped[str] = mapped_column(String(300), default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    publisher: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    pub_year: Mapped[int | None] = mapped_column(Integer)
    price: Mapped[Decimal | None] = mapped_column(Money)
    clc: Mapped[str] = mapped_column(String(40), default="")
    pages: Mapped[str] = mapped_column(String(40), default="")
    series: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    subjects: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")  # the file or union share it came from
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    loaded_by: Mapped[str] = mapped_column(String(64), default="")
    raw: Mapped[str] = mapped_column(Text, default="")  # the record as read (a MARC record's text), if any
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of the record's fields: the same record is kept once

    __table_args__ = (
        # A look-up by ISBN, and a registrant prefix as the range [prefix, prefix + ':').
        Index("ix_pool_records_isbn", "isbn"),
        Index("uq_pool_records_digest", "digest", unique=True),
    )
