"""The scan desk's rules: what a scan means given the open reader; lend, return (renewing: renewals.py; taking
an offer and undoing a scan: after_scan.py).

Decisions (shown to the volunteer with each result):

- Due date = today + the reader category's loan days, moved to the next open day when it falls on a
  closed one; a category may count its loan days in open days (the room's calendar: calendar.py).
- Renewal counts from today: the new due date is today + loan days, on the calendar as a loan's
  (never earlier than the old one), at most ``category.renewals`` times. An overdue loan is not
  renewed (the book comes back first, as most library systems do), nor a loan whose due date would
  not move.
- A copy scanned while its own borrower is open at the desk: lent today, it is a repeated scan
  and nothing changes; lent earlier, the reader is bringing it back, so it is returned.
- Returning sets the copy 在架, unless it was flagged 修补/加工中 while out (the flag stays) or
  written off as 遗失/剔除 (the loan closes, and putting it back in the holdings is offered).
  A copy a stocktake marked 缺失 goes back on the shelf whenever it is scanned, with a CopyEvent.
- Routine lending and returning leave their record in ``loans``; status changes outside that
  (found, reinstated) write a CopyEvent, so that undo (after_scan.py) removes what the scan wrote, events included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import replace

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict
from bookroom_desk.services.circulation import holds, shelving
from bookroom_desk.services.circulation import statements as sql
from bookroom_desk.services.circulation.results import (
    Choice,
    Offer,
    OpenShelf,
    ScanResult,
    Step,
    _refused,
    not_ours,
    override_offer,
    say,
)
from bookroom_desk.services.circulation.shelving import place_of
from bookroom_desk.services.circulation.statements import DeskRow
from bookroom_desk.services.common import calendar, clock, settings
from bookroom_desk.services.common.barcodes import ScanKind, Scheme, normalize
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.services.common.vocab import AVAILABLE, FLAGGED, HELD, MISSING, NOT_HOLDINGS, ON_LOAN, SHELVED
from bookroom_desk.store.models import Copy, Loan, Reader, Shelf, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP

IDLE_SECONDS = settings.declare("desk_idle_seconds", int, 120,
                                QT_TRANSLATE_NOOP("settings", "扫码台无操作多久后关闭读者（秒）"))
INTERNAL_ERROR = QT_TRANSLATE_NOOP("circulation", "程序出错，这次扫描没有登记。请再扫一次；如仍出错，请联系管理员。")


# --- looking things up --------------------------------------------------------------------


_OPEN_LOAN = select(Loan).where(Loan.copy_id == bindparam("copy_id"), Loan.returned_at.is_(None))


def _copy(session: Session, code: str, reader_id: int | None = None) -> DeskRow | None:
    """The copy with its title and open loan, and with ``reader_id`` that reader's rules and loans; or None."""
    if reader_id is None:
        return sql.copy_row(session, code=code)
    return sql.copy_for_reader(session, code, reader_id, clock.today())


def _open_loan(session: Session, copy_id: int) -> Loan | None:
    return session.scalar(_OPEN_LOAN, {"copy_id": copy_id})


def _state(copy: Copy | DeskRow) -> tuple[str, dt.date | None, str]:
    return (copy.status, copy.removed_on, copy.removed_reason)


def _set_status(session: Session, copy_id: int, status: str, kind: str, detail: str, actor: str) -> int:
    """Change a copy's status outside lending, with its CopyEvent; returns the event's id."""
    sql.set_status(session, copy_id, status, keep_removal=status in NOT_HOLDINGS)
    return sql.add_event(session, copy_id, clock.now(), kind, detail, actor)


def _found(session: Session, copy: DeskRow, actor: str) -> tuple[int, ...]:
    """A copy a stocktake marked missing is back: on the shelf again."""
    if copy.status != MISSING:
        return ()
    return (_set_status(session, copy.id, AVAILABLE, "found", "扫码台扫到", actor),)


# --- the scan ------------------------------------------------------------------------------


