"""Reminder letters: one per reader, A4 or A5, in Chinese, with the titles and due dates."""

from __future__ import annotations

import pytest

from bookroom_desk.printing import notices as letters
from bookroom_desk.services.circulation import reminder_sheets, reminders
from tests.printing.test_slip import media_box, pdf_text
from tests.support.reminder_room import reminder_room


@pytest.fixture
def due(session):
    reminder_room(session)
    return reminders.due_notices(session)


def test_one_letter_per_reader_with_titles_and_due_dates(session, due, tmp_path, qapp):
    contact = reminder_sheets.room_contact(session)
    path = letters.write_letters_pdf(due, contact, tmp_path / "催还.pdf")
    pages = pdf_text(path).split("\f")
    assert len([page for page in pages if page.strip()]) == 3  # 王芳, 张伟, 李娜
    li = next(page for page in pages if "李娜" in page)
    # NFKC: pdf_text folds full-width punctuation; pdftotext drops the digits of the card in the greeting
    # (its text map of Noto's digit runs), though they are painted: the greeting's words are checked apart.
    assert "机务段职工书屋催还通知" in li and "李娜同志(读者证 R" in li and ",财务科):" in li
    assert reminder_sheets.greeting(next(n for n in due if n.name == "李娜")) == "李娜同志（读者证 R000002，财务科）："
    for needed in ("00000006", "劳动法读本6", "2026-10-01", "已逾期 54 天", "00000007", "2026-11-26", "还有 2 天到期",
                   "李秀英", "0371-6888 1234", "2026-11-24"):
        assert needed in li, needed
    wang = next(page for page in pages if "王芳" in page)
    assert "00000001" in wang and "今天到期" in wang and "李娜" not in wang
    assert media_box(path) == pytest.approx((210, 297), abs=1)


def test_letters_on_a5_and_a_letter_before_the_due_day_is_a_reminder(session, due, tmp_path, qapp):
    contact = reminder_sheets.room_contact(session)
    early = [n for n in reminders.due_notices(session, stage="-3")]
    early[0].lines[:] = [line for line in early[0].lines if line.days_late < 0]
    path = letters.write_letters_pdf(early, contact, tmp_path / "a5.pdf", paper="a5")
    assert media_box(path) == pytest.approx((148, 210), abs=1)
    text = pdf_text(path)
    assert "机务段职工书屋还书提醒" in text and "即将到期" in text and "催还通知" not in text


def test_many_books_run_over_pages(session, due, tmp_path, qapp):
    contact = reminder_sheets.room_contact(session)
    zhang = next(n for n in due if n.name == "张伟")
    zhang.lines[:] = zhang.lines * 60
    path = tmp_path / "long.pdf"
    from PySide6.QtGui import QPdfWriter

    assert letters.paint_letters(QPdfWriter(str(path)), [zhang], contact, "a5") >= 2
    assert pdf_text(path).count("00000004") == 60
