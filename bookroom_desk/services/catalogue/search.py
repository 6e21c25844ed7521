"""Finding titles as you type: words, a 2-character Chinese substring, pinyin, ISBN-10/13, call number, barcode.

Each title keeps one folded ``search_text`` (filled on every save by the mapper events below and by
the importer's bulk insert). A query is split into words; a title matches when every word is a
substring of that text (found through :mod:`search_index`: SQLite's FTS5 trigram index, or a
portable LIKE scan with the same results), or when the query is exactly an ISBN or one of its
copies' barcodes. Results come newest first in pages keyed by id: no OFFSET, no sort of all matches.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
import unicodedata
from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import bindparam, case, event, func, select, text, tuple_
from sqlalchemy.orm import Session
from stdnum import isbn as stdnum_isbn

from bookroom_desk.services.catalogue.search_index import (
    FTS5_AUTOMERGE,
    FTS5_AUTOMERGE_KEYING,
    PAIR_MARK,
    cjk_pairs,
    index_for,
    set_automerge,
)
from bookroom_desk.services.catalogue.search_keys import pinyin_key
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.services.common.entry import visible
from bookroom_desk.services.common.isbn import compact, without_add_on
from bookroom_desk.services.common.vocab import AVAILABLE, ELSEWHERE, NOT_HOLDINGS, ON_LOAN
from bookroom_desk.store.models import Copy, Title

#: Titles on one page of results.
PAGE_SIZE = 100
_SEPARATOR = "\n"  # between fields, so a word never matches across two of them
_ISBN_LIKE = re.compile(r"^[0-9Xx\-\s]{10,17}$")


def _fold(text: str | None) -> str:
    if not text:
        return ""
    if text.isascii():  # NFKC keeps ASCII as it is, and it has no invisible marks: the same, checked in C
        return text.lower().strip()
    return visible(unicodedata.normalize("NFKC", text)).lower().strip()


@lru_cache(maxsize=4096)
def _cached_keys(text: str) -> str:
    return pinyin_key(text)  # authors and publishers repeat across a delivery list


def _isbn10(isbn13: str) -> str:
    """The ISBN-10 form of a stored 978 ISBN-13 ('' for 979 or anything else), lower-case x."""
    if len(isbn13) != 13 or not isbn13.startswith("978") or not isbn13.isdigit():
        return ""
    body = isbn13[3:12]
    check = (11 - sum((10 - i) * int(d) for i, d in enumerate(body)) % 11) % 11
    return body + ("x" if check == 10 else str(check))


def search_text(title: str | None, author: str | None, publisher: str | None, isbn: str | None,
                clc: str | None, call_number: str | None, title_pinyin: str | None = None,
                series: str | None = None, subjects: str | None = None, author_pinyin: str | None = None) -> str:
    """The folded text a title is found by: its fields, their pinyin, ISBN-13 and -10, Chinese pairs.

    The series and subjects are found too (not their pinyin); a summary is not: its words would find
    too much, and it is the longest text a title has. ``title_pinyin`` and ``author_pinyin``: their
    :func:`pinyin_key`, where the caller has it already.
    """
    isbn13 = (isbn or "").strip()
    isbn10 = _isbn10(isbn13)
    if title_pinyin is None:
        title_pinyin = pinyin_key(title or "")
    fields = (title, author, publisher, series, subjects)
    folded = [_fold(part) for part in fields]
    # Each folded field is folded again (folding twice can differ from once, rarely); a field that folds to
    # itself, the usual Chinese one, gives the same again without the work.
    again = [part if part == (field or "") else _fold(part) for part, field in zip(folded, fields) if part]
    if author_pinyin is None:
        author_pinyin = _cached_keys(author or "")
    parts = [title_pinyin, author_pinyin, isbn13, isbn10, call_number, clc]
    return _SEPARATOR.join([*again, *(_fold(part) for part in parts if part), cjk_pairs(*folded)]).strip()


def fill_keys(title: Title) -> None:
    """Set ``title.pinyin`` and ``title.search_text`` from its fields (done on every flush)."""
    title.pinyin = pinyin_key(title.title or "")
    title.search_text = search_text(title.title, title.author, title.publisher, title.isbn, title.clc,
                                    title.call_number, title.pinyin, title.series, title.subjects)


@event.listens_for(Title, "before_insert")
@event.listens_for(Title, "before_update")
def _keys_on_save(_mapper, _connection, target: Title) -> None:
    fill_keys(target)


def words(query: str) -> list[str]:
    """The words of a query, folded; hyphens inside an ISBN-looking word are dropped."""
    folded = "".join(ch if ch.isspace() or unicodedata.category(ch)[0] != "C" else " "
                     for ch in _fold(query).replace(PAIR_MARK, " "))
    if _ISBN_LIKE.match(folded):
        return [compact(folded).lower()]
    return [word for word in folded.split() if word]


def _exact_isbn(query: str) -> str | None:
    digits = without_add_on(compact(query))
    if len(digits) in (10, 13) and stdnum_isbn.is_valid(digits):
        return stdnum_isbn.to_isbn13(digits)
    return None


def _exact_ids(session: Session, query: str) -> set[int]:
    """Titles named exactly: by the ISBN (10 or 13 digits) or by one of their copies' barcodes."""
    found: set[int] = set()
    isbn13 = _exact_isbn(query)
    if isbn13:
        found.update(session.scalars(select(Title.id).where(Title.isbn == isbn13)))
    code = normalize(query)
    if code:
        found.update(session.scalars(select(Copy.title_id).where(Copy.barcode == code)))
    return found