def scan(session: Session, raw: str, reader_id: int | None, *, actor: str, choices: tuple[str, ...] = (),
         scheme: Scheme | None = None, shelf: OpenShelf | None = None) -> ScanResult:
    """Handle one scan at the desk, given the reader open there (or None) and a pending ISBN choice, or the
    shelf open for shelving (never both: see shelving.py)."""
    code = normalize(raw)
    if choices and code.isdigit() and len(code) <= 2 and 1 <= int(code) <= len(choices):
        code = choices[int(code) - 1]
    if not code:
        return _refused(QT_TRANSLATE_NOOP("circulation", "没有读到条码，请重新扫描。"), reader_id, shelf=shelf)
    kind = (scheme or Scheme.load(session)).classify(code)
    if kind.kind is ScanKind.SHELF:
        return shelving.open_shelf(session, kind.code, reader_id, shelf)
    if kind.kind is ScanKind.ISBN:  # the ISBN the classifier read, without a price add-on
        if shelf is not None:
            return shelving.refuse_in_shelving(shelving.SCAN_COPY, shelf, kind.code)
        return scan_isbn(session, kind.code, reader_id, actor=actor)
    if kind.kind is ScanKind.READER:
        return open_reader(session, code, reader_id, shelf)
    copy = _copy(session, code, reader_id)
    if copy is not None:
        if shelf is not None:
            return _shelve(session, copy, shelf.id, actor)
        if reader_id is None:
            return check_in(session, code, actor=actor, found=copy)
        return check_out(session, reader_id, code, actor=actor, found=copy)
    if kind.kind is ScanKind.COPY:
        return not_ours(code, reader_id, shelf)
    reader = session.scalar(select(Reader).where(Reader.card == code))
    if reader is not None:
        return open_reader(session, code, reader_id, shelf)
    return _refused(QT_TRANSLATE_NOOP("circulation", "无法识别“{code}”：它不是读者证、图书条码，也不是ISBN。"), reader_id, code,
                    tone=Tone.UNKNOWN, shelf=shelf)


def _shelve(session: Session, copy: DeskRow, shelf_id: int, actor: str) -> ScanResult:
    """Shelving: a copy still on loan is returned first (it is in the volunteer's hand), then shelved; a copy
    that cannot go on the shelf is refused before its loan is touched."""
    refused = shelving.refusal(session, copy, shelf_id)
    if refused is not None:
        return refused
    if copy.loan_id is None:
        return shelving.shelve(session, copy, shelf_id, actor=actor)
    returned = check_in(session, copy.barcode, actor=actor, found=copy)
    if returned.hold is not None:  # kept for a hold: it goes to the hold shelf, not this one (which stays open)
        shelf = session.get(Shelf, shelf_id)
        return replace(returned, shelf=OpenShelf(shelf_id, shelf.code) if shelf else None)
    again = sql.copy_row(session, copy_id=copy.id)
    assert again is not None  # returned a moment ago in this unit of work
    return shelving.shelve(session, again, shelf_id, actor=actor, returned=returned)


