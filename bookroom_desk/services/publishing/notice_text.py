"""The words of the poster and the new-book notice (新书通报): headings, the period or batch, the room's facts.

Qt-free: the printing layer paints what this gives. Text is in the language installed (bookroom_desk.text);
nothing here names a reader, only the room and its own contact phone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.common import clock, opening_week
from bookroom_desk.services.publishing.new_books import NewBook, new_books
from bookroom_desk.services.roomwork.profile import get_profile
from bookroom_desk.store.models import Copy, ImportBatch
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "publishing"
#: The longest period a notice covers by --days (ten years): more is a typing slip.
MOST_DAYS = 3660

NO_BATCH = QT_TRANSLATE_NOOP("BookroomError", "没有第 {batch} 批导入，请在“导入配送清单”的记录里查看批次号。")
BAD_DAYS = QT_TRANSLATE_NOOP("BookroomError", "天数应在 1 到 {most} 之间，而不是“{value}”。")
BAD_PERIOD = QT_TRANSLATE_NOOP("BookroomError", "开始日期 {start} 晚于结束日期 {end}，请对调后再试。")
BAD_URL = QT_TRANSLATE_NOOP("BookroomError", "网址“{url}”不对：应以 http:// 或 https:// 开头，中间不能有空格，"
                                             "例如 https://example.org/shuwu/。")
NO_SCOPE = QT_TRANSLATE_NOOP("BookroomError", "请给出新书通报的期间（开始和结束日期）、最近几天，或一个导入批次。")

ROOM = QT_TRANSLATE_NOOP("publishing", "职工书屋")
NOTICE_TITLE = QT_TRANSLATE_NOOP("publishing", "新书通报")
PERIOD = QT_TRANSLATE_NOOP("publishing", "{start} 至 {end}")
SINCE = QT_TRANSLATE_NOOP("publishing", "{start} 以来")
UNTIL = QT_TRANSLATE_NOOP("publishing", "截至 {end}")
BATCH = QT_TRANSLATE_NOOP("publishing", "第 {batch} 批（{day} 导入）")
BATCH_SUPPLIER = QT_TRANSLATE_NOOP("publishing", "第 {batch} 批（{day} 导入，{supplier}）")
COUNT = QT_TRANSLATE_NOOP("publishing", "新到图书 {titles} 种 {copies} 册，按索书号排列")
NONE_NEW = QT_TRANSLATE_NOOP("publishing", "这段时间没有新到的图书。")
NONE_IN_BATCH = QT_TRANSLATE_NOOP("publishing", "这一批没有在藏的图书（可能都已剔除或遗失）。")
COLUMNS_NOTE = QT_TRANSLATE_NOOP("publishing", "在架：现在架上可借的册数；新到：这次新到的册数。欢迎来借阅！")
PAGE = QT_TRANSLATE_NOOP("publishing", "第 {page} 页 共 {pages} 页")
IMAGE_PART = QT_TRANSLATE_NOOP("publishing", "第 {part} 张，共 {parts} 张")
HOURS = QT_TRANSLATE_NOOP("publishing", "开放时间")
DIGITAL = QT_TRANSLATE_NOOP("publishing", "数字阅读服务")
SCAN = QT_TRANSLATE_NOOP("publishing", "扫码查看馆藏书目")
CONTACT = QT_TRANSLATE_NOOP("publishing", "联系人：{contact}")
PHONE = QT_TRANSLATE_NOOP("publishing", "电话：{phone}")
ADDRESS = QT_TRANSLATE_NOOP("publishing", "地址：{address}")
WELCOME = QT_TRANSLATE_NOOP("publishing", "欢迎职工朋友们来书屋读书、借书")
TWO = QT_TRANSLATE_NOOP("publishing", "{first}　{second}")
HOURS_UNSET = QT_TRANSLATE_NOOP("publishing", "开放时间请咨询书屋管理员")
# The notice's columns, in the table's order.
CALL_NUMBER = QT_TRANSLATE_NOOP("publishing", "索书号")
TITLE = QT_TRANSLATE_NOOP("publishing", "书名")
AUTHOR = QT_TRANSLATE_NOOP("publishing", "著者")
PUBLISHER = QT_TRANSLATE_NOOP("publishing", "出版社")
YEAR = QT_TRANSLATE_NOOP("publishing", "年")
ON_SHELF = QT_TRANSLATE_NOOP("publishing", "在架/新到")
SHELF = QT_TRANSLATE_NOOP("publishing", "书架")
CALL_PIECE = QT_TRANSLATE_NOOP("publishing", "索书号 {call_number}")
SHELF_PIECE = QT_TRANSLATE_NOOP("publishing", "书架 {shelf}")
COPIES_PIECE = QT_TRANSLATE_NOOP("publishing", "在架 {on_shelf}/新到 {arrived}")
GAP = QT_TRANSLATE_NOOP("publishing", "　")


def tr(text: str) -> str:
    return translate(CONTEXT, text)


def day(value: dt.date) -> str:
    return value.isoformat()


@dataclass(frozen=True)
class Scope:
    """What a notice covers: a period (either end open) or one import batch, and how it reads."""

    start: dt.date | None = None
    end: dt.date | None = None
    batch_id: int | None = None
    label: str = ""


def period_scope(start: dt.date | None, end: dt.date | None) -> Scope:
    """A period from ``start`` to ``end`` (each inclusive, either open; both open is refused)."""
    if start is None and end is None:
        raise InvalidInput(NO_SCOPE)
    if start is not None and end is not None and start > end:
        raise InvalidInput(BAD_PERIOD, start=day(start), end=day(end))
    if start is not None and end is not None:
        label = tr(PERIOD).format(start=day(start), end=day(end))
    elif start is not None:
        label = tr(SINCE).format(start=day(start))
    else:
        assert end is not None
        label = tr(UNTIL).format(end=day(end))
    return Scope(start=start, end=end, label=label)


def days_scope(days: int, today: dt.date | None = None) -> Scope:
    """The last ``days`` days up to today (today counted)."""
    if isinstance(days, bool) or not 1 <= days <= MOST_DAYS:
        raise InvalidInput(BAD_DAYS, most=MOST_DAYS, value=days)
    end = today or clock.today()
    return period_scope(end - dt.timedelta(days=days - 1), end)


def batch_scope(session: Session, batch_id: int) -> Scope:
    """One import batch, named by its number and the day it was imported; an unknown number is refused."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFound(NO_BATCH, batch=batch_id)
    when = day(batch.received_on or batch.created_at.date())
    label = (tr(BATCH_SUPPLIER).format(batch=batch.id, day=when, supplier=batch.supplier) if batch.supplier
             else tr(BATCH).format(batch=batch.id, day=when))
    return Scope(batch_id=batch.id, label=label)


