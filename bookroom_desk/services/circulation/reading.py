"""In-room reading (阅览) and visits (入馆) at the desk, and the head counts of those who come without a card.

Decisions (shown to the volunteer with each result):

- 阅览模式 (F6): each copy scanned is recorded as read in the room, never lent: its status is not
  touched. A reader card scanned in the mode opens that reader, and the reads after it are theirs;
  without a card the reads are counted for nobody known. A copy on loan is in someone else's hands
  and a copy withdrawn or lost is not in the holdings: both are refused. Ctrl+Z takes a read back.
- 入馆模式 (F7): each card scanned records a visit. The same reader scanned again within
  ``REPEAT_MINUTES`` minutes is the same visit (going out and back in, a second scan): counted once,
  and the desk says so. Ctrl+Z takes a visit back.
- Either mode ends with Esc (or the other mode, or shelving); only one of them is open at a time.
- A head count (到馆人数) is entered per day, or per session of a day (上午, 午间…), for those who came
  without scanning a card; one count per day and session. Visits of a period = card visits + head counts.
  Entering, changing and removing a count is audited with who did it and the numbers before and after
  (a count changes the return's 到馆人次, so a changed figure can be traced).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict, InvalidInput, NotFound
from bookroom_desk.services.circulation import statements as sql
from bookroom_desk.services.circulation.results import ScanResult, Step, not_ours, say
from bookroom_desk.services.circulation.statements import DeskRow
from bookroom_desk.services.common import audit_log, clock
from bookroom_desk.services.common.actors import shown
from bookroom_desk.services.common.barcodes import ScanKind, Scheme, normalize
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.common.vocab import NOT_HOLDINGS
from bookroom_desk.services.roomwork import checks
from bookroom_desk.store.models import Copy, Reader
from bookroom_desk.store.models_reading import RoomRead, RoomVisit
from bookroom_desk.text import QT_TRANSLATE_NOOP

READING, VISITS = "reading", "visits"
MODES = (READING, VISITS)
#: A card scanned again within this many minutes is the same visit.
REPEAT_MINUTES = 30
CARD, COUNT = "card", "count"
#: The most people one head count may say came (a day of a very large room).
MOST_IN_A_COUNT = 100_000

OPENED_READING = QT_TRANSLATE_NOOP("circulation", "阅览登记：请逐本扫描在室内阅读的图书（不借出）。"
                                                  "读者有读者证时可先扫描读者证。按 Esc 结束。")
OPENED_READING_FOR = QT_TRANSLATE_NOOP("circulation", "阅览登记：扫描的图书登记为{name}在室内阅读（不借出）。按 Esc 结束。")
OPENED_VISITS = QT_TRANSLATE_NOOP("circulation", "入馆登记：请逐个扫描来馆读者的读者证。按 Esc 结束。")
ENDED_READING = QT_TRANSLATE_NOOP("circulation", "已结束阅览登记。现在扫描图书即为还书。")
ENDED_VISITS = QT_TRANSLATE_NOOP("circulation", "已结束入馆登记。现在扫描图书即为还书。")
READER_CLOSED = QT_TRANSLATE_NOOP("circulation", "已关闭读者，仍在阅览登记：扫描的图书登记为室内阅读（不借出）。")
NO_CODE = QT_TRANSLATE_NOOP("circulation", "没有读到条码，请重新扫描。")
UNKNOWN = QT_TRANSLATE_NOOP("circulation", "无法识别“{code}”：它不是读者证、图书条码，也不是ISBN。")
UNKNOWN_CARD = QT_TRANSLATE_NOOP("circulation", "读者证“{code}”未登记。请到“读者”页登记。")
READ_SCAN_COPY = QT_TRANSLATE_NOOP("circulation", "阅览登记请扫描书上贴的图书条码：一个ISBN可能对应好几册。")
READ_NO_SHELF = QT_TRANSLATE_NOOP("circulation", "现在是阅览登记，不能上架。请先按 Esc 结束阅览登记，再扫描书架标签。")
VISIT_CARDS_ONLY = QT_TRANSLATE_NOOP("circulation", "现在是入馆登记，只扫描读者证。要借还图书，请先按 Esc 结束入馆登记。")


@dataclass(frozen=True)
class HeadCount:
    """One head count as the list shows it (``actor``: who entered it, the operator in the language installed)."""

    id: int
    on: dt.date
    session_label: str
    count: int
    note: str
    actor: str


@dataclass(frozen=True)
class RoomUse:
    """A period's in-room use: visits (card visits + head counts) and copies read in the room."""

    card_visits: int
    head_counts: int
    reads: int

    @property
    def visits(self) -> int:
        return self.card_visits + self.head_counts


# --- the desk's modes ---------------------------------------------------------------------------


