"""The hold slip (预约条): whose the kept copy is and until when, on the slip paper, printed or saved as a PDF."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bookroom_desk.errors import Refused
from bookroom_desk.printing import hold_slip
from bookroom_desk.services.circulation import desk, holds
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.roomwork.profile import update_profile
from bookroom_desk.store.models import Reader, Title
from tests.printing.test_slip import media_box, pdf_text
from tests.support.desk_room import ISBN_ONE, past_loan, small_room


@pytest.fixture
def kept(session):
    """机械制图 00000009 back from 李娜, kept for 张伟 (R000001, 检修车间, 13800001111): the hold's id."""
    update_profile(session, name="机务段职工书屋", actor=OPERATOR)
    room = small_room(session)
    session.get(Reader, room.zhang).phone = "13800001111"
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    hold = holds.place(session, "R000001", session.scalar(select(Title.id).where(Title.isbn == ISBN_ONE)),
                       actor=OPERATOR)
    result = desk.scan(session, "00000009", None, actor=OPERATOR)
    assert result.hold is not None and result.hold.hold_id == hold.id
    return hold.id


# pdftotext reads digits after a Latin letter out of Qt's PDFs as nothing ("R000001" -> "R", though the page
# shows it whole), and some fonts' 车/门 as radicals NFKC does not fold: the PDF is checked without those.
IN_PDF = ("机务段职工书屋预约条", "张伟", "检修", "13800001111", "机械制图", "00000009", "保留到", "2026-11-29", "预约架")
WANTED = ("张伟", "R000001", "检修车间", "13800001111", "预约架")


def test_the_slip_says_whose_which_copy_and_until_when(session, kept):
    doc = hold_slip.hold_slip_document(session, kept)
    assert doc.heading == "机务段职工书屋预约条"
    text = "\n".join(doc.lines + [doc.footer])
    for needed in WANTED:
        assert needed in text
    assert [header for header, _share in doc.columns] == ["书名", "条码", "保留到"]
    assert doc.rows == [(["机械制图", "00000009", "2026-11-29"], False)]


@pytest.mark.parametrize("paper, width", [("receipt58", 58.0), ("receipt80", 80.0), ("a5", 148.0)])
def test_the_pdf_on_each_paper_reads_back(session, kept, tmp_path, qapp, paper, width):
    path = hold_slip.slip.write_pdf(hold_slip.hold_slip_document(session, kept, paper), tmp_path / "hold.pdf")
    text = "".join(pdf_text(path).split())
    for needed in IN_PDF:
        assert needed in text
    if paper != "a5":  # on a roll the copy's lines are label: value
        assert "保留到:2026-11-29" in text
    assert media_box(path)[0] == pytest.approx(width, abs=0.5)


def test_with_no_printer_it_is_saved_in_the_slips_folder_on_the_paper_set(session, kept, qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(hold_slip, "user_data_dir", lambda: tmp_path)
    monkeypatch.setattr(hold_slip.QPrinterInfo, "defaultPrinter", staticmethod(lambda: hold_slip.QPrinterInfo()))
    settings.set_value(session, settings.SLIP_PAGE, "receipt80", actor=OPERATOR)
    printer, path = hold_slip.print_or_save_hold_slip(session, kept)
    assert printer == "" and path is not None and path.parent == tmp_path / "slips"
    assert media_box(path)[0] == pytest.approx(80.0, abs=0.5)
    assert "张伟" in pdf_text(path)


def test_a_hold_with_no_copy_kept_has_no_slip(session, kept):
    holds.cancel(session, kept, actor=OPERATOR)
    with pytest.raises(Refused, match="没有预约条可打印"):
        hold_slip.hold_slip_document(session, kept)


def _words(path) -> list[tuple[str, float]]:
    """Each word pdftotext finds on the first page, with its right edge in points."""
    import re
    import subprocess

    out = subprocess.run(["pdftotext", "-bbox", "-l", "1", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return [(word, float(x_max)) for x_max, word in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', out)]


def test_in_english_on_a5_every_word_stays_inside_the_margins(session, kept, tmp_path, qapp, monkeypatch):
    from bookroom_desk.i18n import install_app_translators

    install_app_translators(qapp, "en")
    try:
        doc = hold_slip.hold_slip_document(session, kept, "a5")
        path = hold_slip.slip.write_pdf(doc, tmp_path / "hold.pdf")
    finally:
        install_app_translators(qapp, "zh_CN")
    words = _words(path)
    right = 148.0 * 72 / 25.4 - 12 * 72 / 25.4  # A5's width less its 12 mm margin, in points
    assert [word for word, x_max in words if x_max > right + 1] == []
    assert "shelf." in [word for word, _ in words]  # the footer is printed to its last word
