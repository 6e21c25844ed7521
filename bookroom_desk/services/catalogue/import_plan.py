"""Checking a delivery list (配送清单) or old ledger before importing: every row against the rules and the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import BookroomError, ImportRejected, InvalidInput
from bookroom_desk.memo import remembered
from bookroom_desk.services.catalogue import import_matches
from bookroom_desk.services.catalogue.clc import validate_class_number
from bookroom_desk.services.catalogue.duplicates import Candidate, Key
from bookroom_desk.services.catalogue.import_cells import (
    cell_isbn,
    class_of,
    is_total_line,
    parse_barcodes,
    parse_quantity,
    vocab_code,
)
from bookroom_desk.services.catalogue.titles import DETAILS, TitleData, detail_text, parse_year, title_text
from bookroom_desk.services.common import vocab
from bookroom_desk.services.common.barcodes import Scheme, normalize
from bookroom_desk.services.common.bulk import collector_paused
from bookroom_desk.services.common.entry import column_length, too_long, visible
from bookroom_desk.services.common.money import parse_price
from bookroom_desk.services.xlsx import tabular
from bookroom_desk.services.xlsx.problems import RowProblem
from bookroom_desk.services.xlsx.tabular import Table
from bookroom_desk.store.models import Copy, Shelf, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP

_T = "book_import"

#: Each field and the header names delivery lists and ledgers use for it.
ALIASES: dict[str, list[str]] = {
    "isbn": ["ISBN", "书号", "国际标准书号", "ISBN号", "标准书号", "统一书号"],
    "title": ["书名", "题名", "正题名", "图书名称", "名称"],
    "author": ["著者", "作者", "责任者", "编著者", "著作者"],
    "publisher": ["出版社", "出版者", "出版单位"],
    "pub_year": ["出版年", "出版日期", "出版时间", "出版年份"],
    "price": ["定价", "价格", "单价"],
    "quantity": ["数量", "册数", "复本数", "复本", "馆藏", "馆藏册数", "馆藏数"],  # 馆藏（册）: the catalogue export's
    "clc": ["分类号", "中图分类号", "中图法分类号"],
    "call_number": ["索书号", "索取号"],
    "barcode": ["条码号", "登录号", "条码", "财产号"],
    "shelf": ["书架", "架位", "书架号", "架号"],
    "topic": ["图书类别", "类别", "主题类别"],
    "material": ["文献类型", "资料类型", "载体类型"],
    # A record's details, optional (MARC 205, 215, 225, 330, 606 give them too).
    "edition": ["版次", "版本", "版本说明"],
    "pages": ["页数", "页码", "页数/册数", "载体形态"],
    "series": ["丛书", "丛书名", "丛编", "丛编题名"],
    "summary": ["内容提要", "提要", "内容简介", "简介", "摘要"],
    "subjects": ["主题词", "主题", "关键词"],
}
REQUIRED = ("title",)

#: The fields' names in the mapping editor and in problems of an unmapped column.
FIELD_TITLES: dict[str, str] = {
    "isbn": QT_TRANSLATE_NOOP("book_import", "ISBN"),
    "title": QT_TRANSLATE_NOOP("book_import", "书名"),
    "author": QT_TRANSLATE_NOOP("book_import", "著者"),
    "publisher": QT_TRANSLATE_NOOP("book_import", "出版社"),
    "pub_year": QT_TRANSLATE_NOOP("book_import", "出版年"),
    "price": QT_TRANSLATE_NOOP("book_import", "定价"),
    "quantity": QT_TRANSLATE_NOOP("book_import", "数量"),
    "clc": QT_TRANSLATE_NOOP("book_import", "分类号"),
    "call_number": QT_TRANSLATE_NOOP("book_import", "索书号"),
    "barcode": QT_TRANSLATE_NOOP("book_import", "条码号"),
    "shelf": QT_TRANSLATE_NOOP("book_import", "书架"),
    "topic": QT_TRANSLATE_NOOP("book_import", "图书类别"),
    "material": QT_TRANSLATE_NOOP("book_import", "文献类型"),
    "edition": QT_TRANSLATE_NOOP("book_import", "版次"),
    "pages": QT_TRANSLATE_NOOP("book_import", "页数"),
    "series": QT_TRANSLATE_NOOP("book_import", "丛书"),
    "summary": QT_TRANSLATE_NOOP("book_import", "内容提要"),
    "subjects": QT_TRANSLATE_NOOP("book_import", "主题词"),
}

SHELF_CODE_LENGTH = column_length(Shelf.code)


def read_list(source: Path | str | bytes, file_name: str | None = None, mapping: dict | None = None,
              header_row: int | None = None, strict: bool = True) -> Table:
    """The delivery list in ``source`` with its columns found (see :func:`tabular.read_table`)."""
    return tabular.read_table(source, ALIASES, REQUIRED, mapping=mapping, file_name=file_name,
                              header_row=header_row, strict=strict)


@dataclass(slots=True)
class PlannedCopy:
    """A copy a row asks for: its barcode when the file gives one, its shelf code, price paid."""

    row: int
    barcode: str | None
    shelf: str
    price: object


_NO_KEY = Key("", "", "", None)


@dataclass(slots=True)
class PlannedTitle:
    """One title of the import: the record (from its first row) and all the copies asked for.

    ``existing_id`` (and ``existing``) is the room's title that receives the copies; ``candidates`` are
    the room's titles it may be, while that is unclear (see :mod:`import_matches`).
    """

    data: TitleData
    existing_id: int | None
    rows: list[int] = field(default_factory=list)
    copies: list[PlannedCopy] = field(default_factory=list)
    existing: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()
    key: Key = _NO_KEY  # the record's normalised key (worked out from ``data`` when not given)

    def __post_init__(self) -> None:
        if self.key is _NO_KEY:
            self.key = Key.of(self.data.title, self.data.author, self.data.publisher, self.data.pub_year)


@dataclass(slots=True)
class RowPreview:
    """A data row as the preview shows it: its values, the copies it adds and its problems.

    The row keeps its cells and the shared (field, column) pairs, not a dict of its values: a
    100,000-row list would hold 100,000 dicts (about 60 MB) for a preview that shows a screenful.
    """

    row: int
    cells: list[str]
    columns: tuple[tuple[str, int], ...]
    quantity: int
    problems: list[RowProblem] = field(default_factory=list)
    existing: Candidate | None = None  # the room's title its copies go to (加到已有书目)
    candidates: tuple[Candidate, ...] = ()  # the room's titles it may be, to be decided

    @property
    def values(self) -> dict[str, str]:
        """{field: text} of the row's mapped columns."""
        return _values_of(self.cells, self.columns)


