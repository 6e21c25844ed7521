"""Renumbering (重编种次号): the titles of a class range given 种次号 1, 2, 3 … in each class, in shelf order.

After a room changes its shelving scheme (种次号 instead of 著者号, numbers from an old ledger or a
supplier's list, gaps), the titles of a class range get fresh numbers class by class. Titles keep
the order they stand in (those numbered in their own class first, by shelf order; the others after
them, in the order catalogued), so the books move only as far as their new labels say. Titles
that shared a 种次号 keep sharing the new one with their own marks (``I247/12`` and ``I247/12:2``
become ``I247/5`` and ``I247/5:2``); numbers a title outside the range holds are skipped.
:func:`preview` shows old → new; :func:`apply` stores a preview whole or not at all, audited, and
names the copies whose spine labels are to be printed again, in shelf order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict, InvalidInput
from bookroom_desk.services.catalogue import search
from bookroom_desk.services.catalogue.clc import class_in_range, validate_class_number
from bookroom_desk.services.catalogue.label_items import SPINE, Selection
from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.services.catalogue.titles import split_call_number
from bookroom_desk.services.common import audit_log, permissions
from bookroom_desk.services.common.vocab import NOT_HOLDINGS
from bookroom_desk.store.models import CallNumberCounter, Copy, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP

_MARKS_AFTER = re.compile(r"^[^/]+/\d+(?P<rest>.*)$")
_QUERY_CHUNK = 500  # stay under SQLite's bound-parameter limit


@dataclass(frozen=True)
class Change:
    """One title's call number before and after."""

    title_id: int
    title: str
    clc: str
    old: str
    new: str
    order_no: int
    copies: int  # copies held (not withdrawn or lost): their spine labels change


@dataclass(frozen=True)
class Plan:
    """What renumbering a class range would do: the changes, in the new shelf order, and the titles left as they are."""

    from_class: str
    to_class: str
    changes: tuple[Change, ...]
    unchanged: int
    last_numbers: dict[str, int] = field(default_factory=dict)  # each class's highest 种次号 afterwards

    @property
    def copies(self) -> int:
        return sum(change.copies for change in self.changes)


@dataclass(frozen=True)
class Applied:
    """What :func:`apply` stored, and the spine labels to print for the copies whose call number changed."""

    titles: int
    barcodes: tuple[str, ...]  # in shelf order

    @property
    def labels(self) -> tuple[str, Selection]:
        """The label kind and selection to hand to label_items.gather (or the label dialog)."""
        return SPINE, Selection(codes=self.barcodes)


def class_range(from_class: str, to_class: str) -> tuple[str, str]:
    """The range's bounds, checked and normalised, low first (a range typed backwards is turned round)."""
    low, high = validate_class_number(from_class), validate_class_number(to_class)
    return (high, low) if high < low else (low, high)


def _titles_in(session: Session, low: str, high: str) -> list:
    letters = func.substr(Title.clc, 1, 1)  # single capitals compare alike in every collation
    rows = session.execute(select(Title.id, Title.title, Title.clc, Title.call_number, Title.shelf_key)
                           .where(Title.clc != "", letters >= low[0], letters <= high[0])).all()
    return [row for row in rows if class_in_range(row.clc, low, high)]


