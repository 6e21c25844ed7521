"""The overdue list: order by department or days late, and its Excel export."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from bookroom_desk.services.circulation import overdue
from bookroom_desk.store.models import Reader
from tests.support.desk_room import past_loan, small_room


def make_overdue(session):
    room = small_room(session)
    session.get(Reader, room.li).name = "=HYPERLINK(\"x\")"
    past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 11, 20))  # 4 days
    past_loan(session, "00000005", room.li, dt.date(2026, 9, 1), dt.date(2026, 10, 1))  # 54 days
    past_loan(session, "00000006", room.zhang, dt.date(2026, 9, 1), dt.date(2026, 10, 25))  # 30 days
    past_loan(session, "00000007", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))  # not yet due
    return room


def test_by_department_and_by_days(session):
    make_overdue(session)
    by_dept = overdue.overdue_loans(session, "department")
    assert [(line.department, line.barcode, line.days_late) for line in by_dept] == [
        ("检修车间", "00000006", 30), ("检修车间", "00000004", 4), ("财务科", "00000005", 54)]
    assert [line.barcode for line in overdue.overdue_loans(session, "days")] == ["00000005", "00000006", "00000004"]
    assert [line.barcode for line in overdue.overdue_loans(session, department="财务科")] == ["00000005"]
    groups = overdue.by_department(by_dept)
    assert [(g.department, g.readers, g.copies, g.most_days) for g in groups] == [("检修车间", 1, 2, 30),
                                                                                ("财务科", 1, 1, 54)]


def test_export_xlsx_is_safe_and_printable(session, tmp_path):
    make_overdue(session)
    path = tmp_path / "overdue.xlsx"
    assert overdue.export_xlsx(session, path, "days") == 3
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]][:3] == ["部门", "姓名", "读者证号"]
    assert sheet.cell(2, 1).value == "财务科" and sheet.cell(2, 10).value == 54
    name = sheet.cell(2, 2)
    assert name.value == "=HYPERLINK(\"x\")" and name.data_type == "s" and name.quotePrefix
    assert sheet.cell(2, 9).value.date() == dt.date(2026, 10, 1)
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"
    assert [c.value for c in book.worksheets[1][2]] == ["检修车间", 1, 2, 30]


def test_no_overdue_loans(session, tmp_path):
    small_room(session)
    assert overdue.overdue_loans(session) == []
    assert overdue.export_xlsx(session, tmp_path / "x.xlsx") == 0


def test_a_full_disk_leaves_no_half_written_overdue_list(session, tmp_path, monkeypatch):
    import errno
    import zipfile

    from bookroom_desk.files import WriteFailed

    make_overdue(session)
    path = tmp_path / "overdue.xlsx"
    path.write_bytes(b"last week's list")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
    with pytest.raises(WriteFailed, match="磁盘已满"):
        overdue.export_xlsx(session, path, "days")
    assert path.read_bytes() == b"last week's list"
    assert not [p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".partial") and p != path]