def _values_of(cells: list[str], columns: tuple[tuple[str, int], ...]) -> dict[str, str]:
    return {name: (cells[i] if i < len(cells) else "") for name, i in columns}


@dataclass(slots=True)
class ImportPlan:
    """What importing a table would do, and every problem that stops it."""

    table: Table
    previews: list[RowPreview]
    titles: list[PlannedTitle]
    problems: list[RowProblem]

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.titles)

    @property
    def copies(self) -> int:
        return sum(len(t.copies) for t in self.titles)

    @property
    def new_titles(self) -> int:
        return sum(t.existing_id is None for t in self.titles)

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    @property
    def unclear(self) -> list[PlannedTitle]:
        """The titles that may be the room's, waiting for a decision."""
        return [t for t in self.titles if t.candidates]

    def undecided(self, decisions: import_matches.Decisions) -> list[PlannedTitle]:
        """The unclear titles none of whose rows ``decisions`` decides."""
        if decisions.rest_new:
            return []
        return [t for t in self.unclear if not any(row in decisions.rows for row in t.rows)]

    def rows_of(self, row: int) -> list[int]:
        """All the rows of the title ``row`` belongs to (the same book twice in a file is one title)."""
        return next((t.rows for t in self.titles if row in t.rows), [row])


class _RowCheck:
    """Collects the problems of one row, each placed at the column it comes from."""

    def __init__(self, table: Table, preview: RowPreview, values: dict[str, str] | None = None) -> None:
        self.table, self.preview = table, preview
        self.values = preview.values if values is None else values

    def add(self, field_name: str, error: BookroomError) -> None:
        column = self.table.column_title(field_name) or vocab_field_title(field_name)
        self.preview.problems.append(RowProblem.from_error(self.preview.row, column, error))

    def text(self, field_name: str, value: str | None = None) -> str:
        """A text field of the record (see :func:`titles.title_text`); '' with a problem when too long."""
        try:
            return title_text(field_name, self.values.get(field_name, "") if value is None else value)
        except InvalidInput as exc:
            self.add(field_name, exc)
            return ""

    def details(self) -> dict[str, str]:
        """The record's details the row gives (:data:`titles.DETAILS`; a column left out is '')."""
        found = {}
        for name in DETAILS:
            text = self.values.get(name, "")
            if not text:
                continue
            try:
                found[name] = detail_text(name, text)
            except InvalidInput as exc:
                self.add(name, exc)
        return found

    def value(self, field_name: str, parse: Callable, default=None):
        text = self.values.get(field_name, "")
        if not text.strip():
            return default
        try:
            return parse(text)
        except InvalidInput as exc:
            self.add(field_name, exc)
            return default


