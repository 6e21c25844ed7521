"""Stocktake results: progress per shelf, the reconciliation in a few set-based queries, the lists.

A code's first scan is the one that counts (its shelf is where the copy was found); any later
scan of the same code is a repeat, listed but not counted again. So the counts add up:
``scanned = verified + misplaced + on_loan_found + withdrawn_found + unknown``, and
``repeated`` is the number of scans beyond the first of the same code.

When a stocktake is finished its counts and the copies of each discrepancy list are frozen in
``Stocktake.summary``, because applying the results changes the catalogue the lists came from.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace

from sqlalchemy import and_, bindparam, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from bookroom_desk.services.catalogue.holdings import Standard, holdings_filter, standard
from bookroom_desk.services.catalogue.shelf_order import copy_order
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.barcodes import Scheme
from bookroom_desk.services.common.vocab import MISSING, NOT_HOLDINGS, ON_LOAN, PERIODICAL_MATERIALS
from bookroom_desk.services.stocktake.counting import expected_condition, item_scans, scope_shelves
from bookroom_desk.store.models import Copy, Loan, Shelf, Title
from bookroom_desk.store.models_stocktake import Stocktake, StocktakeScan
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

#: The result categories, in the order lists and reports show them.
CATEGORIES = ("missing", "misplaced", "on_loan_found", "withdrawn_found", "unknown", "repeated", "verified")
#: Copy lists frozen in the summary when a stocktake is finished (verified: the other copies found;
#: unknown codes are frozen too; repeats come from the scans, which never change).
FROZEN = ("missing", "misplaced", "on_loan_found", "withdrawn_found")

#: What each category is called, on screen and in the report (context "stocktake").
CATEGORY_LABELS = {
    "missing": QT_TRANSLATE_NOOP("stocktake", "缺失"),
    "misplaced": QT_TRANSLATE_NOOP("stocktake", "错架"),
    "on_loan_found": QT_TRANSLATE_NOOP("stocktake", "记录借出却在架"),
    "withdrawn_found": QT_TRANSLATE_NOOP("stocktake", "记录剔除或遗失却在架"),
    "unknown": QT_TRANSLATE_NOOP("stocktake", "未知条码"),
    "repeated": QT_TRANSLATE_NOOP("stocktake", "重复扫描"),
    "verified": QT_TRANSLATE_NOOP("stocktake", "核对无误"),
}
#: What each category asks of the volunteer.
CATEGORY_HINTS = {
    "missing": QT_TRANSLATE_NOOP("stocktake", "应在这些书架上、没有扫到、也没有借出的图书。结束盘点时可标记为“缺失”。"),
    "misplaced": QT_TRANSLATE_NOOP("stocktake", "在别的书架上找到的图书：放回它的书架，或把它的书架改为找到它的书架。"),
    "on_loan_found": QT_TRANSLATE_NOOP("stocktake", "记录为借出、却在书架上的图书：结束盘点时可办理归还。"),
    "withdrawn_found": QT_TRANSLATE_NOOP("stocktake", "记录为剔除或遗失、却在书架上的图书：结束盘点时可恢复在架。"),
    "unknown": QT_TRANSLATE_NOOP("stocktake", "不是本书屋登记的条码：请找出这些书，核对后在“藏书”页登记。"),
    "repeated": QT_TRANSLATE_NOOP("stocktake", "扫描了不止一次的条码：只按第一次计数。"),
    "verified": QT_TRANSLATE_NOOP("stocktake", "在自己的书架上找到的图书。"),
}


def category_label(category: str) -> str:
    return translate("stocktake", CATEGORY_LABELS[category])


@dataclass(frozen=True)
class Counts:
    """The result counts; the keys of ``as_dict`` are the CLI's JSON keys."""

    expected: int = 0
    scanned: int = 0
    verified: int = 0
    missing: int = 0
    misplaced: int = 0
    on_loan_found: int = 0
    withdrawn_found: int = 0
    unknown: int = 0
    repeated: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


# --- progress ------------------------------------------------------------------------------


@dataclass
class ShelfProgress:
    """One line of the progress view: expected on the shelf, codes first scanned there, still to find."""

    shelf_id: int | None
    code: str
    name: str
    expected: int = 0
    scanned: int = 0
    remaining: int = 0


