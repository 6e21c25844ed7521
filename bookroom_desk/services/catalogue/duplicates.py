"""Is this book already catalogued? Titles, authors and publishers normalised, and matched against the room.

The rules, for an import's rows and for the new-title form alike:

- the same ISBN (ISBN-10 and -13 are one: both are stored as ISBN-13) is the same title;
- otherwise, when the two do not both carry an ISBN (two different ISBNs are two editions, or two
  volumes of a set), the normalised title, author, publisher and year all equal is the same title
  (clear); the title equal but any of the others different or missing on one side is unclear, and the
  volunteer decides among the candidates;
- anything else is a new title.

There is no stored normalised key: the room's titles are read through a prefilter (a LIKE of the search
text for a few titles, as the new-title form asks; one pass over every title for a list) and normalised here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.catalogue.titles import TitleData, parse_year
from bookroom_desk.services.common.isbn import normalize_isbn
from bookroom_desk.store.models import Title

#: Most candidates kept for an unclear match (a room with more same-named titles is shown these).
MOST_CANDIDATES = 20
#: Up to this many titles are looked for with LIKE filters (about 45 ms each over 100,000 titles); more are matched
#: in one pass over the room (about 330 ms for 100,000).
LIKE_MOST = 6
#: Most characters of a title a LIKE prefilter asks for.
PATTERN_CHARACTERS = 4

# Whole words at the end of an author: what they did (著, 主编, 译...) and 等 ("and others").
_ROLES = re.compile(r"(?:副主编|主编|编著|编译|编写|编选|选编|改编|编绘|编注|整理|校注|译注|注释|原著|著译|口述|"
                    r"撰文|等|编|著|译|撰|绘|注)+$")
# A part of an author that is a role on its own: 张三 文，李四 图.
_ROLE_ALONE = frozenset(("文", "图", "画", "摄影", "主审", "审", "插图"))
# A nationality or dynasty in brackets before an author's name: [美]、（清）、〔英〕.
_ORIGIN = re.compile(r"^[\[(（〔【][^\])）〕】]{1,4}[\])）〕】]")
# A publisher's legal form and the word 出版 itself, at the end: 出版社, 出版有限公司, 集团...
_PUBLISHER_TAIL = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|出版集团|出版公司|出版社|出版|集团|公司)+$")
# A place before a colon, as catalogues write publishers: 北京：人民出版社.
_PLACE = re.compile(r"^[^:]{1,6}:(?=.)")
_SEPARATORS = re.compile(r"[\s,;/、，；·•]+")
_DROPPED = frozenset("PZC")  # punctuation, blanks (separators) and control or format characters


def _folded(text: str) -> str:
    """NFKC (full-width to half-width, compatibility forms to their plain ones) and case folded."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


class _Dropping(dict):
    """str.translate's table: None (dropped) for punctuation, blanks and control characters, learnt per character."""

    def __missing__(self, code: int) -> int | None:
        kept = self[code] = None if unicodedata.category(chr(code))[0] in _DROPPED else code
        return kept


_DROPPING = _Dropping()
# Text of these only (Chinese characters, lower-case letters and digits) is left as it is by every step below,
# unless a role or a publisher's form ends it: a step's result made of them needs no second step to show it.
_PLAIN = re.compile(r"[\u4e00-\u9fffa-z0-9]*")


def _bare(text: str) -> str:
    """Without punctuation, blanks and control characters."""
    return text.translate(_DROPPING)


def _settled(step, text: str, tail: re.Pattern | None = None) -> str:
    """``step`` applied until the text no longer changes (so normalising twice changes nothing).

    Plain text (see ``_PLAIN``) not ending in ``tail`` is settled already: most is, as given or after one step.
    """
    if _settled_already(text, tail):
        return text
    for _ in range(8):
        after = step(text)
        if after == text or _settled_already(after, tail):
            return after
        text = after
    return text


def _settled_already(text: str, tail: re.Pattern | None) -> bool:
    return bool(_PLAIN.fullmatch(text)) and not (tail and tail.search(text)) and text not in _ROLE_ALONE


def _title_step(text: str) -> str:
    return _bare(_folded(text))


def _author_step(text: str) -> str:
    parts = (_bare(part) for part in _SEPARATORS.split(_ORIGIN.sub("", _folded(text).strip())))
    return _bare(_folded("".join(_ROLES.sub("", part) for part in parts if part not in _ROLE_ALONE)))


def _publisher_step(text: str) -> str:
    return _PUBLISHER_TAIL.sub("", _bare(_PLACE.sub("", _folded(text).strip())))


@lru_cache(maxsize=8192)
def normal_title(text: str) -> str:
    """A title as compared: 《》, punctuation and blanks gone, full-width and case folded ('《红楼梦》' → '红楼梦')."""
    return _settled(_title_step, text or "")


@lru_cache(maxsize=8192)
def normal_author(text: str) -> str:
    """An author as compared: roles (著, 主编, 译, 等...) and a bracketed origin ([美]) gone, as for titles."""
    return _settled(_author_step, text or "", _ROLES)


@lru_cache(maxsize=4096)
def normal_publisher(text: str) -> str:
    """A publisher as compared: its place (北京：) and legal form (出版社, 有限公司...) gone, as for titles."""
    return _settled(_publisher_step, text or "", _PUBLISHER_TAIL)


