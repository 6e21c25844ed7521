"""新书通报: the titles that came into the room in a period or with an import batch, in shelf order.

One list serves the printed notice, the phone image and the published catalogue's new-arrivals section.
A title counts once, with the copies that arrived (held copies only: withdrawn or lost ones are not news),
how many of all its held copies are on the shelf now, and the shelf most of them stand on.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common.vocab import AVAILABLE, NOT_HOLDINGS
from bookroom_desk.store.models import Copy, Shelf, Title


@dataclass(frozen=True)
class NewBook:
    title_id: int
    title: str
    author: str
    publisher: str
    year: int | None
    isbn: str | None
    call_number: str
    topic: str  # services.common.vocab.TOPICS
    shelf: str  # the shelf's name (its code when unnamed); '' when its copies have no shelf
    arrived: int  # copies that came in the period or batch
    on_shelf: int  # of all the title's held copies, those on the shelf (在架) now
    acquired_on: dt.date  # the first of the arrived copies' dates


def new_books(session: Session, *, start: dt.date | None = None, end: dt.date | None = None,
              batch_id: int | None = None, limit: int | None = None) -> list[NewBook]:
    """Titles with held copies acquired from ``start`` to ``end`` (each inclusive, either open), or in ``batch_id``.

    In shelf order (call number), then by title id; ``limit`` keeps the first so many.
    """
    arrived = select(Copy.title_id, func.count().label("arrived"), func.min(Copy.acquired_on).label("first")) \
        .where(Copy.status.not_in(NOT_HOLDINGS)).group_by(Copy.title_id)
    if start is not None:
        arrived = arrived.where(Copy.acquired_on >= start)
    if end is not None:
        arrived = arrived.where(Copy.acquired_on <= end)
    if batch_id is not None:
        arrived = arrived.where(Copy.batch_id == batch_id)
    came = arrived.subquery()
    query = select(Title, came.c.arrived, came.c.first).join(came, came.c.title_id == Title.id) \
        .order_by(Title.shelf_key, Title.id)
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    if not rows:
        return []
    ids = [title.id for title, _, _ in rows]
    on_shelf: Counter[int] = Counter()
    shelves: dict[int, Counter[str]] = {}
    for start_at in range(0, len(ids), 500):
        chunk = ids[start_at:start_at + 500]
        held = select(Copy.title_id, Copy.status, shelf_label()) \
            .outerjoin(Shelf, Shelf.id == Copy.shelf_id) \
            .where(Copy.title_id.in_(chunk), Copy.status.not_in(NOT_HOLDINGS))
        for title_id, status, shelf in session.execute(held):
            if status == AVAILABLE:
                on_shelf[title_id] += 1
            if shelf:
                shelves.setdefault(title_id, Counter())[shelf] += 1
    return [NewBook(title_id=title.id, title=title.title, author=title.author, publisher=title.publisher,
                    year=title.pub_year, isbn=title.isbn, call_number=title.call_number, topic=title.topic,
                    shelf=commonest(shelves.get(title.id)), arrived=count, on_shelf=on_shelf[title.id],
                    acquired_on=first)
            for title, count, first in rows]


def shelf_label():
    """SQL: a shelf as the workers read it: its name, or its code when it has none (outer-joined: NULL for none)."""
    return func.coalesce(func.nullif(Shelf.name, ""), Shelf.code)


def commonest(counts: Counter[str] | None) -> str:
    """The shelf most copies stand on (the first by name on a tie); '' for none."""
    if not counts:
        return ""
    most = max(counts.values())
    return min(name for name, n in counts.items() if n == most)
