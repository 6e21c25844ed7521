"""The reminder workbook: messages to send, and a sheet per department with the readers' phones."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from bookroom_desk.services.circulation import reminder_sheets, reminders
from bookroom_desk.services.common.actors import OPERATOR
from tests.support.desk_room import past_loan
from tests.support.open_days import D, on_day, open_days_room
from tests.support.reminder_room import reminder_room


def test_workbook_has_a_sheet_of_messages_and_one_per_department(session, tmp_path):
    reminder_room(session)
    due = reminders.due_notices(session)
    contact = reminder_sheets.room_contact(session)
    path = reminder_sheets.write_workbook(due, contact, tmp_path / "催还.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["催还消息", "后勤", "检修车间", "财务科"]
    send = book["催还消息"]
    assert [c.value for c in send[1]] == ["部门", "姓名", "读者证号", "手机", "册数", "催还阶段", "消息内容"]
    rows = {row[1]: row for row in send.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"王芳", "张伟", "李娜"}
    li = rows["李娜"]
    assert li[:6] == ("财务科", "李娜", "R000002", "=13800000002", 2, "逾期 30 天")
    assert send.cell(row=[r[1] for r in send.iter_rows(values_only=True)].index("李娜") + 1, column=4).data_type == "s"
    assert li[6] == ("李娜您好：您从机务段职工书屋借阅的 《劳动法读本6》（应还 2026-10-01，已逾期 54 天）、"
                     "《劳动法读本7》（应还 2026-11-26，还有 2 天到期） 请尽快归还。联系人：李秀英 0371-6888 1234")
    assert "请按时归还或续借" in rows["王芳"][6]
    finance = list(book["财务科"].iter_rows(values_only=True))
    assert finance[0] == ("姓名", "读者证号", "手机", "图书条码", "书名", "借出日期", "应还日期", "状态", "催还阶段")
    assert finance[1][:5] == ("李娜", "R000002", "=13800000002", "00000006", "劳动法读本6")
    assert finance[1][6] == dt.datetime(2026, 10, 1) and finance[1][7:] == ("已逾期 54 天", "逾期 30 天")
    assert finance[2][3] == "00000007" and finance[2][8] == "到期前 3 天"
    zhang = list(book["检修车间"].iter_rows(values_only=True))
    assert len(zhang) == 2 and zhang[1][2] == "13800000001"


def test_a_reader_without_a_department_is_listed_under_a_sheet_of_their_own(session, tmp_path):
    from bookroom_desk.store.models import Reader

    room = reminder_room(session)
    session.get(Reader, room.zhang).department = ""
    path = reminder_sheets.write_workbook(reminders.due_notices(session), reminder_sheets.room_contact(session),
                                          tmp_path / "x.xlsx")
    assert "（未填部门）" in load_workbook(path).sheetnames


# today, open days only, due date → the book's state on the notice (never "late 0 days", never "due today" when it was not)
STATES = [
    ("2026-11-28", True, "2026-11-27", "已到期"),  # Saturday, closed: due on Friday, no open day late yet
    ("2026-11-28", False, "2026-11-27", "已逾期 1 天"),
    ("2026-11-22", True, "2026-11-13", "已到期"),  # Sunday after the closed week
    ("2026-11-22", False, "2026-11-13", "已逾期 9 天"),
    ("2026-11-27", True, "2026-11-27", "今天到期"),
    ("2026-11-30", True, "2026-11-27", "已逾期 1 天"),
    ("2026-11-26", True, "2026-11-27", "还有 1 天到期"),
]


@pytest.mark.parametrize(("today", "open_only", "due", "words"), STATES)
def test_the_state_on_a_notice_counts_as_the_room_does(session, today, open_only, due, words):
    room = open_days_room(session, open_only)
    reminders.set_stages(session, [reminders.Stage(-3), reminders.Stage(0)], actor=OPERATOR)
    past_loan(session, "00000004", room.zhang, D("2026-10-01"), D(due))
    on_day(today)
    (notice,) = reminders.due_notices(session)
    assert [reminder_sheets.state(line) for line in notice.lines] == [words]
    contact = reminder_sheets.room_contact(session)
    assert f"（应还 {due}，{words}）" in reminder_sheets.message(notice, contact)
