"""Readers' privacy: anonymise old loan history, export a reader's data, erase a reader on request.

Anonymising a loan sets its ``reader_id`` NULL and keeps, instead, a pseudonym (``anon_key``, one
number for all of one reader's loans anonymised together, unrelated to the reader's id) and the
department the reader had. Statistics count borrowers by reader or pseudonym
(``period_facts.borrower``) and departments from that copy, so every figure stays as it was.

Old history goes by whole calendar years: with a retention of N years, a reader's loans of a year
that ended more than N years ago are anonymised once every one of that reader's loans of that
year has come back. So each year, quarter and month counts a reader once, as before. (A date
range spanning the boundary can count a reader who borrowed on both sides of it twice among
its borrowers; loans and every other figure stay exact.)

Erasure anonymises all of the reader's loans (none may be open) and blanks the personal fields;
the row stays, with its department, category and dates, for the counts of registered readers. Their
volunteer record, duty, groups, activities, account card and mentions in notes and the audit log are
found by person_traces.py: exported with the rest, and erased with it (the counts stay).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, func, or_, select, update
from sqlalchemy.orm import Session

from bookroom_desk import files
from bookroom_desk.errors import NotFound, Refused
from bookroom_desk.services.access import person_traces
from bookroom_desk.services.common import audit_log, clock, permissions, settings
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.store.models import Copy, Loan, Loss, Reader, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP

HISTORY_YEARS = settings.declare(
    "loan_history_years", int, 0, QT_TRANSLATE_NOOP("settings", "借阅记录保留年数（超过即匿名化；0 = 不匿名化）"))
#: The card an erased reader keeps: no scanner produces it, and the card number it replaced is gone.
ERASED_CARD = "#{id}"


def _reader(session: Session, card: str) -> Reader:
    reader = session.scalar(select(Reader).where(Reader.card == normalize(card)))
    if reader is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "读者证“{card}”未登记。"), card=normalize(card))
    return reader


def _next_key(session: Session) -> int:
    return (session.scalar(select(func.max(Loan.anon_key))) or 0) + 1


def _anonymise(session: Session, reader_ids: list[int], condition=None) -> int:
    """Detach the given readers' loans (matching ``condition``), one fresh pseudonym per reader."""
    key = _next_key(session)
    order = list(reader_ids)
    random.SystemRandom().shuffle(order)  # pseudonyms in no relation to the readers' order
    departments = dict(session.execute(select(Reader.id, Reader.department).where(Reader.id.in_(order))).all())
    done = 0
    for offset, reader_id in enumerate(order):
        stmt = (update(Loan).where(Loan.reader_id == reader_id, Loan.returned_at.is_not(None))
                .values(reader_id=None, anon_key=key + offset, anon_department=departments.get(reader_id) or ""))
        if condition is not None:
            stmt = stmt.where(condition(reader_id))
        # Session.execute types every result as a Result; an UPDATE's is a CursorResult.
        result = cast("CursorResult[*tuple[Any, ...]]",
                      session.execute(stmt.execution_options(synchronize_session=False)))
        done += result.rowcount
    return done


def history_years(session: Session) -> int:
    return max(0, int(settings.get(session, HISTORY_YEARS)))


def _due_years(session: Session, years: int, today: dt.date) -> dict[int, list[int]]:
    """Reader -> the years (ended more than ``years`` ago) whose loans all came back."""
    first_kept = dt.datetime(today.year - years, 1, 1)
    rows = session.execute(
        select(Loan.reader_id, Loan.out_at, Loan.returned_at)
        .where(Loan.reader_id.is_not(None), Loan.out_at < first_kept)).all()
    open_years: set[tuple[int, int]] = set()
    found: dict[int, set[int]] = {}
    for reader_id, out_at, returned_at in rows:
        assert reader_id is not None  # the query keeps only loans with their reader
        found.setdefault(reader_id, set()).add(out_at.year)
        if returned_at is None:
            open_years.add((reader_id, out_at.year))
    return {r: sorted(y for y in ys if (r, y) not in open_years) for r, ys in found.items()
            if any((r, y) not in open_years for y in ys)}


