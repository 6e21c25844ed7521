"""Importing a staff roster (职工名册) as readers: every row or none, with a report per bad row.

A row whose 工号 (or, without one, whose 读者证号) matches a registered reader updates that
reader; any other row registers a new one. Card numbers in the file are kept when they fit
the room's scheme; rows without one get the next free numbers, in file order.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import BookroomError, ImportRejected, InvalidInput
from bookroom_desk.services.catalogue.search_keys import pinyin_key
from bookroom_desk.services.common import clock, permissions, repeats
from bookroom_desk.services.common.barcodes import Scheme, next_reader_cards, normalize
from bookroom_desk.services.common.entry import visible
from bookroom_desk.services.readers import records
from bookroom_desk.services.xlsx.problems import RowProblem
from bookroom_desk.services.xlsx.tabular import Table, read_table
from bookroom_desk.store.models import ImportBatch, Reader
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_list

ALIASES = {
    "name": ("姓名", "名字", "职工姓名", "员工姓名", "name"),
    "employee_no": ("工号", "职工号", "员工号", "员工编号", "职工编号", "人员编号", "employee no", "staff no"),
    "department": ("部门", "所在部门", "单位", "车间", "科室", "班组", "department"),
    "phone": ("手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile"),
    "category": ("类别", "读者类别", "类型", "category"),
    "card": ("读者证号", "借书证号", "读者证", "证号", "卡号", "card"),
}
REQUIRED = ("name",)
_PHONE = re.compile(r"^[0-9+()\- ]{3,40}$")


@dataclass
class RosterRow:
    """One checked row: the values to store and the reader it updates (None = a new reader)."""

    row: int
    values: dict[str, str]
    category_id: int
    card: str  # '' = assign one
    reader_id: int | None = None


@dataclass
class RosterResult:
    """What an import did (or, with ``dry_run``, would do)."""

    rows: int
    added: int
    updated: int
    unchanged: int
    cards_assigned: int
    dry_run: bool = False
    batch_id: int | None = None
    cards: list[str] = field(default_factory=list)  # the new readers' cards, in file order

    def as_dict(self) -> dict:
        return asdict(self)


def read_roster(source: Path | str | bytes, file_name: str | None = None) -> Table:
    return read_table(source, ALIASES, REQUIRED, file_name=file_name)


def check_roster(session: Session, table: Table) -> tuple[list[RosterRow], list[RowProblem]]:
    """Every row checked against the scheme, the categories, the readers and the other rows."""
    scheme = Scheme.load(session)
    categories = {c.name: c.id for c in records.categories(session)}
    default_id = records.default_category(session).id
    by_employee = dict(session.execute(select(Reader.employee_no, Reader.id).where(Reader.employee_no != "")).all())
    by_card = dict(session.execute(select(Reader.card, Reader.id)).all())
    rows: list[RosterRow] = []
    problems: list[RowProblem] = []
    seen_employee: dict[str, int] = {}
    seen_card: dict[str, int] = {}
    for number, record in table.records():
        bad = len(problems)

        def problem(name: str, text: str, **params) -> None:
            # Called only for this row, before the loop moves on to the next one.
            problems.append(RowProblem(number, table.column_title(name) or name, text, params))  # noqa: B023

        values: dict[str, str] = {}
        for name in ("name", "employee_no", "department", "phone"):
            try:
                values[name] = records.clean_field(name, record.get(name, ""))
            except BookroomError as error:
                problems.append(RowProblem.from_error(number, table.column_title(name), error))
        if not values.get("name") and "name" in values:
            problem("name", QT_TRANSLATE_NOOP("BookroomError", "姓名不能为空。"))
        if values.get("phone") and not _PHONE.match(values["phone"]):
            problem("phone", QT_TRANSLATE_NOOP("BookroomError", "手机号“{value}”不像电话号码。"), value=values["phone"])
        category_name = " ".join(visible(record.get("category", "")).split())
        category_id = categories.get(category_name) if category_name else default_id
        if category_id is None:
            problem("category", QT_TRANSLATE_NOOP("BookroomError", "没有名为“{value}”的读者类别（现有：{known}）。"),
                    value=category_name, known=join_list(categories))
        employee_no = values.get("employee_no", "")
        if employee_no:
            if employee_no in seen_employee:
                problem("employee_no", QT_TRANSLATE_NOOP("BookroomError", "工号“{value}”与第 {other} 行重复。"),
                        value=employee_no, other=seen_employee[employee_no])
            seen_employee.setdefault(employee_no, number)
        reader_id = by_employee.get(employee_no) if employee_no else None
        card = normalize(record.get("card", ""))
        if card:
            if not scheme.is_reader(card):
                problem("card", QT_TRANSLATE_NOOP("BookroomError", "读者证号“{value}”不符合编号规则（例如 {example}）。"),
                        value=record.get("card", "").strip(), example=scheme.reader_card(1))
            elif card in seen_card:
                problem("card", QT_TRANSLATE_NOOP("BookroomError", "读者证号“{value}”与第 {other} 行重复。"),
                        value=card, other=seen_card[card])
            else:
                owner = by_card.get(card)
                if reader_id is None and not employee_no:
                    reader_id = owner
                elif owner is not None and owner != reader_id:
                    problem("card", QT_TRANSLATE_NOOP("BookroomError", "读者证号“{value}”已属于另一位读者。"), value=card)
            seen_card.setdefault(card, number)
        if len(problems) == bad:
            assert category_id is not None  # a row without its category has a problem
            rows.append(RosterRow(number, values, category_id, card, reader_id))
    if not rows and not problems:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "文件“{name}”中没有读者。"), name=table.file_name)
    return rows, problems


def import_roster(session: Session, source: Path | str | bytes, *, file_name: str | None = None, actor: str,
                  dry_run: bool = False, again: bool = False) -> RosterResult:
    """Read, check and import a roster in this write session; ImportRejected lists every bad row.

    A roster imported before (the same rows) that would register anyone anew raises
    :class:`repeats.AlreadyImported` unless ``again``: its rows without an employee number or card
    would be registered a second time. (The same roster matched wholly by employee number only
    updates, and goes through.)
    """
    if not dry_run:
        permissions.require(session, actor, "import")
    table = read_roster(source, file_name)
    digest = repeats.fingerprint(cells for _, cells in table.grid.rows)
    rows, problems = check_roster(session, table)
    if problems:
        raise ImportRejected(problems)
    if not dry_run and not again and any(row.reader_id is None for row in rows):
        repeats.refuse_repeat(session, "readers", digest, table.file_name)
    savepoint = session.begin_nested() if dry_run else None
    result = _write(session, table, rows, actor, digest)
    if savepoint is not None:
        savepoint.rollback()
        result.dry_run, result.batch_id, result.cards = True, None, []
    return result


def _write(session: Session, table: Table, rows: list[RosterRow], actor: str, digest: str) -> RosterResult:
    now = clock.now()
    batch = ImportBatch(kind="readers", source="", supplier="", file_name=table.file_name[:300], received_on=now.date(),
                        created_at=now, created_by=actor, rows=len(rows), content_hash=digest)
    session.add(batch)
    updated = unchanged = 0
    new_rows = [row for row in rows if row.reader_id is None]
    for row in rows:
        if row.reader_id is None:
            continue
        reader = session.get(Reader, row.reader_id)
        assert reader is not None  # check_roster found it in this same transaction
        wanted = dict(row.values, category_id=row.category_id, **({"card": row.card} if row.card else {}))
        changed = {k: v for k, v in wanted.items() if getattr(reader, k) != v and (v or k == "category_id")}
        if changed:
            for key, value in changed.items():
                setattr(reader, key, value)
            reader.pinyin = pinyin_key(reader.name)
            updated += 1
        else:
            unchanged += 1
    session.flush()  # cards given in the file are taken before new ones are assigned
    given = [row for row in new_rows if row.card]
    _insert(session, given, now)
    missing = [row for row in new_rows if not row.card]
    for row, card in zip(missing, next_reader_cards(session, len(missing))):
        row.card = card
    _insert(session, missing, now)
    session.flush()
    return RosterResult(len(rows), len(new_rows), updated, unchanged, len(missing), batch_id=batch.id,
                        cards=[row.card for row in sorted(new_rows, key=lambda r: r.row)])


def _insert(session: Session, rows: list[RosterRow], now) -> None:
    for row in rows:
        session.add(Reader(card=row.card, name=row.values["name"], employee_no=row.values.get("employee_no", ""),
                           department=row.values.get("department", ""), phone=row.values.get("phone", ""),
                           category_id=row.category_id, status="active", registered_on=now.date(),
                           pinyin=pinyin_key(row.values["name"]), notes=""))
    session.flush()

