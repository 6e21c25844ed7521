"""Reader reports of the report library: who never borrowed (to reach them), and overdue loans by department."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import cast

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common import calendar
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.common.vocab import READER_STATUSES
from bookroom_desk.services.reporting.library import (
    BAR,
    DATE,
    INT,
    PERCENT,
    Chart,
    Report,
    ReportTable,
    Row,
    column,
    register,
    tr,
)
from bookroom_desk.services.reporting.period_facts import borrower, loans_made_in, overdue_reference
from bookroom_desk.services.reporting.reports_loans import LOANS_GROUP, NO_DEPARTMENT, TOTAL
from bookroom_desk.store.models import Loan, Reader, ReaderCategory
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

LEFT = "left"
NO_READERS = QT_TRANSLATE_NOOP("reports", "书屋还没有登记读者。")
ALL_BORROWED = QT_TRANSLATE_NOOP("reports", "这段时间每位在册读者都借过书。")
NEVER_NOTE = QT_TRANSLATE_NOOP("reports", "{count} 位在册读者这段时间没有借过书（共 {readers} 位）。")
OVERDUE_NOTE = QT_TRANSLATE_NOOP("reports", "按 {day} 在借的图书计算逾期。")
NO_OVERDUE = QT_TRANSLATE_NOOP("reports", "{day} 没有逾期未还的图书。")
READERS_GROUP = QT_TRANSLATE_NOOP("reports", "读者")


def _in_register(period: Period):
    """SQL: a reader on the register in ``period``: registered by its end, and not left."""
    return (Reader.registered_on <= period.end) & (Reader.status != LEFT) & \
        or_(Reader.left_on.is_(None), Reader.left_on > period.end)


def readers_never_borrowed(session: Session, period: Period) -> ReportTable:
    """Readers on the register who borrowed nothing in the period, with department and phone, by department."""
    in_register = _in_register(period)
    readers = session.scalar(select(func.count(Reader.id)).where(in_register)) or 0
    borrowed = select(Loan.reader_id).where(loans_made_in(period), Loan.reader_id.is_not(None)).distinct()
    stmt = (select(Reader.department, Reader.card, Reader.name, Reader.phone, ReaderCategory.name, Reader.status,
                   Reader.registered_on)
            .join(ReaderCategory, ReaderCategory.id == Reader.category_id)
            .where(in_register, Reader.id.not_in(borrowed)).order_by(Reader.department, Reader.card))
    statuses = {key: translate("vocab", label) for key, label in READER_STATUSES.items()}
    rows: list[Row] = [(department or tr(NO_DEPARTMENT), card, name, phone, category, statuses.get(status, status), since)
            for department, card, name, phone, category, status, since in session.execute(stmt)]
    if not readers:
        note = tr(NO_READERS)
    elif not rows:
        note = tr(ALL_BORROWED)
    else:
        note = tr(NEVER_NOTE, count=len(rows), readers=readers)
    return ReportTable(
        "readers-never-borrowed", tr(READERS_NEVER_BORROWED.title), period,
        [column("department", QT_TRANSLATE_NOOP("reports", "部门")),
         column("card", QT_TRANSLATE_NOOP("reports", "读者证号")),
         column("name", QT_TRANSLATE_NOOP("reports", "姓名")),
         column("phone", QT_TRANSLATE_NOOP("reports", "电话")),
         column("category", QT_TRANSLATE_NOOP("reports", "读者类别")),
         column("status", QT_TRANSLATE_NOOP("reports", "状态")),
         column("registered_on", QT_TRANSLATE_NOOP("reports", "登记日期"), DATE)],
        rows, None, note)


def _percent(part: int, whole: int) -> Decimal | None:
    return (Decimal(100 * part) / whole).quantize(Decimal("0.1"), ROUND_HALF_UP) if whole else None


def overdue_by_department(session: Session, period: Period) -> ReportTable:
    """Loans out at the period's end (or today, for a period not ended), and how many of them were overdue then,
    by the room's counting (open days or calendar days), per department; most overdue first."""
    reference = overdue_reference(period)
    counter = calendar.LateCounter(session)
    late_before = counter.overdue_before(reference)
    moment = dt.datetime.combine(reference + dt.timedelta(days=1), dt.time())
    department = func.coalesce(Reader.department, Loan.anon_department, "")
    late = Loan.due_on < late_before
    found: dict[str, list] = {}
    for still_out in (Loan.returned_at.is_(None), Loan.returned_at >= moment):
        stmt = (select(department, func.count(Loan.id), func.coalesce(func.sum(case((late, 1), else_=0)), 0),
                       func.min(Loan.due_on))
                .select_from(Loan).outerjoin(Reader, Reader.id == Loan.reader_id)
                .where(still_out, Loan.out_at < moment).group_by(department))
        for name, out, overdue, oldest in session.execute(stmt):
            totals = found.setdefault(name, [0, 0, None])
            totals[0] += out
            totals[1] += overdue
            totals[2] = oldest if totals[2] is None else min(totals[2], oldest)
    late_readers = _late_readers(session, moment, late) if any(t[1] for t in found.values()) else {}
    rows: list[tuple[str, int, int, int, Decimal | None, int]] = []
    for name, (out, overdue, oldest) in found.items():
        days = counter(oldest, reference) if overdue and oldest is not None else 0
        rows.append((name or tr(NO_DEPARTMENT), out, overdue, late_readers.get(name, 0), _percent(overdue, out), days))
    rows.sort(key=lambda row: (-row[2], -row[1], row[0]))
    out, overdue = sum(r[1] for r in rows), sum(r[2] for r in rows)
    total = (tr(TOTAL), out, overdue, sum(r[3] for r in rows), _percent(overdue, out), max((r[5] for r in rows), default=0))
    day = reference.isoformat()
    return ReportTable(
        "overdue-by-department", tr(OVERDUE_BY_DEPARTMENT.title), period,
        [column("department", QT_TRANSLATE_NOOP("reports", "部门")),
         column("on_loan", QT_TRANSLATE_NOOP("reports", "在借册数"), INT),
         column("overdue", QT_TRANSLATE_NOOP("reports", "逾期册数"), INT),
         column("readers", QT_TRANSLATE_NOOP("reports", "逾期人数"), INT),
         column("share", QT_TRANSLATE_NOOP("reports", "逾期占在借（%）"), PERCENT),
         column("longest", QT_TRANSLATE_NOOP("reports", "最长逾期（天）"), INT)],
        cast(list[Row], rows), total if rows else None, tr(OVERDUE_NOTE, day=day) if overdue else tr(NO_OVERDUE, day=day),
        chart=Chart(BAR, "department", ("overdue",)))


