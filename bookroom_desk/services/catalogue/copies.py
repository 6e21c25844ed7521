"""Copies (册): adding them with barcodes, and their life — moved, repaired, withdrawn, lost, reinstated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.catalogue.shelves import get_shelf, shelf_for_class
from bookroom_desk.services.catalogue.titles import get_title
from bookroom_desk.services.common import clock, permissions, vocab
from bookroom_desk.services.common.actors import shown
from bookroom_desk.services.common.barcodes import Scheme, next_copy_barcodes, normalize
from bookroom_desk.services.common.entry import entry_text, visible
from bookroom_desk.services.common.money import parse_price
from bookroom_desk.store.models import Copy, CopyEvent, ImportBatch, Loan, Shelf
from bookroom_desk.store.models_reading import RoomRead
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Most copies added in one go from the editor (a delivery list goes through the importer).
MAX_AT_ONCE = 500
_REASON = QT_TRANSLATE_NOOP("copies", "原因")

#: CopyEvent kinds written here (the desk writes its own for loans).
EVENT_KINDS = {
    "added": QT_TRANSLATE_NOOP("copy_event", "入藏"),
    "moved": QT_TRANSLATE_NOOP("copy_event", "移架"),
    "repair": QT_TRANSLATE_NOOP("copy_event", "送修"),
    "repaired": QT_TRANSLATE_NOOP("copy_event", "修好上架"),
    "withdrawn": QT_TRANSLATE_NOOP("copy_event", "剔除"),
    "lost": QT_TRANSLATE_NOOP("copy_event", "遗失"),
    "reinstated": QT_TRANSLATE_NOOP("copy_event", "恢复"),
    "imported": QT_TRANSLATE_NOOP("copy_event", "导入"),
    "found": QT_TRANSLATE_NOOP("copy_event", "找回"),
    "missing": QT_TRANSLATE_NOOP("copy_event", "盘点缺失"),
}


@dataclass(frozen=True)
class CopyRow:
    """A line of a title's copy list."""

    id: int
    barcode: str
    status: str
    shelf_code: str
    shelf_id: int | None
    acquired_on: dt.date
    source: str
    price_paid: Decimal | None
    batch_id: int | None
    removed_on: dt.date | None
    removed_reason: str
    notes: str


def copies_of(session: Session, title_id: int) -> list[CopyRow]:
    rows = session.execute(
        select(Copy, Shelf.code).outerjoin(Shelf, Copy.shelf_id == Shelf.id)
        .where(Copy.title_id == title_id).order_by(Copy.barcode))
    return [CopyRow(c.id, c.barcode, c.status, code or "", c.shelf_id, c.acquired_on, c.source, c.price_paid,
                    c.batch_id, c.removed_on, c.removed_reason, c.notes) for c, code in rows]


def get_copy(session: Session, barcode: str) -> Copy:
    copy = session.scalar(select(Copy).where(Copy.barcode == normalize(barcode)))
    if copy is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "没有条码为 {code} 的图书。"), code=normalize(barcode))
    return copy


def check_new_barcodes(session: Session, barcodes: list[str], scheme: Scheme | None = None) -> list[str]:
    """Normalised barcodes for new copies: each fits the scheme, none repeated, none in use."""
    scheme = scheme or Scheme.load(session)
    codes = [normalize(code) for code in barcodes]
    seen: set[str] = set()
    for code in codes:
        if not scheme.is_copy(code):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "BookroomError", "条码“{code}”不符合本书屋的图书条码规则（{example}）。"),
                code=code, example=scheme.copy_barcode(1))
        if code in seen:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "条码“{code}”重复了。"), code=code)
        seen.add(code)
    used = session.scalars(select(Copy.barcode).where(Copy.barcode.in_(codes))).first() if codes else None
    if used:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "条码“{code}”已被使用。"), code=used)
    return codes