def open_mode(session: Session, mode: str, reader_id: int | None) -> ScanResult:
    """Start 阅览 (the reader open at the desk, if any, stays open for the reads) or 入馆 (the reader closes)."""
    if mode not in MODES:
        raise ValueError(mode)
    if mode == VISITS:
        return ScanResult(VISITS, say(Tone.OK, OPENED_VISITS), None, mode=VISITS)
    reader = session.get(Reader, reader_id) if reader_id is not None else None
    if reader is None:
        return ScanResult(READING, say(Tone.OK, OPENED_READING), None, mode=READING)
    return ScanResult(READING, say(Tone.OK, OPENED_READING_FOR, {"name": reader.name}), reader.id,
                      reader_name=reader.name, mode=READING)


def ended(mode: str) -> ScanResult:
    """Esc (or the idle timeout) ends the mode; no reader stays open."""
    return ScanResult("closed", say(Tone.OK, ENDED_READING if mode == READING else ENDED_VISITS), None)


def reader_closed() -> ScanResult:
    """The idle timeout in 阅览: the reader closes, and the reads after it are for nobody known."""
    return ScanResult("closed", say(Tone.OK, READER_CLOSED), None, mode=READING)


def scan(session: Session, raw: str, mode: str, reader_id: int | None, *, actor: str,
         scheme: Scheme | None = None) -> ScanResult:
    """One scan in 阅览 or 入馆 mode; whatever is refused leaves the mode (and the reader) open."""
    code = normalize(raw)
    if not code:
        return _refuse(NO_CODE, reader_id, mode=mode)
    kind = (scheme or Scheme.load(session)).classify(code)
    if mode == VISITS:
        if kind.kind in (ScanKind.SHELF, ScanKind.ISBN, ScanKind.COPY) or (
                kind.kind is not ScanKind.READER and sql.copy_row(session, code=code) is not None):
            return _refuse(VISIT_CARDS_ONLY, None, code, mode=mode)
        return record_visit(session, code, actor=actor)
    if kind.kind is ScanKind.SHELF:
        return _refuse(READ_NO_SHELF, reader_id, kind.code, mode=mode)
    if kind.kind is ScanKind.ISBN:
        return _refuse(READ_SCAN_COPY, reader_id, kind.code, mode=mode)
    if kind.kind is not ScanKind.READER:
        copy = sql.copy_row(session, code=code)
        if copy is not None:
            return record_read(session, copy, reader_id, actor=actor)
        if kind.kind is ScanKind.COPY:
            return _with_mode(not_ours(code, reader_id), mode)
    reader = sql.reader_by_card(session, code, clock.today())
    if reader is None:
        text = UNKNOWN_CARD if kind.kind is ScanKind.READER else UNKNOWN
        return _refuse(text, reader_id, code, tone=Tone.UNKNOWN, mode=mode)
    return ScanResult("reader", say(Tone.OK, QT_TRANSLATE_NOOP(
        "circulation", "阅览读者：{name}（{department}）。请扫描在室内阅读的图书。"),
        {"name": reader.reader_name, "department": reader.department or "—"}), reader.reader_id, code=code,
        reader_name=reader.reader_name, mode=mode)


def record_read(session: Session, copy: DeskRow, reader_id: int | None, *, actor: str) -> ScanResult:
    """``copy`` (a :func:`statements.copy_row`) read in the room, by ``reader_id`` or by nobody known."""
    title = copy.title
    if copy.loan_id is not None:
        return _refuse(QT_TRANSLATE_NOOP("circulation", "《{title}》已借给{holder}，尚未归还，不能登记阅览。"
                                                         "如果书已还回，请按 Esc 结束阅览登记后先办理还书。"),
                        reader_id, copy.barcode, mode=READING, title=title, holder=copy.holder)
    if copy.status in NOT_HOLDINGS:
        return _refuse(QT_TRANSLATE_NOOP("circulation", "《{title}》已登记为“{status}”，不在馆藏中，不能登记阅览。"),
                        reader_id, copy.barcode, mode=READING, title=title, status="status:" + copy.status)
    reader = session.get(Reader, reader_id) if reader_id is not None else None
    read = RoomRead(copy_id=copy.id, reader_id=reader.id if reader else None, at=clock.now(), actor=actor)
    session.add(read)
    session.flush()
    step = Step("read", copy.id, (copy.status, copy.removed_on, copy.removed_reason), record_id=read.id)
    if reader is None:
        feedback = say(Tone.OK, QT_TRANSLATE_NOOP("circulation", "《{title}》已登记阅览一次（未借出）。"), {"title": title})
    else:
        feedback = say(Tone.OK, QT_TRANSLATE_NOOP("circulation", "《{title}》已登记为{name}阅览一次（未借出）。"),
                       {"title": title, "name": reader.name})
    return ScanResult("read", feedback, reader.id if reader else None, code=copy.barcode, title=title,
                      reader_name=reader.name if reader else "", steps=(step,), mode=READING)


