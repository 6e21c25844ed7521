"""Importing a MARC file (CNMARC or MARC 21, ISO 2709 or MARCXML) as a delivery: its records with their copies.

The records are turned into the same :class:`Table` a delivery list gives (one row per record, numbered
as the record is in the file), so the delivery list's checks, its all-or-nothing write, its batch and its
repeat check apply unchanged (:mod:`book_import`). What only MARC can get wrong (a broken record, an
unknown character set, no title, a bad ISBN, a record without copies) is found first; every problem, the
file's and the delivery checks', is reported by record number, and nothing is stored when there is any.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from bookroom_desk.errors import ImportRejected
from bookroom_desk.services.catalogue import book_import, import_matches, import_plan
from bookroom_desk.services.catalogue.import_plan import ImportPlan, RowPreview
from bookroom_desk.services.catalogue.marc.mapping import MarcRecord, map_record
from bookroom_desk.services.catalogue.marc.reading import (
    CNMARC,
    MARC21,
    SUFFIXES,
    RecordProblem,
    problem,
    read_marc,
)
from bookroom_desk.services.catalogue.titles import subject_text
from bookroom_desk.services.common import repeats
from bookroom_desk.services.common.bulk import collector_paused, let_go
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.services.xlsx.problems import RowProblem
from bookroom_desk.services.xlsx.tabular import Grid, Table
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: The delivery list's fields a record fills, and the column names the checks' problems give them.
COLUMNS = (("isbn", "ISBN"), ("title", "书名"), ("author", "著者"), ("publisher", "出版社"), ("pub_year", "出版年"),
           ("price", "定价"), ("clc", "分类号"), ("call_number", "索书号"), ("barcode", "条码号"),
           ("edition", "版次"), ("pages", "页数"), ("series", "丛书"), ("summary", "内容提要"), ("subjects", "主题词"))
#: Where each of those comes from in a CNMARC and in a MARC 21 record, named in the problems.
FIELDS = {
    CNMARC: {"isbn": "010 $a", "title": "200 $a", "author": "200 $f", "publisher": "210 $c", "pub_year": "210 $d",
             "price": "010 $d", "clc": "690 $a", "call_number": "905 $d $e", "barcode": "905 $b",
             "edition": "205 $a", "pages": "215 $a", "series": "225 $a", "summary": "330 $a", "subjects": "606 $a"},
    MARC21: {"isbn": "020 $a", "title": "245 $a", "author": "245 $c", "publisher": "260 $b", "pub_year": "260 $c",
             "price": "020 $c", "clc": "084 $a", "call_number": "905 $d $e", "barcode": "905 $b",
             "edition": "250 $a", "pages": "300 $a", "series": "490 $a", "summary": "520 $a", "subjects": "650 $a"},
}
_BY_HEADER = {kind: {header: fields[name] for name, header in COLUMNS} for kind, fields in FIELDS.items()}


@dataclass(slots=True)
class MarcPlan:
    """The records of a MARC file as a delivery list (``table``), and every problem in it by record."""

    table: Table
    records: list[MarcRecord]
    problems: list[RecordProblem]
    count: int


def read_records(data: bytes) -> tuple[list[MarcRecord], list[RecordProblem], int]:
    """The usable records of a MARC file, the problems of the others, and how many records the file has."""
    marc = read_marc(data)
    records: list[MarcRecord] = []
    problems = list(marc.problems)
    for read in marc.records:
        item, found = map_record(read)
        if item is None:
            problems.extend(found)
        else:
            records.append(item)
    let_go(marc.records)  # a slice at a time: freeing 10,000 pymarc records at once stalls the window
    return records, problems, marc.count


def marc_table(records: list[MarcRecord], file_name: str) -> Table:
    """The records as a delivery list: a header row (0) and one row per record, numbered as in the file."""
    rows: list[tuple[int, list[str]]] = [(0, [header for _, header in COLUMNS])]
    for item in records:
        rows.append((item.number, [item.isbn, item.title, item.author, item.publisher, item.year,
                                   "" if item.price is None else str(item.price), item.clc, item.call_number,
                                   "、".join(item.holdings), item.edition, item.pages, item.series, item.summary,
                                   subject_text(item.subjects)]))
    mapping = {name: i for i, (name, _) in enumerate(COLUMNS)}
    return Table(Grid(file_name, rows), 0, list(rows[0][1]), mapping, [])


def as_record_problem(found: RowProblem, kinds: dict[int, str]) -> RecordProblem:
    """A delivery check's problem of a row, told as the record's and its MARC field's (``kinds``: record -> kind)."""
    where = _BY_HEADER[kinds.get(found.row, CNMARC)].get(found.column, found.column)
    return RecordProblem(found.row, where, found.reason, dict(found.params))


def _kinds(plan: MarcPlan) -> dict[int, str]:
    return {item.number: item.kind for item in plan.records if item.kind != CNMARC}


