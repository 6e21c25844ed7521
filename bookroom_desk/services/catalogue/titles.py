"""Titles (书目): creating and editing records, ISBN look-up, and call numbers safe for two desks at once."""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass, fields
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from bookroom_desk.errors import BookroomError, Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.catalogue import search
from bookroom_desk.services.catalogue.clc import validate_class_number
from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.services.common import clock, permissions, vocab
from bookroom_desk.services.common.entry import column_length, entry_text, visible
from bookroom_desk.services.common.isbn import normalize_isbn
from bookroom_desk.services.common.money import parse_price
from bookroom_desk.store.models import CallNumberCounter, Copy, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Most characters of a summary (内容提要) and of the subjects kept (Text columns, limited here).
SUMMARY_LENGTH = 4000
SUBJECTS_LENGTH = 1000
_CALL_NUMBER = re.compile(r"^(?P<clc>[^/]+)/(?P<order>\d+)(?P<rest>.*)$")


def on_field(field_name: str, error: BookroomError) -> BookroomError:
    """Mark ``error`` with the form field it is about, so the UI can show it beside that field."""
    error.field = field_name
    return error


@dataclass(slots=True)  # a 100,000-row list holds as many
class TitleData:
    """A title's record as typed in the editor or read from a file (plain values)."""

    title: str = ""
    isbn: str = ""
    author: str = ""
    publisher: str = ""
    pub_year: int | None = None
    price: Decimal | None = None
    clc: str = ""
    topic: str = "other"
    material: str = "book"
    call_number: str = ""  # '' = give the next free number in the class
    notes: str = ""
    # What a catalogue record says besides (MARC 205, 215, 225, 330, 606): kept, shown, written out again.
    edition: str = ""
    pages: str = ""
    series: str = ""
    summary: str = ""
    subjects: str = ""  # 主题词 joined by '；' (see :func:`subject_list`)

    @classmethod
    def of(cls, title: Title) -> TitleData:
        """The record of a stored title, for the editor."""
        values = {f.name: getattr(title, f.name) for f in fields(cls)}
        values["isbn"] = title.isbn or ""
        return cls(**values)


def parse_year(value: str | int | None) -> int | None:
    """A publication year from '2020', '2020.5', '2020-05-01' or '2020年' (None when blank)."""
    if value is None or value == "":
        return None
    match = re.match(r"^\s*(\d{4})", str(value))
    year = int(match.group(1)) if match else None
    if year is None or not 1800 <= year <= clock.today().year + 1:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "出版年“{value}”不对（应为四位年份，如 2020）。"),
                           value=value)
    return year


#: The record's text fields as the editor and delivery lists name them, and the columns that hold them.
TEXT_FIELDS = {
    "title": (QT_TRANSLATE_NOOP("book_import", "书名"), column_length(Title.title)),
    "author": (QT_TRANSLATE_NOOP("book_import", "著者"), column_length(Title.author)),
    "publisher": (QT_TRANSLATE_NOOP("book_import", "出版社"), column_length(Title.publisher)),
    "call_number": (QT_TRANSLATE_NOOP("book_import", "索书号"), column_length(Title.call_number)),
    "edition": (QT_TRANSLATE_NOOP("book_import", "版次"), column_length(Title.edition)),
    "pages": (QT_TRANSLATE_NOOP("book_import", "页数"), column_length(Title.pages)),
    "series": (QT_TRANSLATE_NOOP("book_import", "丛书"), column_length(Title.series)),
    "summary": (QT_TRANSLATE_NOOP("book_import", "内容提要"), SUMMARY_LENGTH),
    "subjects": (QT_TRANSLATE_NOOP("book_import", "主题词"), SUBJECTS_LENGTH),
}
#: The record's details (besides the fields the catalogue has always had), each a text of TEXT_FIELDS.
DETAILS = ("edition", "pages", "series", "summary", "subjects")
SUBJECT_SEPARATOR = "；"
_SUBJECT_SPLIT = re.compile(r"\s*[;；]\s*")


