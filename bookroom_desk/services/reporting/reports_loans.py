"""Loan reports of the report library (services.reporting.library): who borrows and what, ranked.

By department and by reader category (readers, borrowers, loans, loans per reader), the top readers and the top
titles, and loans by CLC class against the volumes held (turnover). Each is a few GROUP BY queries.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bookroom_desk.services.catalogue.clc import top_classes
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting.library import (
    BAR,
    DECIMAL,
    INT,
    Chart,
    Column,
    Report,
    ReportTable,
    Row,
    column,
    in_english,
    register,
    tr,
)
from bookroom_desk.services.reporting.period_facts import borrower, class_letter, held_at, loans_made_in
from bookroom_desk.store.models import Copy, Loan, Reader, ReaderCategory, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP

NO_DEPARTMENT = QT_TRANSLATE_NOOP("reports", "（未填部门）")
NO_CATEGORY = QT_TRANSLATE_NOOP("reports", "（读者信息已匿名）")
NO_CLASS = QT_TRANSLATE_NOOP("reports", "（未分类）")
NO_LOANS = QT_TRANSLATE_NOOP("reports", "这段时间没有借阅。")
NO_HOLDINGS = QT_TRANSLATE_NOOP("reports", "期末没有藏书，也没有借阅。")
TOP_NOTE = QT_TRANSLATE_NOOP("reports", "列出借阅最多的前 {top} 名（共 {count} 名读者有借阅）。")
TOP_TITLES_NOTE = QT_TRANSLATE_NOOP("reports", "列出借阅最多的前 {top} 种（共 {count} 种有借阅）。")
TURNOVER_NOTE = QT_TRANSLATE_NOOP("reports", "藏书为期末在藏册数；周转率 = 借阅册次 ÷ 藏书册数。")
TOTAL = QT_TRANSLATE_NOOP("reports", "合计")
LOANS_GROUP = QT_TRANSLATE_NOOP("reports", "借阅")


def registered_by(period: Period):
    """SQL: a reader counted as registered in ``period``: registered by its end and not left before its start."""
    return and_(Reader.registered_on <= period.end, or_(Reader.left_on.is_(None), Reader.left_on >= period.start))


def per_reader(loans: int, readers: int) -> Decimal | None:
    return (Decimal(loans) / readers).quantize(Decimal("0.01"), ROUND_HALF_UP) if readers else None


def top_option(top: object) -> int:
    """The ``top`` option as a count of rows, at least 1."""
    return max(1, int(top))  # type: ignore[call-overload]


def _grouped(session: Session, period: Period, name: str, title: str, loan_key, reader_key, first: Column,
             none: str, *joins) -> ReportTable:
    """Per group (``loan_key`` on a loan with its reader outer-joined, ``reader_key`` on a reader): registered
    readers, readers who borrowed, loans, loans per registered reader; most loans first."""
    stmt = (select(loan_key, func.count(Loan.id), func.count(func.distinct(borrower())))
            .select_from(Loan).outerjoin(Reader, Reader.id == Loan.reader_id))
    for target, on in joins:
        stmt = stmt.outerjoin(target, on)
    lent = {key: (loans, borrowers) for key, loans, borrowers in session.execute(
        stmt.where(loans_made_in(period)).group_by(loan_key)).all()}
    count_stmt = select(reader_key, func.count(Reader.id)).select_from(Reader)
    for target, on in joins:
        count_stmt = count_stmt.outerjoin(target, on)
    readers: dict[Any, int] = dict(session.execute(count_stmt.where(registered_by(period)).group_by(reader_key)).all())
    rows: list[tuple[str, int, int, int, Decimal | None]] = []
    for key in set(lent) | set(readers):
        loans, borrowers = lent.get(key, (0, 0))
        count = readers.get(key, 0)
        rows.append((key or tr(none), count, borrowers, loans, per_reader(loans, count)))
    rows.sort(key=lambda row: (-row[3], -row[2], row[0]))
    total_loans, total_readers = sum(r[3] for r in rows), sum(r[1] for r in rows)
    total = (tr(TOTAL), total_readers, sum(r[2] for r in rows), total_loans, per_reader(total_loans, total_readers))
    return ReportTable(
        name, tr(title), period,
        [first,
         column("readers", QT_TRANSLATE_NOOP("reports", "读者数"), INT),
         column("borrowers", QT_TRANSLATE_NOOP("reports", "借书人数"), INT),
         column("loans", QT_TRANSLATE_NOOP("reports", "借阅册次"), INT),
         column("per_reader", QT_TRANSLATE_NOOP("reports", "人均册次"), DECIMAL)],
        [tuple(row) for row in rows], total if rows else None, "" if total_loans else tr(NO_LOANS),
        chart=Chart(BAR, first.key, ("loans",)))


def loans_by_department(session: Session, period: Period) -> ReportTable:
    """Per department: registered readers, readers who borrowed, loans, loans per registered reader; most first."""
    return _grouped(session, period, "loans-by-department", LOANS_BY_DEPARTMENT.title,
                    func.coalesce(Reader.department, Loan.anon_department, ""), Reader.department,
                    column("department", QT_TRANSLATE_NOOP("reports", "部门")), NO_DEPARTMENT)


def loans_by_category(session: Session, period: Period) -> ReportTable:
    """Per reader category, as by department; anonymised loans (no reader any more) are a row of their own."""
    return _grouped(session, period, "loans-by-category", LOANS_BY_CATEGORY.title,
                    func.coalesce(ReaderCategory.name, ""), ReaderCategory.name,
                    column("category", QT_TRANSLATE_NOOP("reports", "读者类别")), NO_CATEGORY,
                    (ReaderCategory, ReaderCategory.id == Reader.category_id))


def loans_by_reader(session: Session, period: Period, top: int = 50) -> ReportTable:
    """The ``top`` readers by loans in the period (anonymised loans are nobody's), with the titles they read."""
    top = top_option(top)
    loans = func.count(Loan.id)
    ranked = (select(Loan.reader_id.label("reader_id"), loans.label("loans"),
                     func.count(func.distinct(Loan.copy_id)).label("copies"))
              .where(loans_made_in(period), Loan.reader_id.is_not(None)).group_by(Loan.reader_id).subquery())
    found = session.scalar(select(func.count()).select_from(ranked)) or 0
    first = (select(Reader.card, Reader.name, Reader.department, ranked.c.loans, ranked.c.copies)
             .join(Reader, Reader.id == ranked.c.reader_id).order_by(ranked.c.loans.desc(), Reader.card).limit(top))
    rows: list[Row] = [(n, card, name, department or tr(NO_DEPARTMENT), count, copies)
                       for n, (card, name, department, count, copies) in enumerate(session.execute(first), start=1)]
    return ReportTable(
        "loans-by-reader", tr(LOANS_BY_READER.title), period,
        [column("rank", QT_TRANSLATE_NOOP("reports", "名次"), INT),
         column("card", QT_TRANSLATE_NOOP("reports", "读者证号")),
         column("name", QT_TRANSLATE_NOOP("reports", "姓名")),
         column("department", QT_TRANSLATE_NOOP("reports", "部门")),
         column("loans", QT_TRANSLATE_NOOP("reports", "借阅册次"), INT),
         column("copies", QT_TRANSLATE_NOOP("reports", "借过的册数"), INT)],
        rows, None, tr(TOP_NOTE, top=top, count=found) if rows else tr(NO_LOANS),
        chart=Chart(BAR, "name", ("loans",)))


def loans_by_title(session: Session, period: Period, top: int = 50) -> ReportTable:
    """The ``top`` titles by loans in the period, with how many of their copies went out."""
    top = top_option(top)
    per_copy = (select(Loan.copy_id, func.count(Loan.id).label("n")).where(loans_made_in(period))
                .group_by(Loan.copy_id).subquery())
    per_title = (select(Copy.title_id.label("title_id"), func.sum(per_copy.c.n).label("loans"),
                        func.count(per_copy.c.copy_id).label("copies"))
                 .select_from(per_copy).join(Copy, Copy.id == per_copy.c.copy_id).group_by(Copy.title_id).subquery())
    found = session.scalar(select(func.count()).select_from(per_title)) or 0
    first = (select(Title.title, Title.author, Title.call_number, per_title.c.loans, per_title.c.copies)
             .join(Title, Title.id == per_title.c.title_id)
             .order_by(per_title.c.loans.desc(), Title.call_number, Title.title, Title.id).limit(top))
    rows: list[Row] = [(n, title, author or "", call or "", int(loans), copies)
                       for n, (title, author, call, loans, copies) in enumerate(session.execute(first), start=1)]
    return ReportTable(
        "loans-by-title", tr(LOANS_BY_TITLE.title), period,
        [column("rank", QT_TRANSLATE_NOOP("reports", "名次"), INT),
         column("title", QT_TRANSLATE_NOOP("reports", "题名")),
         column("author", QT_TRANSLATE_NOOP("reports", "责任者")),
         column("call_number", QT_TRANSLATE_NOOP("reports", "索书号")),
         column("loans", QT_TRANSLATE_NOOP("reports", "借阅册次"), INT),
         column("copies_lent", QT_TRANSLATE_NOOP("reports", "借出册数"), INT)],
        rows, None, tr(TOP_TITLES_NOTE, top=top, count=found) if rows else tr(NO_LOANS),
        chart=Chart(BAR, "title", ("loans",)))


def turnover(loans: int, volumes: int) -> Decimal | None:
    return (Decimal(loans) / volumes).quantize(Decimal("0.01"), ROUND_HALF_UP) if volumes else None


def loans_by_class(session: Session, period: Period) -> ReportTable:
    """The 22 basic CLC classes A–Z: volumes held at the period's end, loans in it, turnover; then the unclassified."""
    letter = class_letter()
    held: dict[str, int] = {key or "": n for key, n in session.execute(
        select(letter, func.count(Copy.id)).join(Title, Title.id == Copy.title_id).where(held_at(period.end))
        .group_by(letter))}
    per_copy = (select(Loan.copy_id, func.count(Loan.id).label("n")).where(loans_made_in(period))
                .group_by(Loan.copy_id).subquery())
    lent: dict[str, int] = {key or "": int(n) for key, n in session.execute(
        select(letter, func.sum(per_copy.c.n)).select_from(per_copy).join(Copy, Copy.id == per_copy.c.copy_id)
        .join(Title, Title.id == Copy.title_id).group_by(letter))}
    english = in_english()
    rows: list[tuple[str, int, int, Decimal | None]] = []
    codes = set()
    for top_class in top_classes():
        codes.add(top_class.code)
        name = top_class.name_en if english else top_class.name
        volumes, loans = held.get(top_class.code, 0), lent.get(top_class.code, 0)
        rows.append((f"{top_class.code} {name}", volumes, loans, turnover(loans, volumes)))
    other_held = sum(n for letter, n in held.items() if letter not in codes)
    other_lent = sum(n for letter, n in lent.items() if letter not in codes)
    if other_held or other_lent:
        rows.append((tr(NO_CLASS), other_held, other_lent, turnover(other_lent, other_held)))
    volumes, loans = sum(r[1] for r in rows), sum(r[2] for r in rows)
    note = tr(TURNOVER_NOTE) if volumes or loans else tr(NO_HOLDINGS)
    return ReportTable(
        "loans-by-class", tr(LOANS_BY_CLASS.title), period,
        [column("class", QT_TRANSLATE_NOOP("reports", "中图法大类")),
         column("volumes", QT_TRANSLATE_NOOP("reports", "藏书册数"), INT),
         column("loans", QT_TRANSLATE_NOOP("reports", "借阅册次"), INT),
         column("turnover", QT_TRANSLATE_NOOP("reports", "周转率"), DECIMAL)],
        [tuple(row) for row in rows], (tr(TOTAL), volumes, loans, turnover(loans, volumes)), note,
        chart=Chart(BAR, "class", ("loans", "volumes")))


LOANS_BY_DEPARTMENT = register(Report(
    "loans-by-department", QT_TRANSLATE_NOOP("reports", "各部门借阅排行"),
    QT_TRANSLATE_NOOP("reports", "每个部门的读者数、借过书的人数、借阅册次和人均册次，借得多的在前。"),
    loans_by_department, group=LOANS_GROUP))
LOANS_BY_CATEGORY = register(Report(
    "loans-by-category", QT_TRANSLATE_NOOP("reports", "各类读者借阅排行"),
    QT_TRANSLATE_NOOP("reports", "每个读者类别的读者数、借过书的人数、借阅册次和人均册次，借得多的在前。"),
    loans_by_category, group=LOANS_GROUP))
LOANS_BY_READER = register(Report(
    "loans-by-reader", QT_TRANSLATE_NOOP("reports", "读者借阅排行"),
    QT_TRANSLATE_NOOP("reports", "借阅最多的读者（默认前 50 名）：借阅册次和借过的册数。"),
    loans_by_reader, {"top": 50}, group=LOANS_GROUP))
LOANS_BY_TITLE = register(Report(
    "loans-by-title", QT_TRANSLATE_NOOP("reports", "图书借阅排行"),
    QT_TRANSLATE_NOOP("reports", "借阅最多的图书（默认前 50 种）：借阅册次和借出过的册数。"),
    loans_by_title, {"top": 50}, group=LOANS_GROUP))
LOANS_BY_CLASS = register(Report(
    "loans-by-class", QT_TRANSLATE_NOOP("reports", "中图法各大类借阅与藏书"),
    QT_TRANSLATE_NOOP("reports", "中图法 22 个基本大类的期末藏书册数、借阅册次和周转率（借阅册次 ÷ 藏书册数）。"),
    loans_by_class, group=LOANS_GROUP))

__all__ = ["LOANS_BY_CATEGORY", "LOANS_BY_CLASS", "LOANS_BY_DEPARTMENT", "LOANS_BY_READER", "LOANS_BY_TITLE",
           "LOANS_GROUP", "NO_DEPARTMENT", "NO_LOANS", "TOTAL", "loans_by_category", "loans_by_class",
           "loans_by_department", "loans_by_reader", "loans_by_title", "per_reader", "registered_by", "top_option",
           "turnover"]
