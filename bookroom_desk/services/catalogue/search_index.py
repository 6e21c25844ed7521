"""Where title search looks: SQLite's FTS5 trigram index when present, else a portable LIKE scan (same results).

On PostgreSQL the LIKE scan is the query, and migration 0002 gives ``search_text`` a pg_trgm GIN
index (when the server offers the extension), which PostgreSQL uses for ``LIKE '%word%'`` itself
(a 2-character Chinese word is looked for as its pair, see :class:`TrigramIndex`).

Both answer one question — the ids of titles whose ``search_text`` holds every word, newest first,
below a keyset bound — so the search module never knows which one ran. A 2-character Chinese word
cannot use trigrams directly; ``search_text`` therefore also lists each adjacent pair of Chinese
characters followed by ``|`` (see :func:`cjk_pairs`), so the word ``红楼`` is the trigram ``红楼|``.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from bookroom_desk.store.models import TITLE_SEARCH, Title

PAIR_MARK = "|"
_FIELDS = (Title.title, Title.author, Title.publisher, Title.pinyin, Title.isbn, Title.call_number, Title.series,
           Title.subjects)
_has_fts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

#: The SQLite index and the triggers that keep it in step with titles, as migration 0002 makes them (it keeps
#: its own copy). A later migration that rebuilds the titles table (batch mode) must run them again.
SQLITE_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLE_SEARCH} USING fts5("
    "search_text, content='titles', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS titles_search_insert AFTER INSERT ON titles BEGIN "
    f"INSERT INTO {TITLE_SEARCH}(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS titles_search_delete AFTER DELETE ON titles BEGIN "
    f"INSERT INTO {TITLE_SEARCH}({TITLE_SEARCH}, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS titles_search_update AFTER UPDATE OF search_text ON titles BEGIN "
    f"INSERT INTO {TITLE_SEARCH}({TITLE_SEARCH}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {TITLE_SEARCH}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"INSERT INTO {TITLE_SEARCH}({TITLE_SEARCH}) VALUES ('rebuild')",
)


@contextmanager
def indexing_in_bulk(session: Session) -> Iterator[None]:
    """Inside a write transaction: many titles inserted at once are indexed in one statement afterwards.

    The per-row trigger is dropped for the duration and created again; SQLite's DDL is part of the
    transaction, so a failure rolls the trigger back into place with everything else.
    """
    if not isinstance(index_for(session), Fts5Index):
        yield
        return
    start = (session.scalar(select(func.max(Title.id))) or 0) + 1
    session.execute(text("DROP TRIGGER IF EXISTS titles_search_insert"))
    yield
    session.execute(text(f"INSERT INTO {TITLE_SEARCH}(rowid, search_text) "
                         "SELECT id, search_text FROM titles WHERE id >= :start"), {"start": start})
    session.execute(text(SQLITE_DDL[1]))


#: FTS5's own number of segments on a level before it merges them.
FTS5_AUTOMERGE = 4
#: While search keys are stored a short batch at a time: merges half as often, and each write stays short
#: (measured on 30,000 new titles, batches of 50: writes p95 41 ms, longest 70 ms, against 94/225 ms).
FTS5_AUTOMERGE_KEYING = 8


def set_automerge(session: Session, segments: int) -> None:
    """Set the FTS5 index's automerge (nothing where search is not FTS5)."""
    if isinstance(index_for(session), Fts5Index):
        session.execute(text(f"INSERT INTO {TITLE_SEARCH}({TITLE_SEARCH}, rank) VALUES ('automerge', :n)"),
                        {"n": segments})


#: The PostgreSQL trigram index over ``titles.search_text`` (made by migration 0002 where pg_trgm exists).
PG_TRGM_INDEX = "ix_titles_search_trgm"


def is_cjk(ch: str) -> bool:
    return unicodedata.category(ch) == "Lo"


def _maybe_cjk_runs() -> re.Pattern:
    """Runs of two or more characters that may be Chinese: any but the Latin, Greek and Cyrillic non-"Lo" ones.

    Each character of a run is then checked with :func:`is_cjk`; finding the runs in C keeps
    keying a big list quick. The few "Lo" letters in those scripts (ª, º, ǀ, ʔ …) stay in the runs.
    """
    plain = [code for code in range(0x530) if not is_cjk(chr(code))]
    spans: list[str] = []
    start = plain[0]
    for previous, code in zip(plain, plain[1:] + [-1]):  # -1 closes the last run
        if code != previous + 1:
            spans.append(f"\\u{start:04x}-\\u{previous:04x}")
            start = code
    return re.compile(f"[^{''.join(spans)}]{{2,}}")


_MAYBE_CJK_RUN = _maybe_cjk_runs()
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")  # CJK Unified Ideographs: every one is "Lo"