def record_visit(session: Session, card: str, *, actor: str) -> ScanResult:
    """A card scanned at the door: one visit, unless the same reader was counted in the last REPEAT_MINUTES."""
    reader = sql.reader_by_card(session, normalize(card), clock.today())
    if reader is None:
        return _refuse(UNKNOWN_CARD, None, normalize(card), tone=Tone.UNKNOWN, mode=VISITS)
    now = clock.now()
    params = {"name": reader.reader_name, "department": reader.department or "—", "minutes": REPEAT_MINUTES}
    last = session.scalar(select(func.max(RoomVisit.at)).where(
        RoomVisit.reader_id == reader.reader_id, RoomVisit.kind == CARD,
        RoomVisit.at > now - dt.timedelta(minutes=REPEAT_MINUTES), RoomVisit.at <= now))
    if last is not None:
        return ScanResult("same", say(Tone.WARNING, QT_TRANSLATE_NOOP(
            "circulation", "{name}在 {minutes} 分钟内已登记过入馆，这次不重复计数。"), params),
                          None, code=card, reader_name=reader.reader_name, mode=VISITS)
    visit = RoomVisit(kind=CARD, reader_id=reader.reader_id, at=now, session_label="", head_count=1, note="",
                      actor=actor)
    session.add(visit)
    session.flush()
    step = Step("visit", 0, ("", None, ""), record_id=visit.id)
    return ScanResult("visit", say(Tone.OK, QT_TRANSLATE_NOOP("circulation", "欢迎{name}（{department}），已登记入馆。"),
                                   params), None, code=card, reader_name=reader.reader_name, steps=(step,),
                      mode=VISITS)


def is_ours(result: ScanResult) -> bool:
    """Whether ``result`` is a read or a visit (undone by :func:`undo`, not by after_scan.undo)."""
    return bool(result.steps) and all(step.action in ("read", "visit") for step in result.steps)


def undo(session: Session, result: ScanResult, *, reader_id: int | None = None, mode: str | None = None) -> ScanResult:
    """Take back a read or a visit; the copy's status was never touched, so nothing else changes."""
    for step in result.steps:
        row = session.get(RoomRead if step.action == "read" else RoomVisit, step.record_id)
        if row is None:  # deleted since (a head count list does not show card visits; nothing else deletes them)
            raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "无法撤销：这条登记已不存在。"))
        session.delete(row)
    session.flush()
    return ScanResult("undone", say(Tone.OK, QT_TRANSLATE_NOOP("circulation", "已撤销：{what}"), {"what": result.feedback}),
                      reader_id, code=result.code, title=result.title, reader_name=result.reader_name, mode=mode)


def _with_mode(result: ScanResult, mode: str) -> ScanResult:
    return replace(result, mode=mode)


def _refuse(text: str, reader_id: int | None, code: str = "", *, mode: str, tone: Tone = Tone.REFUSED,
            **params: object) -> ScanResult:
    """A refusal in the mode, which stays open (with the reader open in it)."""
    params.setdefault("code", code)
    title, name = params.get("title", ""), params.get("holder", "")
    return ScanResult("refused", say(tone, text, params), reader_id, code=code, mode=mode,
                      title=title if isinstance(title, str) else "", reader_name=name if isinstance(name, str) else "")


# --- head counts (到馆人数) ------------------------------------------------------------------------

# The audit log's kind for entering, changing and removing head counts (access.audit.KINDS).
HEAD_COUNT_AUDIT = "head_count"

FIELDS = {
    "on": QT_TRANSLATE_NOOP("roomwork", "日期"),
    "count": QT_TRANSLATE_NOOP("roomwork", "到馆人数"),
    "session_label": QT_TRANSLATE_NOOP("roomwork", "时段"),
    "note": QT_TRANSLATE_NOOP("roomwork", "备注"),
}


def _title(key: str) -> str:
    from bookroom_desk.text import translate

    return translate("roomwork", FIELDS[key])


def _checked(on: object, count: object, session_label: str, note: str) -> tuple[dt.date, int, str, str]:
    return (checks.past_date(on, "on", _title("on")),
            checks.count(count, "count", _title("count"), MOST_IN_A_COUNT),
            checks.limited_text(session_label, "session_label", _title("session_label"), RoomVisit.session_label),
            checks.limited_text(note, "note", _title("note"), 500))


def _same_slot(session: Session, on: dt.date, session_label: str, other_than: int | None) -> RoomVisit | None:
    stmt = select(RoomVisit).where(RoomVisit.kind == COUNT, RoomVisit.at == dt.datetime.combine(on, dt.time()),
                                   RoomVisit.session_label == session_label)
    if other_than is not None:
        stmt = stmt.where(RoomVisit.id != other_than)
    return session.scalar(stmt.limit(1))