def matching_ids(session: Session, query: str, after_id: int | None = None, limit: int | None = PAGE_SIZE) -> list[int]:
    """Ids of the titles matching ``query``, newest first, below ``after_id``; all of them when ``limit`` is None."""
    terms = words(query)
    if not terms:
        stmt = select(Title.id).order_by(Title.id.desc())
        if after_id is not None:
            stmt = stmt.where(Title.id < after_id)
        return list(session.scalars(stmt.limit(limit) if limit is not None else stmt))
    found = set(index_for(session).ids(session, terms, after_id, limit))
    found.update(i for i in _exact_ids(session, query) if after_id is None or i < after_id)
    ordered = sorted(found, reverse=True)
    return ordered[:limit] if limit is not None else ordered


@dataclass(frozen=True)
class TitleRow:
    """One line of the title list: the record's main fields and where its copies stand."""

    id: int
    title: str
    author: str
    publisher: str
    pub_year: int | None
    isbn: str | None
    clc: str
    call_number: str
    shelf_key: str  # the call number's shelf-order key: the shelf order pages on it
    topic: str
    material: str
    holdings: int  # copies not withdrawn and not lost
    on_shelf: int
    on_loan: int
    elsewhere: int  # in repair, processing or missing


#: The orders the title list offers: newest first, or shelf order (by call number, as the books stand).
NEWEST, SHELF_ORDER = "newest", "call_number"


def find_titles(session: Session, query: str = "", after_id: int | None = None, limit: int = PAGE_SIZE,
                order: str = NEWEST, after_shelf_key: str | None = None) -> list[TitleRow]:
    """One page of titles matching ``query``; pass the last row's id (and shelf key) to get the next.

    Newest first is what searching wants; shelf order (the call number's shelf key, then id) is
    what checking the shelves wants, and pages on the (shelf_key, id) index the same way.
    """
    if order == SHELF_ORDER:
        return title_rows(session, _in_shelf_order(session, query, after_id, after_shelf_key, limit))
    return title_rows(session, matching_ids(session, query, after_id, limit))


def _in_shelf_order(session: Session, query: str, after_id: int | None, after_shelf_key: str | None,
                    limit: int) -> list[int]:
    stmt = select(Title.id).order_by(Title.shelf_key, Title.id).limit(limit)
    if after_id is not None:
        stmt = stmt.where(tuple_(Title.shelf_key, Title.id) > tuple_(after_shelf_key or "", after_id))
    if not words(query):
        return list(session.scalars(stmt))
    matched = matching_ids(session, query, limit=None)
    if not matched:
        return []
    # Matches are few next to the room; those many (a one-letter word) are ordered in chunks.
    found: list[int] = []
    for start in range(0, len(matched), 5000):
        found.extend(session.scalars(stmt.where(Title.id.in_(matched[start:start + 5000]))))
    if len(matched) <= 5000:
        return found
    keys = dict(session.execute(select(Title.id, Title.shelf_key).where(Title.id.in_(found))).all())
    return sorted(found, key=lambda i: (keys[i], i))[:limit]


def count_titles(session: Session, query: str = "", cap: int | None = None) -> int:
    """How many titles match (at most ``cap`` + 1 are counted, so a 'more than' display stays quick)."""
    if not words(query):
        return session.scalar(select(func.count(Title.id))) or 0
    return len(matching_ids(session, query, limit=None if cap is None else cap + 1))


