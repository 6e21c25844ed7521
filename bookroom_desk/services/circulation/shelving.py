"""Shelving by scan (上架): a shelf label opens its shelf at the desk, and each copy scanned then goes on it.

Decisions (shown to the volunteer with each result):

- A shelf label (SJ-A01) scanned at the desk opens that shelf for shelving and closes any reader open
  there; another shelf label switches shelves; a reader card, Esc or the idle timeout end shelving.
- A copy scanned while a shelf is open gets that shelf as its home shelf, recorded in the copy's history
  as a move (移架, "A01 → B02"), which Ctrl+Z takes back.
- A copy whose class does not fit the shelf's class range still goes on it, with a warning: a shelf may
  hold what its range does not say (oversize books, a display), and the volunteer holds the book.
- A copy a stocktake marked missing is found by being shelved. A copy still on loan is in the
  volunteer's hand, so its loan is closed first (the desk's own return), with a warning.
- A copy withdrawn, lost or flagged (repair, processing) is refused: shelving it would hide that.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bookroom_desk.services.catalogue.clc import class_in_range
from bookroom_desk.services.catalogue.label_items import split_call_number
from bookroom_desk.services.catalogue.shelves import class_span, shelf_by_code
from bookroom_desk.services.circulation import statements as sql
from bookroom_desk.services.circulation.results import OpenShelf, Place, ScanResult, Step, _refused, say
from bookroom_desk.services.circulation.statements import DeskRow
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.services.common.vocab import AVAILABLE, FLAGGED, HELD, MISSING, NOT_HOLDINGS
from bookroom_desk.store.models import Shelf
from bookroom_desk.text import QT_TRANSLATE_NOOP

ENDED = QT_TRANSLATE_NOOP("circulation", "已结束上架。现在扫描图书即为还书。")
NO_SHELF = QT_TRANSLATE_NOOP("circulation", "这是书架标签，但没有编号为 {code} 的书架。请先在“藏书”页的“书架”里新建它。")
GONE = QT_TRANSLATE_NOOP("circulation", "这个书架已被删除，上架已结束。请扫描另一个书架的标签。")
OPENED = QT_TRANSLATE_NOOP("circulation",
                           "上架：书架 {shelf}（{name}，{range} 类）。请逐本扫描要放到这个书架的图书，按 Esc 结束。")
OPENED_NO_RANGE = QT_TRANSLATE_NOOP("circulation", "上架：书架 {shelf}（{name}）。请逐本扫描要放到这个书架的图书，按 Esc 结束。")
SCAN_COPY = QT_TRANSLATE_NOOP("circulation", "上架请扫描书上贴的图书条码：一个ISBN可能对应好几册。")


def place_of(copy: DeskRow) -> Place:
    """Where the copy goes back: its home shelf and its call number as the spine label shows it (one line)."""
    head, tail = split_call_number(copy.call_number or "", copy.volume_mark or "")
    return Place(copy.shelf_code or "", copy.shelf_name or "", f"{head}/{tail}" if head and tail else head or tail)


def open_shelf(session: Session, code: str, reader_id: int | None, open_now: OpenShelf | None = None) -> ScanResult:
    """A shelf label: that shelf is open for shelving (the reader open before is closed); an unknown one is
    refused, and what was open stays open."""
    shelf = shelf_by_code(session, code)
    if shelf is None:
        return _refused(NO_SHELF, reader_id, code, shelf=open_now)
    params = {"shelf": shelf.code, "name": shelf.name or shelf.code, "range": class_span(shelf.class_from, shelf.class_to)}
    return ScanResult("shelf", say(Tone.OK, OPENED if params["range"] else OPENED_NO_RANGE, params), None, code=code,
                      shelf=OpenShelf(shelf.id, shelf.code))


def refuse_in_shelving(text: str, shelf: OpenShelf, code: str = "", *, title: str = "",
                       status: str = "") -> ScanResult:
    """Something scanned while shelving that cannot go on the shelf; the shelf stays open."""
    return _refused(text, None, code, shelf=shelf, title=title, status=status)


def refusal(session: Session, copy: DeskRow, shelf_id: int) -> ScanResult | None:
    """Why ``copy`` cannot go on the open shelf, or None; asked before anything is written for the scan."""
    shelf = session.get(Shelf, shelf_id)
    if shelf is None:  # deleted on another page while open here
        return _refused(GONE, None, copy.barcode)
    here = OpenShelf(shelf.id, shelf.code)
    if copy.status in NOT_HOLDINGS:
        return refuse_in_shelving(QT_TRANSLATE_NOOP("circulation", "《{title}》已登记为“{status}”，不在馆藏中，不能上架。"),
                                  here, copy.barcode, title=copy.title, status="status:" + copy.status)
    if copy.status == HELD:
        return refuse_in_shelving(QT_TRANSLATE_NOOP("circulation", "《{title}》是预约保留的书，请放到预约架，不能上架。"),
                                  here, copy.barcode, title=copy.title)
    if copy.status in FLAGGED:
        return refuse_in_shelving(QT_TRANSLATE_NOOP("circulation", "《{title}》标记为“{status}”，不能上架。"
                                                                   "修好或加工完成后，请先在“藏书”页改为在架。"),
                                  here, copy.barcode, title=copy.title, status="status:" + copy.status)
    return None


def shelve(session: Session, copy: DeskRow, shelf_id: int, *, actor: str,
           returned: ScanResult | None = None) -> ScanResult:
    """Put ``copy`` (a :func:`statements.copy_row`) on the open shelf, which :func:`refusal` let it onto;
    ``returned``: its loan was closed just before."""
    shelf = session.get(Shelf, shelf_id)
    assert shelf is not None  # refusal() found it in this unit of work
    here = OpenShelf(shelf.id, shelf.code)
    title = copy.title
    before = (copy.status, copy.removed_on, copy.removed_reason)
    events: list[int] = []
    now = clock.now()
    if copy.status == MISSING:
        sql.set_status(session, copy.id, AVAILABLE)
        events.append(sql.add_event(session, copy.id, now, "found", "上架时扫到", actor))
    if copy.shelf_id != shelf.id:
        sql.set_shelf(session, copy.id, shelf.id)
        events.append(sql.add_event(session, copy.id, now, "moved", f"{copy.shelf_code or '-'} → {shelf.code}", actor))
    span = class_span(shelf.class_from, shelf.class_to)
    fits = not copy.clc or not span or class_in_range(copy.clc, shelf.class_from, shelf.class_to)
    params = {"title": title, "shelf": shelf.code, "before": copy.shelf_code or "", "clc": copy.clc,
              "range": span, "name": returned.reader_name if returned else "",
              "days": returned.days_late if returned else 0}
    if returned is not None:
        text = (QT_TRANSLATE_NOOP("circulation", "《{title}》还在{name}名下，已先办理归还（逾期 {days} 天），放上书架 {shelf}。")
                if returned.days_late else
                QT_TRANSLATE_NOOP("circulation", "《{title}》还在{name}名下，已先办理归还，放上书架 {shelf}。"))
    elif not events:  # a move and a find each leave an event
        text = QT_TRANSLATE_NOOP("circulation", "《{title}》本来就在书架 {shelf}，未改动。")
    elif copy.status == MISSING:
        text = QT_TRANSLATE_NOOP("circulation", "《{title}》盘点时缺失，现已找回，放上书架 {shelf}。")
    elif copy.shelf_code:
        text = QT_TRANSLATE_NOOP("circulation", "《{title}》已从书架 {before} 移到书架 {shelf}。")
    else:
        text = QT_TRANSLATE_NOOP("circulation", "《{title}》已放上书架 {shelf}。")
    tone = Tone.OK
    if not fits:
        tone = Tone.WARNING
        params["done"] = say(Tone.OK, text, dict(params))
        text = QT_TRANSLATE_NOOP("circulation", "{done}但它的分类号是 {clc}，这个书架放 {range} 类：请核对是否放错。")
    elif returned is not None:
        tone = Tone.WARNING
    steps = tuple(returned.steps) if returned else ()
    if events:
        steps += (Step("shelve", copy.id, before, events=tuple(events), shelf_before=copy.shelf_id,
                       shelf_after=shelf.id),)
    action = "shelved" if steps else "same"
    return ScanResult(action, say(tone, text, params), None, code=copy.barcode, title=title,
                      reader_name=returned.reader_name if returned else "", steps=steps,
                      place=Place(shelf.code, shelf.name, place_of(copy).call_number), shelf=here)