def open_reader(session: Session, card: str, reader_id: int | None = None,
                shelf: OpenShelf | None = None) -> ScanResult:
    """A card opens its reader (and closes the one open before, or ends shelving)."""
    reader = sql.reader_by_card(session, card, clock.today())
    if reader is None:
        return _refused(QT_TRANSLATE_NOOP("circulation", "读者证“{code}”未登记。请到“读者”页登记后再借书。"), reader_id, card,
                        tone=Tone.UNKNOWN, shelf=shelf)
    name = reader.reader_name
    params = {"name": name, "department": reader.department or "—"}
    if reader.reader_status == "suspended":
        return ScanResult("reader", say(Tone.REFUSED, QT_TRANSLATE_NOOP(
            "circulation", "{name}（{department}）的读者证已停用，只能还书，不能借书。"), params),
                          reader.reader_id, code=card, reader_name=name)
    if reader.reader_status == "left":
        return ScanResult("reader", say(Tone.REFUSED, QT_TRANSLATE_NOOP(
            "circulation", "{name}（{department}）已离职，只能还书，不能借书。"), params),
                          reader.reader_id, code=card, reader_name=name)
    tone, text, count = Tone.OK, QT_TRANSLATE_NOOP("circulation", "读者：{name}（{department}）。请扫描要借的书。"), 0
    if reader.overdue_blocks and reader.late:
        tone, count = Tone.WARNING, reader.late
        text = QT_TRANSLATE_NOOP("circulation", "读者：{name}（{department}），有 {count} 册逾期未还，须先归还才能再借。")
    elif reader.holding >= reader.max_loans:
        tone, count = Tone.WARNING, reader.holding
        text = QT_TRANSLATE_NOOP("circulation", "读者：{name}（{department}），已借满 {count} 册，须先还书才能再借。")
    return ScanResult("reader", say(tone, text, dict(params, count=count)), reader.reader_id, code=card,
                      reader_name=name)


def scan_isbn(session: Session, isbn: str, reader_id: int | None, *, actor: str) -> ScanResult:
    """A back-cover ISBN: act on the one copy it can mean, or ask which one."""
    title = session.scalar(select(Title).where(Title.isbn == isbn))
    if title is None:
        return _refused(QT_TRANSLATE_NOOP("circulation", "没有ISBN为 {code} 的书目。请扫描书上贴的图书条码。"), reader_id, isbn,
                        tone=Tone.UNKNOWN)
    rows = session.execute(
        select(Copy, Loan.reader_id, Reader.name).outerjoin(Loan, (Loan.copy_id == Copy.id) & Loan.returned_at.is_(None))
        .outerjoin(Reader, Loan.reader_id == Reader.id).where(Copy.title_id == title.id).order_by(Copy.barcode)
    ).all()
    if reader_id is None:
        meant = [(c, name) for c, holder, name in rows if holder is not None]
        none_text = QT_TRANSLATE_NOOP("circulation", "《{title}》没有借出的复本，无需归还。请扫描书上贴的图书条码。")
    else:
        meant = [(c, name) for c, holder, name in rows
                 if holder == reader_id or (holder is None and c.status in SHELVED)]
        none_text = QT_TRANSLATE_NOOP("circulation", "《{title}》没有可借的复本。请扫描书上贴的图书条码。")
    if not meant and reader_id is not None:
        kept = holds.kept_for(session, title.id, reader_id)
        if kept is not None:  # the reader's hold is ready: lend them the copy kept for it
            return scan(session, kept, reader_id, actor=actor)
        offered = holds.isbn_offer(session, title, reader_id, isbn)
        if offered is not None:
            return offered
    if not meant:
        return _refused(none_text, reader_id, isbn, title=title.title)
    if len(meant) == 1:
        return scan(session, meant[0][0].barcode, reader_id, actor=actor)
    choices = tuple(Choice(c.barcode, title.title, c.status, name or "") for c, name in meant[:9])
    return ScanResult("choose", say(Tone.WARNING, QT_TRANSLATE_NOOP(
        "circulation", "《{title}》有 {count} 册可能是这一本：请扫描书上的图书条码，或输入序号 1–{last} 后回车。"),
        {"title": title.title, "count": len(meant), "last": len(choices)}), reader_id, code=isbn,
                      title=title.title, choices=choices)


# --- lending and returning ----------------------------------------------------------------