@dataclass
class StocktakeProgress:
    """Progress per shelf and overall; :meth:`apply` updates it from one scan, without a query."""

    shelves: list[ShelfProgress] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index = {line.shelf_id: line for line in self.shelves}

    def line(self, shelf_id: int | None) -> ShelfProgress | None:
        return self._index.get(shelf_id)

    def row_of(self, shelf_id: int | None) -> int:
        line = self._index.get(shelf_id)
        return self.shelves.index(line) if line is not None else -1

    @property
    def expected(self) -> int:
        return sum(line.expected for line in self.shelves)

    @property
    def scanned(self) -> int:
        return sum(line.scanned for line in self.shelves)

    @property
    def remaining(self) -> int:
        return sum(line.remaining for line in self.shelves)

    def apply(self, outcome) -> list[int | None]:
        """Count one ScanOutcome in; returns the shelves whose line changed."""
        changed = []
        if outcome.counted_on is not None and (line := self._index.get(outcome.counted_on)):
            line.scanned += 1
            changed.append(line.shelf_id)
        if outcome.expected_found and (line := self._index.get(outcome.home_shelf_id)):
            line.remaining -= 1
            changed.append(line.shelf_id)
        return changed


def progress(session: Session, stocktake: Stocktake) -> StocktakeProgress:
    """The progress view from the database (at opening or resuming; scans then update it)."""
    sid = stocktake.id
    scheme = Scheme.load(session)
    expected = dict(session.execute(select(Copy.shelf_id, func.count(Copy.id))
                                    .where(expected_condition(stocktake)).group_by(Copy.shelf_id)).all())
    found = dict(session.execute(
        select(Copy.shelf_id, func.count(Copy.id)).where(expected_condition(stocktake), _scanned(sid, Copy.id))
        .group_by(Copy.shelf_id)).all())
    first = (select(StocktakeScan.barcode, func.min(StocktakeScan.seq).label("seq")).where(item_scans(sid, scheme))
             .group_by(StocktakeScan.barcode).subquery())
    # Joined on the code as well as the number, so the (stocktake, barcode) index finds each first scan.
    scanned = dict(session.execute(
        select(StocktakeScan.shelf_id, func.count()).join(first, and_(
            StocktakeScan.barcode == first.c.barcode, StocktakeScan.seq == first.c.seq))
        .where(StocktakeScan.stocktake_id == sid).group_by(StocktakeScan.shelf_id)).all())
    lines = [ShelfProgress(shelf.id, shelf.code, shelf.name) for shelf in scope_shelves(session, stocktake)]
    if stocktake.all_shelves and expected.get(None):
        lines.append(ShelfProgress(None, "", ""))  # copies of no shelf: expected somewhere in the room
    for line in lines:
        line.expected = expected.get(line.shelf_id, 0)
        line.scanned = scanned.get(line.shelf_id, 0)
        line.remaining = line.expected - found.get(line.shelf_id, 0)
    return StocktakeProgress(lines)


# --- reconciliation ------------------------------------------------------------------------


def _scanned(stocktake_id: int, copy_id_column):
    """SQL: the copy has been scanned in this stocktake."""
    return exists(select(StocktakeScan.id).where(StocktakeScan.stocktake_id == stocktake_id,
                                                 StocktakeScan.copy_id == copy_id_column))


def _returned_since(stocktake: Stocktake):
    """SQL: the copy came back from a loan after the stocktake began (off the shelf while it was counted)."""
    return exists(select(Loan.id).where(Loan.copy_id == Copy.id, Loan.returned_at >= stocktake.started_at))


def missing_condition(stocktake: Stocktake):
    """SQL: expected on the shelves, not scanned, and not back from a loan since counting began.

    A copy returned at the desk during a stocktake may be put back after its shelf was counted;
    as the big systems do, it is not reported missing.
    """
    return expected_condition(stocktake) & ~_scanned(stocktake.id, Copy.id) & ~_returned_since(stocktake)


def _found(stocktake_id: int):
    """Per copy scanned: its id, how many scans, and the shelf and time of its first scan."""
    first = (select(StocktakeScan.copy_id, func.min(StocktakeScan.seq).label("seq"), func.count().label("n"))
             .where(StocktakeScan.stocktake_id == stocktake_id, StocktakeScan.copy_id.is_not(None))
             .group_by(StocktakeScan.copy_id).subquery())
    at = aliased(StocktakeScan)
    return (select(first.c.copy_id, first.c.n, at.shelf_id, at.at)
            .join(at, and_(at.stocktake_id == stocktake_id, at.copy_id == first.c.copy_id, at.seq == first.c.seq))
            .subquery())


