"""Builders for circulation tests: a small room with titles, copies, readers and past loans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common.vocab import ON_LOAN
from bookroom_desk.store.models import Copy, Loan, Reader, ReaderCategory
from tests.support.helpers import add_copy, add_reader, add_title

ISBN = "9787020002207"  # 红楼梦, three copies 00000001-00000003
ISBN_ONE = "9787111213826"  # one copy, 00000009


@dataclass
class Room:
    """Ids of what :func:`small_room` made."""

    zhang: int  # R000001, 检修车间
    li: int  # R000002, 财务科
    wang: int  # R000003, 停用
    zhao: int  # R000004, 离职


def small_room(session: Session) -> Room:
    """Copies 00000001-00000003 of 红楼梦, 00000004-00000008 of five other titles, 00000009 of a one-copy title."""
    hongloumeng = add_title(session, "红楼梦", isbn=ISBN)
    for n in range(1, 4):
        add_copy(session, f"{n:08d}", hongloumeng)
    for n in range(4, 9):
        add_copy(session, f"{n:08d}", add_title(session, f"劳动法读本{n}"))
    add_copy(session, "00000009", add_title(session, "机械制图", isbn=ISBN_ONE))
    return Room(
        zhang=add_reader(session, "R000001", "张伟", "检修车间").id,
        li=add_reader(session, "R000002", "李娜", "财务科").id,
        wang=add_reader(session, "R000003", "王芳", "后勤", status="suspended").id,
        zhao=add_reader(session, "R000004", "赵强", "运输队", status="left").id,
    )


def past_loan(session: Session, barcode: str, reader_id: int, out: dt.date, due: dt.date) -> Loan:
    """An open loan made on an earlier day."""
    copy = session.scalar(select(Copy).where(Copy.barcode == barcode))
    loan = Loan(copy_id=copy.id, reader_id=reader_id, out_at=dt.datetime.combine(out, dt.time(9)), due_on=due,
                renewals=0, lent_by="", returned_by="")
    copy.status = "on_loan"
    session.add(loan)
    session.flush()
    return loan


def category(session: Session) -> ReaderCategory:
    return session.scalars(select(ReaderCategory).order_by(ReaderCategory.id)).first()


def copy_status(session: Session, barcode: str) -> str:
    return session.scalar(select(Copy.status).where(Copy.barcode == barcode))


def open_loans(session: Session, reader_id: int | None = None) -> list[tuple[str, int]]:
    """(barcode, reader id) of every open loan."""
    stmt = select(Copy.barcode, Loan.reader_id).join(Copy, Loan.copy_id == Copy.id).where(Loan.returned_at.is_(None))
    if reader_id is not None:
        stmt = stmt.where(Loan.reader_id == reader_id)
    return sorted(session.execute(stmt).all())


def reader(session: Session, reader_id: int) -> Reader:
    return session.get(Reader, reader_id)


def assert_on_loan_exactly_when_lent(session: Session) -> None:
    """The desk's invariant: at most one open loan per copy, and a copy is on loan exactly when it has one."""
    open_by_copy = dict(session.execute(select(Loan.copy_id, func.count(Loan.id))
                                        .where(Loan.returned_at.is_(None)).group_by(Loan.copy_id)).all())
    assert all(count == 1 for count in open_by_copy.values())
    for copy in session.scalars(select(Copy)):
        assert (copy.status == ON_LOAN) == (copy.id in open_by_copy), copy.barcode
