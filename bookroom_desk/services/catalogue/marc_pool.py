"""A MARC file's records into the record pool (书目库), without copies: `import-marc --records-only`.

A union shares one file of records with its rooms; each room loads it, and a later ISBN scan of a book the room
does not hold fills the new-title form from it (services.catalogue.record_pool). All records or none: a file
with any bad record loads nothing and every problem is listed by record and MARC field.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bookroom_desk.errors import ImportRejected
from bookroom_desk.services.catalogue import record_pool
from bookroom_desk.services.catalogue.marc.mapping import MarcRecord
from bookroom_desk.services.catalogue.marc.reading import CNMARC
from bookroom_desk.services.catalogue.marc_import import FIELDS, read_records
from bookroom_desk.services.common.bulk import collector_paused

_YEAR = re.compile(r"\d{4}")
#: Where the pool's fields come from in a CNMARC record, to name them in a problem.
WHERE = {**FIELDS[CNMARC], "other_title": "200 $e", "place": "210 $a", "pages": "215 $a", "series": "225 $a",
         "summary": "330 $a", "subjects": "606 $a"}


def pool_entry(item: MarcRecord) -> record_pool.PoolEntry:
    """The record's values as the pool keeps them (the year as its four digits: '2020.5' is 2020)."""
    year = _YEAR.search(item.year or "")
    return record_pool.PoolEntry(
        title=item.title, isbn=item.isbn, other_title=item.other_title, author=item.author, publisher=item.publisher,
        place=item.place, pub_year=year.group(0) if year else None, price=item.price, clc=item.clc, pages=item.pages,
        series=item.series, summary=item.summary, subjects="；".join(item.subjects))


@collector_paused()
def load_marc(session: Session, data: bytes, *, file_name: str, actor: str, dry_run: bool = False
              ) -> record_pool.LoadResult:
    """Load the MARC file's records into the pool in this write session (their copies, if any, are not made).

    ``dry_run`` checks and counts everything, then rolls the load back: nothing is stored.
    """
    records, problems, _count = read_records(data)
    if problems:
        raise ImportRejected(problems)
    numbered = [(item.number, pool_entry(item)) for item in records]
    nested = session.begin_nested()
    try:
        result = record_pool.add_numbered(session, numbered, source=file_name, actor=actor, columns=WHERE)
    except BaseException:
        nested.rollback()
        raise
    if dry_run:
        nested.rollback()
    else:
        nested.commit()
    return result