def add_copies(session: Session, title_id: int, count: int, *, source: str = "distribution",
               acquired_on: dt.date | None = None, price: Decimal | None = None, shelf_id: int | None = None,
               barcodes: list[str] | None = None, supplier: str = "", notes: str = "",
               actor: str) -> tuple[int, list[str]]:
    """Add ``count`` copies of a title as one batch: (batch id, their barcodes).

    Barcodes follow the room's scheme unless given; the shelf is the one holding the title's
    class unless chosen. The batch lets the labels of exactly these copies be printed later.
    """
    permissions.require(session, actor, "catalogue")
    title = get_title(session, title_id)
    if barcodes:
        count = len(barcodes)
    if not 1 <= count <= MAX_AT_ONCE:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "册数应在 1 到 {most} 之间。"), most=MAX_AT_ONCE)
    if source not in vocab.SOURCES:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请选择图书来源。"))
    supplier = entry_text(supplier, "供货单位", ImportBatch.supplier, context="book_import")
    notes, price = visible(notes or ""), parse_price(price)
    codes = check_new_barcodes(session, barcodes) if barcodes else next_copy_barcodes(session, count)
    shelf = get_shelf(session, shelf_id) if shelf_id else shelf_for_class(session, title.clc)
    now = clock.now()
    batch = ImportBatch(kind="manual", source=source, supplier=supplier, received_on=acquired_on or now.date(),
                        created_at=now, created_by=actor, rows=count)
    session.add(batch)
    session.flush()
    for code in codes:
        copy = Copy(barcode=code, title_id=title.id, shelf_id=shelf.id if shelf else None, status=vocab.AVAILABLE,
                    acquired_on=acquired_on or now.date(), source=source,
                    price_paid=price if price is not None else title.price, batch_id=batch.id, notes=notes)
        session.add(copy)
        session.flush()
        session.add(CopyEvent(copy_id=copy.id, at=now, kind="added", detail=vocab.SOURCES[source], by=actor))
    session.flush()
    return batch.id, codes


def _event(session: Session, copy: Copy, kind: str, detail: str, actor: str) -> None:
    session.add(CopyEvent(copy_id=copy.id, at=clock.now(), kind=kind, detail=detail, by=actor))
    session.flush()


def _open_loan(session: Session, copy: Copy) -> Loan | None:
    return session.scalar(select(Loan).where(Loan.copy_id == copy.id, Loan.returned_at.is_(None)))


def _refuse_on_loan(session: Session, copy: Copy) -> None:
    if copy.status == vocab.ON_LOAN or _open_loan(session, copy) is not None:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "{code} 正在借出，请先在扫码台办理归还。"), code=copy.barcode)


def move_copy(session: Session, barcode: str, shelf_id: int | None, *, actor: str) -> Copy:
    """Put a copy on another shelf (its home shelf; a copy on loan goes back there)."""
    copy = get_copy(session, barcode)
    shelf = get_shelf(session, shelf_id) if shelf_id else None
    if copy.shelf_id == (shelf.id if shelf else None):
        return copy
    before = copy.shelf.code if copy.shelf else "-"
    copy.shelf_id = shelf.id if shelf else None
    _event(session, copy, "moved", f"{before} → {shelf.code if shelf else '-'}", actor)
    return copy


def send_to_repair(session: Session, barcode: str, note: str = "", *, actor: str) -> Copy:
    copy = get_copy(session, barcode)
    _refuse_on_loan(session, copy)
    if copy.status not in (vocab.AVAILABLE, vocab.PROCESSING, vocab.MISSING):
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "{code} 现在是“{status}”，不能送修。"),
                      code=copy.barcode, status=vocab.label(vocab.COPY_STATUSES, copy.status))
    copy.status = vocab.REPAIR
    _event(session, copy, "repair", note, actor)
    return copy


def back_from_repair(session: Session, barcode: str, *, actor: str) -> Copy:
    copy = get_copy(session, barcode)
    if copy.status != vocab.REPAIR:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "{code} 不在修补中。"), code=copy.barcode)
    copy.status = vocab.AVAILABLE
    _event(session, copy, "repaired", "", actor)
    return copy