def vocab_field_title(field_name: str) -> str:
    from bookroom_desk.text import translate

    return translate(_T, FIELD_TITLES.get(field_name, field_name))


def _chunks(values: list, size: int = 500):
    for start in range(0, len(values), size):
        yield values[start:start + size]


@collector_paused()
def plan_import(session: Session, table: Table) -> ImportPlan:
    """Check every row of ``table`` against the rules and the database; nothing is written."""
    scheme = Scheme.load(session)
    previews: list[RowPreview] = []
    titles: dict[tuple, PlannedTitle] = {}
    barcode_rows: dict[str, int] = {}
    call_numbers: dict[str, tuple] = {}
    columns = tuple(table.mapping.items())
    # A list repeats its classes, years, prices and quantities thousands of times: each text is parsed once.
    parse_class, parse_pub_year, parse_list_price, parse_copies = (
        remembered(validate_class_number), remembered(parse_year), remembered(parse_price),
        remembered(parse_quantity))
    parse_topic = remembered(lambda text: vocab_code(vocab.TOPICS, text, "other"))
    parse_material = remembered(lambda text: vocab_code(vocab.MATERIALS, text, "book"))
    for number, cells in table.data_rows():
        values = _values_of(cells, columns)
        if is_total_line(cells, values):
            continue
        preview = RowPreview(number, cells, columns, 0)
        previews.append(preview)
        check = _RowCheck(table, preview, values)
        name, author, publisher = check.text("title"), check.text("author"), check.text("publisher")
        if not name and not visible(values.get("title", "")).strip():  # not when refused as too long
            check.add("title", InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "没有书名。")))
        isbn = check.value("isbn", cell_isbn, "")
        clc = check.value("clc", parse_class, "")
        year = check.value("pub_year", parse_pub_year)
        price = check.value("price", parse_list_price)
        topic = check.value("topic", parse_topic, "other")
        material = check.value("material", parse_material, "book")
        codes = check.value("barcode", parse_barcodes, [])
        quantity = check.value("quantity", parse_copies, len(codes) or 1)
        if codes and quantity != len(codes) and values.get("quantity", "").strip():
            check.add("quantity", InvalidInput(QT_TRANSLATE_NOOP(
                "BookroomError", "数量 {quantity} 与给出的条码个数 {count} 不符。"), quantity=quantity, count=len(codes)))
        for code in codes:
            if not scheme.is_copy(code):
                check.add("barcode", InvalidInput(QT_TRANSLATE_NOOP(
                    "BookroomError", "条码“{code}”不符合本书屋的图书条码规则（{example}），可先在设置中修改条码规则。"),
                    code=code, example=scheme.copy_barcode(1)))
            elif code in barcode_rows:
                check.add("barcode", InvalidInput(QT_TRANSLATE_NOOP(
                    "BookroomError", "条码“{code}”在第 {row} 行已经出现过。"), code=code, row=barcode_rows[code]))
            else:
                barcode_rows[code] = number
        preview.quantity = quantity
        call_number = check.text("call_number", "".join(values.get("call_number", "").split()).upper())
        if call_number and not clc and not values.get("clc", "").strip():
            clc = class_of(call_number)  # a ledger with call numbers only: the class is their first part
        book = Key.of(name, author, publisher, year)
        key = ("isbn", isbn) if isbn else ("name", book)
        first = call_numbers.setdefault(call_number, (key, book)) if call_number else (key, book)
        if first[0] != key and not ("name" in (key[0], first[0][0]) and first[1] == book):
            check.add("call_number", InvalidInput(QT_TRANSLATE_NOOP(
                "BookroomError", "索书号 {call_number} 在文件中已用于另一种书。"), call_number=call_number))
        details = check.details()
        shelf = normalize(values.get("shelf", ""))
        if len(shelf) > SHELF_CODE_LENGTH:
            check.add("shelf", too_long(vocab_field_title("shelf"), SHELF_CODE_LENGTH))
        if preview.problems or not name:
            continue
        planned = titles.get(key)
        if planned is None:
            planned = titles[key] = PlannedTitle(TitleData(
                title=name, isbn=isbn, author=author, publisher=publisher, pub_year=year, price=price, clc=clc, topic=topic,
                material=material, call_number=call_number, **details), None, key=book)
        else:
            if call_number and not planned.data.call_number:
                planned.data.call_number = call_number
            for name, text in details.items():  # the same book's later row may say more of it
                if not getattr(planned.data, name):
                    setattr(planned.data, name, text)
        planned.rows.append(number)
        given = codes if codes else [None] * quantity
        planned.copies.extend(PlannedCopy(number, code, shelf, price) for code in given)
    merged = import_matches.merge_in_file((t for k, t in titles.items() if k[0] == "isbn"),
                                          {k: t for k, t in titles.items() if k[0] == "name"})
    titles = {k: t for k, t in titles.items() if k not in merged}
    _check_against_database(session, table, previews, titles, barcode_rows)
    problems = sorted((p for preview in previews for p in preview.problems), key=lambda p: p.row)
    if not previews:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "文件“{name}”的表头下面没有数据行。"),
                           name=table.file_name)
    return ImportPlan(table, previews, list(titles.values()), problems)


