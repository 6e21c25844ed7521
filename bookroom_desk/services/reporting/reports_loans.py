"""Loan reports of the report library (services.reporting.library): who borrows, by department first."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting.library import (
    BAR,
    DECIMAL,
    INT,
    Chart,
    Column,
    Report,
    ReportTable,
    register,
    tr,
)
from bookroom_desk.services.reporting.period_facts import borrower, loans_made_in
from bookroom_desk.store.models import Loan, Reader
from bookroom_desk.text import QT_TRANSLATE_NOOP

NO_DEPARTMENT = QT_TRANSLATE_NOOP("reports", "（未填部门）")
NO_LOANS = QT_TRANSLATE_NOOP("reports", "这段时间没有借阅。")
TOTAL = QT_TRANSLATE_NOOP("reports", "合计")


def registered_by(period: Period):
    """SQL: a reader counted as registered in ``period``: registered by its end and not left before its start."""
    return and_(Reader.registered_on <= period.end, or_(Reader.left_on.is_(None), Reader.left_on >= period.start))


def per_reader(loans: int, readers: int) -> Decimal | None:
    return (Decimal(loans) / readers).quantize(Decimal("0.01"), ROUND_HALF_UP) if readers else None


def loans_by_department(session: Session, period: Period) -> ReportTable:
    """Per department: registered readers, readers who borrowed, loans, loans per registered reader; most first."""
    department = func.coalesce(Reader.department, Loan.anon_department, "")
    lent = dict((name, (loans, borrowers)) for name, loans, borrowers in session.execute(
        select(department, func.count(Loan.id), func.count(func.distinct(borrower())))
        .select_from(Loan).outerjoin(Reader, Reader.id == Loan.reader_id).where(loans_made_in(period))
        .group_by(department)).all())
    readers = dict(session.execute(select(Reader.department, func.count(Reader.id))
                                   .where(registered_by(period)).group_by(Reader.department)).all())
    rows: list[tuple[str, int, int, int, Decimal | None]] = []
    for name in set(lent) | set(readers):
        loans, borrowers = lent.get(name, (0, 0))
        count = readers.get(name, 0)
        rows.append((name or tr(NO_DEPARTMENT), count, borrowers, loans, per_reader(loans, count)))
    rows.sort(key=lambda row: (-row[3], -row[2], row[0]))
    total_loans, total_readers = sum(r[3] for r in rows), sum(r[1] for r in rows)
    total = (tr(TOTAL), total_readers, sum(r[2] for r in rows), total_loans,
             per_reader(total_loans, total_readers))
    return ReportTable(
        "loans-by-department", tr(LOANS_BY_DEPARTMENT.title), period,
        [Column("department", tr(QT_TRANSLATE_NOOP("reports", "部门"))),
         Column("readers", tr(QT_TRANSLATE_NOOP("reports", "读者数")), INT),
         Column("borrowers", tr(QT_TRANSLATE_NOOP("reports", "借书人数")), INT),
         Column("loans", tr(QT_TRANSLATE_NOOP("reports", "借阅册次")), INT),
         Column("per_reader", tr(QT_TRANSLATE_NOOP("reports", "人均册次")), DECIMAL)],
        [tuple(row) for row in rows], total if rows else None, "" if total_loans else tr(NO_LOANS),
        chart=Chart(BAR, "department", ("loans",)))


LOANS_BY_DEPARTMENT = register(Report(
    "loans-by-department", QT_TRANSLATE_NOOP("reports", "各部门借阅排行"),
    QT_TRANSLATE_NOOP("reports", "每个部门的读者数、借过书的人数、借阅册次和人均册次，借得多的在前。"),
    loans_by_department, group=QT_TRANSLATE_NOOP("reports", "借阅")))

__all__ = ["LOANS_BY_DEPARTMENT", "NO_DEPARTMENT", "NO_LOANS", "TOTAL", "loans_by_department", "per_reader",
           "registered_by"]
