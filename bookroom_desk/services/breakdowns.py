"""The 藏书分类 and 借阅统计 breakdowns of a period: by CLC class, priority kind, month, title, department."""

from __future__ import annotations

from sqlalchemy import and_, extract, func, select
from sqlalchemy.orm import Session

from bookroom_desk.services import clc
from bookroom_desk.services.indicators import (
    Breakdown,
    Breakdowns,
    DepartmentRow,
    MonthRow,
    TopTitle,
    counted_materials,
    held_at,
    loans_made_in,
    open_at,
    registered_at,
)
from bookroom_desk.services.periods import Period
from bookroom_desk.services.vocab import TOPICS
from bookroom_desk.store.models import Copy, Loan, Reader, Renewal, Title

TOP_TITLES = 20
#: The five priority kinds and 其他, in the return's order, with their fixed Chinese names.
TOPIC_ORDER = tuple(TOPICS)
NO_DEPARTMENT = "（未填部门）"


def breakdowns(session: Session, period: Period, top: int = TOP_TITLES) -> Breakdowns:
    """Every breakdown the return's 藏书分类 and 借阅统计 sheets (and the dashboard) show."""
    classes, unclassified = class_rows(session, period)
    return Breakdowns(
        classes=classes,
        unclassified=unclassified,
        topics=topic_rows(session, period),
        months=month_rows(session, period),
        top_titles=top_titles(session, period, top),
        departments=department_rows(session, period),
    )


def _grouped(session: Session, period: Period, key) -> dict[str, Breakdown]:
    """Titles, volumes, acquired, on loan and loans of counted copies, grouped by the SQL ``key``."""
    counted = Title.material.in_(counted_materials(session))
    rows: dict[str, Breakdown] = {}

    def put(stmt, *names):
        for found in session.execute(stmt.group_by(key)).all():
            row = rows.setdefault(found[0] or "", Breakdown(found[0] or "", ""))
            for name, value in zip(names, found[1:]):
                setattr(row, name, value or 0)

    base = select(key).select_from(Copy).join(Copy.title)
    put(base.add_columns(func.count(func.distinct(Copy.title_id)), func.count(Copy.id))
        .where(counted, held_at(period.end)), "titles", "volumes")
    put(base.add_columns(func.count(Copy.id))
        .where(counted, Copy.acquired_on >= period.start, Copy.acquired_on <= period.end), "acquired")
    loans = select(key).select_from(Loan).join(Loan.copy).join(Copy.title).where(counted)
    put(loans.add_columns(func.count(Loan.id)).where(open_at(period.end_before)), "on_loan")
    put(loans.add_columns(func.count(Loan.id)).where(loans_made_in(period)), "loans")
    return rows


def class_rows(session: Session, period: Period) -> tuple[list[Breakdown], Breakdown]:
    """The 22 CLC top classes A–Z (always all of them), and the copies with no known class."""
    found = _grouped(session, period, func.upper(func.substr(Title.clc, 1, 1)))
    classes = []
    for top in clc.top_classes():
        row = found.pop(top.code, Breakdown(top.code, ""))
        row.name = top.name
        classes.append(row)
    unclassified = Breakdown("", "未分类")
    for row in found.values():
        for name in ("titles", "volumes", "acquired", "on_loan", "loans"):
            setattr(unclassified, name, getattr(unclassified, name) + getattr(row, name))
    return classes, unclassified


def topic_rows(session: Session, period: Period) -> list[Breakdown]:
    """The five priority kinds and 其他 (unknown codes counted as 其他)."""
    found = _grouped(session, period, Title.topic)
    rows = {code: Breakdown(code, name) for code, name in TOPICS.items()}
    for code, row in found.items():
        target = rows.get(code, rows["other"])
        for name in ("titles", "volumes", "acquired", "on_loan", "loans"):
            setattr(target, name, getattr(target, name) + getattr(row, name))
    return [rows[code] for code in TOPIC_ORDER]


def _by_month(session: Session, column, *measures, where) -> dict[tuple[int, int], tuple]:
    year, month = extract("year", column), extract("month", column)
    stmt = select(year, month, *measures).where(where).group_by(year, month)
    return {(int(y), int(m)): values for y, m, *values in session.execute(stmt).all()}


def month_rows(session: Session, period: Period) -> list[MonthRow]:
    """借出, 归还, 续借 and 借阅读者 for every month the period touches."""
    lent = _by_month(session, Loan.out_at, func.count(Loan.id), func.count(func.distinct(Loan.reader_id)),
                     where=loans_made_in(period))
    back = _by_month(session, Loan.returned_at, func.count(Loan.id),
                     where=and_(Loan.returned_at >= period.start_at, Loan.returned_at < period.end_before))
    renewed = _by_month(session, Renewal.at, func.count(Renewal.id),
                        where=and_(Renewal.at >= period.start_at, Renewal.at < period.end_before))
    rows = []
    for year, month in period.months():
        loans, borrowers = lent.get((year, month), (0, 0))
        rows.append(MonthRow(year, month, loans=loans, returns=back.get((year, month), (0,))[0],
                             renewals=renewed.get((year, month), (0,))[0], borrowers=borrowers))
    return rows


def top_titles(session: Session, period: Period, top: int = TOP_TITLES) -> list[TopTitle]:
    """The ``top`` titles lent most in the period (ties by title), with their loan counts."""
    count = func.count(Loan.id).label("loans")
    stmt = (select(Title.id, Title.title, Title.author, Title.call_number, count)
            .select_from(Loan).join(Loan.copy).join(Copy.title)
            .where(loans_made_in(period))
            .group_by(Title.id, Title.title, Title.author, Title.call_number)
            .order_by(count.desc(), Title.title, Title.id).limit(top))
    return [TopTitle(rank, title, author or "", call_number or "", loans)
            for rank, (_, title, author, call_number, loans) in enumerate(session.execute(stmt).all(), start=1)]


def department_rows(session: Session, period: Period) -> list[DepartmentRow]:
    """Registered readers at the end, borrowers and loans in the period, by department (most loans first)."""
    rows: dict[str, DepartmentRow] = {}

    def row(name: str | None) -> DepartmentRow:
        key = (name or "").strip() or NO_DEPARTMENT
        return rows.setdefault(key, DepartmentRow(key))

    for name, readers in session.execute(
            select(Reader.department, func.count(Reader.id)).where(registered_at(period.end))
            .group_by(Reader.department)).all():
        row(name).readers += readers
    for name, borrowers, loans in session.execute(
            select(Reader.department, func.count(func.distinct(Loan.reader_id)), func.count(Loan.id))
            .select_from(Loan).join(Loan.reader).where(loans_made_in(period)).group_by(Reader.department)).all():
        target = row(name)
        target.borrowers += borrowers
        target.loans += loans
    return sorted(rows.values(), key=lambda r: (-r.loans, -r.readers, r.department))
