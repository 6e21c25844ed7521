"""Stocktake (盘点) counting: start one, scan shelf labels and copies, load a data collector's file.

Decisions (shown in the page's help and the report):

- Expected on the shelves (应在架): copies in the holdings whose home shelf is in scope — for an
  all-shelves stocktake every copy in the holdings, with or without a shelf — and whose status
  is 在架 or 缺失. Copies 借出 are expected off the shelf, and so are copies 修补 and 加工中 (they
  are at the workbench; like the big systems, a copy in a work order is never reported
  missing). When such a copy turns up on a shelf it counts as found.
- A copy scanned before any shelf label is refused with the hint to scan the shelf label first;
  a file whose first code is not a shelf label is rejected whole.
- Shelf-label scans are recorded too (copy_id NULL, shelf_id the shelf, barcode the label), so
  the current shelf survives a restart: it is the shelf of the stocktake's last scan.
- Reader cards and back-cover ISBNs are refused (they are not a copy's label); any other code is
  recorded, as a copy or as an unknown barcode.
- The desk keeps working during a stocktake: a copy back from a loan after counting began is not
  reported missing (it may have been shelved after its shelf was counted), and a copy lent after
  it was scanned keeps its loan when the results are applied.
- One open stocktake at a time, checked under the write lock (SQLite's, or PostgreSQL's advisory lock).
- Several desks may count one stocktake at once, each on its own shelf: a desk passes its current
  shelf with each scan; the scans merge into one numbered sequence.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, func, insert, select, true
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.barcodes import ScanKind, Scheme, normalize
from bookroom_desk.services.common.entry import entry_text, visible
from bookroom_desk.services.common.feedback import Feedback, Tone
from bookroom_desk.services.common.vocab import NOT_HOLDINGS, ON_LOAN, SHELVED
from bookroom_desk.store.models import Copy, Shelf, Title
from bookroom_desk.store.models_stocktake import Stocktake, StocktakeScan, StocktakeShelf
from bookroom_desk.text import QT_TRANSLATE_NOOP

CONTEXT = "stocktake"
#: The kinds a scan can have; the first five are also result categories.
KINDS = ("verified", "misplaced", "on_loan_found", "withdrawn_found", "unknown", "repeated", "shelf", "refused")


def scope_condition(stocktake: Stocktake):
    """SQL: a copy whose home shelf is in the stocktake's scope."""
    if stocktake.all_shelves:
        return true()
    return Copy.shelf_id.in_(select(StocktakeShelf.shelf_id).where(StocktakeShelf.stocktake_id == stocktake.id))


def expected_condition(stocktake: Stocktake):
    """SQL: a copy expected on the shelves of ``stocktake`` (see the module's decisions)."""
    return Copy.status.in_(SHELVED) & scope_condition(stocktake)


def item_scans(stocktake_id: int, scheme: Scheme):
    """SQL: the stocktake's scans of items (copies and unknown codes), shelf labels left out."""
    prefix = scheme.shelf_prefix
    is_label = StocktakeScan.copy_id.is_(None) & (func.substr(StocktakeScan.barcode, 1, len(prefix)) == prefix)
    return (StocktakeScan.stocktake_id == stocktake_id) & ~is_label if prefix else (
        StocktakeScan.stocktake_id == stocktake_id)


# --- starting, finding, the scope ----------------------------------------------------------


def open_stocktake(session: Session) -> Stocktake | None:
    """The stocktake in progress, if any."""
    return session.scalar(select(Stocktake).where(Stocktake.finished_at.is_(None)).order_by(Stocktake.id))


def get_stocktake(session: Session, stocktake_id: int) -> Stocktake:
    stocktake = session.get(Stocktake, stocktake_id)
    if stocktake is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到编号为 {id} 的盘点。"), id=stocktake_id)
    return stocktake


def require_open(session: Session, stocktake_id: int) -> Stocktake:
    stocktake = get_stocktake(session, stocktake_id)
    if stocktake.finished_at is not None:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "这次盘点已经结束，不能再扫描。"))
    return stocktake


