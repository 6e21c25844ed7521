"""The 藏书分类 and 借阅统计 breakdowns of a period: by CLC class, priority kind, month, title, department."""

from __future__ import annotations

import heapq

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.catalogue import clc
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.common.vocab import TOPICS
from bookroom_desk.services.reporting.indicators import (
    Breakdown,
    Breakdowns,
    DepartmentRow,
    MonthRow,
    TopTitle,
    counted_materials,
    registered_at,
)
from bookroom_desk.services.reporting.period_facts import PeriodFacts, period_facts
from bookroom_desk.store.models import Loan, Reader

TOP_TITLES = 20
#: The five priority kinds and 其他, in the return's order.
TOPIC_ORDER = tuple(TOPICS)
NO_DEPARTMENT = "（未填部门）"


def breakdowns(session: Session, period: Period, top: int = TOP_TITLES, facts: PeriodFacts | None = None) -> Breakdowns:
    """Every breakdown the return's 藏书分类 and 借阅统计 sheets (and the dashboard) show."""
    facts = facts or period_facts(session, period)
    counted = set(counted_materials(session))
    classes, unclassified = class_rows(facts, counted)
    return Breakdowns(
        classes=classes,
        unclassified=unclassified,
        topics=topic_rows(facts, counted),
        months=month_rows(facts, period),
        top_titles=top_titles(facts, top),
        departments=department_rows(session, period, facts),
    )


def _grouped(facts: PeriodFacts, counted: set[str], key: str) -> dict[str, Breakdown]:
    """The measures of counted copies summed by ``key`` ("letter" or "topic") of the fact rows."""
    rows: dict[str, Breakdown] = {}

    def row(value: str) -> Breakdown:
        return rows.setdefault(value, Breakdown(value, ""))

    for group in facts.copies:
        if group.material in counted:
            target = row(getattr(group, key))
            target.titles += group.titles_held
            target.volumes += group.held
            target.acquired += group.acquired
    for lent in facts.open:
        if lent.material in counted:
            row(getattr(lent, key)).on_loan += lent.open
    for title in facts.titles:
        if title.material in counted:
            row(getattr(title, key)).loans += title.loans
    return rows


def class_rows(facts: PeriodFacts, counted: set[str]) -> tuple[list[Breakdown], Breakdown]:
    """The 22 CLC top classes A–Z (always all of them), and the copies with no known class."""
    found = _grouped(facts, counted, "letter")
    classes = []
    for top in clc.top_classes():
        row = found.pop(top.code, Breakdown(top.code, ""))
        row.name = top.name
        classes.append(row)
    unclassified = Breakdown("", "未分类")
    for row in found.values():
        unclassified.add(row)
    return classes, unclassified


def topic_rows(facts: PeriodFacts, counted: set[str]) -> list[Breakdown]:
    """The five priority kinds and 其他 (unknown codes counted as 其他)."""
    rows = {code: Breakdown(code, name) for code, name in TOPICS.items()}
    for code, row in _grouped(facts, counted, "topic").items():
        rows.get(code, rows["other"]).add(row)
    return [rows[code] for code in TOPIC_ORDER]


def month_rows(facts: PeriodFacts, period: Period) -> list[MonthRow]:
    """借出, 归还, 续借 and 借阅读者 for every month the period touches."""
    loans: dict[tuple[int, int], int] = {}
    readers: dict[tuple[int, int], set[int]] = {}
    for reader, year, month, count in facts.reader_months:
        loans[(year, month)] = loans.get((year, month), 0) + count
        readers.setdefault((year, month), set()).add(reader)
    return [MonthRow(year, month, loans=loans.get((year, month), 0),
                     returns=facts.returns_by_month.get((year, month), 0),
                     renewals=facts.renewals_by_month.get((year, month), 0),
                     borrowers=len(readers.get((year, month), ())))
            for year, month in period.months()]


def top_titles(facts: PeriodFacts, top: int = TOP_TITLES) -> list[TopTitle]:
    """The ``top`` titles lent most in the period (ties by title), with their loan counts."""
    # heapq, not sorted(): the same first ``top``, without one long sort of every title lent (tens
    # of thousands) that holds the interpreter, and the GUI thread with it, for most of 100 ms.
    ranked = heapq.nsmallest(top, facts.titles, key=lambda t: (-t.loans, t.title, t.title_id))
    return [TopTitle(rank, t.title, t.author, t.call_number, t.loans) for rank, t in enumerate(ranked, start=1)]


def department_rows(session: Session, period: Period, facts: PeriodFacts) -> list[DepartmentRow]:
    """Registered readers at the end, borrowers and loans in the period, by department (most loans first)."""
    rows: dict[str, DepartmentRow] = {}

    def row(name: str | None) -> DepartmentRow:
        key = (name or "").strip() or NO_DEPARTMENT
        return rows.setdefault(key, DepartmentRow(key))

    for name, readers in session.execute(
            select(Reader.department, func.count(Reader.id)).where(registered_at(period.end))
            .group_by(Reader.department)).all():
        row(name).readers += readers
    borrowers = {reader for reader, *_ in facts.reader_months}
    department_of: dict[int | None, str | None] = (
        dict(session.execute(select(Reader.id, Reader.department)).all()) if borrowers else {})
    if any(reader < 0 for reader in borrowers):  # anonymised loans keep the department the reader had
        department_of.update(session.execute(select(-Loan.anon_key, Loan.anon_department)
                                             .where(Loan.anon_key.is_not(None)).distinct()).all())
    for reader, _year, _month, count in facts.reader_months:
        row(department_of.get(reader)).loans += count
    for reader in borrowers:
        row(department_of.get(reader)).borrowers += 1
    return sorted(rows.values(), key=lambda r: (-r.loans, -r.readers, r.department))