@dataclass(frozen=True, slots=True)
class Key:
    """What two records of one book share: normalised title, author and publisher, and the year."""

    title: str
    author: str
    publisher: str
    year: int | None

    @classmethod
    def of(cls, title: str, author: str = "", publisher: str = "", year: int | None = None) -> Key:
        return cls(normal_title(title), normal_author(author), normal_publisher(publisher), year)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A catalogued title a record may be: shown to the volunteer as 《title》 author publisher year."""

    id: int
    title: str
    author: str
    publisher: str
    pub_year: int | None
    isbn: str

    @property
    def key(self) -> Key:
        return Key.of(self.title, self.author, self.publisher, self.pub_year)

    @property
    def label(self) -> str:
        rest = " ".join(part for part in (self.author, self.publisher, str(self.pub_year or "")) if part)
        return f"《{self.title}》{rest}".strip()


@dataclass(frozen=True, slots=True)
class Match:
    """What a record is: ``same`` (a title, clear) or ``candidates`` to choose from (unclear), or neither (new)."""

    same: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()

    @property
    def unclear(self) -> bool:
        return self.same is None and bool(self.candidates)


NEW = Match()
_COLUMNS = (Title.id, Title.title, Title.author, Title.publisher, Title.pub_year, Title.isbn)


def _candidate(row) -> Candidate:
    return Candidate(row.id, row.title, row.author or "", row.publisher or "", row.pub_year, row.isbn or "")


def by_isbn(session: Session, isbns: Iterable[str]) -> dict[str, Candidate]:
    """{ISBN-13: the title that has it} for the ISBNs given (already ISBN-13), read in chunks."""
    wanted, found = sorted(set(isbns)), {}
    for start in range(0, len(wanted), 500):
        for row in session.execute(select(*_COLUMNS).where(Title.isbn.in_(wanted[start:start + 500]))):
            found[row.isbn] = _candidate(row)
    return found


_PATTERN_CHARACTER = re.compile(r"[\u4e00-\u9fffa-z0-9]")


def _pattern(normal: str) -> str:
    """A LIKE pattern the search text (services.search) of every title normalising to ``normal`` matches.

    The search text holds the title after NFKC and in lower case, so the Chinese characters, letters and
    digits of ``normal`` are in it, in order, whatever blanks, marks or compatibility forms stood between.
    At most ``PATTERN_CHARACTERS`` of them (the first, the last and between): each '%' more makes LIKE try
    more ways to match a text that does not (14 took 1.7 s over 100,000 titles).
    """
    fixed = _PATTERN_CHARACTER.findall(normal)
    if len(fixed) > PATTERN_CHARACTERS:
        step = (len(fixed) - 1) / (PATTERN_CHARACTERS - 1)
        fixed = [fixed[round(i * step)] for i in range(PATTERN_CHARACTERS)]
    return "%" + "%".join(fixed) + "%"


def same_titles(session: Session, titles: Iterable[str], isbn_less_only: bool = False) -> dict[str, list[Candidate]]:
    """{normalised title: catalogued titles normalising to it} for the normalised titles given.

    A few titles are looked for with a LIKE each on the search text (one pass over the table, in SQL; titles
    whose search keys are still to be worked out are read too); many in one pass that reads every title and
    normalises it here. ``isbn_less_only`` reads only titles without an ISBN (all the records have one).
    """
    wanted = {t for t in titles if t}
    found: dict[str, list[Candidate]] = defaultdict(list)
    if not wanted:
        return found
    query = select(*_COLUMNS)
    if isbn_less_only:
        query = query.where(Title.isbn.is_(None))
    if len(wanted) <= LIKE_MOST:
        query = query.where(or_(Title.search_text == "", *(Title.search_text.like(_pattern(t)) for t in wanted)))
    for row in session.execute(query.execution_options(yield_per=5000)):
        normal = normal_title(row.title)
        if normal in wanted:
            found[normal].append(_candidate(row))
    return found


def decide(key: Key, isbn: str, candidates: Sequence[Candidate]) -> Match:
    """The match of a record (``key``, its ISBN or '') among catalogued titles of the same normalised title.

    A candidate with another ISBN is another edition when the record has one too, and is left out.
    """
    possible = [c for c in candidates if not (isbn and c.isbn and c.isbn != isbn)]
    if not possible:
        return NEW
    same = [c for c in possible if c.key == key]
    if len(same) == 1:
        return Match(same[0])
    ordered = same + sorted((c for c in possible if c not in same), key=lambda c: c.id)
    return Match(None, tuple(ordered[:MOST_CANDIDATES]))


def match_record(session: Session, title: str, author: str = "", publisher: str = "", year: int | None = None,
                 isbn: str = "") -> Match:
    """What one record (the new-title form's) is in this room: the title with its ISBN, else by the rules."""
    try:
        isbn = normalize_isbn(isbn) if (isbn or "").strip() else ""
    except InvalidInput:
        isbn = ""  # the form says what is wrong with it; the names may still match
    if isbn:
        found = by_isbn(session, [isbn]).get(isbn)
        if found is not None:
            return Match(found)
    key = Key.of(title, author, publisher, year)
    if not key.title:
        return NEW
    return decide(key, isbn, same_titles(session, [key.title], isbn_less_only=bool(isbn)).get(key.title, []))


def match_new_title(session: Session, data: TitleData) -> Match:
    """What a record typed in the new-title form is in this room (a bad year or ISBN is left to the form to say)."""
    try:
        year = parse_year(data.pub_year)
    except InvalidInput:
        year = None
    return match_record(session, data.title, data.author, data.publisher, year, data.isbn)
