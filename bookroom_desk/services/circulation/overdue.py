"""Overdue loans: the list by department or by days late, and its Excel export."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.services.common import clock
from bookroom_desk.services.common.calendar import LateCounter
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.services.xlsx import workbook as xlsx
from bookroom_desk.store.models import Copy, Loan, Reader, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

CONTEXT = "overdue"
ORDERS = ("department", "days")
#: The most lines the list shows or exports (a room with more has bigger problems than a list).
LIMIT = 20_000

COLUMNS = (
    QT_TRANSLATE_NOOP("overdue", "部门"),
    QT_TRANSLATE_NOOP("overdue", "姓名"),
    QT_TRANSLATE_NOOP("overdue", "读者证号"),
    QT_TRANSLATE_NOOP("overdue", "工号"),
    QT_TRANSLATE_NOOP("overdue", "手机"),
    QT_TRANSLATE_NOOP("overdue", "图书条码"),
    QT_TRANSLATE_NOOP("overdue", "书名"),
    QT_TRANSLATE_NOOP("overdue", "借出日期"),
    QT_TRANSLATE_NOOP("overdue", "应还日期"),
    QT_TRANSLATE_NOOP("overdue", "逾期天数"),
)


@dataclass(frozen=True)
class OverdueLine:
    """One open loan past its due date."""

    loan_id: int
    reader_id: int
    department: str
    name: str
    card: str
    employee_no: str
    phone: str
    barcode: str
    title: str
    out_on: dt.date
    due_on: dt.date
    days_late: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def overdue_loans(session: Session, order: str = "department", department: str = "",
                  limit: int = LIMIT) -> list[OverdueLine]:
    """Open loans due before today: by department (then reader, then most late), or most late first."""
    if order not in ORDERS:
        raise KeyError(order)
    today = clock.today()
    late = LateCounter(session)  # calendar days, or open days if the room says so (read only if a loan is late)
    stmt = (select(Loan.id, Reader.id, Reader.department, Reader.name, Reader.card, Reader.employee_no,
                   Reader.phone, Copy.barcode, Title.title, Loan.out_at, Loan.due_on)
            .join(Reader, Loan.reader_id == Reader.id).join(Copy, Loan.copy_id == Copy.id)
            .join(Title, Copy.title_id == Title.id)
            .where(Loan.returned_at.is_(None), Loan.due_on < late.overdue_before(today)))
    if department:
        stmt = stmt.where(Reader.department == department)
    if order == "department":
        stmt = stmt.order_by(Reader.department, Reader.name, Reader.id, Loan.due_on, Loan.id)
    else:
        stmt = stmt.order_by(Loan.due_on, Reader.department, Reader.name, Loan.id)
    return [OverdueLine(loan_id, reader_id, dept, name, card, employee_no, phone, barcode, title, out_at.date(),
                        due_on, late(due_on, today))
            for loan_id, reader_id, dept, name, card, employee_no, phone, barcode, title, out_at, due_on
            in session.execute(stmt.limit(limit)).all()]


@dataclass(frozen=True)
class DepartmentCount:
    department: str
    readers: int
    copies: int
    most_days: int


def by_department(lines: list[OverdueLine]) -> list[DepartmentCount]:
    """Per department: readers with overdue books, copies overdue, the longest delay."""
    groups: dict[str, list[OverdueLine]] = {}
    for line in lines:
        groups.setdefault(line.department, []).append(line)
    return [DepartmentCount(name, len({line.reader_id for line in group}), len(group), max(line.days_late for line in group))
            for name, group in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))]


def export_xlsx(session: Session, path: Path | str, order: str = "department") -> int:
    """Write the overdue list to ``path`` (A4, header repeated); returns the number of lines."""
    lines = overdue_loans(session, order)
    title = translate(CONTEXT, QT_TRANSLATE_NOOP("overdue", "逾期未还"))
    workbook, sheet = xlsx.new_workbook(title)
    headers = [translate(CONTEXT, text) for text in COLUMNS]
    xlsx.write_header(sheet, headers)
    rows = [[line.department, line.name, line.card, line.employee_no, line.phone, line.barcode, line.title,
             line.out_on, line.due_on, line.days_late] for line in lines]
    _write_rows(sheet, rows)
    xlsx.set_column_widths(sheet, [16, 10, 11, 10, 13, 11, 36, 12, 12, 9])
    heading = translate(CONTEXT, QT_TRANSLATE_NOOP("overdue", "{room}逾期未还图书（截至 {day}）")).format(
        room=room_name(session), day=clock.today().isoformat())
    xlsx.setup_print(sheet, heading, landscape=True)
    summary = workbook.create_sheet(xlsx.sheet_title(translate(CONTEXT, QT_TRANSLATE_NOOP("overdue", "按部门汇总"))))
    xlsx.write_header(summary, [translate(CONTEXT, text) for text in (
        QT_TRANSLATE_NOOP("overdue", "部门"), QT_TRANSLATE_NOOP("overdue", "逾期读者（人）"),
        QT_TRANSLATE_NOOP("overdue", "逾期图书（册）"), QT_TRANSLATE_NOOP("overdue", "最长逾期（天）"))])
    _write_rows(summary, [[g.department, g.readers, g.copies, g.most_days] for g in by_department(lines)])
    xlsx.set_column_widths(summary, [20, 14, 14, 14])
    xlsx.setup_print(summary, heading)
    xlsx.save_workbook(workbook, path)
    return len(lines)


def _write_rows(sheet: Worksheet, rows: list[list[Any]]) -> None:
    # Rows go under the header by number: the frozen pane already counts as a row for append.
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            xlsx.write_value(sheet.cell(row=number, column=column), value)