def check_out(session: Session, reader_id: int, code: str, *, actor: str,
              found: DeskRow | None = None, overriding: Collection[str] = ()) -> ScanResult:
    """Lend the copy ``code`` to the reader, or say why not (``found``: ``_copy(session, code, reader_id)``, when
    the caller has it: the copy and, in the same row, the reader with the rules and loans that decide).

    ``overriding``: refusals an administrator lets through (overrides.py); those that apply are offered."""
    copy = found if found is not None else _copy(session, normalize(code), reader_id)
    if copy is None or copy.reader_id is None:
        return not_ours(code, reader_id)
    title, name = copy.title, copy.reader_name
    if copy.loan_id is not None and copy.holder_id == copy.reader_id:
        if copy.out_at.date() == clock.today():
            return ScanResult("same", say(Tone.WARNING, QT_TRANSLATE_NOOP(
                "circulation", "《{title}》今天已借给{name}，这是重复扫描，未重复登记。"
                               "如要还这本书，请按 Esc 关闭读者后再扫。"), {"title": title, "name": name}),
                              copy.reader_id, code=copy.barcode, title=title, reader_name=name, due_on=copy.due_on)
        return check_in(session, copy.barcode, actor=actor, keep_reader=copy.reader_id, found=copy)
    if copy.reader_status != "active":
        text = (QT_TRANSLATE_NOOP("circulation", "{name}的读者证已停用，不能借书。") if copy.reader_status == "suspended"
                else QT_TRANSLATE_NOOP("circulation", "{name}已离职，不能借书。"))
        return _refused(text, copy.reader_id, copy.barcode, name=name, title=title)
    if copy.loan_id is not None:
        offer = Offer("return_then_lend", copy.id, copy.reader_id,
                      QT_TRANSLATE_NOOP("circulation", "按 F9 先为{holder}还书，再借给{name}；只还书请按 Esc 后再扫一次"),
                      {"holder": copy.holder, "name": name})
        return _refused(QT_TRANSLATE_NOOP("circulation", "《{title}》已借给{holder}（{card}），尚未归还。"),
                        copy.reader_id, copy.barcode,
                        offer=offer, title=title, holder=copy.holder, card=copy.holder_card)
    if copy.status in NOT_HOLDINGS + FLAGGED:
        offer = Offer("reinstate", copy.id, copy.reader_id,
                      QT_TRANSLATE_NOOP("circulation", "按 F9 把这一册改为在架并借给{name}"),
                      {"name": name})
        return _refused(QT_TRANSLATE_NOOP("circulation", "《{title}》的状态是“{status}”，不能借出。"),
                        copy.reader_id, copy.barcode,
                        offer=offer, title=title, status="status:" + copy.status)
    fills = reverts = None
    held: ScanResult | None = None
    if copy.status == HELD:  # 预约保留: only for its hold's reader, unless an administrator lets it through
        held, fills = holds.lend_check(session, copy.id, copy.reader_id, actor=actor)
        if held is not None and holds.HELD_REFUSAL in overriding:
            held, reverts = None, holds.kept_by(session, copy.id)  # the hold waits again (holds.release)
        elif held is None and fills is None:  # no longer kept (its hold had expired): on the shelf now, so undo puts it there
            again = _copy(session, copy.barcode, copy.reader_id)
            assert again is not None  # read a moment ago in this unit of work
            copy = again
    limit = copy.holding >= copy.max_loans and "limit" not in overriding
    overdue = bool(copy.overdue_blocks and copy.late) and "overdue" not in overriding
    override = override_offer(copy.id, copy.reader_id, name, held is not None and holds.HELD_REFUSAL,
                              limit and "limit", overdue and "overdue")
    if held is not None:
        return replace(held, offer=override)
    if limit:
        return _refused(QT_TRANSLATE_NOOP("circulation", "{name}已借 {count} 册，达到“{category}”的上限 {max} 册，请先还书。"),
                        copy.reader_id, copy.barcode, override, name=name, count=copy.holding, category=copy.category,
                        max=copy.max_loans, title=title)
    if overdue:
        return _refused(QT_TRANSLATE_NOOP("circulation", "{name}有 {count} 册逾期未还，按书屋规定须先还清逾期的书才能再借。"),
                        copy.reader_id, copy.barcode, override, name=name, count=copy.late, title=title)
    return _lend(session, copy, actor, fills, reverts)