@dataclass(frozen=True)
class BatchChoice:
    batch_id: int
    label: str
    copies: int


def book_batches(session: Session, limit: int = 50) -> list[BatchChoice]:
    """The latest batches that brought copies, newest first, for a notice's choice of batch."""
    rows = session.execute(
        select(ImportBatch, func.count(Copy.id)).join(Copy, Copy.batch_id == ImportBatch.id)
        .group_by(ImportBatch.id).order_by(ImportBatch.id.desc()).limit(limit)).all()
    return [BatchChoice(batch.id, batch_scope(session, batch.id).label, count) for batch, count in rows]


def notice_heading(room: str, scope: Scope) -> tuple[str, str]:
    """The notice's title and the line under it: 新书通报, and the room with the period or batch."""
    return tr(NOTICE_TITLE), tr(TWO).format(first=room or tr(ROOM), second=scope.label)


def count_line(titles: int, copies: int) -> str:
    return tr(COUNT).format(titles=titles, copies=copies)


def nothing_new(scope: Scope) -> str:
    return tr(NONE_IN_BATCH if scope.batch_id is not None else NONE_NEW)


_URL = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)


def checked_url(url: str | None) -> str | None:
    """The URL a QR code points at, stripped; None when blank; refused unless http(s) with a host and no spaces."""
    url = (url or "").strip()
    if not url:
        return None
    if not _URL.fullmatch(url):
        raise InvalidInput(BAD_URL, url=url)
    return url