def _category(found):
    """SQL CASE: a found copy's category (the rule of stocktake.classify_copy)."""
    return case(
        (Copy.status.in_(NOT_HOLDINGS), "withdrawn_found"),
        (Copy.status == ON_LOAN, "on_loan_found"),
        (and_(found.c.shelf_id.is_not(None), or_(Copy.shelf_id.is_(None), Copy.shelf_id != found.c.shelf_id)),
         "misplaced"),
        else_="verified")


def reconcile(session: Session, stocktake: Stocktake) -> Counts:
    """The result counts: live for an open stocktake, as frozen for a finished one."""
    if stocktake.finished_at is not None and stocktake.summary:
        return Counts(**json.loads(stocktake.summary)["counts"])
    sid = stocktake.id
    scheme = Scheme.load(session)
    found = _found(sid)
    category = _category(found)
    by_category: dict[str, int] = dict(session.execute(select(category, func.count()).select_from(found)
                                       .join(Copy, Copy.id == found.c.copy_id).group_by(category)).all())
    expected = session.scalar(select(func.count(Copy.id)).where(expected_condition(stocktake))) or 0
    missing = session.scalar(select(func.count(Copy.id)).where(missing_condition(stocktake))) or 0
    items = item_scans(sid, scheme)
    scans, unknown = session.execute(select(
        func.count(StocktakeScan.id),
        func.count(func.distinct(case((StocktakeScan.copy_id.is_(None), StocktakeScan.barcode))))).where(items)).one()
    scanned = sum(by_category.values()) + (unknown or 0)
    return Counts(expected=expected, scanned=scanned, verified=by_category.get("verified", 0), missing=missing,
                  misplaced=by_category.get("misplaced", 0), on_loan_found=by_category.get("on_loan_found", 0),
                  withdrawn_found=by_category.get("withdrawn_found", 0), unknown=unknown or 0,
                  repeated=(scans or 0) - scanned)


# --- the lists -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultRow:
    """One line of a result list."""

    barcode: str
    title: str = ""
    call_number: str = ""
    home_shelf: str = ""
    found_shelf: str = ""
    status: str = ""
    scans: int = 0
    copy_id: int | None = None
    found_shelf_id: int | None = None


def _many(values: list):
    """A list for IN written into the SQL, so that no bound-parameter limit applies to long lists."""
    return bindparam("frozen", list(values), expanding=True, literal_execute=True)


def _frozen(stocktake: Stocktake) -> dict[str, list] | None:
    if stocktake.finished_at is None or not stocktake.summary:
        return None
    return json.loads(stocktake.summary).get("lists", {})


def rows(session: Session, stocktake: Stocktake, category: str, offset: int = 0,
         limit: int | None = 500) -> list[ResultRow]:
    """A page of one result list, ordered by shelf, then shelf order of the call numbers, then barcode."""
    sid = stocktake.id
    frozen = _frozen(stocktake)
    home = aliased(Shelf)
    where = aliased(Shelf)
    if category == "unknown":
        return _unknown_rows(session, stocktake, offset, limit, frozen)
    if category == "missing":
        stmt = (select(Copy.barcode, Title.title, Title.call_number, home.code, Copy.status, Copy.id)
                .join(Title, Copy.title_id == Title.id).outerjoin(home, Copy.shelf_id == home.id))
        if frozen is not None:
            stmt = stmt.where(Copy.id.in_(_many(frozen.get("missing", []))))
        else:
            stmt = stmt.where(missing_condition(stocktake))
        stmt = stmt.order_by(home.code, *copy_order()).offset(offset).limit(limit)
        return [ResultRow(r[0], r[1], r[2], r[3] or "", "", r[4], 0, r[5]) for r in session.execute(stmt)]
    found = _found(sid)
    stmt = (select(Copy.barcode, Title.title, Title.call_number, home.code, where.code, Copy.status, found.c.n,
                   Copy.id, found.c.shelf_id)
            .select_from(found).join(Copy, Copy.id == found.c.copy_id).join(Title, Copy.title_id == Title.id)
            .outerjoin(home, Copy.shelf_id == home.id).outerjoin(where, found.c.shelf_id == where.id))
    if category == "repeated":  # copies, then unknown codes, scanned more than once (a short list)
        stmt = stmt.where(found.c.n > 1).order_by(where.code, *copy_order())
        both = [_row(r) for r in session.execute(stmt)] + _unknown_rows(session, stocktake, 0, None, frozen, True)
        return both[offset:None if limit is None else offset + limit]
    if frozen is not None:
        if category == "verified":
            others = [i for name in FROZEN if name != "missing" for i in frozen.get(name, [])]
            stmt = stmt.where(Copy.id.not_in(_many(others)))
        else:
            stmt = stmt.where(Copy.id.in_(_many(frozen.get(category, []))))
    else:
        stmt = stmt.where(_category(found) == category)
    stmt = stmt.order_by(where.code, *copy_order()).offset(offset).limit(limit)
    return [_row(r) for r in session.execute(stmt)]


