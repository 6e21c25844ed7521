"""Access tables: librarian accounts (log-in, role), their failed log-ins, and the audit log of who did what."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bookroom_desk.store.models import Base


class Account(Base):
    """A librarian's log-in: a role (admin | volunteer), a scrypt password hash, an optional card."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="volunteer")
    password_hash: Mapped[str] = mapped_column(String(300))  # services.accounts.hash_password, never the password
    card: Mapped[str | None] = mapped_column(String(40), unique=True)  # a card barcode scanned to log in
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class LoginThrottle(Base):
    """An account's failed log-ins in a row and until when it must wait; in the database, so a restart keeps it."""

    __tablename__ = "login_throttle"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[dt.datetime] = mapped_column(DateTime)
    wait_until: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """One recorded action (setting, import, account, restore, erasure...): when, what, who; never a reader's name."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_audit_log_at", "at"), Index("ix_audit_log_kind", "kind"))