_ROW_COLUMNS = (Title.id, Title.title, Title.author, Title.publisher, Title.pub_year, Title.isbn, Title.clc,
                Title.call_number, Title.shelf_key, Title.topic, Title.material)


def title_rows(session: Session, ids: list[int]) -> list[TitleRow]:
    """The list lines for ``ids``, in that order, with their copy counts (two queries, plain columns)."""
    if not ids:
        return []
    counts = {
        row.title_id: row
        for row in session.execute(
            select(
                Copy.title_id,
                func.sum(case((Copy.status.not_in(NOT_HOLDINGS), 1), else_=0)).label("holdings"),
                func.sum(case((Copy.status == AVAILABLE, 1), else_=0)).label("on_shelf"),
                func.sum(case((Copy.status == ON_LOAN, 1), else_=0)).label("on_loan"),
                func.sum(case((Copy.status.in_(ELSEWHERE), 1), else_=0)).label("elsewhere"),
            ).where(Copy.title_id.in_(ids)).group_by(Copy.title_id)
        )
    }
    fields = {row.id: row for row in session.execute(select(*_ROW_COLUMNS).where(Title.id.in_(ids)))}
    rows = []
    for title_id in ids:
        title, count = fields[title_id], counts.get(title_id)
        rows.append(TitleRow(
            **title._mapping, holdings=int(count.holdings or 0) if count else 0,  # the columns are named as the fields
            on_shelf=int(count.on_shelf or 0) if count else 0, on_loan=int(count.on_loan or 0) if count else 0,
            elsewhere=int(count.elsewhere or 0) if count else 0,
        ))
    return rows


#: A list with more new titles than this is imported without their search keys: working out pinyin
#: and indexing 100,000 titles takes longer than the rest of the import, so :func:`key_titles` does
#: it afterwards, a batch at a time (the window in the background, the command line straight away).
#: Until then such a title is found by its title, author, publisher, ISBN and call number (see
#: ``search_index._unkeyed``), not yet by pinyin or a 2-character Chinese substring of them.
KEYS_INLINE_MAX = 10_000
#: Titles keyed per write in :func:`key_titles` (one statement: it holds the lock for 15–40 ms).
KEY_BATCH = 150


def keys_later(new_titles: int) -> bool:
    """Whether an import of ``new_titles`` new titles leaves their search keys to :func:`key_titles`."""
    return new_titles > KEYS_INLINE_MAX


_KEY_FIELDS = (Title.id, Title.title, Title.author, Title.publisher, Title.isbn, Title.clc, Title.call_number,
               Title.series, Title.subjects)


def unkeyed_count(session: Session) -> int:
    """Titles whose search keys are still to be worked out."""
    return session.scalar(select(func.count()).select_from(Title).where(Title.search_text == "")) or 0


def unkeyed_rows(session: Session, after_id: int = 0, limit: int = KEY_BATCH) -> list[tuple]:
    """The next ``limit`` unkeyed titles above ``after_id``: their id and the fields :func:`keys_of` reads."""
    return [tuple(row) for row in session.execute(
        select(*_KEY_FIELDS).where(Title.search_text == "", Title.id > after_id).order_by(Title.id).limit(limit))]


def keys_of(rows: list[tuple], known: Mapping[str, str] | None = None) -> list[dict]:
    """The keys of :func:`unkeyed_rows`' titles, for :func:`store_keys` (worked out, nothing read or written).

    ``known``: pinyin already worked out for some titles and authors (the key worker's, sent ahead by
    the import). A title whose fields give no searchable text at all keeps '' and comes back with an
    empty key: the caller moves past it by id, so it never loops.
    """
    known = known or {}
    keyed = []
    for title_id, title, author, publisher, isbn, clc, call_number, series, subjects in rows:
        pinyin = known.get(title or "")
        if pinyin is None:
            pinyin = pinyin_key(title or "")
        keyed.append({"key_id": title_id, "key_pinyin": pinyin,
                      "key_text": search_text(title, author, publisher, isbn, clc, call_number, pinyin, series,
                                              subjects, known.get(author or ""))})
    return keyed


def keys_to_store(session: Session, after_id: int = 0, limit: int = KEY_BATCH) -> list[dict]:
    """The keys of the next ``limit`` unkeyed titles above ``after_id`` (read and worked out, nothing written)."""
    return keys_of(unkeyed_rows(session, after_id, limit))