def _held_copies(session: Session, title_ids: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for start in range(0, len(title_ids), _QUERY_CHUNK):
        chunk = title_ids[start:start + _QUERY_CHUNK]
        counts.update(session.execute(select(Copy.title_id, func.count(Copy.id)).where(
            Copy.title_id.in_(chunk), Copy.status.not_in(NOT_HOLDINGS)).group_by(Copy.title_id)).all())
    return counts


def _taken_elsewhere(session: Session, clc: str, inside: set[int]) -> set[int]:
    """种次号 of ``clc`` held by titles outside the range (a call number typed by hand in another class)."""
    rows = session.execute(select(Title.id, Title.call_number).where(Title.call_number.like(clc + "/%")))
    taken = set()
    for title_id, call_number in rows:
        klass, order = split_call_number(call_number)
        if title_id not in inside and klass == clc and order is not None:
            taken.add(order)
    return taken


def _renumber_class(clc: str, rows: list, taken: set[int]) -> list[tuple[Any, str, int]]:
    """(row, new call number, new 种次号) for each title of one class, in their new order."""
    def numbered_here(row) -> int | None:
        klass, order = split_call_number(row.call_number)
        return order if klass == clc else None

    def place(row) -> tuple[bool, str, int]:  # numbered here first, by shelf order; the others as catalogued
        here = numbered_here(row) is not None
        return not here, row.shelf_key if here else "", row.id

    ordered = sorted(rows, key=place)
    given: dict[int, int] = {}  # old 种次号 → new, for titles sharing one
    result = []
    number = 0
    for row in ordered:
        old_order = numbered_here(row)
        if old_order is not None and old_order in given:
            new_order = given[old_order]
        else:
            number += 1
            while number in taken:
                number += 1
            new_order = number
            if old_order is not None:
                given[old_order] = new_order
        marks = _MARKS_AFTER.match(row.call_number)
        rest = marks.group("rest") if marks and old_order is not None else ""
        result.append((row, f"{clc}/{new_order}{rest}", new_order))
    return result


def preview(session: Session, from_class: str, to_class: str) -> Plan:
    """What renumbering the classes ``from_class``–``to_class`` (as shelf ranges read them) would change."""
    low, high = class_range(from_class, to_class)
    rows = _titles_in(session, low, high)
    by_class: dict[str, list] = defaultdict(list)
    for row in rows:
        by_class[row.clc].append(row)
    inside = {row.id for row in rows}
    planned: list[tuple[Any, str, int]] = []
    last_numbers: dict[str, int] = {}
    for clc in sorted(by_class, key=lambda c: shelf_key(c)):
        numbered = _renumber_class(clc, by_class[clc], _taken_elsewhere(session, clc, inside))
        last_numbers[clc] = max(order for _, _, order in numbered)
        planned.extend(numbered)
    changed = [(row, new, order) for row, new, order in planned if new != row.call_number]
    counts = _held_copies(session, [row.id for row, _, _ in changed])
    changes = tuple(Change(row.id, row.title, row.clc, row.call_number, new, order, counts.get(row.id, 0))
                    for row, new, order in changed)
    return Plan(low, high, changes, len(planned) - len(changes), last_numbers)


def _same_plan(fresh: Plan, plan: Plan) -> bool:
    def moves(p: Plan) -> list[tuple[int, str, str]]:
        return [(c.title_id, c.old, c.new) for c in p.changes]

    return moves(fresh) == moves(plan) and fresh.last_numbers == plan.last_numbers


def apply(session: Session, plan: Plan, *, actor: str) -> Applied:
    """Store ``plan`` whole, or nothing if the titles changed since it was made (Conflict: preview again)."""
    permissions.require(session, actor, "catalogue")
    if not plan.changes:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "分类号 {low}–{high} 的索书号已经是连续的种次号，没有要改的。"),
                           low=plan.from_class, high=plan.to_class)
    if not _same_plan(preview(session, plan.from_class, plan.to_class), plan):
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "预览之后书目有了改动（有人编目或改了索书号），请重新预览再应用。"))
    ids = [change.title_id for change in plan.changes]
    titles: dict[int, Title] = {}
    for start in range(0, len(ids), _QUERY_CHUNK):
        titles.update((t.id, t) for t in session.scalars(select(Title).where(Title.id.in_(ids[start:start + _QUERY_CHUNK]))))
    for change in plan.changes:
        title = titles[change.title_id]
        title.call_number, title.order_no, title.shelf_key = change.new, change.order_no, shelf_key(change.new)
        search.fill_keys(title)  # the call number is searched too
    for clc, last in plan.last_numbers.items():
        counter = session.get(CallNumberCounter, clc)
        if counter is None:
            session.add(CallNumberCounter(clc=clc, last_number=last))
        else:  # the next title of the class follows the new numbers, not the old highest
            counter.last_number = last
    session.flush()
    sample = "；".join(f"{c.old or '-'}→{c.new}" for c in plan.changes[:5]) + ("…" if len(plan.changes) > 5 else "")
    audit_log.record(session, "renumber", f"{plan.from_class}–{plan.to_class}：{len(plan.changes)} 种（{sample}）",
                     actor)
    return Applied(len(plan.changes), tuple(_relabelled(session, ids)))


def _relabelled(session: Session, title_ids: list[int]) -> list[str]:
    """The barcodes of the copies held of ``title_ids``, in their new shelf order."""
    copies: list[Any] = []
    for start in range(0, len(title_ids), _QUERY_CHUNK):
        copies.extend(session.execute(
            select(Title.shelf_key, Title.id, Copy.volume_key, Copy.barcode).join(Title, Copy.title_id == Title.id)
            .where(Title.id.in_(title_ids[start:start + _QUERY_CHUNK]), Copy.status.not_in(NOT_HOLDINGS))).all())
    copies.sort(key=lambda c: (c.shelf_key, c.id, c.volume_key, c.barcode))  # as shelf_order.copy_order
    return [c.barcode for c in copies]