def _lend(session: Session, copy: DeskRow, actor: str, fills: int | None = None,
          reverts: int | None = None) -> ScanResult:
    """Lend the copy to the reader in the same row (``_copy`` with a reader), filling the hold ``fills``, or
    sending the hold ``reverts`` (kept for someone else, lent past it by an administrator) back to waiting."""
    before = _state(copy)
    hold_id = fills if fills is not None else reverts
    hold_before = holds.snapshot(session, hold_id) if hold_id is not None else None
    events = _found(session, copy, actor)
    due = calendar.due_date_on(session, calendar.week_of(copy.open_week), clock.today(), copy.loan_days,
                               copy.loan_days_open, closed_ahead=bool(copy.closed_ahead))
    try:
        loan_id = sql.add_loan(session, copy.id, copy.reader_id, clock.now(), due, actor)
    except IntegrityError as exc:  # the database's own guard: one open loan per copy
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "条码“{code}”已有未还的借阅记录，本次借出未登记。"),
                       code=copy.barcode) from exc
    sql.set_status(session, copy.id, ON_LOAN)
    if fills is not None:
        holds.fill(session, fills)
    elif reverts is not None:
        holds.release(session, reverts)
    step = Step("lend", copy.id, before, loan_id=loan_id, events=events, hold_id=hold_id, hold_before=hold_before)
    return ScanResult("lent", say(Tone.OK, QT_TRANSLATE_NOOP("circulation", "借出《{title}》给{name}，应还日期 {due}。"),
                                  {"title": copy.title, "name": copy.reader_name, "due": due}),
                      copy.reader_id, code=copy.barcode, title=copy.title, reader_name=copy.reader_name, due_on=due,
                      steps=(step,))


