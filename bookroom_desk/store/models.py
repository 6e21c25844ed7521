"""SQLAlchemy models of the reading room. Codes are stored in English; labels live in services.vocab."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import (
    BLOB,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import NullType

# Stable constraint names, so Alembic migrations can refer to them on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every table."""

    metadata = MetaData(naming_convention=NAMING)
    # Every model here maps one Table; DeclarativeBase types it as any FromClause, which has no insert or update.
    __table__: ClassVar[Table]


Money = Numeric(10, 2)
#: A shelf-order key: compared byte-wise everywhere (PostgreSQL's default collation may not be).
SHELF_KEY = String(200).with_variant(String(200, collation="C"), "postgresql")


class RoomProfile(Base):
    """书屋信息: one row (id 1) describing the room."""

    __tablename__ = "room_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    union_name: Mapped[str] = mapped_column(String(100), default="")
    workplace: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    area_m2: Mapped[Decimal | None] = mapped_column(Numeric(8, 1))
    seats: Mapped[int | None] = mapped_column(Integer)
    opening_hours: Mapped[str] = mapped_column(String(200), default="")
    workers_served: Mapped[int | None] = mapped_column(Integer)
    nameplate: Mapped[bool] = mapped_column(Boolean, default=False)
    acftu_named_year: Mapped[int | None] = mapped_column(Integer)
    digital_service: Mapped[str] = mapped_column(String(200), default="")
    rules_text: Mapped[str] = mapped_column(Text, default="")


class RoomSetting(Base):
    """A room-wide setting (declared in services.settings), stored as JSON text."""

    __tablename__ = "room_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Shelf(Base):
    """书架: a shelf with a scannable label and the class range it holds."""

    __tablename__ = "shelves"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    class_from: Mapped[str] = mapped_column(String(20), default="")
    class_to: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    copies: Mapped[list[Copy]] = relationship(back_populates="shelf")


class Title(Base):
    """书目: one edition; its copies are Copy rows."""

    __tablename__ = "titles"

    id: Mapped[int] = mapped_column(primary_key=True)
    isbn: Mapped[str | None] = mapped_column(String(13))
    title: Mapped[str] = mapped_column(String(300))
    author: Mapped[str] = mapped_column(String(200), default="")
    publisher: Mapped[str] = mapped_column(String(200), default="")
    pub_year: Mapped[int | None] = mapped_column(Integer)
    price: Mapped[Decimal | None] = mapped_column(Money)
    clc: Mapped[str] = mapped_column(String(40), default="")  # 中图法分类号, e.g. D922.5
    order_no: Mapped[int | None] = mapped_column(Integer)  # 种次号 within clc
    call_number: Mapped[str] = mapped_column(String(60), default="")  # 索书号, e.g. D922.5/12
    # The call number's shelf-order key (services.catalogue.shelf_order.shelf_key), kept by every write of
    # call_number; only 0-9 and A-Z, compared byte-wise (COLLATE "C" on PostgreSQL) so string order is shelf order.
    shelf_key: Mapped[str] = mapped_column(SHELF_KEY, default="", server_default="")
    topic: Mapped[str] = mapped_column(String(20), default="other")  # services.vocab.TOPICS
    material: Mapped[str] = mapped_column(String(20), default="book")  # services.vocab.MATERIALS
    # What a catalogue record (MARC 205, 215, 225, 330, 606) says of the title besides the above.
    edition: Mapped[str] = mapped_column(String(100), default="", server_default="")  # 版次, '第2版'
    pages: Mapped[str] = mapped_column(String(40), default="", server_default="")  # 页数 as written, '320页'
    series: Mapped[str] = mapped_column(String(200), default="", server_default="")  # 丛书
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")  # 内容提要
    subjects: Mapped[str] = mapped_column(Text, default="", server_default="")  # 主题词, joined by '；'
    pinyin: Mapped[str] = mapped_column(Text, default="")  # full pinyin and initials, lower case
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Every searchable field folded into one lower-case text (services.search keeps it), so a
    # search is one LIKE per word over one column; '' until computed.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    copies: Mapped[list[Copy]] = relationship(back_populates="title", order_by="Copy.barcode")

    __table_args__ = (
        Index("uq_titles_isbn", "isbn", unique=True, sqlite_where=text("isbn IS NOT NULL"),
              postgresql_where=text("isbn IS NOT NULL")),
        Index("ix_titles_clc", "clc"),
        Index("ix_titles_call_number", "call_number"),
        Index("ix_titles_shelf_key", "shelf_key", "id"),
        # Titles still without search keys (written around services.search): found by a scan of these only.
        Index("ix_titles_unkeyed", "id", sqlite_where=text("search_text = ''"),
              postgresql_where=text("search_text = ''")),
    )