def subject_list(subjects: str) -> list[str]:
    """'职工教育；读书活动' (or with ';') as ['职工教育', '读书活动'] (the MARC 606 fields of a record)."""
    return [part for part in _SUBJECT_SPLIT.split(subjects or "") if part]


def subject_text(subjects: list[str]) -> str:
    """The subjects as one text, as the title keeps them."""
    return SUBJECT_SEPARATOR.join(part for part in (" ".join(s.split()) for s in subjects) if part)


def title_text(field_name: str, value: str | None) -> str:
    """A text field of the record as stored: invisible marks gone, blanks squeezed, within its column."""
    name, limit = TEXT_FIELDS[field_name]
    return entry_text(value, name, limit, context="book_import")


def detail_text(field_name: str, value: str | None) -> str:
    """One of the record's DETAILS as stored (:func:`title_text`; subjects with ';' or '；' between them)."""
    if field_name == "subjects":
        value = subject_text(subject_list(visible(value or "")))
    return title_text(field_name, value)


def _detail_of(data: TitleData, field_name: str) -> str:
    return detail_text(field_name, getattr(data, field_name))


def _title_text(value: str) -> str:
    name = title_text("title", value)
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请填写书名。"))
    return name


def _free_isbn(session: Session, value: str, title_id: int | None) -> str:
    if not (value or "").strip():
        return ""
    isbn = normalize_isbn(value)
    other = session.scalar(select(Title).where(Title.isbn == isbn, Title.id != (title_id or -1)))
    if other is not None:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "ISBN {isbn} 已登记为《{title}》。"), isbn=isbn,
                       title=other.title)
    return isbn


def _choice(vocabulary: dict[str, str], value: str, message: str) -> str:
    if value not in vocabulary:
        raise InvalidInput(message)
    return value


def _free_call_number(session: Session, value: str, title_id: int | None) -> str:
    call_number = title_text("call_number", "".join((value or "").split()).upper())
    if call_number:
        check_call_number_free(session, call_number, title_id)
    return call_number


def _check(session: Session, data: TitleData, title_id: int | None) -> tuple[dict, list[BookroomError]]:
    """Every field checked: the clean values, and each problem marked with its field."""
    checks: dict[str, Callable[[], Any]] = {
        "title": lambda: _title_text(data.title),
        "author": lambda: title_text("author", data.author),
        "publisher": lambda: title_text("publisher", data.publisher),
        "isbn": lambda: _free_isbn(session, data.isbn, title_id),
        "clc": lambda: validate_class_number(data.clc) if (data.clc or "").strip() else "",
        "topic": lambda: _choice(vocab.TOPICS, data.topic, QT_TRANSLATE_NOOP("BookroomError", "请选择图书类别。")),
        "material": lambda: _choice(vocab.MATERIALS, data.material,
                                    QT_TRANSLATE_NOOP("BookroomError", "请选择文献类型。")),
        "pub_year": lambda: parse_year(data.pub_year),
        "price": lambda: parse_price(data.price),
        "call_number": lambda: _free_call_number(session, data.call_number, title_id),
        **{name: partial(_detail_of, data, name) for name in DETAILS},
    }
    values, errors = {}, []
    for name, check in checks.items():
        try:
            values[name] = check()
        except BookroomError as exc:
            errors.append(on_field(name, exc))
    return values, errors


def problems(session: Session, data: TitleData, title_id: int | None = None) -> list[BookroomError]:
    """Every problem of ``data``, each naming its field (``error.field``), so a form can show them all."""
    return _check(session, data, title_id)[1]


def clean(session: Session, data: TitleData, title_id: int | None = None) -> TitleData:
    """Validated, normalised copy of ``data``; the first problem is raised, naming its field."""
    values, errors = _check(session, data, title_id)
    if errors:
        raise errors[0]
    return TitleData(notes=visible(data.notes or ""), **values)


