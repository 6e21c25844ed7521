"""The record pool (书目库): catalogue records without copies, loaded all or none and kept once each.

A union shares one file with all its rooms: one room's catalogue export (:mod:`export`) loads here
(:func:`load_catalogue_export`); the MARC importer converts its records to :class:`PoolEntry` and calls
:func:`add_records`. Looking an ISBN up (:func:`lookup`) reads the pool and the room's own titles; an ISBN
neither knows gets the publisher most often seen with its registrant prefix (:func:`publisher_for`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum import isbn as stdnum_isbn

from bookroom_desk.errors import BookroomError, ImportRejected, InvalidInput
from bookroom_desk.services.catalogue.clc import validate_class_number
from bookroom_desk.services.catalogue.titles import (
    TitleData,
    parse_year,
    propose_call_number,
    subject_list,
    subject_text,
)
from bookroom_desk.services.common import audit_log, clock, permissions
from bookroom_desk.services.common.bulk import let_go
from bookroom_desk.services.common.entry import entry_text, visible
from bookroom_desk.services.common.isbn import normalize_isbn
from bookroom_desk.services.common.money import parse_price
from bookroom_desk.services.xlsx.problems import RowProblem
from bookroom_desk.services.xlsx.tabular import Table, read_table
from bookroom_desk.store.bulk_insert import insert_rows
from bookroom_desk.store.models import Title
from bookroom_desk.store.models_pool import PoolRecord
from bookroom_desk.text import QT_TRANSLATE_NOOP

_CONTEXT = "record_pool"
_LOOKUP_CHUNK = 500


@dataclass(slots=True)
class PoolEntry:
    """One catalogue record for the pool, as plain values (the title form's fields and a few more).

    ``pub_year`` and ``price`` may be given as text ('2020年', '￥39.80'): they are read as a title's are.
    """

    title: str = ""
    isbn: str = ""
    other_title: str = ""  # 并列题名 / 副题名
    author: str = ""
    publisher: str = ""
    place: str = ""  # 出版地
    pub_year: int | str | None = None
    price: Decimal | str | None = None
    clc: str = ""
    pages: str = ""  # 页数 as written ('320页')
    series: str = ""  # 丛书
    summary: str = ""
    subjects: str = ""  # 主题词, as one text
    raw: str = ""  # the record as read (a MARC record's text), kept beside it


#: Each field's name in a problem's column when the records do not come from a table.
FIELD_NAMES: dict[str, str] = {
    "isbn": QT_TRANSLATE_NOOP("record_pool", "ISBN"),
    "title": QT_TRANSLATE_NOOP("record_pool", "书名"),
    "other_title": QT_TRANSLATE_NOOP("record_pool", "其他题名"),
    "author": QT_TRANSLATE_NOOP("record_pool", "著者"),
    "publisher": QT_TRANSLATE_NOOP("record_pool", "出版社"),
    "place": QT_TRANSLATE_NOOP("record_pool", "出版地"),
    "pub_year": QT_TRANSLATE_NOOP("record_pool", "出版年"),
    "price": QT_TRANSLATE_NOOP("record_pool", "定价"),
    "clc": QT_TRANSLATE_NOOP("record_pool", "分类号"),
    "pages": QT_TRANSLATE_NOOP("record_pool", "页数"),
    "series": QT_TRANSLATE_NOOP("record_pool", "丛书"),
    "source": QT_TRANSLATE_NOOP("record_pool", "来源"),
}
_LIMITED = ("other_title", "author", "publisher", "place", "pages", "series")
#: The fields that make a record what it is: two records alike in all of them are one record.
_IDENTITY = ("isbn", "title", "other_title", "author", "publisher", "place", "pub_year", "price", "clc", "pages",
             "series", "summary", "subjects")


@dataclass
class LoadResult:
    """What a load added: new records, and those the pool (or the file itself) already had."""

    source: str
    added: int
    duplicates: int
    rows: int

    def as_dict(self) -> dict:
        return {"source": self.source, "added": self.added, "duplicates": self.duplicates, "rows": self.rows}


@dataclass
class PoolStats:
    """The pool's size: records, distinct ISBNs, and per source its records and last load."""

    records: int
    isbns: int
    sources: list[tuple[str, int, Any]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"records": self.records, "isbns": self.isbns,
                "sources": [{"source": s, "records": n, "loaded_at": at} for s, n, at in self.sources]}


def _text(name: str, value: str | None) -> str:
    return entry_text(value, FIELD_NAMES[name], getattr(PoolRecord, name), context=_CONTEXT)


def _title(value: str | None) -> str:
    name = _text("title", value)
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请填写书名。"))
    return name


def _checks(entry: PoolEntry) -> dict[str, Any]:
    return {
        "isbn": lambda: normalize_isbn(entry.isbn) if (entry.isbn or "").strip() else None,
        "title": lambda: _title(entry.title),
        **{name: (lambda name=name: _text(name, getattr(entry, name))) for name in _LIMITED},
        "pub_year": lambda: parse_year(entry.pub_year),
        "price": lambda: parse_price(entry.price),
        "clc": lambda: validate_class_number(entry.clc) if (entry.clc or "").strip() else "",
    }


def clean_entry(entry: PoolEntry) -> tuple[dict[str, Any], list[tuple[str, BookroomError]]]:
    """The record's values as stored, and each problem with the field it is about."""
    values: dict[str, Any] = {}
    problems: list[tuple[str, BookroomError]] = []
    for name, check in _checks(entry).items():
        try:
            values[name] = check()
        except BookroomError as exc:
            problems.append((name, exc))
    values["summary"] = " ".join(visible(entry.summary or "").split())
    values["subjects"] = " ".join(visible(entry.subjects or "").split())
    values["raw"] = entry.raw or ""
    return values, problems


def digest(values: Mapping[str, Any]) -> str:
    """The fingerprint of a record's identifying fields (the same for the same record from any source)."""
    parts = ["" if values.get(name) is None else str(values[name]) for name in _IDENTITY]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _known_digests(session: Session, digests: list[str]) -> set[str]:
    known: set[str] = set()
    for start in range(0, len(digests), _LOOKUP_CHUNK):
        chunk = digests[start:start + _LOOKUP_CHUNK]
        known.update(session.scalars(select(PoolRecord.digest).where(PoolRecord.digest.in_(chunk))))
    return known


def _add(session: Session, numbered: Iterable[tuple[int, PoolEntry]], source: str, actor: str,
         columns: Mapping[str, str] | None = None) -> LoadResult:
    """Check every record, refuse them all when one is bad (each problem with its row), else insert the new ones."""
    permissions.require(session, actor, "import")
    source = _text("source", source)
    rows: list[dict[str, Any]] = []
    problems: list[RowProblem] = []
    seen: set[str] = set()
    count = 0
    for number, entry in numbered:
        count += 1
        values, found = clean_entry(entry)
        for name, error in found:
            column = (columns or {}).get(name) or FIELD_NAMES[name]
            problems.append(RowProblem.from_error(number, column, error))
        if found:
            continue
        values["digest"] = key = digest(values)
        if key not in seen:
            seen.add(key)
            rows.append(values)
    if problems:
        raise ImportRejected(problems)
    if not count:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{source}”中没有可载入书目库的书目。"), source=source)
    known = _known_digests(session, [row["digest"] for row in rows])
    now = clock.now()
    new = [dict(row, source=source, loaded_at=now, loaded_by=actor) for row in rows if row["digest"] not in known]
    if new:
        insert_rows(session, PoolRecord.__table__, new)
    audit_log.record(session, "import", f"载入书目库 {source}：新增 {len(new)} 条，重复 {count - len(new)} 条", actor)
    result = LoadResult(source, len(new), count - len(new), count)
    let_go(rows, new)
    return result


def add_numbered(session: Session, numbered: Iterable[tuple[int, PoolEntry]], *, source: str, actor: str,
                 columns: Mapping[str, str] | None = None) -> LoadResult:
    """:func:`add_records` for records numbered as in their file, each problem named by ``columns`` (field ->
    where it is in the file, e.g. a MARC field) where given."""
    return _add(session, numbered, source, actor, columns)


def add_records(session: Session, records: Iterable[PoolEntry], *, source: str, actor: str) -> LoadResult:
    """Add ``records`` (from ``source``: a file's or share's name) to the pool in this write session.

    All or none: any bad record raises ImportRejected listing every problem (row = the record's place,
    from 1). A record the pool already has, from any source, or met earlier in ``records``, is kept once.
    """
    return _add(session, enumerate(records, 1), source, actor)


#: A catalogue export's columns (services.catalogue.export), by their Chinese and English headings.
EXPORT_ALIASES: dict[str, tuple[str, ...]] = {
    "isbn": ("ISBN", "国际标准书号"),
    "title": ("书名", "Title", "正题名"),
    "author": ("著者", "Author", "责任者"),
    "publisher": ("出版社", "Publisher", "出版者"),
    "pub_year": ("出版年", "Year", "出版日期"),
    "price": ("定价", "Price"),
    "clc": ("分类号", "Class number", "中图分类号"),
    "pages": ("页数", "Pages"),
    "series": ("丛书", "Series"),
    "summary": ("内容提要", "Summary"),
    "subjects": ("主题词", "Subjects"),
}


def read_catalogue_export(source: Path | str | bytes, file_name: str | None = None) -> Table:
    """The titles sheet of a catalogue export (.xlsx, or the same columns as .csv), its header found."""
    return read_table(source, EXPORT_ALIASES, required=("title",), file_name=file_name)


def load_export_table(session: Session, table: Table, *, actor: str, source: str = "") -> LoadResult:
    """Load an export's rows read beforehand (:func:`read_catalogue_export`, outside the write) into the pool."""
    columns = {name: table.column_title(name) for name in table.mapping}

    def entries() -> Iterable[tuple[int, PoolEntry]]:
        for number, values in table.records():
            yield number, PoolEntry(**values)

    result = _add(session, entries(), source or table.file_name, actor, columns)
    let_go(table.grid.rows)
    return result


def load_catalogue_export(session: Session, path: Path | str, *, actor: str, source: str = "") -> LoadResult:
    """Load a room's catalogue export (its titles sheet) into the pool: all rows or none, each kept once;
    ``source`` defaults to the file's name."""
    return load_export_table(session, read_catalogue_export(path), actor=actor, source=source)


def stats(session: Session) -> PoolStats:
    """How many records the pool holds, for how many ISBNs, from which sources."""
    records = session.scalar(select(func.count(PoolRecord.id))) or 0
    isbns = session.scalar(select(func.count(func.distinct(PoolRecord.isbn)))) or 0
    sources = session.execute(select(PoolRecord.source, func.count(PoolRecord.id), func.max(PoolRecord.loaded_at))
                              .group_by(PoolRecord.source).order_by(PoolRecord.source)).all()
    return PoolStats(records, isbns, [(s, n, at) for s, n, at in sources])


# Looking up ---------------------------------------------------------------------------------------

ROOM = "room"
POOL = "pool"
#: The most titles, and pool records, a registrant prefix's publisher is counted over (keeps it within 20 ms).
PREFIX_SAMPLE = 5000


@dataclass(frozen=True)
class Candidate:
    """A record for an ISBN: a title the room has catalogued (``origin`` ROOM) or a pool record (POOL),
    with the call number the next title in its class would get (``next_call_number``, '' without a class)."""

    origin: str
    isbn: str
    title: str
    author: str
    publisher: str
    pub_year: int | None
    price: Decimal | None
    clc: str
    next_call_number: str
    source: str = ""  # the pool record's source
    call_number: str = ""  # the room title's own call number
    title_id: int | None = None
    record_id: int | None = None
    pages: str = ""
    series: str = ""
    summary: str = ""
    subjects: str = ""  # joined by '；'
    edition: str = ""  # a room title's (the pool keeps none)

    def title_data(self) -> TitleData:
        """The record for a new title's form (its call number left to be given when saving)."""
        return TitleData(title=self.title, isbn=self.isbn, author=self.author, publisher=self.publisher,
                         pub_year=self.pub_year, price=self.price, clc=self.clc, edition=self.edition,
                         pages=self.pages, series=self.series, summary=self.summary,
                         subjects=subject_text(subject_list(self.subjects)))

    def as_dict(self) -> dict:
        return {"origin": self.origin, "isbn": self.isbn, "title": self.title, "author": self.author,
                "publisher": self.publisher, "pub_year": self.pub_year,
                "price": None if self.price is None else str(self.price), "clc": self.clc,
                "next_call_number": self.next_call_number, "source": self.source, "call_number": self.call_number,
                "title_id": self.title_id, "record_id": self.record_id, "edition": self.edition, "pages": self.pages,
                "series": self.series, "summary": self.summary, "subjects": self.subjects}


class _Proposals:
    """The next call number per class, worked out once per look-up."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.known: dict[str, str] = {}

    def __call__(self, clc: str) -> str:
        if not clc:
            return ""
        if clc not in self.known:
            try:
                self.known[clc] = propose_call_number(self.session, clc)
            except InvalidInput:
                self.known[clc] = ""
        return self.known[clc]


def _record_candidate(record: PoolRecord, propose: _Proposals) -> Candidate:
    return Candidate(POOL, record.isbn or "", record.title, record.author, record.publisher, record.pub_year,
                     record.price, record.clc, propose(record.clc), source=record.source, record_id=record.id,
                     pages=record.pages, series=record.series, summary=record.summary, subjects=record.subjects)


def lookup(session: Session, raw: str) -> list[Candidate]:
    """Every title the room has catalogued with this ISBN, then every pool record for it (newest load
    first); a pool record alike in every field shown to a room title or an earlier record is left out.
    InvalidInput when ``raw`` is no ISBN."""
    isbn = normalize_isbn(raw)
    propose = _Proposals(session)
    found = [Candidate(ROOM, title.isbn or "", title.title, title.author, title.publisher, title.pub_year,
                       title.price, title.clc, propose(title.clc), call_number=title.call_number, title_id=title.id,
                       pages=title.pages, series=title.series, summary=title.summary, subjects=title.subjects,
                       edition=title.edition)
             for title in session.scalars(select(Title).where(Title.isbn == isbn).order_by(Title.id))]
    records = session.scalars(select(PoolRecord).where(PoolRecord.isbn == isbn)
                              .order_by(PoolRecord.loaded_at.desc(), PoolRecord.id))
    shown = {_shown(c) for c in found}
    for record in records:
        candidate = _record_candidate(record, propose)
        if _shown(candidate) not in shown:
            shown.add(_shown(candidate))
            found.append(candidate)
    return found


def _shown(candidate: Candidate) -> tuple:
    return (candidate.title, candidate.author, candidate.publisher, candidate.pub_year, candidate.price,
            candidate.clc)


def search_pool(session: Session, text: str, limit: int = 50) -> list[Candidate]:
    """Pool records whose title holds ``text`` (a scan of the pool, by title then newest), at most ``limit``."""
    words = " ".join(visible(text or "").split())
    if not words:
        return []
    pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    records = session.scalars(select(PoolRecord).where(PoolRecord.title.like(pattern, escape="\\"))
                              .order_by(PoolRecord.title, PoolRecord.id).limit(limit))
    propose = _Proposals(session)
    return [_record_candidate(record, propose) for record in records]


def registrant_prefix(isbn13: str) -> str:
    """The digits of the EAN prefix, group and registrant ('97875442' for 978-7-5442-…); '' when the
    ISBN ranges do not say where the registrant ends."""
    try:
        ean, group, registrant, _publication, _check = stdnum_isbn.split(isbn13)
    except Exception:  # stdnum raises several kinds for a number outside its ranges
        return ""
    return ean + group + registrant if registrant else ""


def publisher_for(session: Session, raw: str) -> str | None:
    """The publisher most often seen with the ISBN's registrant prefix, in the room's titles and the pool's
    records together (ties: the first name in code-point order); None when none is seen. InvalidInput for
    no ISBN. The prefix is read as the index range [prefix, prefix + ':'), ':' following '9'; a registrant
    with more than PREFIX_SAMPLE titles (or records) is judged by its first PREFIX_SAMPLE by ISBN."""
    prefix = registrant_prefix(normalize_isbn(raw))
    if not prefix:
        return None
    counts: Counter[str] = Counter()
    for column, publisher in ((Title.isbn, Title.publisher), (PoolRecord.isbn, PoolRecord.publisher)):
        seen = (select(publisher.label("name")).where(column >= prefix, column < prefix + ":", publisher != "")
                .order_by(column).limit(PREFIX_SAMPLE).subquery())
        for name, count in session.execute(select(seen.c.name, func.count()).group_by(seen.c.name)):
            counts[name] += count
    if not counts:
        return None
    return min(counts, key=lambda name: (-counts[name], name))