@dataclass(frozen=True)
class PosterFacts:
    """What the poster says about the room (the room's own contact and phone; no reader)."""

    name: str
    belongs_to: str  # the union, or the workplace, over the name
    hours: list[str]  # a line each: 周一至周五 11:30–13:30、17:00–19:00
    digital_service: str
    address: str
    contact: str
    phone: str


def poster_facts(session: Session) -> PosterFacts:
    """The room profile and the stored week, in the language installed (the week's day names translated)."""
    profile = get_profile(session)
    stored = opening_week.profile_text(session)
    if stored:
        text = opening_week.opening_hours_text(opening_week.week(session), translated=True)
        hours = [part.strip() for part in re.split(r"[；;]", text) if part.strip()]
    else:
        hours = [part.strip() for part in re.split(r"[；;\n]", profile.opening_hours or "") if part.strip()]
    return PosterFacts(name=profile.name.strip() or tr(ROOM), belongs_to=(profile.union_name or profile.workplace).strip(),
                       hours=hours or [tr(HOURS_UNSET)], digital_service=(profile.digital_service or "").strip(),
                       address=(profile.address or "").strip(), contact=(profile.contact or "").strip(),
                       phone=(profile.phone or "").strip())


def contact_line(facts: PosterFacts) -> str:
    parts = []
    if facts.contact:
        parts.append(tr(CONTACT).format(contact=facts.contact))
    if facts.phone:
        parts.append(tr(PHONE).format(phone=facts.phone))
    return tr(TWO).format(first=parts[0], second=parts[1]) if len(parts) == 2 else "".join(parts)


def room_of(session: Session) -> str:
    return get_profile(session).name.strip() or tr(ROOM)


@dataclass(frozen=True)
class NoticeWords:
    """A notice's own lines, apart from the books: its title, the room and scope, the count, what the columns
    mean (or that nothing is new), and the foot (the room's hours, for the phone image)."""

    title: str
    line: str
    count: str
    note: str
    empty: bool
    foot: list[str]


@dataclass(frozen=True)
class Notice:
    """A 新书通报 ready to print: its books in shelf order, the copies that came, its words."""

    scope: Scope
    books: list[NewBook]
    copies: int
    words: NoticeWords


def gather(session: Session, scope: Scope) -> Notice:
    """The new books of ``scope`` and the notice's words (the command's and the window's one read)."""
    books = new_books(session, start=scope.start, end=scope.end, batch_id=scope.batch_id)
    copies = sum(book.arrived for book in books)
    return Notice(scope, books, copies, notice_words(session, scope, len(books), copies))


def notice_words(session: Session, scope: Scope, titles: int, copies: int) -> NoticeWords:
    room = room_of(session)
    title, line = notice_heading(room, scope)
    facts = poster_facts(session)
    foot = [tr(TWO).format(first=facts.name, second=tr(HOURS))] + facts.hours
    if contact := contact_line(facts):
        foot.append(contact)
    if not titles:
        return NoticeWords(title, line, "", nothing_new(scope), True, foot)
    return NoticeWords(title, line, count_line(titles, copies), tr(COLUMNS_NOTE), False, foot)


def shelf_pieces(call_number: str, shelf: str, on_shelf: int, arrived: int) -> list[str]:
    """The phone image's line under a title, in pieces kept whole when it wraps: call number, shelf, copies."""
    pieces = [tr(CALL_PIECE).format(call_number=call_number or "—")]
    if shelf:
        pieces.append(tr(SHELF_PIECE).format(shelf=shelf))
    return [*pieces, tr(COPIES_PIECE).format(on_shelf=on_shelf, arrived=arrived)]