def check_in(session: Session, code: str, *, actor: str, keep_reader: int | None = None,
             found: DeskRow | None = None) -> ScanResult:
    """Take a copy back: close its loan, put it on the shelf, say whose it was and if it was late."""
    copy = found if found is not None else _copy(session, normalize(code))
    if copy is None:
        return not_ours(code, keep_reader)
    title = copy.title
    before = _state(copy)
    reinstate = Offer("reinstate", copy.id, None, QT_TRANSLATE_NOOP("circulation", "按 F9 把这一册恢复入藏（改为在架）"))
    if copy.loan_id is None:
        if copy.status == MISSING:
            events = _found(session, copy, actor)
            return ScanResult("found", say(Tone.OK,
                                           QT_TRANSLATE_NOOP("circulation", "《{title}》盘点时缺失，现已找回，放回书架。"),
                                           {"title": title}), keep_reader, code=copy.barcode, title=title,
                              steps=(Step("restore", copy.id, before, events=events),), place=place_of(copy))
        if copy.status in NOT_HOLDINGS:
            return _refused(QT_TRANSLATE_NOOP("circulation", "《{title}》已登记为“{status}”，不在馆藏中。"),
                            keep_reader, copy.barcode,
                            offer=reinstate, title=title, status="status:" + copy.status)
        if copy.status == ON_LOAN:  # a status left without a loan: put it right
            sql.set_status(session, copy.id, AVAILABLE)
            return ScanResult("found", say(Tone.OK, QT_TRANSLATE_NOOP("circulation", "《{title}》没有借阅记录，已改为在架。"),
                                           {"title": title}), keep_reader, code=copy.barcode, title=title,
                              steps=(Step("restore", copy.id, before),), place=place_of(copy))
        if copy.status == HELD:
            kept = holds.kept_notice(session, copy.id)
            if kept is not None:  # scanned again with no reader open: say for whom it is kept
                return ScanResult("same", say(Tone.WARNING, QT_TRANSLATE_NOOP(
                    "circulation", "《{title}》留给 {name} {card}（预约），请放在预约架。"),
                    {"title": title, "name": kept.reader_name, "card": kept.card}), keep_reader, code=copy.barcode,
                    title=title, hold=kept)
        return ScanResult("same", say(Tone.WARNING,
                                      QT_TRANSLATE_NOOP("circulation", "《{title}》没有借出（状态：{status}），无需归还。"),
                                      {"title": title, "status": "status:" + copy.status}), keep_reader, code=copy.barcode,
                          title=title)
    late = calendar.days_late_counted(session, calendar.open_days_late_in(copy.open_days_late), copy.due_on,
                                      clock.today())  # open days only if the room says so
    sql.close_loan(session, copy.loan_id, clock.now(), actor)
    events = ()
    offer = None
    status = copy.status
    if status == MISSING:
        events, status = _found(session, copy, actor), AVAILABLE
    elif status == ON_LOAN:
        if not copy.hold_waiting:  # else the hold takes it below: 预约保留 at once, one status change
            sql.set_status(session, copy.id, AVAILABLE)
        status = AVAILABLE
    elif status in NOT_HOLDINGS:
        offer = reinstate
    kept = None
    if status == AVAILABLE and copy.hold_waiting:  # read with the copy: when none waits, there is nothing to look for
        kept = holds.on_check_in(session, copy.id, actor=actor, waiting=True,
                                 copy=(copy.title_id, copy.barcode, copy.title),
                                 queue=copy if "next_hold_id" in copy._fields else None)  # not copy_for_reader's
        if kept is None and copy.status == ON_LOAN:  # no longer waiting after all: on the shelf
            sql.set_status(session, copy.id, AVAILABLE)
    if kept is not None:
        return _kept_for_hold(copy, before, events, late, kept, keep_reader)
    step = Step("return", copy.id, before, loan_id=copy.loan_id, events=events)
    params = {"title": title, "name": copy.holder, "days": late, "status": "status:" + status}
    if status in NOT_HOLDINGS:
        text = QT_TRANSLATE_NOOP("circulation", "{name}归还了《{title}》，但这一册已登记为“{status}”。")
    elif status in FLAGGED:
        text = QT_TRANSLATE_NOOP("circulation", "{name}归还了《{title}》。这一册标记为“{status}”，请不要上架。")
    elif late:
        text = QT_TRANSLATE_NOOP("circulation", "{name}归还了《{title}》，逾期 {days} 天。")
    else:
        text = QT_TRANSLATE_NOOP("circulation", "{name}归还了《{title}》，按时归还。")
    tone = Tone.WARNING if late or status != AVAILABLE else Tone.OK
    return ScanResult("returned", say(tone, text, params), keep_reader, code=copy.barcode, title=title,
                      reader_name=copy.holder, days_late=late, offer=offer, steps=(step,),
                      place=place_of(copy) if status == AVAILABLE else None)


def _kept_for_hold(copy: DeskRow, before: tuple[str, dt.date | None, str], events: tuple[int, ...], late: int,
                   kept: holds.HoldNotice, keep_reader: int | None) -> ScanResult:
    """A return whose copy is now kept for a hold (预约保留): said large, with the warning sound."""
    step = Step("return", copy.id, before, loan_id=copy.loan_id, events=events + (kept.event_id,),
                hold_id=kept.hold_id, hold_before=holds.WAITING_BEFORE)
    params = {"title": copy.title, "name": kept.reader_name, "card": kept.card, "holder": copy.holder, "days": late}
    text = QT_TRANSLATE_NOOP("circulation", "留给 {name} {card}（预约）：{holder}归还了《{title}》。请放到预约架。")
    if late:
        text = QT_TRANSLATE_NOOP("circulation",
                                 "留给 {name} {card}（预约）：{holder}归还了《{title}》，逾期 {days} 天。请放到预约架。")
    return ScanResult("returned", say(Tone.WARNING, text, params), keep_reader, code=copy.barcode, title=copy.title,
                      reader_name=copy.holder, days_late=late, steps=(step,), hold=kept)


def idle_seconds(session: Session) -> int:
    return max(10, int(settings.get(session, IDLE_SECONDS)))