class CallNumberCounter(Base):
    """The last 种次号 given in a class number; incremented under the write lock."""

    __tablename__ = "call_number_counters"

    clc: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class ImportBatch(Base):
    """An acquisition batch: a delivery list imported, or copies added together."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="books")  # books | readers | manual
    source: Mapped[str] = mapped_column(String(20), default="")
    supplier: Mapped[str] = mapped_column(String(200), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    rows: Mapped[int] = mapped_column(Integer, default=0)
    #: sha256 of the imported file's rows (services.common.repeats), so the same list imported again is noticed.
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)


class Copy(Base):
    """册: one physical copy, identified by its barcode (= 登录号)."""

    __tablename__ = "copies"

    id: Mapped[int] = mapped_column(primary_key=True)
    barcode: Mapped[str] = mapped_column(String(40), unique=True)
    title_id: Mapped[int] = mapped_column(ForeignKey("titles.id"))
    shelf_id: Mapped[int | None] = mapped_column(ForeignKey("shelves.id"))
    status: Mapped[str] = mapped_column(String(20), default="available")  # services.common.vocab.COPY_STATUSES
    volume_mark: Mapped[str] = mapped_column(String(40), default="")  # 卷册号/复本号 after the call number
    # The volume mark's shelf-order key (services.catalogue.shelf_order.volume_key: v.2 before v.10), kept by
    # every write of volume_mark; '' for no mark.
    volume_key: Mapped[str] = mapped_column(SHELF_KEY, default="", server_default="")
    acquired_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="other")  # services.vocab.SOURCES
    price_paid: Mapped[Decimal | None] = mapped_column(Money)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    removed_on: Mapped[dt.date | None] = mapped_column(Date)  # date withdrawn or lost
    removed_reason: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    title: Mapped[Title] = relationship(back_populates="copies")
    shelf: Mapped[Shelf | None] = relationship(back_populates="copies")
    batch: Mapped[ImportBatch | None] = relationship()

    __table_args__ = (
        Index("ix_copies_title_id", "title_id"),
        Index("ix_copies_shelf_id", "shelf_id"),
        Index("ix_copies_status", "status"),
        Index("ix_copies_acquired_on", "acquired_on"),
        Index("ix_copies_batch_id", "batch_id"),
    )


class CopyEvent(Base):
    """One change in a copy's life (moved, repair, withdrawn, lost, reinstated...), who and when."""

    __tablename__ = "copy_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    copy_id: Mapped[int] = mapped_column(ForeignKey("copies.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_copy_events_copy_id", "copy_id"),)


class ReaderCategory(Base):
    """读者类别 with its loan rules."""

    __tablename__ = "reader_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    loan_days: Mapped[int] = mapped_column(Integer, default=30)
    max_loans: Mapped[int] = mapped_column(Integer, default=5)
    renewals: Mapped[int] = mapped_column(Integer, default=1)
    overdue_blocks: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Loan days counted in the room's open days (services.common.calendar) rather than calendar days.
    loan_days_open: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    max_holds: Mapped[int] = mapped_column(Integer, default=3, server_default="3")  # 预约: most open holds at once
    hold_days: Mapped[int] = mapped_column(Integer, default=5, server_default="5")  # open days a ready hold waits


class Reader(Base):
    """读者: a worker with a card."""

    __tablename__ = "readers"

    id: Mapped[int] = mapped_column(primary_key=True)
    card: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    employee_no: Mapped[str] = mapped_column(String(40), default="")
    department: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    category_id: Mapped[int] = mapped_column(ForeignKey("reader_categories.id"))
    status: Mapped[str] = mapped_column(String(20), default="active")  # active | suspended | left
    registered_on: Mapped[dt.date] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    pinyin: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    category: Mapped[ReaderCategory] = relationship()

    __table_args__ = (
        Index("ix_readers_department", "department"),
        Index("ix_readers_employee_no", "employee_no"),
    )


