"""Shelves (书架): code, name and the class range they hold; which shelf a class goes to; counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.catalogue.clc import class_in_range, normalize_class_number, top_classes
from bookroom_desk.services.catalogue.titles import on_field
from bookroom_desk.services.common import permissions
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.services.common.entry import column_length, entry_text
from bookroom_desk.services.common.vocab import AVAILABLE, NOT_HOLDINGS, ON_LOAN
from bookroom_desk.store.models import Copy, Shelf
from bookroom_desk.text import QT_TRANSLATE_NOOP

_NAME = QT_TRANSLATE_NOOP("shelves", "书架名称")


@dataclass(frozen=True)
class ShelfRow:
    """A line of the shelf list: the shelf and how many copies it holds, on the shelf and on loan."""

    id: int
    code: str
    name: str
    class_from: str
    class_to: str
    notes: str
    copies: int  # holdings assigned to the shelf (not withdrawn or lost)
    on_shelf: int
    on_loan: int


def class_span(class_from: str, class_to: str) -> str:
    """A shelf's class range as the shelf list writes it ("D–E", "I2", "" for none)."""
    if class_from == class_to:
        return class_from
    return "–".join(part for part in (class_from, class_to) if part)


def list_shelves(session: Session) -> list[ShelfRow]:
    counts = {
        row.shelf_id: row for row in session.execute(
            select(Copy.shelf_id,
                   func.sum(case((Copy.status.not_in(NOT_HOLDINGS), 1), else_=0)).label("copies"),
                   func.sum(case((Copy.status == AVAILABLE, 1), else_=0)).label("on_shelf"),
                   func.sum(case((Copy.status == ON_LOAN, 1), else_=0)).label("on_loan"))
            .where(Copy.shelf_id.is_not(None)).group_by(Copy.shelf_id))
    }
    rows = []
    for shelf in session.scalars(select(Shelf).order_by(Shelf.code)):
        count = counts.get(shelf.id)
        rows.append(ShelfRow(shelf.id, shelf.code, shelf.name, shelf.class_from, shelf.class_to, shelf.notes,
                             int(count.copies or 0) if count else 0, int(count.on_shelf or 0) if count else 0,
                             int(count.on_loan or 0) if count else 0))
    return rows


def get_shelf(session: Session, shelf_id: int) -> Shelf:
    shelf = session.get(Shelf, shelf_id)
    if shelf is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这个书架（可能已被删除）。"))
    return shelf


def shelf_by_code(session: Session, code: str) -> Shelf | None:
    return session.scalar(select(Shelf).where(Shelf.code == normalize(code)))


def _bound(value: str, field_name: str) -> str:
    bound = normalize_class_number(value or "")
    if bound and bound[0] not in {c.code for c in top_classes()}:
        raise on_field(field_name, InvalidInput(
            QT_TRANSLATE_NOOP("BookroomError", "分类号“{value}”不在中图法的22个基本大类（A–Z）之中。"), value=value))
    return bound


def _clean(session: Session, code: str, name: str, class_from: str, class_to: str, shelf_id: int | None):
    code = normalize(code or "")
    if not code:
        raise on_field("code", InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请填写书架编号。")))
    if len(code) > column_length(Shelf.code):
        raise on_field("code", InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "书架编号最多20个字符。")))
    other = session.scalar(select(Shelf).where(Shelf.code == code, Shelf.id != (shelf_id or -1)))
    if other is not None:
        raise on_field("code", Conflict(QT_TRANSLATE_NOOP("BookroomError", "书架编号 {code} 已经有了。"), code=code))
    low, high = _bound(class_from, "class_from"), _bound(class_to, "class_to")
    if low and high and high < low and not high.startswith(low):
        raise on_field("class_to", InvalidInput(
            QT_TRANSLATE_NOOP("BookroomError", "分类范围的终点 {high} 排在起点 {low} 之前。"), low=low, high=high))
    try:
        name = entry_text(name, _NAME, Shelf.name, context="shelves")
    except InvalidInput as exc:
        raise on_field("name", exc) from None
    return code, name, low, high


def create_shelf(session: Session, code: str, name: str = "", class_from: str = "", class_to: str = "",
                 notes: str = "", *, actor: str) -> Shelf:
    permissions.require(session, actor, "shelves")
    code, name, low, high = _clean(session, code, name, class_from, class_to, None)
    shelf = Shelf(code=code, name=name or code, class_from=low, class_to=high, notes=notes)
    session.add(shelf)
    session.flush()
    return shelf


def update_shelf(session: Session, shelf_id: int, code: str, name: str, class_from: str, class_to: str,
                 notes: str = "", *, actor: str) -> Shelf:
    permissions.require(session, actor, "shelves")
    shelf = get_shelf(session, shelf_id)
    shelf.code, shelf.name, shelf.class_from, shelf.class_to = _clean(session, code, name, class_from, class_to,
                                                                      shelf_id)
    shelf.name = shelf.name or shelf.code
    shelf.notes = notes
    session.flush()
    return shelf


def delete_shelf(session: Session, shelf_id: int, *, actor: str) -> None:
    """Remove an empty shelf; a shelf that copies still stand on is refused."""
    permissions.require(session, actor, "shelves")
    shelf = get_shelf(session, shelf_id)
    count = session.scalar(select(func.count(Copy.id)).where(Copy.shelf_id == shelf_id,
                                                            Copy.status.not_in(NOT_HOLDINGS)))
    if count:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "书架 {code} 上还有 {count} 册书，请先把它们移到别的书架。"),
                      code=shelf.code, count=count)
    session.execute(Copy.__table__.update().where(Copy.shelf_id == shelf_id).values(shelf_id=None))
    session.delete(shelf)
    session.flush()


def shelf_for_class(session: Session, clc: str, shelves: list[Shelf] | None = None) -> Shelf | None:
    """The shelf whose class range holds ``clc``; the narrowest range wins, then the lowest code."""
    if not clc:
        return None
    holding = [s for s in (shelves if shelves is not None else session.scalars(select(Shelf)))
               if class_in_range(clc, s.class_from, s.class_to)]
    holding.sort(key=lambda s: (-len(s.class_from) - len(s.class_to), s.code))
    return holding[0] if holding else None


def ensure_shelf(session: Session, code: str, *, actor: str) -> Shelf:
    """The shelf with ``code``, created (named by its code, no range) when not yet known."""
    return shelf_by_code(session, code) or create_shelf(session, code, actor=actor)
