"""阅读之星: the readers who borrowed most in a period, for the room's own rewards (never in a return)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common.periods import Period
from bookroom_desk.store.models import Copy, Loan, Reader


@dataclass(frozen=True)
class Star:
    """One reader's place: rank (ties share it), loans and distinct titles in the period."""

    rank: int
    reader_id: int
    card: str
    name: str
    department: str
    loans: int
    titles: int


def reading_stars(session: Session, period: Period, limit: int = 10, department: str | None = None) -> list[Star]:
    """The top ``limit`` places by loans made in ``period``; readers who have left are not ranked.

    Ties share a rank (1, 2, 2, 4), and every reader tied with the last place is included.
    """
    # Loans are counted per reader first and distinct titles only for the few readers placed:
    # joining every loan of a year to its copy costs seconds in a room with a million loans.
    in_period = (Loan.out_at >= period.start_at, Loan.out_at < period.end_before)
    per_reader = (select(Loan.reader_id, func.count(Loan.id).label("loans")).where(*in_period)
                  .group_by(Loan.reader_id).subquery())
    stmt = (select(Reader.id, Reader.card, Reader.name, Reader.department, per_reader.c.loans)
            .join(per_reader, per_reader.c.reader_id == Reader.id).where(Reader.status != "left")
            .order_by(per_reader.c.loans.desc(), Reader.card))
    if department:
        stmt = stmt.where(Reader.department == department)
    placed: list[tuple] = []
    previous, rank = None, 0
    for position, (rid, card, name, dept, count) in enumerate(session.execute(stmt), start=1):
        if count != previous:
            if position > limit:
                break
            rank, previous = position, count
        placed.append((rank, rid, card, name, dept, count))
    titles = dict(session.execute(
        select(Loan.reader_id, func.count(func.distinct(Copy.title_id))).join(Copy, Copy.id == Loan.copy_id)
        .where(*in_period, Loan.reader_id.in_([row[1] for row in placed])).group_by(Loan.reader_id)).all()) if placed else {}
    return [Star(rank, rid, card, name, dept, count, titles.get(rid, 0)) for rank, rid, card, name, dept, count in placed]


def departments(session: Session) -> list[str]:
    return [d for d in session.scalars(select(Reader.department).distinct().order_by(Reader.department)) if d]
