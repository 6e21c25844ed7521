"""The loan slip and the printed overdue list: what they say, page by page."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata

import pytest
from PySide6.QtGui import QPdfWriter

from bookroom_desk.printing import slip
from bookroom_desk.services.circulation import overdue
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.roomwork.profile import update_profile
from tests.support.desk_room import past_loan, small_room


def pdf_text(path) -> str:
    """The PDF's text; NFKC folds the Kangxi radicals (⼯) some CJK fonts map their glyphs to back to 工."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", text)


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


def media_box(path) -> tuple[float, float]:
    """The first page's width and height in millimetres, from the PDF's MediaBox."""
    import re

    found = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", path.read_bytes())
    assert found, "the PDF has no MediaBox"
    x0, y0, x1, y1 = (float(v) for v in found.groups())
    return (x1 - x0) * 25.4 / 72, (y1 - y0) * 25.4 / 72


@pytest.mark.parametrize("paper, width", [("receipt58", 58.0), ("receipt80", 80.0)])
def test_a_receipt_slip_is_as_wide_as_the_roll_and_as_long_as_its_loans(session, room, tmp_path, qapp, paper, width):
    short = slip.write_pdf(slip.slip_document(session, room.zhang, [], paper), tmp_path / "none.pdf")
    two = slip.write_pdf(slip.slip_document(session, room.zhang, None, paper), tmp_path / "two.pdf")
    short_w, short_h = media_box(short)
    two_w, two_h = media_box(two)
    assert short_w == pytest.approx(width, abs=0.5) and two_w == pytest.approx(width, abs=0.5)
    assert two_h > short_h + 10  # two loans of four lines each make the roll longer
    text = pdf_text(two)
    for needed in ("借阅凭条", "张伟", "00000004", "劳动法读本5", "2026-12-01", "已逾期"):
        assert needed in text
    assert "00000005" in text


def test_a_long_title_on_a_receipt_wraps_and_is_printed_whole(session, room, tmp_path, qapp):
    doc = slip.slip_document(session, room.zhang, None, "receipt58")
    title = "劳动合同法实施条例释义与案例精解（最新修订版）配套习题集与参考答案"
    doc.rows[0] = (["00000004", title, "2026-10-01", "2026-10-31"], True)
    text = pdf_text(slip.write_pdf(doc, tmp_path / "long.pdf"))
    assert "".join(text.split()).count(unicodedata.normalize("NFKC", title)) == 1  # on several lines, all there
    assert "张伟" in text and "请按时归还" in text
    assert not any(line.lstrip().startswith(("。", "，")) for line in text.splitlines())


def test_a_visit_slip_lists_only_that_visits_loans(session, room, tmp_path, qapp):
    from bookroom_desk.services.readers import records

    loans = records.summary(session, room.zhang).loans
    doc = slip.slip_document(session, room.zhang, [loans[1].loan_id], "receipt80")
    assert [cells[0] for cells, _ in doc.rows] == ["00000005"]
    assert "在借 2 册" in doc.lines[3] and "本次借出 1 册" in doc.lines[4]
    text = pdf_text(slip.write_pdf(doc, tmp_path / "visit.pdf"))
    assert "00000005" in text and "00000004" not in text


def test_the_slip_is_printed_on_the_paper_set_in_settings(session, room, qapp, monkeypatch, tmp_path):
    from bookroom_desk.services.common import settings

    monkeypatch.setattr(slip, "user_data_dir", lambda: tmp_path)
    monkeypatch.setattr(slip.QPrinterInfo, "defaultPrinter", staticmethod(lambda: slip.QPrinterInfo()))
    settings.set_value(session, settings.SLIP_PAGE, "receipt58", actor=OPERATOR)
    printer, path = slip.print_or_save_slip(session, room.zhang)
    assert printer == "" and path is not None and path.parent == tmp_path / "slips"
    assert media_box(path)[0] == pytest.approx(58.0, abs=0.5)
