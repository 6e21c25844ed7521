"""An import's titles matched against the room's (rules in :mod:`duplicates`), and the decisions on unclear ones.

Works on the plan's titles (:class:`import_plan.PlannedTitle`, here a protocol so this module sits below it):
the same book twice in the file is one title; a title the room has (clearly) receives the copies; an
unclear one waits for a decision (a row → the title chosen, or a new title) before anything is imported.
A title of the room without an ISBN that receives a record's copies gets its ISBN (:func:`give_isbns`); a
call number the record gives is then not used (the copies are that title's, on its call number), and is
checked as a new title's only when the record is decided a new title (``import_plan.check_decided_call_numbers``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

from bookroom_desk.errors import ImportRejected
from bookroom_desk.services.catalogue.duplicates import Candidate, Key, by_isbn, decide, same_titles
from bookroom_desk.services.xlsx.problems import RowProblem
from bookroom_desk.store.models import Title
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_phrases, translate

CANDIDATE = QT_TRANSLATE_NOOP("BookroomError", "{label}（ID {id}）")


class Planned(Protocol):
    """What this module reads and sets of a planned title."""

    data: Any  # TitleData
    key: Key
    existing_id: int | None
    existing: Candidate | None
    candidates: tuple[Candidate, ...]
    rows: list[int]
    copies: list


@dataclass(frozen=True)
class Decisions:
    """The volunteer's answers for unclear rows: {file row: the title's id, or None for a new title}.

    A decision given for any row of a title counts for the title (the first such row, in file order);
    ``rest_new`` makes every unclear title without one a new title (``--new-titles-for-unclear``).
    """

    rows: Mapping[int, int | None] = field(default_factory=dict)
    rest_new: bool = False


NONE = Decisions()


class UndecidedMatches(ImportRejected):
    """Rows that may be titles the room has, still undecided (or decided for a title not among their candidates)."""

    def __init__(self, problems: list[RowProblem], unclear: list[tuple[int, tuple[Candidate, ...]]]) -> None:
        super().__init__(problems, QT_TRANSLATE_NOOP(
            "BookroomError", "有 {count} 行可能与已有书目重复，请逐行决定后再导入；未导入任何数据。"))
        self.unclear = unclear


def merge_in_file(with_isbn: Iterable[Planned], named: Mapping[tuple, Planned]) -> set[tuple]:
    """A title without ISBN in the file that is one with an ISBN there (same key) becomes part of it.

    Only when exactly one ISBN title has its key: two (volumes of a set, say) leave it a title of its own.
    Returns the keys (in ``named``) of the titles merged, to drop.
    """
    isbn_titles: dict[Key, list[Planned]] = defaultdict(list)
    for planned in with_isbn:
        isbn_titles[planned.key].append(planned)
    merged = set()
    for name_key, planned in named.items():
        into = isbn_titles.get(planned.key, [])
        if len(into) == 1:
            into[0].rows.extend(planned.rows)
            into[0].copies.extend(planned.copies)
            into[0].rows.sort()
            merged.add(name_key)
    return merged


def match_titles(session: Session, titles: Sequence[Planned]) -> None:
    """Set each title's match in the room: ``existing_id``/``existing`` (clear) or ``candidates`` (unclear).

    Two reads for the whole list: the titles with the list's ISBNs (chunked), then the room's titles of
    the same normalised titles (see :func:`duplicates.same_titles`).
    """
    known = by_isbn(session, (t.data.isbn for t in titles if t.data.isbn))
    rest = []
    for planned in titles:
        found = known.get(planned.data.isbn) if planned.data.isbn else None
        if found is not None:
            planned.existing_id, planned.existing = found.id, found
        else:
            rest.append(planned)
    if not rest:
        return
    named = same_titles(session, {t.key.title for t in rest}, isbn_less_only=all(t.data.isbn for t in rest))
    for planned in rest:
        match = decide(planned.key, planned.data.isbn, named.get(planned.key.title, []))
        if match.same is not None:
            planned.existing_id, planned.existing = match.same.id, match.same
        planned.candidates = match.candidates


def give_isbns(session: Session, titles: Sequence[Planned]) -> int:
    """A title of the room without an ISBN gets the ISBN of the record whose copies it receives; how many did.

    Not when another title of the room has that ISBN, nor when two records of the import bring it different
    ones (the first, in file order, gives its ISBN). Called when the import writes, after the decisions.
    """
    given: dict[int, str] = {}
    for planned in titles:
        existing = planned.existing
        if planned.existing_id is not None and existing is not None and not existing.isbn and planned.data.isbn:
            given.setdefault(planned.existing_id, planned.data.isbn)
    taken = by_isbn(session, given.values())
    isbns = [isbn for isbn in given.values() if isbn not in taken]
    unique = {isbn for isbn in isbns if isbns.count(isbn) == 1}
    count = 0
    for title_id, isbn in given.items():
        title = session.get(Title, title_id)
        if isbn in unique and title is not None and not title.isbn:
            title.isbn = isbn  # its search keys follow on the flush (services.catalogue.search)
            count += 1
    session.flush()
    return count


def _listed(candidates: Sequence[Candidate]) -> str:
    """The candidates as a problem names them: 《红楼梦》曹雪芹 人民文学出版社 2020（ID 12）；…"""
    return join_phrases(translate("BookroomError", CANDIDATE).format(label=c.label, id=c.id) for c in candidates)


def apply(titles: Sequence[Planned], decisions: Decisions, column: str) -> None:
    """Decide every unclear title by ``decisions`` or raise :class:`UndecidedMatches` naming each row left.

    ``column`` is the title column's heading, where the problems are placed.
    """
    problems: list[RowProblem] = []
    unclear: list[tuple[int, tuple[Candidate, ...]]] = []
    for planned in titles:
        if not planned.candidates:
            continue
        given = [row for row in planned.rows if row in decisions.rows]
        if not given and not decisions.rest_new:
            problems.append(RowProblem(planned.rows[0], column, QT_TRANSLATE_NOOP(
                "BookroomError", "可能与已有书目重复：{candidates}。请选择加到其中一种，或作为新书目。"),
                {"candidates": _listed(planned.candidates)}))
            unclear.append((planned.rows[0], planned.candidates))
            continue
        chosen = decisions.rows[given[0]] if given else None
        if chosen is None:
            planned.candidates = ()
            continue
        same = next((c for c in planned.candidates if c.id == chosen), None)
        if same is None:
            problems.append(RowProblem(given[0], column, QT_TRANSLATE_NOOP(
                "BookroomError", "选择的书目 ID {chosen} 不是这一行的候选（候选：{candidates}）。"),
                {"chosen": chosen, "candidates": _listed(planned.candidates)}))
            unclear.append((given[0], planned.candidates))
            continue
        planned.existing_id, planned.existing, planned.candidates = same.id, same, ()
    if problems:
        raise UndecidedMatches(problems, unclear)