def _check_against_database(session: Session, table: Table, previews: list[RowPreview],
                            titles: dict[tuple, PlannedTitle], barcode_rows: dict[str, int]) -> None:
    by_row = {preview.row: preview for preview in previews}
    for chunk in _chunks(list(barcode_rows)):
        for code in session.scalars(select(Copy.barcode).where(Copy.barcode.in_(chunk))):
            _RowCheck(table, by_row[barcode_rows[code]]).add("barcode", InvalidInput(
                QT_TRANSLATE_NOOP("BookroomError", "条码“{code}”已被使用。"), code=code))
    import_matches.match_titles(session, list(titles.values()))
    for planned in titles.values():
        if planned.existing is not None or planned.candidates:
            for row in planned.rows:
                by_row[row].existing, by_row[row].candidates = planned.existing, planned.candidates
    # An unclear title's call number is checked once it is decided a new title (check_decided_call_numbers):
    # decided onto a title the room has, its copies go to that title's call number and the row's is not used.
    _check_call_numbers(session, table, by_row, [t for t in titles.values() if t.existing_id is None
                                                  and not t.candidates])


def _check_call_numbers(session: Session, table: Table, by_row: dict[int, RowPreview],
                        titles: list[PlannedTitle]) -> None:
    """A problem on the first row of each new title whose call number a title of the room has."""
    wanted = {t.data.call_number: t for t in titles if t.data.call_number}
    for chunk in _chunks(list(wanted)):
        for call_number, title_name in session.execute(
                select(Title.call_number, Title.title).where(Title.call_number.in_(chunk))):
            planned = wanted[call_number]
            _RowCheck(table, by_row[planned.rows[0]]).add("call_number", InvalidInput(
                QT_TRANSLATE_NOOP("BookroomError", "索书号 {call_number} 已用于《{title}》。"),
                call_number=call_number, title=title_name))


def check_decided_call_numbers(session: Session, plan: ImportPlan, decided_new: list[PlannedTitle]) -> None:
    """ImportRejected when a title decided new (it was unclear) gives a call number the room has."""
    by_row = {preview.row: preview for preview in plan.previews}
    before = {row: len(preview.problems) for row, preview in by_row.items()}
    _check_call_numbers(session, plan.table, by_row, decided_new)
    found = sorted((p for row, preview in by_row.items() for p in preview.problems[before[row]:]), key=lambda p: p.row)
    if found:
        plan.problems = sorted([*plan.problems, *found], key=lambda p: p.row)
        raise ImportRejected(found)


def check_file(session: Session, source: Path | str | bytes, file_name: str | None = None,
               mapping: dict | None = None) -> ImportPlan:
    """Read and check a file; the plan says what would be imported and lists every problem."""
    return plan_import(session, read_list(source, file_name, mapping))


def reject_if_bad(plan: ImportPlan) -> None:
    """ImportRejected listing every problem when any row is bad."""
    if plan.problems:
        raise ImportRejected(plan.problems)
