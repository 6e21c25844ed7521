"""The loan slip and the printed overdue list: what they say, page by page."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from PySide6.QtGui import QPdfWriter

from bookroom_desk.printing import slip
from bookroom_desk.services.circulation import overdue
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.roomwork.profile import update_profile
from tests.support.desk_room import past_loan, small_room


def pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def room(session):
    update_profile(session, name="机务段职工书屋", actor=OPERATOR)
    room = small_room(session)
    past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    past_loan(session, "00000005", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    return room


def test_slip_lists_the_readers_loans_with_due_dates(session, room, tmp_path, qapp):
    doc = slip.slip_document(session, room.zhang)
    assert doc.heading == "机务段职工书屋借阅凭条"
    assert "张伟" in doc.lines[0] and "R000001" in doc.lines[0] and "逾期 1 册" in doc.lines[3]
    assert doc.rows == [(["00000004", "劳动法读本4", "2026-10-01", "2026-10-31"], True),
                        (["00000005", "劳动法读本5", "2026-11-01", "2026-12-01"], False)]
    path = slip.write_pdf(doc, tmp_path / "slip.pdf")
    text = pdf_text(path)
    assert "借阅凭条" in text and "00000005" in text and "2026-12-01" in text


def test_a_long_overdue_list_runs_over_pages(session, room, tmp_path, qapp):
    lines = overdue.overdue_loans(session)
    many = [line for line in lines for _ in range(90)]
    doc = slip.overdue_document("机务段职工书屋", many, "days")
    path = tmp_path / "overdue.pdf"
    assert slip.paint(QPdfWriter(str(path)), doc) >= 2
    text = pdf_text(path)
    assert "逾期未还图书清单" in text and "按逾期天数排列" in text and text.count("00000004") == 90
