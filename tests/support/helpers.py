"""Small builders for tests: a title, a copy, a reader, written straight through the models."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Copy, Reader, ReaderCategory, Title


def add_title(session: Session, title: str = "测试书", material: str = "book", clc: str = "I247",
              isbn: str | None = None, topic: str = "culture") -> Title:
    row = Title(title=title, material=material, clc=clc, isbn=isbn, topic=topic, price=Decimal("20.00"),
                created_at=dt.datetime(2025, 1, 1, 9))
    session.add(row)
    session.flush()
    return row


def add_copy(session: Session, barcode: str, title: Title | None = None, status: str = "available",
             acquired_on: dt.date = dt.date(2025, 3, 1), removed_on: dt.date | None = None) -> Copy:
    copy = Copy(barcode=barcode, title=title or add_title(session), status=status, acquired_on=acquired_on,
                removed_on=removed_on)
    session.add(copy)
    session.flush()
    return copy


def add_reader(session: Session, card: str, name: str = "张伟", department: str = "检修车间",
               status: str = "active", registered_on: dt.date = dt.date(2025, 1, 1)) -> Reader:
    category = session.scalars(select(ReaderCategory).order_by(ReaderCategory.id)).first()
    reader = Reader(card=card, name=name, department=department, category=category, status=status,
                    registered_on=registered_on)
    session.add(reader)
    session.flush()
    return reader


def add_admin_and_volunteer(session: Session) -> None:
    """Accounts 老李 (administrator, password secret1) and 小王 (volunteer, PIN 246810, card V0001)."""
    from bookroom_desk.services.access import accounts
    from bookroom_desk.services.common import permissions

    accounts.add_account(session, "老李", permissions.ADMIN, "secret1", actor=OPERATOR)
    accounts.add_account(session, "小王", permissions.VOLUNTEER, "246810", card="V0001", actor="老李")


def refused_each(db, attempts, match: str) -> None:
    """Each attempt (a function of a write session) is refused with a message matching ``match``, and rolled back."""
    import pytest

    from bookroom_desk.errors import Refused

    for attempt in attempts:
        with pytest.raises(Refused, match=match):
            with db.write() as session:
                attempt(session)


def corrupt_sqlite(path) -> None:
    """Overwrite pages in the middle of a SQLite file (after a checkpoint, so no newer copy of them waits in the WAL)."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2 - (size // 2) % 4096)
        handle.write(bytes(range(256)) * 48)