def check_call_number_free(session: Session, call_number: str, title_id: int | None = None) -> None:
    """Conflict (on the call-number field) when another title already has ``call_number``."""
    other = session.scalar(select(Title).where(Title.call_number == call_number, Title.id != (title_id or -1)))
    if other is not None:
        raise on_field("call_number", Conflict(
            QT_TRANSLATE_NOOP("BookroomError", "索书号 {call_number} 已用于《{title}》。"),
            call_number=call_number, title=other.title))


def split_call_number(call_number: str) -> tuple[str, int | None]:
    """('D922.5', 12) for 'D922.5/12' (and 'D922.5/12:2'); (call_number, None) when it has no 种次号."""
    match = _CALL_NUMBER.match(call_number or "")
    return (match.group("clc"), int(match.group("order"))) if match else (call_number, None)


def _highest_order(session: Session, clc: str) -> int:
    return session.scalar(select(func.max(Title.order_no)).where(Title.clc == clc)) or 0


def propose_call_number(session: Session, clc: str) -> str:
    """The call number the next title in ``clc`` would get (shown in the editor; not reserved)."""
    clc = validate_class_number(clc)
    counter = session.get(CallNumberCounter, clc)
    number = max(counter.last_number if counter else 0, _highest_order(session, clc)) + 1
    while session.scalar(select(Title.id).where(Title.call_number == f"{clc}/{number}")) is not None:
        number += 1
    return f"{clc}/{number}"


def _bump_counter(session: Session, clc: str, at_least: int) -> int:
    """Atomically set the counter of ``clc`` to max(last + 1, at_least) and return it."""
    table = CallNumberCounter.__table__
    if session.get_bind().dialect.name in ("sqlite", "postgresql"):
        dialect = session.get_bind().dialect.name
        from sqlalchemy.dialects import postgresql, sqlite

        stmt = (sqlite.insert(table) if dialect == "sqlite" else postgresql.insert(table)).values(
            clc=clc, last_number=at_least)
        bumped = case((table.c.last_number + 1 > at_least, table.c.last_number + 1), else_=at_least)
        stmt = stmt.on_conflict_do_update(index_elements=[table.c.clc], set_={"last_number": bumped})
        number = session.execute(stmt.returning(table.c.last_number)).scalar_one()
    else:  # a portable fallback: lock the row (FOR UPDATE), then write it
        counter = session.scalar(select(CallNumberCounter).where(CallNumberCounter.clc == clc).with_for_update())
        if counter is None:
            counter = CallNumberCounter(clc=clc, last_number=0)
            session.add(counter)
        counter.last_number = max(counter.last_number + 1, at_least)
        session.flush()
        number = counter.last_number
    for stale in [obj for obj in session.identity_map.values() if isinstance(obj, CallNumberCounter)]:
        session.expire(stale)  # the upsert changed the row behind the session's back
    return number


def assign_call_number(session: Session, clc: str) -> tuple[int, str]:
    """Take the next free 种次号 in ``clc`` inside this write transaction: (number, call number).

    The counter is bumped by one atomic upsert, which on SQLite runs under the BEGIN IMMEDIATE
    write lock and on PostgreSQL holds the counter row until commit, so two desks never get the same.
    """
    clc = validate_class_number(clc)
    number = _bump_counter(session, clc, _highest_order(session, clc) + 1)
    while session.scalar(select(Title.id).where(Title.call_number == f"{clc}/{number}")) is not None:
        number = _bump_counter(session, clc, number + 1)  # a hand-made call number took it
    return number, f"{clc}/{number}"


