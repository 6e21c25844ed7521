"""阅读之星: the readers who borrowed most in a period, for the room's own rewards (never in a return)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.periods import Period
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
    loans = func.count(Loan.id)
    stmt = (select(Reader.id, Reader.card, Reader.name, Reader.department, loans,
                   func.count(func.distinct(Copy.title_id)))
            .join(Loan, Loan.reader_id == Reader.id).join(Copy, Copy.id == Loan.copy_id)
            .where(Loan.out_at >= period.start_at, Loan.out_at < period.end_before, Reader.status != "left")
            .group_by(Reader.id, Reader.card, Reader.name, Reader.department)
            .order_by(loans.desc(), Reader.card))
    if department:
        stmt = stmt.where(Reader.department == department)
    stars: list[Star] = []
    previous, rank = None, 0
    for position, (rid, card, name, dept, count, titles) in enumerate(session.execute(stmt), start=1):
        if count != previous:
            if position > limit:
                break
            rank, previous = position, count
        stars.append(Star(rank, rid, card, name, dept, count, titles))
    return stars


def departments(session: Session) -> list[str]:
    return [d for d in session.scalars(select(Reader.department).distinct().order_by(Reader.department)) if d]