def _late_readers(session: Session, moment: dt.datetime, late) -> dict[str, int]:
    """Readers with an overdue loan out at ``moment``, per department, each counted once (both halves together)."""
    department = func.coalesce(Reader.department, Loan.anon_department, "")
    out = or_(Loan.returned_at.is_(None), Loan.returned_at >= moment)
    rows = session.execute(select(department, func.count(func.distinct(borrower())))
                           .select_from(Loan).outerjoin(Reader, Reader.id == Loan.reader_id)
                           .where(out, late, Loan.out_at < moment).group_by(department)).all()
    return {name: n for name, n in rows}


READERS_NEVER_BORROWED = register(Report(
    "readers-never-borrowed", QT_TRANSLATE_NOOP("reports", "未借阅读者名单"),
    QT_TRANSLATE_NOOP("reports", "在册却在这段时间没有借过书的读者，按部门排列，附电话，便于联系。"),
    readers_never_borrowed, group=READERS_GROUP))
OVERDUE_BY_DEPARTMENT = register(Report(
    "overdue-by-department", QT_TRANSLATE_NOOP("reports", "各部门逾期未还"),
    QT_TRANSLATE_NOOP("reports", "期末（或今天）在借的图书中逾期未还的册数和人数，按部门，逾期多的在前。"),
    overdue_by_department, group=LOANS_GROUP))

__all__ = ["OVERDUE_BY_DEPARTMENT", "READERS_NEVER_BORROWED", "overdue_by_department", "readers_never_borrowed"]
