"""Readers (读者) and their categories: register, edit, suspend, mark as left, look up, list loans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.catalogue.search_keys import pinyin_key
from bookroom_desk.services.common import audit_log, clock, permissions
from bookroom_desk.services.common.barcodes import Scheme, next_reader_cards, normalize
from bookroom_desk.services.common.calendar import LateCounter, overdue_before
from bookroom_desk.services.common.entry import column_length, entry_text, visible
from bookroom_desk.store.models import Copy, Loan, Loss, Reader, ReaderCategory, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: The category every room starts with (its name is stored in Chinese: it is the room's own data).
DEFAULT_CATEGORY = "职工"

#: Editable reader fields and their longest allowed length (the columns' sizes).
FIELD_LIMITS = {"name": column_length(Reader.name), "employee_no": column_length(Reader.employee_no),
                "department": column_length(Reader.department), "phone": column_length(Reader.phone), "notes": 2000}

FIELD_TITLES = {
    "name": QT_TRANSLATE_NOOP("readers", "姓名"),
    "employee_no": QT_TRANSLATE_NOOP("readers", "工号"),
    "department": QT_TRANSLATE_NOOP("readers", "部门"),
    "phone": QT_TRANSLATE_NOOP("readers", "手机"),
    "category": QT_TRANSLATE_NOOP("readers", "类别"),
    "card": QT_TRANSLATE_NOOP("readers", "读者证号"),
    "notes": QT_TRANSLATE_NOOP("readers", "备注"),
}


# --- categories ---------------------------------------------------------------------------


def categories(session: Session) -> list[ReaderCategory]:
    """All categories by name; the default one is created the first time."""
    rows = list(session.scalars(select(ReaderCategory).order_by(ReaderCategory.id)))
    return rows or [default_category(session)]


def default_category(session: Session) -> ReaderCategory:
    category = session.scalar(select(ReaderCategory).order_by(ReaderCategory.id).limit(1))
    if category is None:
        category = ReaderCategory(name=DEFAULT_CATEGORY, loan_days=30, max_loans=5, renewals=1,
                                  overdue_blocks=True)
        session.add(category)
        session.flush()
    return category


def get_category(session: Session, category_id: int) -> ReaderCategory:
    category = session.get(ReaderCategory, category_id)
    if category is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到该读者类别。"))
    return category


def category_by_name(session: Session, name: str) -> ReaderCategory | None:
    return session.scalar(select(ReaderCategory).where(ReaderCategory.name == name.strip()))


def save_category(session: Session, category_id: int | None, *, name: str, loan_days: int, max_loans: int,
                  renewals: int, overdue_blocks: bool, loan_days_open: bool | None = None,
                  actor: str, max_holds: int | None = None, hold_days: int | None = None) -> ReaderCategory:
    """Create (``category_id`` None) or change a category and its loan rules (administrators only).

    ``loan_days_open``: its loan days are counted in the room's open days (services.common.calendar);
    None leaves a category's choice as it was (a new one counts calendar days). The hold rules (most holds
    at once, days a ready hold waits) stay as they are when not given.
    """
    permissions.require(session, actor, "loan_rules")
    name = visible(name).strip()
    if not name or len(name) > column_length(ReaderCategory.name):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "类别名称不能为空，最多50个字。"))
    if not 1 <= loan_days <= 365:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "借期应在1到365天之间。"))
    if not 0 <= max_loans <= 100:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "可借册数应在0到100之间。"))
    if not 0 <= renewals <= 20:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "续借次数应在0到20之间。"))
    if max_holds is not None and not 0 <= max_holds <= 50:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "最多预约数应在0到50之间。"))
    if hold_days is not None and not 1 <= hold_days <= 60:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "预约保留天数应在1到60之间。"))
    clash = category_by_name(session, name)
    if clash is not None and clash.id != category_id:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "已有名为“{name}”的读者类别。"), name=name)
    if category_id is None:
        category = ReaderCategory(name=name)
        session.add(category)
    else:
        category = get_category(session, category_id)
    category.name = name
    category.loan_days = loan_days
    category.max_loans = max_loans
    category.renewals = renewals
    category.overdue_blocks = overdue_blocks
    if loan_days_open is not None:
        category.loan_days_open = loan_days_open
    if max_holds is not None:
        category.max_holds = max_holds
    if hold_days is not None:
        category.hold_days = hold_days
    session.flush()
    audit_log.record(session, "setting", f"读者类别 {name}：借期 {loan_days} 天"
                     f"{'（按开放日计）' if category.loan_days_open else ''}，可借 {max_loans} 册，续借 {renewals} 次，"
                     f"逾期停借 {'是' if overdue_blocks else '否'}", actor)
    return category


def delete_category(session: Session, category_id: int, *, actor: str) -> None:
    """Remove a category no reader belongs to (administrators only)."""
    permissions.require(session, actor, "loan_rules")
    category = get_category(session, category_id)
    used = session.scalar(select(func.count(Reader.id)).where(Reader.category_id == category_id))
    if used:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "还有 {count} 位读者属于“{name}”，不能删除该类别。"),
                      count=used, name=category.name)
    session.delete(category)
    session.flush()
    audit_log.record(session, "setting", f"删除读者类别 {category.name}", actor)


# --- readers ------------------------------------------------------------------------------


def clean_field(field: str, value: str) -> str:
    """A reader field as stored: invisible marks gone, blanks collapsed (notes only trimmed), within its column."""
    return entry_text(value, FIELD_TITLES[field], FIELD_LIMITS[field], squeeze=field != "notes", context="readers")


def check_card(session: Session, card: str, reader_id: int | None = None, scheme: Scheme | None = None) -> str:
    """The normalised card number, if it fits the scheme and no other reader has it."""
    scheme = scheme or Scheme.load(session)
    code = normalize(card)
    if not scheme.is_reader(code):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "读者证号“{card}”不符合编号规则（例如 {example}）。"),
                           card=card.strip(), example=scheme.reader_card(1))
    owner = session.scalar(select(Reader.id).where(Reader.card == code))
    if owner is not None and owner != reader_id:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "读者证号“{card}”已被使用。"), card=code)
    return code


def register(session: Session, *, name: str, employee_no: str = "", department: str = "", phone: str = "",
             category_id: int | None = None, card: str = "", notes: str = "") -> Reader:
    """Register a reader; a card number is assigned when none is given."""
    name = clean_field("name", name)
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请填写读者姓名。"))
    category = get_category(session, category_id) if category_id else default_category(session)
    code = check_card(session, card) if card.strip() else next_reader_cards(session, 1)[0]
    reader = Reader(card=code, name=name, employee_no=clean_field("employee_no", employee_no),
                    department=clean_field("department", department), phone=clean_field("phone", phone),
                    category_id=category.id, status="active", registered_on=clock.today(),
                    pinyin=pinyin_key(name), notes=clean_field("notes", notes))
    session.add(reader)
    session.flush()
    return reader


def get_reader(session: Session, reader_id: int) -> Reader:
    reader = session.get(Reader, reader_id)
    if reader is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到该读者。"))
    return reader


def update(session: Session, reader_id: int, **values) -> Reader:
    """Change a reader's details (name, employee_no, department, phone, category_id, card, notes)."""
    reader = get_reader(session, reader_id)
    for field, value in values.items():
        if field == "category_id":
            reader.category_id = get_category(session, value).id
        elif field == "card":
            reader.card = check_card(session, value, reader_id)
        elif field in FIELD_LIMITS:
            cleaned = clean_field(field, value)
            if field == "name":
                if not cleaned:
                    raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请填写读者姓名。"))
                reader.pinyin = pinyin_key(cleaned)
            setattr(reader, field, cleaned)
        else:
            raise KeyError(field)
    session.flush()
    return reader