def save_head_count(session: Session, on: object, count: object, *, session_label: str = "", note: str = "", actor: str,
                    head_count_id: int | None = None) -> int:
    """Enter a head count for a day (or one session of it), or change the one ``head_count_id``; its id.

    One count per day and session: a second is refused, naming the first, so nobody is counted twice."""
    on, count, session_label, note = _checked(on, count, session_label, note)
    if _same_slot(session, on, session_label, head_count_id) is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "{date}{session}的到馆人数已经登记过了，请在列表中修改那一条。"),
                           date=on.isoformat(), session=f"（{session_label}）" if session_label else "", field="on")
    if head_count_id is None:
        row = RoomVisit(kind=COUNT, reader_id=None, head_count=count, actor=actor)
        session.add(row)
        before = None
    else:
        row = _head_count(session, head_count_id)
        before = _count_text(row.at.date(), row.session_label, row.head_count, row.note)
        row.head_count = count
        row.actor = actor
    row.at = dt.datetime.combine(on, dt.time())
    row.session_label, row.note = session_label, note
    session.flush()
    after = _count_text(on, session_label, count, note)
    if before is None:
        audit_log.record(session, HEAD_COUNT_AUDIT, f"登记到馆人数 {after}", actor)
    elif before != after:
        audit_log.record(session, HEAD_COUNT_AUDIT, f"修改到馆人数 {before} → {after}", actor)
    return row.id


def enter_head_count(session: Session, date_text: str, count_text: str, *, session_label: str = "", note: str = "",
                     actor: str, head_count_id: int | None = None) -> int:
    """:func:`save_head_count` from what was typed in the form: the date and the count as text."""
    on = checks.typed_date(date_text, "on", _title("on"))
    count = checks.typed_count(count_text, "count", _title("count"))
    if not (count_text or "").strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请填写“{title}”。"), title=_title("count"), field="count")
    return save_head_count(session, on, count, session_label=session_label, note=note, actor=actor,
                           head_count_id=head_count_id)


def delete_head_count(session: Session, head_count_id: int, *, actor: str) -> None:
    """Remove a head count entered by mistake; audited with what it said."""
    row = _head_count(session, head_count_id)
    gone = _count_text(row.at.date(), row.session_label, row.head_count, row.note)
    session.delete(row)
    session.flush()
    audit_log.record(session, HEAD_COUNT_AUDIT, f"删除到馆人数 {gone}", actor)


def _count_text(on: dt.date, session_label: str, count: int, note: str) -> str:
    """A head count as the audit log names it: 2026-11-20（上午）12 人（备注：…）."""
    slot = f"（{session_label}）" if session_label else ""
    return f"{on.isoformat()}{slot} {count} 人" + (f"（备注：{note}）" if note else "")


def _head_count(session: Session, head_count_id: int) -> RoomVisit:
    row = session.get(RoomVisit, head_count_id)
    if row is None or row.kind != COUNT:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "这条到馆人数记录已不存在。"))
    return row


def head_counts(session: Session, period: Period) -> list[HeadCount]:
    """The head counts of ``period``, newest day first."""
    start, end = _bounds(period)
    rows = session.scalars(select(RoomVisit).where(RoomVisit.kind == COUNT, RoomVisit.at >= start, RoomVisit.at < end)
                           .order_by(RoomVisit.at.desc(), RoomVisit.session_label, RoomVisit.id))
    return [HeadCount(r.id, r.at.date(), r.session_label, r.head_count, r.note, shown(r.actor)) for r in rows]


# --- counting ------------------------------------------------------------------------------------


def _bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime.combine(period.start, dt.time()), dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time())


def room_use(session: Session, period: Period) -> RoomUse:
    """Visits (card visits + head counts) and copies read in the room, in ``period``."""
    start, end = _bounds(period)
    by_kind = dict(session.execute(select(RoomVisit.kind, func.coalesce(func.sum(RoomVisit.head_count), 0))
                                   .where(RoomVisit.at >= start, RoomVisit.at < end).group_by(RoomVisit.kind)).all())
    reads = session.scalar(select(func.count(RoomRead.id)).where(RoomRead.at >= start, RoomRead.at < end)) or 0
    return RoomUse(card_visits=int(by_kind.get(CARD, 0)), head_counts=int(by_kind.get(COUNT, 0)), reads=int(reads))


def reads_of_copy(session: Session, barcode: str) -> int:
    """How many times the copy was read in the room (all time)."""
    return session.scalar(select(func.count(RoomRead.id)).join(Copy, Copy.id == RoomRead.copy_id)
                          .where(Copy.barcode == normalize(barcode))) or 0