def reserve_call_numbers(session: Session, clc: str, count: int, taken: Set[str] = frozenset()) -> list[int]:
    """Take ``count`` free 种次号 in ``clc`` at once (an import), skipping call numbers in ``taken`` or in use."""
    clc = validate_class_number(clc)
    first = _bump_counter(session, clc, _highest_order(session, clc) + 1)  # locks the counter row
    used = set(session.scalars(select(Title.call_number).where(Title.call_number.like(clc + "/%")))) | set(taken)
    numbers: list[int] = []
    number = first
    while len(numbers) < count:
        if f"{clc}/{number}" not in used:
            numbers.append(number)
        number += 1
    session.execute(update(CallNumberCounter).where(CallNumberCounter.clc == clc)
                    .values(last_number=numbers[-1]))
    return numbers


def note_call_number(session: Session, call_number: str) -> int | None:
    """Record a given call number in its class counter (so proposals skip past it); its 种次号."""
    clc, order = split_call_number(call_number)
    if order is None:
        return None
    try:
        clc = validate_class_number(clc)
    except InvalidInput:
        return order
    counter = session.get(CallNumberCounter, clc)
    if counter is None:
        session.add(CallNumberCounter(clc=clc, last_number=order))
    elif counter.last_number < order:
        session.execute(update(CallNumberCounter).where(CallNumberCounter.clc == clc)
                        .where(CallNumberCounter.last_number < order).values(last_number=order))
    return order


def _moved_class(title: Title, data: TitleData) -> bool:
    """Whether an edit moves the title to another class keeping its old call number (of the old class)."""
    return bool(data.clc and title.id is not None and data.clc != title.clc and data.call_number
                and data.call_number == title.call_number and split_call_number(data.call_number)[0] != data.clc)


def _apply(session: Session, title: Title, data: TitleData) -> None:
    # The call number first: assigning one queries the class, which must not see this edit half-made.
    if _moved_class(title, data):  # the old 种次号 belongs to the old class: the next one in the new
        title.order_no, title.call_number = None, ""
        title.order_no, title.call_number = assign_call_number(session, data.clc)
    elif data.call_number:
        if data.call_number != title.call_number:
            title.order_no = note_call_number(session, data.call_number)
            title.call_number = data.call_number
    elif data.clc:
        title.order_no, title.call_number = None, ""
        title.order_no, title.call_number = assign_call_number(session, data.clc)
    else:
        title.order_no, title.call_number = None, ""
    for name in ("title", "author", "publisher", "pub_year", "price", "clc", "topic", "material", "notes", *DETAILS):
        setattr(title, name, getattr(data, name))
    title.isbn = data.isbn or None
    title.shelf_key = shelf_key(title.call_number)
    search.fill_keys(title)


def create_title(session: Session, data: TitleData, *, actor: str) -> Title:
    """A new title; without a call number it gets the next free one in its class."""
    permissions.require(session, actor, "catalogue")
    data = clean(session, data)
    title = Title(created_at=clock.now())
    _apply(session, title, data)
    session.add(title)
    session.flush()
    return title


def update_title(session: Session, title_id: int, data: TitleData, *, actor: str) -> Title:
    """Save an edited record. The call number given is kept; an empty one is assigned afresh in the class."""
    permissions.require(session, actor, "catalogue")
    title = get_title(session, title_id)
    data = clean(session, data, title_id)
    _apply(session, title, data)
    session.flush()
    return title


def get_title(session: Session, title_id: int) -> Title:
    title = session.get(Title, title_id)
    if title is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这条书目（可能已被删除）。"))
    return title


def find_by_isbn(session: Session, raw: str) -> Title | None:
    """The title with this ISBN (10 or 13 digits, any hyphens), None when not catalogued; InvalidInput if bad."""
    return session.scalar(select(Title).where(Title.isbn == normalize_isbn(raw)))


def delete_title(session: Session, title_id: int, *, actor: str) -> None:
    """Remove a title that has no copies (a record typed by mistake)."""
    permissions.require(session, actor, "catalogue")
    title = get_title(session, title_id)
    if session.scalar(select(func.count(Copy.id)).where(Copy.title_id == title_id)):
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "《{title}》还有图书册，不能删除书目；请先剔除各册。"),
                      title=title.title)
    session.delete(title)
    session.flush()