def _read(data: bytes, file_name: str) -> MarcPlan:
    """The file's records as a delivery list, and the problems found without the database."""
    records, problems, count = read_records(data)
    for item in records:
        if not item.holdings:
            problems.append(problem(item.number, "905 $b", QT_TRANSLATE_NOOP(
                "BookroomError", "记录没有馆藏（905 $b 登录号），作为到书导入时每条记录都要有所到的册。")))
    table = marc_table([item for item in records if item.holdings], file_name)
    return MarcPlan(table, records, problems, count)


def _checked(session: Session, plan: MarcPlan) -> MarcPlan:
    """``plan`` with the delivery list's checks of its rows added, every problem in record order."""
    if len(plan.table.grid.rows) > 1:
        kinds = _kinds(plan)
        plan.problems.extend(as_record_problem(found, kinds)
                             for found in import_plan.plan_import(session, plan.table).problems)
    plan.problems.sort(key=lambda found: found.row)
    return plan


@collector_paused()
def plan_marc(session: Session, data: bytes, file_name: str) -> MarcPlan:
    """Read a MARC file and check its records as a delivery; nothing is written."""
    return _checked(session, _read(data, file_name))


@collector_paused()
def import_marc(session: Session, data: bytes, *, file_name: str, source: str = "distribution", supplier: str = "",
                received_on: dt.date | None = None, actor: str, dry_run: bool = False, again: bool = False,
                decisions: import_matches.Decisions = import_matches.NONE,
                progress: Progress | None = None) -> book_import.ImportResult:
    """Import the MARC file's records and copies in this write session, all or none (ImportRejected lists why).

    The same records imported before raise :class:`repeats.AlreadyImported` unless ``again``, as a list does.
    """
    plan = _read(data, file_name)
    if not dry_run and not again:
        repeats.refuse_repeat(session, "books", book_import.table_digest(plan.table), file_name)
    if plan.problems:  # the delivery checks' problems too, so that every bad record is listed at once
        raise ImportRejected(_checked(session, plan).problems)
    kinds = _kinds(plan)
    let_go(plan.records)
    try:  # checks the rows as a delivery list (once), then writes them all
        result = book_import.import_table(
            session, plan.table, source=source, supplier=supplier, received_on=received_on, actor=actor,
            dry_run=dry_run, again=again, decisions=decisions, progress=progress or (lambda _done, _total: None))
    except ImportRejected as exc:  # told by record and MARC field; rows that may be catalogued titles stay so
        problems: list[RowProblem] = [as_record_problem(found, kinds) for found in exc.problems]
        if isinstance(exc, import_matches.UndecidedMatches):
            raise import_matches.UndecidedMatches(problems, exc.unclear) from None
        raise ImportRejected(problems) from None
    let_go(plan.table.grid.rows)
    return result


def is_marc_file(path: Path | str) -> bool:
    """Whether the file is read as MARC (by its suffix: .iso .mrc .marc, or .xml for MARCXML)."""
    return Path(path).suffix.lower() in SUFFIXES


@collector_paused()
def read_marc_grid(path: Path | str) -> tuple[Grid, list[RecordProblem]]:
    """A MARC file as a delivery list's cells (for the import wizard), and the problems of the records left out."""
    from bookroom_desk.services.xlsx.tabular import read_file_bytes

    plan = _read(read_file_bytes(path), Path(path).name)
    let_go(plan.records)
    return plan.table.grid, plan.problems


def plan_with_records(session: Session, table: Table, problems: list[RecordProblem]) -> ImportPlan:
    """The delivery plan of ``table`` (a MARC file's records, perhaps edited) with the records left out of it
    shown as rows of their own, carrying their problems, so the preview lists every bad record."""
    plan = import_plan.plan_import(session, table) if table.data_rows() else ImportPlan(table, [], [], [])
    columns = tuple(table.mapping.items())
    by_record: dict[int, list[RowProblem]] = {}
    for found in problems:
        by_record.setdefault(found.row, []).append(found)
    extra = [RowPreview(number, [""] * len(table.headers), columns, 0, list(found))
             for number, found in by_record.items()]
    plan.previews = sorted([*plan.previews, *extra], key=lambda preview: preview.row)
    plan.problems = sorted([*plan.problems, *problems], key=lambda found: found.row)
    return plan


def import_marc_file(session: Session, path: Path | str, **options) -> book_import.ImportResult:
    from bookroom_desk.services.xlsx.tabular import read_file_bytes

    return import_marc(session, read_file_bytes(path), file_name=Path(path).name, **options)


__all__ = ["COLUMNS", "MarcPlan", "as_record_problem", "import_marc", "import_marc_file", "is_marc_file", "marc_table",
           "plan_marc", "plan_with_records", "read_marc_grid", "read_records"]
