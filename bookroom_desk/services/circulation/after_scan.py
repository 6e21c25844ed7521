"""After a scan at the desk: taking the offer it made (return-then-lend, reinstate, a hold) and undoing it.

- An offer is taken whole or not at all: when a rule still refuses the lending it led to, nothing of it is
  kept and the refusal is shown. It asks the permission of the action it stands for first.
- Undo takes back everything the scan wrote (loans, renewals, shelving, copy events, a hold it touched),
  step by step in reverse, if nothing changed those rows since; otherwise it is refused and nothing changes.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict
from bookroom_desk.services.circulation import desk, holds
from bookroom_desk.services.circulation import statements as sql
from bookroom_desk.services.circulation.results import Offer, OpenShelf, ScanResult, Step, say
from bookroom_desk.services.common import permissions
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.services.common.vocab import AVAILABLE
from bookroom_desk.store.models import Copy, CopyEvent, Loan, Renewal
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: The permission each kind of offer needs: that of the action it stands for (copies.reinstate for "reinstate").
OFFER_PERMISSIONS: dict[str, str | None] = {"return_then_lend": None, "reinstate": "withdraw", "place_hold": None}


def accept_offer(session: Session, offer: Offer, *, actor: str) -> ScanResult:
    """Do what an offer proposed: return-then-lend, or reinstate (then lend when a reader was open).

    When a rule still refuses the lending, nothing of the offer is kept and the refusal is shown. The offer
    asks the permission of the action it stands for first (putting a copy back is an administrator's).
    """
    permission = OFFER_PERMISSIONS[offer.kind]
    if permission is not None:
        permissions.require(session, actor, permission)
    if offer.kind == "place_hold":
        return holds.accept_offer(session, offer, actor=actor)
    copy = sql.copy_row(session, copy_id=offer.copy_id)
    assert copy is not None  # the offer was made from this copy's row a moment ago
    savepoint = session.begin_nested()
    if offer.kind == "return_then_lend":
        first = desk.check_in(session, copy.barcode, actor=actor)
        text = QT_TRANSLATE_NOOP("circulation", "《{title}》已从{holder}处还回，并借给{name}，应还日期 {due}。")
    else:
        before = desk._state(copy)
        event = desk._set_status(session, copy.id, AVAILABLE, "reinstated", "扫码台恢复", actor)
        first = ScanResult("reinstated", say(Tone.OK, QT_TRANSLATE_NOOP("circulation", "《{title}》已恢复入藏，状态改为在架。"),
                                             {"title": copy.title}), None, code=copy.barcode, title=copy.title,
                           steps=(Step("restore", copy.id, before, events=(event,)),))
        text = QT_TRANSLATE_NOOP("circulation", "《{title}》已改为在架，并借给{name}，应还日期 {due}。")
    if offer.reader_id is None or first.action not in ("returned", "reinstated"):
        savepoint.commit()
        return first
    lent = desk.check_out(session, offer.reader_id, copy.barcode, actor=actor)
    if lent.action != "lent":
        savepoint.rollback()
        return lent
    savepoint.commit()
    return ScanResult("lent", say(Tone.OK, text, dict(lent.feedback.params, holder=first.reader_name)), lent.reader_id,
                      code=lent.code, title=lent.title, reader_name=lent.reader_name, due_on=lent.due_on,
                      steps=first.steps + lent.steps)


# --- undoing -------------------------------------------------------------------------------


def undo(session: Session, result: ScanResult, *, actor: str, reader_id: int | None = None,
         shelf: OpenShelf | None = None) -> ScanResult:
    """Take back everything ``result`` wrote, if nothing changed those rows since; ``reader_id`` (or the
    shelf open for shelving) stays open."""
    for step in reversed(result.steps):
        copy = session.get(Copy, step.copy_id)
        if copy is None:  # deleted since: nothing left to put back
            raise _changed(copy)
        loan = session.get(Loan, step.loan_id) if step.loan_id else None
        if step.action == "lend":
            if loan is None or loan.returned_at is not None or loan.renewals:
                raise _changed(copy)
            session.delete(loan)
        elif step.action == "return":
            if loan is None or loan.returned_at is None or desk._open_loan(session, copy.id) is not None:
                raise _changed(copy)
            loan.returned_at = None
            loan.returned_by = ""
        elif step.action == "renew":
            renewal = session.get(Renewal, step.renewal_id)
            if loan is None or renewal is None or loan.returned_at is not None or loan.due_on != renewal.new_due_on:
                raise _changed(copy)
            assert step.due_before is not None  # a renew step always records the due date it replaced
            loan.due_on = step.due_before
            loan.renewals -= 1
            session.delete(renewal)
        elif step.action == "shelve":
            if copy.shelf_id != step.shelf_after:
                raise _changed(copy)
            copy.shelf_id = step.shelf_before
        for event_id in step.events:
            event = session.get(CopyEvent, event_id)
            if event is not None:
                session.delete(event)
        copy.status, copy.removed_on, copy.removed_reason = step.copy_before
        session.flush()
        if step.hold_id is not None and step.hold_before is not None:
            holds.restore(session, step.hold_id, step.hold_before)
    return ScanResult("undone", say(Tone.OK, QT_TRANSLATE_NOOP("circulation", "已撤销：{what}"), {"what": result.feedback}),
                      reader_id, code=result.code, title=result.title, reader_name=result.reader_name,
                      shelf=shelf)


def _changed(copy: Copy | None) -> Conflict:
    return Conflict(QT_TRANSLATE_NOOP("BookroomError", "无法撤销：条码“{code}”之后又有了新的借还记录。"),
                    code=copy.barcode if copy else "")
