"""Renewing loans at the desk: one loan, or every loan of the reader that the rules allow."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import NotFound
from bookroom_desk.services.circulation.desk import _state
from bookroom_desk.services.circulation.results import ScanResult, Step, _refused, say
from bookroom_desk.services.common import calendar, clock
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.store.models import Loan, Reader, Renewal
from bookroom_desk.text import QT_TRANSLATE_NOOP


def _renew_one(session: Session, loan: Loan, actor: str,
               late: calendar.LateCounter) -> tuple[Step | None, str, dict[str, Any]]:
    """Renew ``loan`` if the rules allow; returns its step, or None with the reason.

    An overdue loan is refused: one at least one day late by the room's count (open days if it says so), so
    on a closed day right after the due date a loan no open day has passed for may still be renewed.
    """
    reader = loan.reader
    assert reader is not None  # an open loan keeps its reader: only returned loans are anonymised
    category = reader.category
    params: dict[str, Any] = {"title": loan.copy.title.title, "due": loan.due_on, "name": reader.name}
    if reader.status != "active":
        return None, QT_TRANSLATE_NOOP("circulation", "{name}的读者证不能使用，不能续借。"), params
    days_late = late(loan.due_on, clock.today())
    if days_late > 0:
        params["days"] = days_late
        return None, QT_TRANSLATE_NOOP("circulation", "《{title}》已逾期 {days} 天，不能续借，请先归还。"), params
    if loan.renewals >= category.renewals:
        params["max"] = category.renewals
        return None, QT_TRANSLATE_NOOP("circulation", "《{title}》已续借 {max} 次，达到上限。"), params
    new_due = calendar.due_date(session, clock.today(), category.loan_days, category.loan_days_open)
    if new_due <= loan.due_on:
        return None, QT_TRANSLATE_NOOP("circulation", "《{title}》应还日期是 {due}，现在续借不会延长借期。"), params
    renewal = Renewal(loan_id=loan.id, at=clock.now(), old_due_on=loan.due_on, new_due_on=new_due, by=actor)
    session.add(renewal)
    session.flush()
    step = Step("renew", loan.copy_id, _state(loan.copy), loan_id=loan.id, renewal_id=renewal.id,
                due_before=loan.due_on)
    loan.due_on = new_due
    loan.renewals += 1
    return step, QT_TRANSLATE_NOOP("circulation", "《{title}》已续借，应还日期改为 {due}。"), dict(params, due=new_due)


def renew(session: Session, loan_id: int, *, actor: str) -> ScanResult:
    """Renew one open loan."""
    loan = session.get(Loan, loan_id)
    if loan is None or loan.returned_at is not None:
        return _refused(QT_TRANSLATE_NOOP("circulation", "这笔借阅已归还，不能续借。"), loan.reader_id if loan else None)
    step, text, params = _renew_one(session, loan, actor, calendar.LateCounter(session))
    if step is None:
        return ScanResult("refused", say(Tone.REFUSED, text, params), loan.reader_id, code=loan.copy.barcode,
                          title=params["title"])
    return ScanResult("renewed", say(Tone.OK, text, params), loan.reader_id, code=loan.copy.barcode,
                      title=params["title"], reader_name=params["name"], due_on=loan.due_on, steps=(step,))


def renew_all(session: Session, reader_id: int, *, actor: str) -> ScanResult:
    """Renew every open loan of the reader that the rules allow; say how many could not be."""
    reader = session.get(Reader, reader_id)
    if reader is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到该读者。"))
    loans = list(session.scalars(select(Loan).where(Loan.reader_id == reader_id, Loan.returned_at.is_(None))
                                 .order_by(Loan.due_on, Loan.id)))
    if not loans:
        return _refused(QT_TRANSLATE_NOOP("circulation", "{name}没有在借的书。"), reader_id, name=reader.name)
    steps: list[Step] = []
    refusals: list[str] = []
    late = calendar.LateCounter(session)  # the setting and calendar read once for all the loans
    for loan in loans:
        step, text, params = _renew_one(session, loan, actor, late)
        if step is None:
            refusals.append(say(Tone.REFUSED, text, params).message())
        else:
            steps.append(step)
    params = {"name": reader.name, "count": len(steps), "failed": len(refusals), "why": refusals[0] if refusals else ""}
    if not steps:
        why = QT_TRANSLATE_NOOP("circulation", "没有可以续借的书：{why}")
        return ScanResult("refused", say(Tone.REFUSED, why, params), reader_id, reader_name=reader.name)
    text = (QT_TRANSLATE_NOOP("circulation", "{name}续借了 {count} 册；{failed} 册不能续借：{why}") if refusals
            else QT_TRANSLATE_NOOP("circulation", "{name}续借了 {count} 册。"))
    return ScanResult("renewed", say(Tone.WARNING if refusals else Tone.OK, text, params), reader_id,
                      reader_name=reader.name, steps=tuple(steps))


def sole_loan(session: Session, reader_id: int) -> int | None:
    """The reader's open loan when they have exactly one (F5 with none chosen renews it); else None."""
    loans = session.scalars(select(Loan.id).where(Loan.reader_id == reader_id, Loan.returned_at.is_(None))
                            .limit(2)).all()
    return loans[0] if len(loans) == 1 else None