class Loan(Base):
    """One lending of a copy to a reader; open while returned_at is NULL."""

    __tablename__ = "loans"

    id: Mapped[int] = mapped_column(primary_key=True)
    copy_id: Mapped[int] = mapped_column(ForeignKey("copies.id"))
    # NULL once the loan is anonymised (services.privacy): then ``anon_key`` stands for the reader in
    # statistics (the same number for all of one reader's anonymised loans) and ``anon_department``
    # keeps the department the reader had, so every figure stays as it was.
    reader_id: Mapped[int | None] = mapped_column(ForeignKey("readers.id"))
    anon_key: Mapped[int | None] = mapped_column(Integer)
    anon_department: Mapped[str | None] = mapped_column(String(100))
    out_at: Mapped[dt.datetime] = mapped_column(DateTime)
    due_on: Mapped[dt.date] = mapped_column(Date)
    returned_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    renewals: Mapped[int] = mapped_column(Integer, default=0)
    lent_by: Mapped[str] = mapped_column(String(64), default="")
    returned_by: Mapped[str] = mapped_column(String(64), default="")
    # Lent past a refusal (services.circulation.overrides): the refusals let through (comma-separated),
    # why, and the administrator who did it; NULL for an ordinary loan.
    override_kinds: Mapped[str | None] = mapped_column(String(100))
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_by: Mapped[str | None] = mapped_column(String(64))

    copy: Mapped[Copy] = relationship()
    reader: Mapped[Reader | None] = relationship()

    __table_args__ = (
        # At most one open loan per copy, enforced by the database itself.
        Index("uq_loans_open_copy", "copy_id", unique=True,
              sqlite_where=text("returned_at IS NULL"), postgresql_where=text("returned_at IS NULL")),
        Index("ix_loans_reader_id", "reader_id"),
        Index("ix_loans_open_reader", "reader_id", sqlite_where=text("returned_at IS NULL"),
              postgresql_where=text("returned_at IS NULL")),
        Index("ix_loans_out_at", "out_at"),
        Index("ix_loans_returned_at", "returned_at"),
        Index("ix_loans_due_on", "due_on"),
        # The few loans lent past a refusal, for the audit log (newest first) without reading every loan.
        Index("ix_loans_overridden", "out_at", sqlite_where=text("override_by IS NOT NULL"),
              postgresql_where=text("override_by IS NOT NULL")),
    )


class Renewal(Base):
    """续借: one renewal of a loan, kept so a period's renewals can be counted."""

    __tablename__ = "renewals"

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    old_due_on: Mapped[dt.date] = mapped_column(Date)
    new_due_on: Mapped[dt.date] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_renewals_loan_id", "loan_id"), Index("ix_renewals_at", "at"))


class Loss(Base):
    """遗失: a loan closed because the reader lost the copy (not a return), and how it was settled."""

    __tablename__ = "losses"

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), unique=True)
    copy_id: Mapped[int] = mapped_column(ForeignKey("copies.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    settled: Mapped[str] = mapped_column(String(20))  # services.circulation.losses.SETTLEMENTS
    amount: Mapped[Decimal | None] = mapped_column(Money)  # paid: what the reader paid
    new_copy_id: Mapped[int | None] = mapped_column(ForeignKey("copies.id"))  # replaced: the copy given in its place
    by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_losses_copy_id", "copy_id"), Index("ix_losses_at", "at"))


# On SQLite, migration 0002 indexes Title.search_text in an FTS5 table (trigram tokenizer, external
# content kept in step by triggers), which SQLite stores as these five tables. They are declared
# here only so that comparing this metadata with a database finds nothing missing or extra; nothing
# writes them through SQLAlchemy, and services.search uses them only when the virtual table exists.
TITLE_SEARCH = "title_search"
Table(TITLE_SEARCH, Base.metadata, Column("search_text", NullType), info={"sqlite_fts5": True})
Table(f"{TITLE_SEARCH}_data", Base.metadata, Column("id", Integer, primary_key=True, nullable=True), Column("block", BLOB),
      info={"sqlite_fts5": True})
Table(f"{TITLE_SEARCH}_idx", Base.metadata, Column("segid", NullType, primary_key=True),
      Column("term", NullType, primary_key=True), Column("pgno", NullType), info={"sqlite_fts5": True})
Table(f"{TITLE_SEARCH}_docsize", Base.metadata, Column("id", Integer, primary_key=True, nullable=True), Column("sz", BLOB),
      info={"sqlite_fts5": True})
Table(f"{TITLE_SEARCH}_config", Base.metadata, Column("k", NullType, primary_key=True), Column("v", NullType),
      info={"sqlite_fts5": True})
