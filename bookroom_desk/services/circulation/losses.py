"""A reader reports a book lost (遗失): the copy leaves the holdings and the loan closes as lost, with how it was settled.

Decisions:

- Three settlements, never a fine: 以书赔书 (the reader brings a copy of the same title: added to the catalogue
  with its barcode, on the lost copy's shelf and at its price), 照价赔偿 (the price paid, by default the
  copy's own price or else its title's), 免赔 (waived).
- The loan closes as lost, not returned: ``returned_at`` is set so the copy has no open loan, and the
  ``losses`` row says it was lost; the reader's history and the audit log show it as such.
- The copy becomes 遗失 with a CopyEvent "lost" (the audit log's 剔除与恢复 shows it, with the settlement);
  it leaves the holdings at once (holdings.NOT_HOLDINGS). Writing a copy off is an administrator's (permission
  "withdraw", as in the catalogue), and adding the replacement is too.
- Everything is checked before anything is written: a replacement barcode already in use, an amount that is
  no amount, a copy not lent to this reader: a clear message and nothing stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput, NotFound, Refused
from bookroom_desk.services.catalogue import copies
from bookroom_desk.services.common import clock, permissions, vocab
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.services.common.money import parse_price
from bookroom_desk.store.models import Copy, CopyEvent, Loan, Loss, Reader
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "losses"
REPLACED, PAID, WAIVED = "replaced", "paid", "waived"
SETTLEMENTS: dict[str, str] = {
    REPLACED: QT_TRANSLATE_NOOP("losses", "以书赔书"),
    PAID: QT_TRANSLATE_NOOP("losses", "照价赔偿"),
    WAIVED: QT_TRANSLATE_NOOP("losses", "免赔"),
}
# What the copy's record and history keep, in the room's own language (as every stored reason is).
_DETAIL = {
    REPLACED: "读者报告遗失，以书赔书（新书 {new}）",
    PAID: "读者报告遗失，照价赔偿 {amount} 元",
    WAIVED: "读者报告遗失，免赔",
}


def label(settled: str) -> str:
    return translate(CONTEXT, SETTLEMENTS.get(settled, settled))


@dataclass(frozen=True)
class Reported:
    """What a loss report did."""

    loss_id: int
    barcode: str
    title: str
    settled: str
    amount: Decimal | None
    new_barcode: str | None


def loan_of(session: Session, card: str, barcode: str) -> int:
    """The open loan of copy ``barcode`` to the reader with ``card``; NotFound or Refused otherwise."""
    reader = session.scalar(select(Reader).where(Reader.card == normalize(card)))
    if reader is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "读者证“{card}”未登记。"), card=normalize(card))
    copy = copies.get_copy(session, barcode)
    loan_id = session.scalar(select(Loan.id).where(Loan.copy_id == copy.id, Loan.reader_id == reader.id,
                                                   Loan.returned_at.is_(None)))
    if loan_id is None:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "{code} 没有借给读者证 {card}，不能由这位读者报告遗失。"),
                      code=copy.barcode, card=reader.card)
    return loan_id


def default_amount(session: Session, loan_id: int) -> Decimal | None:
    """The price a reader pays by default for the copy of this loan: the copy's own, else its title's."""
    loan = session.get(Loan, loan_id)
    if loan is None:
        return None
    return loan.copy.price_paid if loan.copy.price_paid is not None else loan.copy.title.price


def report_lost(session: Session, loan_id: int, settled: str, *, amount: str | Decimal | None = None,
                new_barcode: str | None = None, actor: str) -> Reported:
    """The reader of open loan ``loan_id`` lost the copy; settled ``settled`` (a key of SETTLEMENTS)."""
    permissions.require(session, actor, "withdraw")
    loan = session.get(Loan, loan_id)
    if loan is None or loan.returned_at is not None:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "这笔借阅已经归还或不存在，不能报告遗失。"))
    copy: Copy = loan.copy
    if settled not in SETTLEMENTS:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请选择遗失的处理方式：以书赔书、照价赔偿或免赔。"))
    if settled != PAID and amount not in (None, ""):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "只有照价赔偿才写赔偿金额。"))
    if settled != REPLACED and new_barcode:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "只有以书赔书才写新书的条码。"))
    paid: Decimal | None = None
    codes: list[str] = []
    if settled == REPLACED:
        if not (new_barcode or "").strip():
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "以书赔书：请扫描或输入赔来的新书的条码。"))
        permissions.require(session, actor, "catalogue")
        codes = copies.check_new_barcodes(session, [new_barcode or ""])  # refused when in use, before any write
    elif settled == PAID:
        paid = parse_price(amount) if amount not in (None, "") else default_amount(session, loan_id)
        if paid is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "这一册没有登记价格，请写明赔偿金额。"))
        if paid <= 0:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "赔偿金额应大于 0；不收赔偿请选“免赔”。"))
    new_copy_id: int | None = None
    if codes:
        price = copy.price_paid if copy.price_paid is not None else copy.title.price
        copies.add_copies(session, copy.title_id, 1, source="other", price=price, shelf_id=copy.shelf_id,
                          barcodes=codes, notes=f"赔偿遗失的 {copy.barcode}", actor=actor)
        new_copy_id = session.scalar(select(Copy.id).where(Copy.barcode == codes[0]))
    now = clock.now()
    detail = _DETAIL[settled].format(new=codes[0] if codes else "", amount=paid)
    loan.returned_at, loan.returned_by = now, actor
    copy.status, copy.removed_on, copy.removed_reason = vocab.LOST, now.date(), detail
    session.add(CopyEvent(copy_id=copy.id, at=now, kind="lost", detail=detail, by=actor))
    loss = Loss(loan_id=loan.id, copy_id=copy.id, at=now, settled=settled, amount=paid, new_copy_id=new_copy_id,
                by=actor)
    session.add(loss)
    session.flush()
    return Reported(loss.id, copy.barcode, copy.title.title, settled, paid, codes[0] if codes else None)