def start(session: Session, shelf_ids: Iterable[int] | None = None, *, name: str = "", notes: str = "",
          actor: str) -> Stocktake:
    """Start a stocktake of the chosen shelves (None: every shelf). Call inside a write session."""
    if open_stocktake(session) is not None:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "已有一次盘点正在进行，请先完成它。"))
    chosen = sorted(set(shelf_ids)) if shelf_ids is not None else None
    if chosen is not None:
        if not chosen:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请至少选择一个书架。"))
        known = set(session.scalars(select(Shelf.id).where(Shelf.id.in_(chosen))))
        if len(known) != len(chosen):
            raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这个书架（可能已被删除）。"))
    name = entry_text(name, QT_TRANSLATE_NOOP("stocktake", "盘点名称"), Stocktake.name, context="stocktake")
    now = clock.now()
    stocktake = Stocktake(name=name, all_shelves=chosen is None, started_at=now,
                          started_by=actor, finished_by="", summary="", notes=visible(notes))
    session.add(stocktake)
    session.flush()
    for shelf_id in chosen or ():
        session.add(StocktakeShelf(stocktake_id=stocktake.id, shelf_id=shelf_id))
    session.flush()
    return stocktake


def shelves_by_codes(session: Session, codes: Iterable[str]) -> list[int]:
    """Ids of the shelves named by their codes (as typed: A01, sj-a01); unknown codes refused."""
    scheme = Scheme.load(session)
    ids = []
    for raw in codes:
        code = normalize(raw)
        if not code:
            continue
        if scheme.shelf_prefix and code.startswith(scheme.shelf_prefix):
            code = code[len(scheme.shelf_prefix):]
        shelf_id = session.scalar(select(Shelf.id).where(Shelf.code == code))
        if shelf_id is None:
            raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "没有编号为 {code} 的书架。"), code=code)
        ids.append(shelf_id)
    return ids


def scope_shelves(session: Session, stocktake: Stocktake) -> list[Shelf]:
    """The shelves in scope, by code."""
    stmt = select(Shelf).order_by(Shelf.code)
    if not stocktake.all_shelves:
        stmt = stmt.join(StocktakeShelf, StocktakeShelf.shelf_id == Shelf.id).where(
            StocktakeShelf.stocktake_id == stocktake.id)
    return list(session.scalars(stmt))


def in_scope(session: Session, stocktake: Stocktake | Row[*tuple[Any, ...]], shelf_id: int | None) -> bool:
    """Whether the shelf is counted by ``stocktake`` (the model, or a row with its id and all_shelves)."""
    if stocktake.all_shelves:
        return True
    return shelf_id is not None and session.get(StocktakeShelf, (stocktake.id, shelf_id)) is not None


# --- one scan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScanOutcome:
    """What one scan did, for the screen, with what it changes in the progress view."""

    kind: str  # one of KINDS
    feedback: Feedback
    code: str
    shelf_id: int | None  # the current shelf after this scan
    shelf_code: str = ""
    title: str = ""
    home_shelf_code: str = ""
    status: str = ""
    counted_on: int | None = None  # shelf whose "scanned" grows by one (first scan of the code)
    expected_found: bool = False  # an expected copy scanned for the first time...
    home_shelf_id: int | None = None  # ...whose home shelf's "remaining" shrinks by one
    seq: int = 0

    @property
    def tone(self) -> Tone:
        return self.feedback.tone

    @property
    def message(self) -> str:
        return self.feedback.message()

    @property
    def recorded(self) -> bool:
        return self.kind != "refused"


@dataclass(frozen=True)
class Cursor:
    """Where a stocktake stands: its last scan's number and the current shelf."""

    seq: int = 0
    shelf_id: int | None = None
    shelf_code: str = ""


def cursor(session: Session, stocktake_id: int, by: str | None = None) -> Cursor:
    """The stocktake's last scan number and current shelf (with ``by``: the shelf of that person's last scan).

    Scans are only ever added to the one open stocktake, so its last scan is the table's last row
    (a primary-key lookup, fast however many scans there are).
    """
    last = session.execute(select(StocktakeScan.stocktake_id, StocktakeScan.seq, StocktakeScan.shelf_id)
                           .order_by(StocktakeScan.id.desc()).limit(1)).first()
    if last is None or last.stocktake_id != stocktake_id:
        last = session.execute(select(StocktakeScan.stocktake_id, StocktakeScan.seq, StocktakeScan.shelf_id)
                               .where(StocktakeScan.stocktake_id == stocktake_id)
                               .order_by(StocktakeScan.seq.desc()).limit(1)).first()
    if last is None:
        return Cursor()
    shelf_id = last.shelf_id
    if by is not None:
        shelf_id = session.scalar(select(StocktakeScan.shelf_id)
                                  .where(StocktakeScan.stocktake_id == stocktake_id, StocktakeScan.by == by)
                                  .order_by(StocktakeScan.seq.desc()).limit(1))
    code = session.scalar(select(Shelf.code).where(Shelf.id == shelf_id)) if shelf_id else ""
    return Cursor(last.seq, shelf_id, code or "")


