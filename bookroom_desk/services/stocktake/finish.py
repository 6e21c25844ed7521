"""Finishing a stocktake: apply the reviewed results to the catalogue; later, write off what stays missing.

Nothing in the catalogue changes while counting. Finishing applies, in one unit of work, the
actions the volunteer chose; every status change or move writes a CopyEvent (through the
catalogue's and the desk's own service functions where they exist):

- check in copies on loan in the records but found on a shelf (the desk's check_in);
- bring back found copies recorded 剔除, 遗失 or 缺失 (the catalogue's reinstate);
- mark 缺失 the expected copies not found (here: no catalogue function does it);
- move misplaced copies to the shelf they were found on (the catalogue's move_copy), or only
  list them for reshelving.

Copies 缺失 longer than the room's grace period can then be written off (剔除, reason 盘点缺失)
in one confirmed step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput, Refused
from bookroom_desk.services.catalogue import copies
from bookroom_desk.services.catalogue.shelf_order import copy_order
from bookroom_desk.services.circulation import desk
from bookroom_desk.services.common import clock, permissions, settings
from bookroom_desk.services.common.entry import visible
from bookroom_desk.services.common.vocab import AVAILABLE, MISSING, NOT_HOLDINGS, ON_LOAN
from bookroom_desk.services.stocktake.counting import get_stocktake
from bookroom_desk.services.stocktake.results import ResultRow, freeze, reconcile, rows
from bookroom_desk.store.models import Copy, CopyEvent, Loan, Shelf, Title
from bookroom_desk.store.models_stocktake import StocktakeScan
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: The reason written on copies written off after a stocktake (stored text, as the Measures word it).
WRITE_OFF_REASON = "盘点缺失"
#: CopyEvent kind written when a stocktake marks a copy 缺失.
MISSING_EVENT = "missing"


@dataclass(frozen=True)
class Actions:
    """What finishing applies; ``misplaced`` is "move" (to the shelf found on) or "list" (reshelve by hand)."""

    check_in: bool = True
    bring_back: bool = True
    mark_missing: bool = True
    misplaced: str = "list"


#: The actions that lose nothing (the CLI's --finish): misplaced copies are only listed.
SAFE = Actions()


@dataclass(frozen=True)
class Applied:
    """How many copies each action changed."""

    checked_in: int = 0
    brought_back: int = 0
    marked_missing: int = 0
    moved: int = 0
    to_reshelve: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def finish(session: Session, stocktake_id: int, actions: Actions = SAFE, *, actor: str,
           notes: str | None = None) -> Applied:
    """Apply ``actions`` and close the stocktake; its counts and lists are frozen first."""
    permissions.require(session, actor, "stocktake")
    stocktake = get_stocktake(session, stocktake_id)
    if stocktake.finished_at is not None:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "这次盘点已经结束。"))
    if actions.misplaced not in ("move", "list"):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请选择错架图书的处理方式。"))
    counts = reconcile(session, stocktake)
    lists = {name: rows(session, stocktake, name, limit=None)
             for name in ("on_loan_found", "withdrawn_found", "missing", "misplaced", "verified")}
    summary_before = freeze(session, stocktake, counts, {})
    detail = f"盘点 #{stocktake.id}"  # stored with the event, like the desk's details
    checked_in = brought_back = moved = 0
    if actions.check_in:  # a loan still open, or 借出 left without one: the desk's check-in puts it right
        for row in lists["on_loan_found"] + lists["withdrawn_found"]:
            if _lent_after_scan(session, stocktake.id, _copy_id(row)):
                continue  # on the shelf when counted, lent at the desk since: a loan to keep
            if _has_open_loan(session, row.copy_id) or _copy(session, row).status == ON_LOAN:
                checked_in += desk.check_in(session, row.barcode, actor=actor).action in ("returned", "found")
    if actions.bring_back:
        found_back = lists["withdrawn_found"] + [r for r in lists["verified"] + lists["misplaced"]
                                                 if r.status == MISSING]
        for row in found_back:
            copy = _copy(session, row)
            if copy.status in NOT_HOLDINGS + (MISSING,) and not _has_open_loan(session, copy.id):
                copies.reinstate(session, row.barcode, detail, actor=actor)
                brought_back += 1
    marked = _mark_missing(session, [_copy_id(r) for r in lists["missing"] if r.status == AVAILABLE], detail,
                           actor) if actions.mark_missing else 0
    if actions.misplaced == "move":
        for row in lists["misplaced"]:
            copies.move_copy(session, row.barcode, row.found_shelf_id, actor=actor)
            moved += 1
    applied = Applied(checked_in, brought_back, marked, moved,
                      len(lists["misplaced"]) if actions.misplaced == "list" else 0)
    summary = _with_actions(summary_before, actions, applied)
    stocktake.summary = summary
    stocktake.finished_at = clock.now()
    stocktake.finished_by = actor
    if notes is not None:
        stocktake.notes = visible(notes)
    session.flush()
    return applied


def _with_actions(summary: str, actions: Actions, applied: Applied) -> str:
    import json

    data = json.loads(summary)
    data["actions"] = {"chosen": asdict(actions), "applied": applied.as_dict()}
    return json.dumps(data, ensure_ascii=False)


def _copy_id(row: ResultRow) -> int:
    """The copy of a line of a list of catalogued copies (every list but the unknown codes')."""
    assert row.copy_id is not None
    return row.copy_id


def _copy(session: Session, row: ResultRow) -> Copy:
    copy = session.get(Copy, _copy_id(row))
    assert copy is not None  # a scanned copy is never deleted (its scans refer to it)
    return copy


def _has_open_loan(session: Session, copy_id: int | None) -> bool:
    return copy_id is not None and session.scalar(
        select(Loan.id).where(Loan.copy_id == copy_id, Loan.returned_at.is_(None))) is not None


def _lent_after_scan(session: Session, stocktake_id: int, copy_id: int) -> bool:
    """Whether the copy's open loan began after the copy was first scanned in this stocktake."""
    first_at = session.scalar(select(func.min(StocktakeScan.at)).where(StocktakeScan.stocktake_id == stocktake_id,
                                                                         StocktakeScan.copy_id == copy_id))
    out_at = session.scalar(select(Loan.out_at).where(Loan.copy_id == copy_id, Loan.returned_at.is_(None)))
    return first_at is not None and out_at is not None and out_at > first_at


def _mark_missing(session: Session, copy_ids: list[int], detail: str, actor: str) -> int:
    """Set 缺失 on copies still 在架, with their CopyEvents, in a few set-based statements."""
    now = clock.now()
    done = 0
    for start in range(0, len(copy_ids), 500):
        chunk = copy_ids[start:start + 500]
        still = list(session.scalars(select(Copy.id).where(Copy.id.in_(chunk), Copy.status == AVAILABLE)))
        if not still:
            continue
        session.execute(update(Copy).where(Copy.id.in_(still)).values(status=MISSING),
                        execution_options={"synchronize_session": False})
        session.execute(insert(CopyEvent), [{"copy_id": i, "at": now, "kind": MISSING_EVENT, "detail": detail,
                                             "by": actor} for i in still])
        done += len(still)
    session.expire_all()
    return done


# --- write-off after the grace period ----------------------------------------------------------


def grace_days(session: Session) -> int:
    return settings.get(session, settings.STOCKTAKE_GRACE_DAYS)


def _missing_since():
    return (select(CopyEvent.copy_id, func.max(CopyEvent.at).label("since"))
            .where(CopyEvent.kind == MISSING_EVENT).group_by(CopyEvent.copy_id).subquery())


def write_off_candidates(session: Session, today: dt.date | None = None) -> list[tuple[ResultRow, dt.date | None]]:
    """Copies 缺失 for longer than the grace period (or with no date recorded), with the day marked."""
    today = today or clock.today()
    cutoff = dt.datetime.combine(today - dt.timedelta(days=grace_days(session)), dt.time.max)
    since = _missing_since()
    stmt = (select(Copy.barcode, Title.title, Title.call_number, Shelf.code, Copy.status, Copy.id, since.c.since)
            .join(Title, Copy.title_id == Title.id).outerjoin(Shelf, Copy.shelf_id == Shelf.id)
            .outerjoin(since, since.c.copy_id == Copy.id)
            .where(Copy.status == MISSING, (since.c.since.is_(None)) | (since.c.since <= cutoff))
            .order_by(Shelf.code, *copy_order()))
    return [(ResultRow(r[0], r[1], r[2], r[3] or "", "", r[4], 0, r[5]), r[6].date() if r[6] else None)
            for r in session.execute(stmt)]


def write_off(session: Session, copy_ids: list[int], *, actor: str, today: dt.date | None = None) -> int:
    """剔除 (reason 盘点缺失) the given copies, all of them or none: each must still be a candidate."""
    permissions.require(session, actor, "writeoff")
    if not copy_ids:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "没有选择要核销的图书。"))
    eligible = {row.copy_id: row for row, _ in write_off_candidates(session, today)}
    late = [i for i in copy_ids if i not in eligible]
    if late:
        copy = session.get(Copy, late[0])
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "{code} 现在不能核销：它已不是缺失，或缺失还未满等待期。"),
                      code=copy.barcode if copy else "?")
    for copy_id in dict.fromkeys(copy_ids):
        copies.withdraw(session, eligible[copy_id].barcode, WRITE_OFF_REASON, actor=actor)
    return len(set(copy_ids))