def set_status(session: Session, reader_id: int, status: str) -> Reader:
    """active 正常, suspended 停用, or left 离职 (which records the day and needs no open loans)."""
    reader = get_reader(session, reader_id)
    if status not in ("active", "suspended", "left"):
        raise KeyError(status)
    if status == "left":
        holding = open_loan_count(session, reader_id)
        if holding:
            raise Refused(QT_TRANSLATE_NOOP("BookroomError", "{name}还有 {count} 册书未还，请先归还再办理离职。"),
                          name=reader.name, count=holding)
        reader.left_on = clock.today()
    else:
        reader.left_on = None
    reader.status = status
    session.flush()
    return reader


def departments(session: Session) -> list[str]:
    """The departments readers belong to (non-empty, each once), the most used first, then by name."""
    used = func.count(Reader.id)
    rows = session.execute(
        select(Reader.department, used).where(Reader.department != "").group_by(Reader.department)
        .order_by(used.desc(), Reader.department)
    ).all()
    return [department for department, _count in rows]


@dataclass(frozen=True)
class ReaderRow:
    """One line of the readers list."""

    id: int
    card: str
    name: str
    employee_no: str
    department: str
    phone: str
    category: str
    status: str
    on_loan: int
    overdue: int


def search(session: Session, text: str = "", status: str | None = None, limit: int = 500) -> list[ReaderRow]:
    """Readers whose name, pinyin, card, employee number or department contains ``text``."""
    stmt = select(Reader, ReaderCategory.name).join(ReaderCategory, Reader.category_id == ReaderCategory.id)
    text = text.strip()
    if text:
        like = f"%{text.lower()}%"
        code = normalize(text)
        stmt = stmt.where(or_(Reader.name.contains(text), Reader.pinyin.like(like), Reader.card.contains(code),
                              Reader.employee_no.contains(text), Reader.department.contains(text)))
    if status:
        stmt = stmt.where(Reader.status == status)
    rows = session.execute(stmt.order_by(Reader.card).limit(limit)).all()
    counts = _loan_counts(session, [reader.id for reader, _ in rows])
    return [ReaderRow(r.id, r.card, r.name, r.employee_no, r.department, r.phone, category, r.status,
                      *counts.get(r.id, (0, 0))) for r, category in rows]