def _remove(session: Session, barcode: str, status: str, reason: str, actor: str) -> Copy:
    copy = get_copy(session, barcode)
    reason = entry_text(reason, _REASON, Copy.removed_reason, context="copies")
    if not reason:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请写明原因。"))
    if copy.status in vocab.NOT_HOLDINGS:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "{code} 已经是“{status}”。"),
                      code=copy.barcode, status=vocab.label(vocab.COPY_STATUSES, copy.status))
    _refuse_on_loan(session, copy)
    copy.status = status
    copy.removed_on = clock.today()
    copy.removed_reason = reason
    _event(session, copy, status, reason, actor)
    return copy


def withdraw(session: Session, barcode: str, reason: str, *, actor: str) -> Copy:
    """剔除: the copy leaves the holdings (and the 3,000 count) at once; the reason is kept."""
    permissions.require(session, actor, "withdraw")
    return _remove(session, barcode, vocab.WITHDRAWN, reason, actor)


def mark_lost(session: Session, barcode: str, reason: str, *, actor: str) -> Copy:
    """遗失: the copy leaves the holdings at once."""
    permissions.require(session, actor, "withdraw")
    return _remove(session, barcode, vocab.LOST, reason, actor)


def reinstate(session: Session, barcode: str, note: str = "", *, actor: str) -> Copy:
    """Back on the shelf after being withdrawn, lost, missing or in repair."""
    permissions.require(session, actor, "withdraw")
    copy = get_copy(session, barcode)
    if copy.status in (vocab.AVAILABLE, vocab.ON_LOAN):
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "{code} 现在是“{status}”，无需恢复。"),
                      code=copy.barcode, status=vocab.label(vocab.COPY_STATUSES, copy.status))
    before = copy.status
    copy.status = vocab.AVAILABLE
    copy.removed_on = None
    copy.removed_reason = ""
    _event(session, copy, "reinstated", note or vocab.COPY_STATUSES.get(before, before), actor)
    return copy


#: Events that leave a copy deletable: it was only ever added (or moved) and never used.
_UNUSED = ("added", "imported", "moved")


def delete_copy(session: Session, barcode: str, *, actor: str) -> None:
    """Remove a copy added by mistake: one never lent and with nothing in its history but being added.

    Anything that was used is withdrawn (剔除) instead, so its history and the room's figures stay true.
    """
    permissions.require(session, actor, "catalogue")
    copy = get_copy(session, barcode)
    used = session.scalar(select(Loan.id).where(Loan.copy_id == copy.id).limit(1)) is not None or \
        session.scalar(select(CopyEvent.id).where(CopyEvent.copy_id == copy.id,
                                                  CopyEvent.kind.not_in(_UNUSED)).limit(1)) is not None or \
        session.scalar(select(RoomRead.id).where(RoomRead.copy_id == copy.id).limit(1)) is not None  # 阅览
    if used or copy.status not in (vocab.AVAILABLE, vocab.PROCESSING):
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "{code} 已有借阅或处理记录，不能删除；不再收藏请用“剔除”。"),
                      code=copy.barcode)
    session.execute(CopyEvent.__table__.delete().where(CopyEvent.copy_id == copy.id))
    session.delete(copy)
    session.flush()


@dataclass(frozen=True)
class HistoryLine:
    """One event in a copy's life."""

    at: dt.datetime
    kind: str
    detail: str
    by: str


def history(session: Session, barcode: str) -> list[HistoryLine]:
    """The copy's events, oldest first (loans and returns from the desk included); who, as lists show it."""
    copy = get_copy(session, barcode)
    events = session.scalars(select(CopyEvent).where(CopyEvent.copy_id == copy.id)
                             .order_by(CopyEvent.at, CopyEvent.id))
    return [HistoryLine(e.at, e.kind, e.detail, shown(e.by)) for e in events]