def cjk_pairs(*texts: str | None) -> str:
    """'红楼梦' -> '红楼|楼梦|': every adjacent pair of Chinese characters, marked for the trigram index."""
    pairs: dict[str, None] = {}
    for value in texts:
        for run in _MAYBE_CJK_RUN.findall(value or ""):
            if _HAN_RUN.fullmatch(run):  # the usual run: all common ideographs, all "Lo"
                pairs.update(dict.fromkeys(map(_pair, run, run[1:])))
                continue
            for a, b in zip(run, run[1:]):
                if is_cjk(a) and is_cjk(b):
                    pairs[a + b + PAIR_MARK] = None
    return "".join(pairs)


def _pair(a: str, b: str) -> str:
    return a + b + PAIR_MARK


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _all(conditions):
    result = conditions[0]
    for condition in conditions[1:]:
        result = result & condition
    return result


def _by_text(words: list[str]):
    return _all([Title.search_text.like(_like(word), escape="\\") for word in words])


def _unkeyed(words: list[str]):
    # A title written without its keys (straight through the models) is still found by its fields.
    return (Title.search_text == "") & _all([
        or_(*(func.lower(column).like(_like(word), escape="\\") for column in _FIELDS)) for word in words])


def _page(stmt, after_id: int | None, limit: int | None):
    if after_id is not None:
        stmt = stmt.where(Title.id < after_id)
    stmt = stmt.order_by(Title.id.desc())
    return stmt.limit(limit) if limit is not None else stmt


class LikeIndex:
    """A scan of ``search_text`` with one LIKE per word: any database, no index."""

    def ids(self, session: Session, words: list[str], after_id: int | None, limit: int | None) -> list[int]:
        stmt = select(Title.id).where(or_(_by_text(words), _unkeyed(words)))
        return list(session.scalars(_page(stmt, after_id, limit)))


def _fts_word(word: str) -> str | None:
    """The FTS5 phrase for ``word``, or None when trigrams cannot find it (shorter than 3 characters)."""
    if len(word) == 2 and is_cjk(word[0]) and is_cjk(word[1]):
        word += PAIR_MARK
    if len(word) < 3:
        return None
    return '"' + word.replace('"', '""') + '"'


class Fts5Index(LikeIndex):
    """SQLite's FTS5 trigram index for words of 3+ characters (and Chinese pairs); LIKE for the rest."""

    def ids(self, session: Session, words: list[str], after_id: int | None, limit: int | None) -> list[int]:
        phrases = [p for p in (_fts_word(w) for w in words) if p]
        if not phrases:
            return super().ids(session, words, after_id, limit)
        short = [w for w in words if _fts_word(w) is None]
        bound = "AND rowid < :after " if after_id is not None else ""
        cap = "LIMIT :limit" if limit is not None else ""
        params = {"match": " ".join(phrases), "after": after_id, "limit": limit}
        if short:
            # The index narrows, LIKE finishes: titles holding the long words, then the short ones.
            matched = text(f"SELECT rowid FROM {TITLE_SEARCH} WHERE {TITLE_SEARCH} MATCH :match")
            stmt = select(Title.id).where(Title.id.in_(matched.bindparams(match=params["match"])), _by_text(short))
            found = list(session.scalars(_page(stmt, after_id, limit)))
        else:
            found = list(session.scalars(text(
                f"SELECT rowid FROM {TITLE_SEARCH} WHERE {TITLE_SEARCH} MATCH :match {bound}"
                f"ORDER BY rowid DESC {cap}"), params))
        unkeyed = list(session.scalars(_page(select(Title.id).where(_unkeyed(words)), after_id, limit)))
        merged = sorted(set(found) | set(unkeyed), reverse=True)
        return merged[:limit] if limit is not None else merged


def _trigram_word(word: str) -> str:
    """What to look for in ``search_text`` through a trigram index: a 2-character Chinese word as its pair."""
    return word + PAIR_MARK if len(word) == 2 and is_cjk(word[0]) and is_cjk(word[1]) else word


class TrigramIndex(LikeIndex):
    """PostgreSQL's pg_trgm index over ``search_text`` (migration 0002): the LIKE scan, with a 2-character
    Chinese word looked for as its marked pair (``红楼|``), as FTS5 looks for it. ``LIKE '%红楼%'`` holds no
    trigram, so the server read every title for it (57 ms of 50,000 titles for a rare word); the pair is
    one trigram the index finds. Titles without keys are still found by their fields (the partial index
    ``ix_titles_unkeyed``)."""

    def ids(self, session: Session, words: list[str], after_id: int | None, limit: int | None) -> list[int]:
        stmt = select(Title.id).where(or_(_by_text([_trigram_word(w) for w in words]), _unkeyed(words)))
        return list(session.scalars(_page(stmt, after_id, limit)))


def index_for(session: Session) -> LikeIndex:
    """The index this session's database offers."""
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    if engine.dialect.name == "postgresql":
        return TrigramIndex()
    if engine.dialect.name != "sqlite":
        return LikeIndex()
    if engine not in _has_fts:
        found = session.execute(text("SELECT sql FROM sqlite_master WHERE name = :name"),
                                {"name": TITLE_SEARCH}).scalar()
        _has_fts[engine] = bool(found and found.upper().startswith("CREATE VIRTUAL TABLE"))
    return Fts5Index() if _has_fts[engine] else LikeIndex()