def say(tone: Tone, text: str, params: dict) -> Feedback:
    """Feedback in the stocktake's words (``text`` marked under CONTEXT)."""
    return Feedback(tone, text, params, CONTEXT)


def _refused(text: str, code: str, at: Cursor, **params) -> ScanOutcome:
    return ScanOutcome("refused", say(Tone.REFUSED, text, {"code": code, **params}), code, at.shelf_id, at.shelf_code)


def _record(session: Session, stocktake_id: int, code: str, copy_id: int | None, shelf_id: int | None,
            seq: int, source: str, actor: str) -> None:
    # A Core insert: one row, no unit-of-work bookkeeping (a scan should take a few milliseconds).
    session.execute(insert(StocktakeScan).values(stocktake_id=stocktake_id, barcode=code, copy_id=copy_id,
                                                 shelf_id=shelf_id, at=clock.now(), source=source, by=actor, seq=seq))


def scan(session: Session, stocktake_id: int, raw: str, *, actor: str, source: str = "scanner",
         scheme: Scheme | None = None, shelf: Cursor | None = None) -> ScanOutcome:
    """Record one scan of the open stocktake (call in its own write session: one scan, one commit).

    ``shelf``: the current shelf of the desk that scanned (its last outcome's), so several desks can
    count different shelves of one stocktake at once; None: the shelf of the stocktake's last scan.
    Scans are numbered in the stocktake's one order whichever desk made them.
    """
    stocktake = session.execute(select(Stocktake.id, Stocktake.all_shelves, Stocktake.finished_at)
                                .where(Stocktake.id == stocktake_id)).first()
    if stocktake is None or stocktake.finished_at is not None:
        require_open(session, stocktake_id)  # says which
    assert stocktake is not None  # require_open raised otherwise
    scheme = scheme or Scheme.load(session)
    at = cursor(session, stocktake_id)
    if shelf is not None:
        at = Cursor(at.seq, shelf.shelf_id, shelf.shelf_code)
    read = scheme.classify(raw)
    code = read.code
    if not code:
        return _refused(QT_TRANSLATE_NOOP("stocktake", "没有读到条码，请再扫一次。"), code, at)
    if read.kind is ScanKind.SHELF:
        scanned = session.scalar(select(Shelf).where(Shelf.code == code))
        if scanned is None:
            return _refused(QT_TRANSLATE_NOOP("stocktake", "没有编号为 {code} 的书架。"
                                                           "请核对书架标签，或先在“藏书”页建立这个书架。"), code, at)
        if not in_scope(session, stocktake, scanned.id):
            return _refused(QT_TRANSLATE_NOOP("stocktake", "书架 {code} 不在这次盘点的范围内。"), code, at)
        label = scheme.shelf_label(scanned.code)
        _record(session, stocktake_id, label, None, scanned.id, at.seq + 1, source, actor)
        return ScanOutcome("shelf", say(Tone.OK, QT_TRANSLATE_NOOP(
            "stocktake", "当前书架：{code} {name}。请逐册扫描这个书架上的图书。"),
            {"code": scanned.code, "name": scanned.name if scanned.name != scanned.code else ""}),
            label, scanned.id, scanned.code, seq=at.seq + 1)
    if read.kind is ScanKind.READER:
        return _refused(QT_TRANSLATE_NOOP("stocktake", "{code} 是读者证，不是图书条码，未登记。"), code, at)
    if read.kind is ScanKind.ISBN:
        return _refused(QT_TRANSLATE_NOOP("stocktake", "{code} 是封底的 ISBN，不是图书条码。请扫描贴在书上的条码标签。"),
                        code, at)
    if at.shelf_id is None:
        return _refused(QT_TRANSLATE_NOOP("stocktake", "请先扫描书架标签（{example}），再扫描这个书架上的图书。"), code, at,
                        example=scheme.shelf_label("A01"))
    row = session.execute(select(Copy.id, Copy.shelf_id, Copy.status, Title.title, Shelf.code)
                          .join(Title, Copy.title_id == Title.id).outerjoin(Shelf, Copy.shelf_id == Shelf.id)
                          .where(Copy.barcode == code)).first()
    seen = session.scalar(select(StocktakeScan.id).where(StocktakeScan.stocktake_id == stocktake_id,
                                                         StocktakeScan.barcode == code).limit(1)) is not None
    seq = at.seq + 1
    _record(session, stocktake_id, code, row.id if row else None, at.shelf_id, seq, source, actor)
    base: dict[str, Any] = dict(code=code, shelf_id=at.shelf_id, shelf_code=at.shelf_code, seq=seq)
    if row is None:
        if seen:
            return ScanOutcome("repeated", say(Tone.WARNING, QT_TRANSLATE_NOOP(
                "stocktake", "{code} 已经扫过了（未知条码）。"), {"code": code}), **base)
        return ScanOutcome("unknown", say(Tone.UNKNOWN, QT_TRANSLATE_NOOP(
            "stocktake", "{code} 不是本书屋登记的图书条码。已记下，请把这本书放到一边核对。"),
            {"code": code}), counted_on=at.shelf_id, **base)
    info: dict[str, Any] = dict(title=row.title, home_shelf_code=row.code or "", status=row.status,
                                home_shelf_id=row.shelf_id)
    params = {"code": code, "title": row.title, "home": row.code or "-", "shelf": at.shelf_code}
    if seen:
        return ScanOutcome("repeated", say(Tone.WARNING, QT_TRANSLATE_NOOP(
            "stocktake", "《{title}》已经扫过了，不重复计数。"), params), **base, **info)
    expected = row.status in SHELVED and in_scope(session, stocktake, row.shelf_id)
    kind, tone, text = classify_copy(row.status, row.shelf_id, at.shelf_id)
    return ScanOutcome(kind, say(tone, text, params), counted_on=at.shelf_id, expected_found=expected, **base, **info)