_STORE_KEYS = (Title.__table__.update()
               .where(Title.__table__.c.id == bindparam("key_id"), Title.__table__.c.search_text == "")
               .values(pinyin=bindparam("key_pinyin"), search_text=bindparam("key_text")))


#: The same on SQLite in one statement for the whole batch, its keys given as one JSON array. Row by row, each
#: UPDATE is a statement of its own, and FTS5 writes its pending index data out at every statement that changes
#: it through the trigger: a tiny segment per title, merged again and again. One statement writes one segment
#: (measured, 30,000 titles in batches of 50: 2.3 s, writes p95 16 ms, against 6–10 s and 40–50 ms).
_STORE_KEYS_AT_ONCE = text(
    "UPDATE titles SET pinyin = json_extract(keyed.value, '$[1]'), search_text = json_extract(keyed.value, '$[2]') "
    "FROM json_each(:keyed) AS keyed "
    "WHERE titles.id = json_extract(keyed.value, '$[0]') AND titles.search_text = ''")


def _at_once(session: Session) -> bool:
    """Whether this database takes :data:`_STORE_KEYS_AT_ONCE` (SQLite 3.33 and later: UPDATE … FROM)."""
    bind = session.get_bind()
    return bind.dialect.name == "sqlite" and sqlite3.sqlite_version_info >= (3, 33)


def store_keys(session: Session, keyed: list[dict]) -> int:
    """Write keys from :func:`keys_to_store` (how many had any); a title saved meanwhile (it has its keys
    already) is left alone."""
    keyed = [row for row in keyed if row["key_text"]]
    if not keyed:
        return 0
    if _at_once(session):
        rows = [[row["key_id"], row["key_pinyin"], row["key_text"]] for row in keyed]
        session.execute(_STORE_KEYS_AT_ONCE, {"keyed": json.dumps(rows, ensure_ascii=False)})
    else:
        session.execute(_STORE_KEYS, keyed)
    return len(keyed)


def key_titles(read, write, progress=None, batch: int | None = None, stop=None, rest: float = 0.0,
               worker: bool = True) -> int:
    """Key every unkeyed title: ``read()``/``write()`` give sessions (a read to work out, a short write to store).

    Returns the number of titles keyed; ``progress(done, total)`` after each batch; ``stop()``
    true ends it after the batch under way. ``rest``: after each batch, sleep that many times as
    long as the batch took, so work beside it (a scan at the desk) finds the interpreter and the
    database free most of the time.

    Many titles (``key_worker.MIN_TITLES``, or any once an import has sent their texts ahead) are
    worked out by the key worker's second process, the next batch there while this one is written
    here; ``worker=False``, or a worker that cannot start or fails, works them out in this process.
    """
    from bookroom_desk.services.catalogue import key_worker

    batch = batch or KEY_BATCH
    with read() as session:
        total = unkeyed_count(session)
    if not total:
        return 0
    helper = key_worker.for_keying(total) if worker else None
    learnt_before = helper.learnt if helper else 0
    with write() as session:
        set_automerge(session, FTS5_AUTOMERGE_KEYING)
    done = 0
    try:
        with read() as session:
            rows = unkeyed_rows(session, 0, batch)
        ahead = helper.keys(keys_of, rows) if helper and rows else None
        while rows and not (stop and stop()):
            began = time.perf_counter()
            with read() as session:  # the next batch read, and sent to be worked out while this one is stored
                following = unkeyed_rows(session, rows[-1][0], batch)
            following_ahead = helper.keys(keys_of, following) if helper and following else None
            keyed = helper.result(ahead) if helper and ahead else None
            with write() as session:
                done += store_keys(session, keyed if keyed is not None else keys_of(rows))
            rows, ahead = following, following_ahead
            if progress:
                progress(min(done, total), total)
            if rest:
                time.sleep((time.perf_counter() - began) * rest)
    finally:
        if helper:  # stopped (the program ends): its process is not waited for
            key_worker.done_keying(helper, learnt_before, wait=not (stop and stop()))
        with write() as session:
            set_automerge(session, FTS5_AUTOMERGE)
    return done


def refresh_keys(session: Session, batch: int = 2000) -> int:
    """Key every unkeyed title within this one write session; the number keyed."""
    same = lambda: nullcontext(session)  # noqa: E731 - reads and writes in the caller's session
    return key_titles(same, same, batch=batch, worker=False)
