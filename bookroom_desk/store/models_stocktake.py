"""Stocktake (盘点) tables: a stocktake, its shelves in scope, every scan as it happened, and the files loaded."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bookroom_desk.store.models import Base


class Stocktake(Base):
    """One count of the shelves; open while ``finished_at`` is NULL."""

    __tablename__ = "stocktakes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    all_shelves: Mapped[bool] = mapped_column(Boolean, default=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    started_by: Mapped[str] = mapped_column(String(64), default="")
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    finished_by: Mapped[str] = mapped_column(String(64), default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # JSON of the result counts at finishing
    notes: Mapped[str] = mapped_column(Text, default="")

    shelves: Mapped[list[StocktakeShelf]] = relationship(cascade="all, delete-orphan")


class StocktakeShelf(Base):
    """A shelf in a stocktake's scope (none listed and all_shelves true: every shelf)."""

    __tablename__ = "stocktake_shelves"

    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id"), primary_key=True)
    shelf_id: Mapped[int] = mapped_column(ForeignKey("shelves.id"), primary_key=True)


class StocktakeScan(Base):
    """One scan, committed as it happens: the code read, the copy it names, the shelf it was on."""

    __tablename__ = "stocktake_scans"

    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id"))
    barcode: Mapped[str] = mapped_column(String(40))
    copy_id: Mapped[int | None] = mapped_column(ForeignKey("copies.id"))  # NULL: unknown barcode
    shelf_id: Mapped[int | None] = mapped_column(ForeignKey("shelves.id"))  # the current shelf when scanned
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(20), default="scanner")  # scanner | file
    by: Mapped[str] = mapped_column(String(64), default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)  # order within the stocktake

    __table_args__ = (
        Index("ix_stocktake_scans_stocktake_id_copy_id", "stocktake_id", "copy_id"),
        Index("ix_stocktake_scans_stocktake_id_barcode", "stocktake_id", "barcode"),
    )


class StocktakeFile(Base):
    """A data collector's file loaded into a stocktake, by a digest of its lines, so loading it twice is noticed."""

    __tablename__ = "stocktake_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id"))
    file_name: Mapped[str] = mapped_column(String(255), default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    scans: Mapped[int] = mapped_column(Integer, default=0)  # the scans it recorded
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    loaded_by: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_stocktake_files_stocktake_id_content_hash", "stocktake_id", "content_hash"),)
