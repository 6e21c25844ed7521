"""Importing delivery lists (配送清单) and old ledgers: all rows or none, recorded as one batch.

Reading and checking live in :mod:`book_import_check`; this module writes, in bulk (one INSERT of
many rows per table), inside the caller's write transaction, after checking again within it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.catalogue import import_matches, key_worker, search
from bookroom_desk.services.catalogue.import_plan import (
    ALIASES,
    FIELD_TITLES,
    REQUIRED,
    ImportPlan,
    PlannedTitle,
    RowPreview,
    check_decided_call_numbers,
    check_file,
    plan_import,
    read_list,
    reject_if_bad,
)
from bookroom_desk.services.catalogue.search_index import indexing_in_bulk
from bookroom_desk.services.catalogue.search_keys import pinyin_key
from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.services.catalogue.shelves import create_shelf, shelf_for_class
from bookroom_desk.services.catalogue.titles import note_call_number, reserve_call_numbers
from bookroom_desk.services.common import clock, permissions, repeats, vocab
from bookroom_desk.services.common.barcodes import Scheme, next_copy_barcodes
from bookroom_desk.services.common.bulk import collector_paused, let_go
from bookroom_desk.services.common.entry import entry_text
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.services.xlsx.tabular import Table
from bookroom_desk.store.bulk_insert import insert_rows
from bookroom_desk.store.models import Copy, CopyEvent, ImportBatch, Shelf, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP


@dataclass
class ImportResult:
    """What an import did (or, with ``dry_run``, would do)."""

    titles: int  # titles that received copies
    new_titles: int
    copies: int
    rows: int
    new_shelves: int = 0
    batch_id: int | None = None
    dry_run: bool = False
    barcodes: list[str] = field(default_factory=list)
    keys_pending: int = 0  # new titles whose search keys search.key_titles still has to work out

    def as_dict(self) -> dict:
        values = asdict(self)
        values.pop("barcodes")
        values.pop("keys_pending")
        return values


def _no_progress(done: int, total: int) -> None:
    """Progress is optional."""


@collector_paused()
def import_table(session: Session, table: Table, *, source: str = "distribution", supplier: str = "",
                 received_on: dt.date | None = None, actor: str, dry_run: bool = False, again: bool = False,
                 decisions: import_matches.Decisions = import_matches.NONE,
                 progress: Progress = _no_progress) -> ImportResult:
    """Check ``table`` again inside this write session, then write every row or raise ImportRejected.

    A row that may be a title the room has (unclear) needs its answer in ``decisions``, else
    :class:`import_matches.UndecidedMatches` (an ImportRejected) lists every such row with its candidates.

    Rows imported before (the same list's digest on an earlier batch) raise :class:`AlreadyImported`
    unless ``again``: each import adds its copies, so the same list twice doubles the stock.
    """
    if not dry_run:
        permissions.require(session, actor, "import")
    digest = table_digest(table)
    if not dry_run and not again:
        repeats.refuse_repeat(session, "books", digest, table.file_name)
    if source not in vocab.SOURCES:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请选择图书来源。"))
    supplier = entry_text(supplier, QT_TRANSLATE_NOOP("book_import", "供货单位"), ImportBatch.supplier,
                          context="book_import")
    plan = plan_import(session, table)
    reject_if_bad(plan)
    unclear = plan.unclear
    import_matches.apply(plan.titles, decisions, plan.table.column_title("title") or "")
    check_decided_call_numbers(session, plan, [t for t in unclear if t.existing_id is None])
    if not plan.titles:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "文件“{name}”中没有可导入的图书。"),
                           name=table.file_name)
    shelves_new = _new_shelf_codes(session, plan)
    if dry_run:
        return ImportResult(len(plan.titles), plan.new_titles, plan.copies, len(plan.previews), len(shelves_new),
                            dry_run=True)
    if search.keys_later(plan.new_titles):  # keyed after the import: the key worker begins on their pinyin now
        key_worker.learn(text for t in plan.titles if t.existing_id is None for text in (t.data.title, t.data.author))
    total = plan.copies + plan.new_titles
    progress(0, total)
    now = clock.now()
    received_on = received_on or now.date()
    batch = ImportBatch(kind="books", source=source, supplier=supplier, file_name=table.file_name[:300],
                        received_on=received_on, created_at=now, created_by=actor, rows=len(plan.previews),
                        content_hash=digest)
    session.add(batch)
    for code in shelves_new:
        create_shelf(session, code, actor=actor)
    session.flush()
    import_matches.give_isbns(session, plan.titles)  # a title of the room without ISBN gets its record's
    with indexing_in_bulk(session):
        title_ids = _insert_titles(session, plan, now)
    progress(plan.new_titles, total)
    barcodes = _insert_copies(session, plan, title_ids, batch.id, source, received_on, actor, now)
    progress(total, total)
    pending = plan.new_titles if search.keys_later(plan.new_titles) else 0
    result = ImportResult(len(plan.titles), plan.new_titles, plan.copies, len(plan.previews), len(shelves_new),
                          batch.id, False, barcodes, pending)
    let_go(plan.titles, plan.previews)
    return result


def table_digest(table: Table) -> str:
    """The digest of the list's rows (header and data), the same for the same list whatever its format."""
    return repeats.fingerprint(cells for _, cells in table.grid.rows)


def earlier_import(session: Session, table: Table) -> repeats.Earlier | None:
    """The batch that already imported this list's rows, or None (the wizard asks before importing again)."""
    return repeats.earlier_batch(session, "books", table_digest(table))


def import_books(session: Session, source_file: Path | str | bytes, *, file_name: str | None = None,
                 mapping: dict | None = None, source: str = "distribution", supplier: str = "",
                 received_on: dt.date | None = None, actor: str, dry_run: bool = False, again: bool = False,
                 decisions: import_matches.Decisions = import_matches.NONE,
                 progress: Progress = _no_progress) -> ImportResult:
    """Read a delivery list and import it in this write session (the CLI's and the wizard's one call)."""
    table = read_list(source_file, file_name, mapping)
    result = import_table(session, table, source=source, supplier=supplier, received_on=received_on, actor=actor,
                          dry_run=dry_run, again=again, decisions=decisions, progress=progress)
    let_go(table.grid.rows)
    return result


def _new_shelf_codes(session: Session, plan: ImportPlan) -> list[str]:
    wanted = sorted({c.shelf for t in plan.titles for c in t.copies if c.shelf})
    known = set(session.scalars(select(Shelf.code).where(Shelf.code.in_(wanted)))) if wanted else set()
    return [code for code in wanted if code not in known]


def _insert_titles(session: Session, plan: ImportPlan, now: dt.datetime) -> dict[int, int]:
    """Insert the new titles in one statement; {index in plan.titles: title id} for all titles."""
    ids = {i: t.existing_id for i, t in enumerate(plan.titles) if t.existing_id is not None}
    new = [(i, t) for i, t in enumerate(plan.titles) if t.existing_id is None]
    given = {t.data.call_number for _, t in new if t.data.call_number}
    orders: dict[int, int | None] = {}
    for i, planned in new:
        if planned.data.call_number:
            orders[i] = note_call_number(session, planned.data.call_number)
    by_class: dict[str, list[int]] = defaultdict(list)
    for i, planned in new:
        if not planned.data.call_number and planned.data.clc:
            by_class[planned.data.clc].append(i)
    for clc, indexes in by_class.items():
        for i, number in zip(indexes, reserve_call_numbers(session, clc, len(indexes), given)):
            plan.titles[i].data.call_number = f"{clc}/{number}"
            orders[i] = number

    keyed = not search.keys_later(len(new))  # else search.key_titles keys them afterwards

    def rows():
        pinyin = text = ""
        for i, planned in new:
            data = planned.data
            if keyed:
                pinyin = pinyin_key(data.title)
                text = search.search_text(data.title, data.author, data.publisher, data.isbn, data.clc,
                                          data.call_number, pinyin, data.series, data.subjects)
            yield dict(
                isbn=data.isbn or None, title=data.title, author=data.author,
                publisher=data.publisher, pub_year=data.pub_year, price=data.price, clc=data.clc,
                order_no=orders.get(i), call_number=data.call_number, shelf_key=shelf_key(data.call_number),
                topic=data.topic, material=data.material, edition=data.edition, pages=data.pages,
                series=data.series, summary=data.summary, subjects=data.subjects,
                notes="", created_at=now, pinyin=pinyin, search_text=text)

    ids.update({i: title_id for (i, _), title_id in zip(new, insert_rows(session, Title.__table__, rows(), ids=True))})
    return ids


def _insert_copies(session: Session, plan: ImportPlan, title_ids: dict[int, int], batch_id: int, source: str,
                   received_on: dt.date, actor: str, now: dt.datetime) -> list[str]:
    given = {c.barcode for t in plan.titles for c in t.copies if c.barcode}
    missing = sum(1 for t in plan.titles for c in t.copies if not c.barcode)
    # New barcodes follow the highest in use, in the database or given in the file.
    fresh = iter(next_copy_barcodes(session, missing, Scheme.load(session), given))
    shelves = list(session.scalars(select(Shelf)))
    by_code = {shelf.code: shelf.id for shelf in shelves}
    codes: list[str] = []
    # The class of each title the room has, read in chunks (not one query per title: a list may add to thousands).
    known = sorted({t.existing_id for t in plan.titles if t.existing_id})
    classes = {row.id: row.clc for start in range(0, len(known), 500)
               for row in session.execute(select(Title.id, Title.clc).where(Title.id.in_(known[start:start + 500])))}

    def rows():
        for i, planned in enumerate(plan.titles):
            clc = classes[planned.existing_id] if planned.existing_id else planned.data.clc
            home = shelf_for_class(session, clc, shelves)
            for copy in planned.copies:
                code = copy.barcode or next(fresh)
                codes.append(code)
                yield dict(barcode=code, title_id=title_ids[i], shelf_id=by_code.get(copy.shelf) if copy.shelf
                           else (home.id if home else None), status=vocab.AVAILABLE, volume_mark="",
                           acquired_on=received_on, source=source,
                           price_paid=copy.price if copy.price is not None else planned.data.price,
                           batch_id=batch_id, removed_on=None, removed_reason="", notes="")

    copy_ids = insert_rows(session, Copy.__table__, rows(), ids=True)
    detail = vocab.SOURCES[source]
    insert_rows(session, CopyEvent.__table__,
                (dict(copy_id=copy_id, at=now, kind="imported", detail=detail, by=actor) for copy_id in copy_ids))
    return codes


__all__ = ["ALIASES", "FIELD_TITLES", "REQUIRED", "ImportPlan", "ImportResult", "PlannedTitle", "RowPreview",
           "check_file", "earlier_import", "import_books", "import_table", "plan_import", "read_list", "reject_if_bad",
           "table_digest"]