TEXTS = {
    "verified": (Tone.OK, QT_TRANSLATE_NOOP("stocktake", "《{title}》在架，核对无误。")),
    "misplaced": (Tone.WARNING, QT_TRANSLATE_NOOP("stocktake", "《{title}》错架：应在书架 {home}，现在 {shelf}。")),
    "on_loan_found": (Tone.WARNING, QT_TRANSLATE_NOOP("stocktake", "《{title}》记录为借出，却在书架上。")),
    "withdrawn_found": (Tone.WARNING, QT_TRANSLATE_NOOP("stocktake", "《{title}》记录为已剔除或遗失，却在书架上。")),
}


def classify_copy(status: str, home_shelf_id: int | None, found_shelf_id: int | None) -> tuple[str, Tone, str]:
    """A copy's result category from its status and where it was found: (kind, tone, text).

    The same rule as the CASE in stocktake_results.reconcile; keep the two together.
    """
    if status in NOT_HOLDINGS:
        kind = "withdrawn_found"
    elif status == ON_LOAN:
        kind = "on_loan_found"
    elif found_shelf_id is not None and home_shelf_id != found_shelf_id:
        kind = "misplaced"
    else:
        kind = "verified"
    tone, text = TEXTS[kind]
    return kind, tone, text


# --- a data collector's file ---------------------------------------------------------------


def scans_count(session: Session, stocktake_id: int) -> int:
    return session.scalar(select(func.count(StocktakeScan.id)).where(StocktakeScan.stocktake_id == stocktake_id)) or 0


# --- history ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    """A stocktake in the history: when, what scope, who, and its frozen counts once finished."""

    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    shelves: tuple[str, ...]  # empty: all shelves
    started_by: str
    finished_by: str
    counts: dict[str, int] | None
    notes: str


def history(session: Session) -> list[HistoryRow]:
    """Every stocktake, newest first (a room holds a few a year)."""
    scopes: dict[int, list[str]] = {}
    for stocktake_id, code in session.execute(select(StocktakeShelf.stocktake_id, Shelf.code)
                                              .join(Shelf, StocktakeShelf.shelf_id == Shelf.id).order_by(Shelf.code)):
        scopes.setdefault(stocktake_id, []).append(code)
    result = []
    for s in session.scalars(select(Stocktake).order_by(Stocktake.id.desc())):
        counts = json.loads(s.summary).get("counts") if s.summary else None
        result.append(HistoryRow(s.id, s.started_at, s.finished_at, tuple(scopes.get(s.id, ())), s.started_by,
                                 s.finished_by, counts, s.notes))
    return result