def _loan_counts(session: Session, reader_ids: list[int]) -> dict[int, tuple[int, int]]:
    if not reader_ids:
        return {}
    late_before = overdue_before(session, clock.today())  # the last open day, if counted in open days
    overdue = func.sum(case((Loan.due_on < late_before, 1), else_=0))
    rows = session.execute(
        select(Loan.reader_id, func.count(Loan.id), overdue)
        .where(Loan.reader_id.in_(reader_ids), Loan.returned_at.is_(None)).group_by(Loan.reader_id)
    ).all()
    return {reader_id: (count, int(late or 0)) for reader_id, count, late in rows}


def returned_loan_count(session: Session, reader_id: int) -> int:
    return session.scalar(
        select(func.count(Loan.id)).where(Loan.reader_id == reader_id, Loan.returned_at.is_not(None))) or 0


def open_loan_count(session: Session, reader_id: int) -> int:
    return session.scalar(
        select(func.count(Loan.id)).where(Loan.reader_id == reader_id, Loan.returned_at.is_(None))) or 0


@dataclass(frozen=True)
class LoanLine:
    """A loan as the desk and the reader's page show it."""

    loan_id: int
    copy_id: int
    barcode: str
    title: str
    call_number: str
    out_at: dt.datetime
    due_on: dt.date
    returned_at: dt.datetime | None
    renewals: int
    renewals_left: int
    days_late: int  # for an open loan, days past due today; for a returned one, days it came back late
    override_reason: str | None = None  # lent past a refusal by an administrator (overrides.py): why
    override_by: str | None = None
    lost: str | None = None  # closed as lost (losses.py), not returned: how it was settled (losses.SETTLEMENTS)


def _lines(session: Session, stmt, allowed: int) -> list[LoanLine]:
    today = clock.today()
    late = LateCounter(session)
    result = []
    for loan, barcode, title, call_number, lost in session.execute(stmt).all():
        end = loan.returned_at.date() if loan.returned_at else today
        result.append(LoanLine(loan.id, loan.copy_id, barcode, title, call_number, loan.out_at, loan.due_on,
                               loan.returned_at, loan.renewals, max(0, allowed - loan.renewals),
                               late(loan.due_on, end), loan.override_reason, loan.override_by, lost))
    return result


def _loan_select():
    return (select(Loan, Copy.barcode, Title.title, Title.call_number, Loss.settled)
            .join(Copy, Loan.copy_id == Copy.id).join(Title, Copy.title_id == Title.id)
            .outerjoin(Loss, Loss.loan_id == Loan.id))


def open_loans(session: Session, reader_id: int) -> list[LoanLine]:
    """The reader's loans not yet returned, soonest due first."""
    reader = get_reader(session, reader_id)
    stmt = (_loan_select().where(Loan.reader_id == reader_id, Loan.returned_at.is_(None))
            .order_by(Loan.due_on, Loan.id))
    return _lines(session, stmt, reader.category.renewals)


def loan_history(session: Session, reader_id: int, limit: int = 200) -> list[LoanLine]:
    """The reader's returned loans, latest first."""
    reader = get_reader(session, reader_id)
    stmt = (_loan_select().where(Loan.reader_id == reader_id, Loan.returned_at.is_not(None))
            .order_by(Loan.returned_at.desc(), Loan.id.desc()).limit(limit))
    return _lines(session, stmt, reader.category.renewals)


@dataclass(frozen=True)
class ReaderSummary:
    """What the desk shows about an open reader."""

    id: int
    card: str
    name: str
    department: str
    employee_no: str
    category: str
    status: str
    max_loans: int
    loan_days: int
    overdue_blocks: bool
    loans: tuple[LoanLine, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for line in self.loans if line.days_late > 0)

    @property
    def may_borrow(self) -> int:
        """How many more copies the reader may take now (0 when any rule blocks)."""
        if self.status != "active" or (self.overdue_blocks and self.overdue):
            return 0
        return max(0, self.max_loans - len(self.loans))


def summary(session: Session, reader_id: int) -> ReaderSummary:
    reader = get_reader(session, reader_id)
    category = reader.category
    return ReaderSummary(reader.id, reader.card, reader.name, reader.department, reader.employee_no,
                         category.name, reader.status, category.max_loans, category.loan_days,
                         category.overdue_blocks, tuple(open_loans(session, reader_id)))