def _row(r) -> ResultRow:
    return ResultRow(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5], r[6], r[7], r[8])


def _unknown_rows(session: Session, stocktake: Stocktake, offset: int, limit: int | None, frozen,
                  repeated: bool = False) -> list[ResultRow]:
    sid = stocktake.id
    first = (select(StocktakeScan.barcode, func.min(StocktakeScan.seq).label("seq"), func.count().label("n"))
             .where(item_scans(sid, Scheme.load(session)), StocktakeScan.copy_id.is_(None))
             .group_by(StocktakeScan.barcode).subquery())
    at = aliased(StocktakeScan)
    stmt = (select(first.c.barcode, Shelf.code, first.c.n, at.shelf_id).select_from(first)
            .join(at, and_(at.stocktake_id == sid, at.barcode == first.c.barcode, at.seq == first.c.seq))
            .outerjoin(Shelf, at.shelf_id == Shelf.id))
    if repeated:
        stmt = stmt.where(first.c.n > 1)
    elif frozen is not None:
        stmt = stmt.where(first.c.barcode.in_(_many(frozen.get("unknown", []))))
    stmt = stmt.order_by(Shelf.code, first.c.barcode).offset(offset).limit(limit)
    return [ResultRow(r[0], found_shelf=r[1] or "", scans=r[2], found_shelf_id=r[3]) for r in session.execute(stmt)]


def freeze(session: Session, stocktake: Stocktake, counts: Counts, actions: dict) -> str:
    """The summary JSON written when a stocktake is finished: counts, actions, discrepancy lists."""
    lists: dict[str, list] = {category: [r.copy_id for r in rows(session, stocktake, category, limit=None)]
                              for category in ("missing", "misplaced", "on_loan_found", "withdrawn_found")}
    lists["unknown"] = [r.barcode for r in rows(session, stocktake, "unknown", limit=None)]
    return json.dumps({"counts": counts.as_dict(), "actions": actions, "lists": lists}, ensure_ascii=False)


def actions_done(stocktake: Stocktake) -> dict:
    """What finishing applied (empty for an open stocktake)."""
    return json.loads(stocktake.summary).get("actions", {}) if stocktake.summary else {}


# --- the 3,000-volume standard ---------------------------------------------------------------


@dataclass(frozen=True)
class Outlook:
    """Holdings toward the standard now, and what would remain if the missing copies were written off."""

    standard: Standard
    missing_books: int = 0
    missing_periodicals: int = 0
    missing_other: int = 0  # of another counted material (e.g. 音像, when the room counts it)

    @property
    def missing(self) -> int:
        return self.missing_books + self.missing_periodicals + self.missing_other

    @property
    def after(self) -> Standard:
        s = self.standard
        return replace(s, volumes=s.volumes - self.missing, books=s.books - self.missing_books,
                       periodicals=s.periodicals - self.missing_periodicals)

    @property
    def margin(self) -> int:
        """Volumes above the minimum (negative: the shortfall)."""
        return self.standard.volumes - self.standard.minimum


def outlook(session: Session, stocktake: Stocktake | None = None) -> Outlook:
    """The standard now; missing = copies marked 缺失, and, during a stocktake, those not yet found."""
    counted = settings.get(session, settings.COUNTED_MATERIALS)
    gone = Copy.status == MISSING
    if stocktake is not None and stocktake.finished_at is None:
        gone = (~_scanned(stocktake.id, Copy.id) & ~_returned_since(stocktake)
                & (gone | expected_condition(stocktake)))
    by_material = dict(session.execute(select(Title.material, func.count(Copy.id)).join(Copy.title)
                                       .where(holdings_filter(counted), gone).group_by(Title.material)).all())
    books = by_material.pop("book", 0)
    periodicals = sum(by_material.pop(m, 0) for m in PERIODICAL_MATERIALS)
    return Outlook(standard(session), books, periodicals, sum(by_material.values()))
