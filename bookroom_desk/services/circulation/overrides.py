"""An administrator's override of a desk refusal (借满, 逾期, 为他人预约保留, any refusal registered here), with a reason.

Decisions:

- A refusal an administrator may let through carries an ``Offer`` of kind "override" naming every such
  refusal that applies to this lending (借满 and 逾期 at once are let through together, with one reason).
  A refusal kind is a name in ``REFUSALS``; a new one (e.g. a copy held for another reader) is added with
  :func:`overridable` and checked in ``desk.check_out`` unless it is in ``overriding``, its refusal carrying
  ``results.override_offer(...)`` (desk.py imports results.py, never this module).
- Only an administrator overrides (permission "override"), with a reason that is not empty. A volunteer is
  told the refusal and that an administrator can let it through (F10).
- The override is kept on the loan itself (``override_kinds``, ``override_reason``, ``override_by``): the
  reader's history shows it, and the audit log reads it from there as it reads every loan, so undoing the
  loan at the desk (Ctrl+Z) takes the override back with it and nothing else needs undoing.
- A copy kept for another reader's hold (预约保留, "held"): lent past it, the hold is not filled. As Koha
  does, it waits again at its place in the queue and the next copy of the title checked in serves it
  (holds.release); undo puts the copy and the hold back on the hold shelf.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.circulation import desk, holds, statements
from bookroom_desk.services.circulation.results import OVERRIDE as OVERRIDE  # the offer's kind, named here too
from bookroom_desk.services.circulation.results import OVERRIDE_TEXT, Offer, ScanResult, override_offer, say
from bookroom_desk.services.common import permissions
from bookroom_desk.services.common.entry import entry_text
from bookroom_desk.services.common.feedback import Feedback, Tone
from bookroom_desk.store.models import Loan
from bookroom_desk.store.models_holds import Hold
from bookroom_desk.text import QT_TRANSLATE_NOOP

CONTEXT = "overrides"
#: The refusals an administrator may let through: name -> what it is, as the messages and the history say it.
REFUSALS: dict[str, str] = {
    "limit": QT_TRANSLATE_NOOP("overrides", "已借满"),
    "overdue": QT_TRANSLATE_NOOP("overrides", "有逾期未还"),
}
OFFER_TEXT = OVERRIDE_TEXT
_AND = QT_TRANSLATE_NOOP("overrides", "{first}、{rest}")
_REASON = QT_TRANSLATE_NOOP("overrides", "放行原因")
NO_OVERRIDE = QT_TRANSLATE_NOOP("circulation", "现在没有可以放行的拒绝。")


def overridable(name: str, label: str) -> None:
    """Register a refusal an administrator may let through (``label`` marked under the "overrides" context)."""
    REFUSALS[name] = label


overridable(holds.HELD_REFUSAL, QT_TRANSLATE_NOOP("overrides", "为他人预约保留"))  # the hold waits again (holds.release)


def what(refusals: tuple[str, ...] | list[str]) -> Feedback:
    """The refusals named in words (a Feedback, so they show in the reader's language)."""
    first = Feedback(Tone.OK, REFUSALS.get(refusals[0], refusals[0]), {}, CONTEXT)
    if len(refusals) == 1:
        return first
    return Feedback(Tone.OK, _AND, {"first": first, "rest": what(refusals[1:])}, CONTEXT)


offer = override_offer  # the offer desk.check_out makes (in results.py, which desk.py imports)


def may_override(session: Session, *, actor: str) -> bool:
    """Whether ``actor`` may override (asked before the reason is asked for)."""
    return permissions.role_of(session, actor) == permissions.ADMIN


def clean_reason(reason: str | None) -> str:
    """The reason as stored; InvalidInput when empty."""
    text = entry_text(reason, _REASON, 500, context=CONTEXT)
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请写明放行的原因。"))
    return text


def accept(session: Session, offer: Offer, reason: str | None, *, actor: str) -> ScanResult:
    """Lend past the refusals ``offer`` names, keeping the reason and the administrator on the loan.

    Refused (nothing written) for a volunteer or an empty reason; when another rule still refuses the lending,
    that refusal comes back and nothing is written.
    """
    if offer.kind != OVERRIDE or offer.reader_id is None:
        raise ValueError(f"not an override: {offer.kind}")
    permissions.require(session, actor, "override")
    text = clean_reason(reason)
    copy = statements.copy_row(session, copy_id=offer.copy_id)
    assert copy is not None  # the offer was made from this copy's row a moment ago
    savepoint = session.begin_nested()
    lent = desk.check_out(session, offer.reader_id, copy.barcode, actor=actor, overriding=offer.refusals)
    if lent.action != "lent":
        savepoint.rollback()
        return lent
    loan_id = lent.steps[-1].loan_id
    session.execute(update(Loan).where(Loan.id == loan_id).values(
        override_kinds=",".join(offer.refusals), override_reason=text, override_by=actor))
    savepoint.commit()
    held = session.identity_map.get((Loan, (loan_id,), None))
    if held is not None:
        session.expire(held)
    params = dict(lent.feedback.params, what=what(offer.refusals), reason=text)
    said = QT_TRANSLATE_NOOP("circulation", "管理员放行（{what}）：借出《{title}》给{name}，应还日期 {due}。原因：{reason}")
    released = lent.steps[-1].hold_id if holds.HELD_REFUSAL in offer.refusals else None
    hold = session.get(Hold, released) if released is not None else None
    if hold is not None:  # the copy was kept for another reader's hold, which waits again
        params["holder"] = hold.reader.name
        said = QT_TRANSLATE_NOOP("circulation", "管理员放行（{what}）：借出《{title}》给{name}，应还日期 {due}。原因：{reason}。"
                                                "{holder}的预约仍在，下一册还回时留给{holder}。")
    return ScanResult("lent", say(Tone.WARNING, said, params),
        lent.reader_id, code=lent.code, title=lent.title, reader_name=lent.reader_name, due_on=lent.due_on,
        steps=lent.steps)