def anonymise_old_loans(session: Session, *, years: int | None = None, actor: str) -> int:
    """Anonymise loan history older than the room's retention (or ``years``); returns how many loans."""
    permissions.require(session, actor, "privacy")
    years = history_years(session) if years is None else years
    if years <= 0:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "书屋没有设定借阅记录保留年数，不做匿名化。"))
    due = _due_years(session, years, clock.today())

    def in_years(reader_id: int):
        return or_(*[(Loan.out_at >= dt.datetime(y, 1, 1)) & (Loan.out_at < dt.datetime(y + 1, 1, 1))
                     for y in due[reader_id]])

    done = _anonymise(session, list(due), in_years) if due else 0
    if done:
        audit_log.record(session, "privacy", f"匿名化 {years} 年前的借阅记录 {done} 笔", actor)
    return done


def pending_count(session: Session, years: int | None = None) -> int:
    """How many loans ``anonymise_old_loans`` would anonymise now."""
    years = history_years(session) if years is None else years
    if years <= 0:
        return 0
    due = _due_years(session, years, clock.today())
    total = 0
    for reader_id, ys in due.items():
        for y in ys:
            total += session.execute(select(func.count(Loan.id)).where(
                Loan.reader_id == reader_id, Loan.out_at >= dt.datetime(y, 1, 1),
                Loan.out_at < dt.datetime(y + 1, 1, 1))).scalar_one()
    return total


# --- one reader ---------------------------------------------------------------------------------


def reader_data(session: Session, card: str, *, actor: str) -> dict:
    """Everything stored about the reader with ``card``: their record and their loans (for a data request)."""
    permissions.require(session, actor, "privacy")
    reader = _reader(session, card)
    loans = session.execute(
        select(Loan, Copy.barcode, Title.title, Loss.settled).join(Copy, Copy.id == Loan.copy_id)
        .join(Title, Title.id == Copy.title_id).outerjoin(Loss, Loss.loan_id == Loan.id)
        .where(Loan.reader_id == reader.id).order_by(Loan.out_at, Loan.id)).all()
    traces = person_traces.collect(session, reader)
    audit_log.record(session, "privacy", f"导出读者 {reader.card} 的个人信息", actor)
    return {
        "card": reader.card, "name": reader.name, "employee_no": reader.employee_no,
        "department": reader.department, "phone": reader.phone, "category": reader.category.name,
        "status": reader.status, "registered_on": reader.registered_on.isoformat(),
        "left_on": reader.left_on.isoformat() if reader.left_on else None, "notes": reader.notes,
        "loans": [{"barcode": barcode, "title": title, "out_at": loan.out_at.isoformat(sep=" "),
                   "due_on": loan.due_on.isoformat(),
                   "returned_at": loan.returned_at.isoformat(sep=" ") if loan.returned_at else None,
                   "renewals": loan.renewals, "override_reason": loan.override_reason,
                   "lost": lost} for loan, barcode, title, lost in loans],
        **traces,
    }


def export_reader(session: Session, card: str, path: Path | str, *, actor: str) -> Path:
    """Write ``reader_data`` as a JSON file (UTF-8, readable Chinese)."""
    data = reader_data(session, card, actor=actor)
    target = Path(path)
    with files.atomic_write(target) as temporary:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def erase_reader(session: Session, card: str, *, actor: str) -> int:
    """Erase the reader's personal data, keeping every statistic; returns how many loans were anonymised."""
    permissions.require(session, actor, "privacy")
    reader = _reader(session, card)
    open_loans = session.scalar(select(func.count(Loan.id)).where(Loan.reader_id == reader.id,
                                                                    Loan.returned_at.is_(None)))
    if open_loans:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "读者证“{card}”还有 {count} 册未还，还书后才能删除个人信息。"),
                      card=reader.card, count=open_loans)
    done = _anonymise(session, [reader.id])
    erased_card = ERASED_CARD.format(id=reader.id)
    person_traces.erase(session, reader, erased_card, actor=actor)  # while the row still says who they were
    reader.card = erased_card
    reader.name = ""
    reader.employee_no = ""
    reader.phone = ""
    reader.notes = ""
    reader.pinyin = ""
    session.flush()
    audit_log.record(session, "privacy", f"删除读者 {erased_card} 的个人信息（{done} 笔借阅已匿名化）", actor)
    return done


def is_erased(reader: Reader) -> bool:
    return reader.card.startswith("#")
