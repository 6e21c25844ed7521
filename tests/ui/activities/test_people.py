"""The 书屋工作 page: volunteers and the duty scan field, reading groups, reading stars, records, the self-check."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QPlainTextEdit
from sqlalchemy import select

from bookroom_desk.services.common import settings
from bookroom_desk.services.reporting.self_check import DIGITAL_ACCESS
from bookroom_desk.services.roomwork import groups, volunteers
from bookroom_desk.store.models import Loan
from bookroom_desk.store.models_roomwork import DutyShift, GroupMeeting, ReadingGroup, Volunteer
from tests.support.helpers import add_copy, add_reader
from tests.support.room_work_page import (  # noqa: F401  (page is a fixture)
    _click,
    _count,
    _error,
    _type,
    page,
)


def _scan(qtbot, page, code):
    field = page.findChild(QLineEdit, "dutyScanInput")
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return page.findChild(QLabel, "dutyFeedback").text()


def _volunteer_page(page, ctx, card="ZY001"):
    with ctx.write() as session:
        volunteers.add_volunteer(session, name="王建华", joined_on=dt.date(2025, 3, 1), card=card)
    page.show_tab(page.volunteers)
    return page


def test_a_card_scan_starts_then_ends_duty(page, qtbot, ctx, fixed_clock):
    _volunteer_page(page, ctx)
    assert _scan(qtbot, page, "zy001") == "王建华 开始值班（10:30）。"
    assert page.findChild(QLineEdit, "dutyScanInput").text() == ""
    assert "正在值班：王建华" in page.findChild(QLabel, "onDutyLabel").text()
    assert page.volunteers.table.item(0, 4).text() == "值班中"
    from bookroom_desk.services.common import clock

    clock.set_clock(clock.fixed(fixed_clock + dt.timedelta(hours=2)))
    assert _scan(qtbot, page, "ZY001") == "王建华 结束值班（12:30），本次 2.0 小时。"
    assert page.findChild(QLabel, "onDutyLabel").text() == "现在没有人在值班。"
    with ctx.read() as session:
        shift = session.scalars(select(DutyShift)).one()
        assert shift.ended_at - shift.started_at == dt.timedelta(hours=2)
    assert page.volunteers.hours.table.item(0, 11).text() == "2.0"  # November
    assert page.findChild(QLabel, "dutyTotal").text() == "全年值班 2.0 小时"


def test_an_unknown_card_is_refused_and_the_field_is_ready_again(page, qtbot, ctx):
    _volunteer_page(page, ctx)
    assert _scan(qtbot, page, "ZY999") == "“ZY999”不是哪位志愿者的卡。"
    assert page.findChild(QLineEdit, "dutyScanInput").text() == ""
    assert QApplication.activeModalWidget() is None
    assert _count(ctx.db, DutyShift) == 0


def test_the_button_starts_duty_for_the_chosen_volunteer(page, qtbot, ctx):
    _volunteer_page(page, ctx, card="")
    page.volunteers.table.selectRow(0)
    _click(qtbot, page, "dutyToggleButton")
    assert page.findChild(QLabel, "dutyFeedback").text().startswith("王建华 开始值班")
    assert _count(ctx.db, DutyShift) == 1


def test_the_volunteer_form_refuses_bad_input_beside_the_field(page, qtbot, ctx):
    _volunteer_page(page, ctx)
    _click(qtbot, page, "volunteerNew")
    _type(qtbot, page, "volunteer_card", "ZY001")
    _type(qtbot, page, "volunteer_joined_on", "2026-02-30")
    _click(qtbot, page, "volunteerSave")
    assert _error(page, "volunteer_joined_on_error") == "“2026-02-30”不是有效的日期，请按 2026-11-24 的格式填写。"
    _type(qtbot, page, "volunteer_joined_on", "2026-02-03")
    _click(qtbot, page, "volunteerSave")
    assert _error(page, "volunteer_name_error") == "请填写“姓名”。"
    _type(qtbot, page, "volunteer_name", "刘芳")
    _click(qtbot, page, "volunteerSave")
    assert _error(page, "volunteer_card_error") == "值班卡号“ZY001”已给了志愿者王建华。"
    assert page.findChild(QLineEdit, "volunteer_name").text() == "刘芳"
    _type(qtbot, page, "volunteer_card", "ZY002")
    page.findChild(QPlainTextEdit, "volunteer_training").setPlainText("阅读推广人培训")
    _click(qtbot, page, "volunteerSave")
    assert page.findChild(QLabel, "volunteerMessage").text() == "已保存。"
    with ctx.read() as session:
        stored = session.scalar(select(Volunteer).where(Volunteer.name == "刘芳"))
        assert (stored.card, stored.joined_on, stored.training) == ("ZY002", dt.date(2026, 2, 3), "阅读推广人培训")
    page.volunteers.table.selectRow(1)
    page.findChild(QCheckBox, "volunteer_active").setChecked(False)
    _click(qtbot, page, "volunteerSave")
    assert page.volunteers.table.item(1, 4).text() == "不在册"


def test_a_group_with_members_and_meetings(page, qtbot, ctx):
    with ctx.write() as session:
        add_reader(session, "R000001", name="张伟")
    page.show_tab(page.groups)
    assert not page.groups.members_box.isEnabled()
    _type(qtbot, page, "group_name", "匠心读书会")
    _type(qtbot, page, "group_founded_on", "2026/3/1")
    _click(qtbot, page, "groupSave")
    with ctx.read() as session:
        group = session.scalars(select(ReadingGroup)).one()
        assert (group.name, group.founded_on, group.kind) == ("匠心读书会", dt.date(2026, 3, 1), "club")
    assert page.groups.members_box.isEnabled()
    card = page.findChild(QLineEdit, "memberCardInput")
    qtbot.keyClicks(card, "R000001")
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert page.findChild(QLabel, "memberMessage").text() == "张伟 已加入。"
    qtbot.keyClicks(card, "R000001")
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert page.findChild(QLabel, "memberMessage").text() == "张伟已是“匠心读书会”的成员。"
    assert card.text() == "R000001"  # kept, selected, so the next scan replaces it
    assert page.groups.members.rowCount() == 1
    _type(qtbot, page, "meeting_topic", "《平凡的世界》共读")
    _type(qtbot, page, "meeting_attendees", "-2")
    _click(qtbot, page, "meetingAdd")
    assert _error(page, "meeting_attendees_error") == "“参加人数”不能是负数。"
    assert page.findChild(QLineEdit, "meeting_topic").text() == "《平凡的世界》共读"
    _type(qtbot, page, "meeting_attendees", "12")
    _click(qtbot, page, "meetingAdd")
    assert page.groups.meetings.rowCount() == 1 and page.groups.table.item(0, 4).text() == "1"
    with ctx.read() as session:
        assert session.scalars(select(GroupMeeting)).one().attendees == 12


def test_group_form_refuses_a_bad_date_and_a_duplicate_name(page, qtbot, ctx):
    with ctx.write() as session:
        groups.add_group(session, name="诗词小组", founded_on=dt.date(2025, 1, 1))
    page.show_tab(page.groups)
    _click(qtbot, page, "groupNew")
    _type(qtbot, page, "group_name", "诗词小组")
    _type(qtbot, page, "group_founded_on", "yesterday")
    _click(qtbot, page, "groupSave")
    assert _error(page, "group_founded_on_error").startswith("“yesterday”不是有效的日期")
    _type(qtbot, page, "group_founded_on", "2026-01-01")
    _click(qtbot, page, "groupSave")
    assert _error(page, "group_name_error") == "已有名为“诗词小组”的小组。"
    assert _count(ctx.db, ReadingGroup) == 1


def test_reading_stars_are_listed_and_saved_as_pdf(page, ctx, tmp_path):
    with ctx.write() as session:
        reader = add_reader(session, "R000001", name="张伟", department="检修车间")
        for n in range(3):
            copy = add_copy(session, f"0000000{n + 1}")
            session.add(Loan(copy_id=copy.id, reader_id=reader.id, out_at=dt.datetime(2026, 3, 2 + n, 12),
                             due_on=dt.date(2026, 4, 1)))
    page.show_tab(page.stars)
    assert page.stars.table.rowCount() == 1
    assert [page.stars.table.item(0, c).text() for c in (0, 1, 4)] == ["1", "张伟", "3"]
    pdf = page.stars.save_pdf(tmp_path / "stars.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    page.stars.picker.year.setValue(2025)
    assert page.stars.table.rowCount() == 0


def test_records_reuse_the_profile_form_and_keep_the_digital_access(page, qtbot, ctx):
    page.show_tab(page.records)
    assert page.records.profile.objectName() == "profileForm"
    access = page.findChild(QPlainTextEdit, "digitalAccess")
    access.setPlainText("扫码登录电子职工书屋")
    _click(qtbot, page, "saveDigitalAccess")
    with ctx.read() as session:
        assert settings.get(session, DIGITAL_ACCESS) == "扫码登录电子职工书屋"
    page.records.profile.fields["digital_service"].setText("电子职工书屋")
    page.records.profile.save()
    page.show_tab(page.self_check)
    table = page.self_check.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "数字阅读服务")
    assert table.item(row, 2).text() == "有"
    assert table.item(row, 3).text() == "平台：电子职工书屋；开通方式：扫码登录电子职工书屋"


def test_the_self_check_lists_fourteen_lines_with_their_states(page, ctx):
    page.show_tab(page.self_check)
    table = page.self_check.table
    assert table.rowCount() == 14
    assert [table.item(r, 1).text() for r in (0, 4, 13)] == ["统一制式的标牌", "建设有场地", "长期有作用"]
    assert page.findChild(QLabel, "selfCheckSummary").text() == "有 0 项，无 7 项，待补充 7 项"
    plan = next(r for r in range(14) if table.item(r, 1).text() == "使用有计划")
    assert (table.item(plan, 2).text(), table.item(plan, 4).text()) == ("无", "在“年度计划”中录入本年度阅读计划")


def test_opening_the_duty_tab_puts_the_cursor_in_the_scan_field(page, qtbot, ctx):
    page.activateWindow()
    page.show_tab(page.volunteers)
    qtbot.waitUntil(lambda: page.findChild(QLineEdit, "dutyScanInput").hasFocus())


def test_a_paper_shift_is_entered_listed_and_deleted(page, qtbot, ctx):
    _volunteer_page(page, ctx)
    page.volunteers.lower.setCurrentWidget(page.volunteers.log)
    _type(qtbot, page, "shift_day", "2026-05-06")
    _type(qtbot, page, "shift_started_at", "11:30")
    _type(qtbot, page, "shift_ended_at", "25:00")
    _click(qtbot, page, "shiftAdd")
    assert _error(page, "shift_ended_at_error") == "“25:00”不是有效的时间，请按 17:30 的格式填写。"
    _type(qtbot, page, "shift_ended_at", "1100")
    _click(qtbot, page, "shiftAdd")
    assert _error(page, "shift_ended_at_error") == "值班结束时间应晚于开始时间。"
    _type(qtbot, page, "shift_ended_at", "1330")
    _click(qtbot, page, "shiftAdd")
    log = page.volunteers.log.table
    assert log.rowCount() == 1 and [log.item(0, c).text() for c in (0, 2, 3, 4)] == ["王建华", "11:30", "13:30", "2.0"]
    assert page.volunteers.hours.table.item(0, 5).text() == "2.0"  # May
    log.selectRow(0)
    _click(qtbot, page, "shiftDelete")
    assert log.rowCount() == 0 and _count(ctx.db, DutyShift) == 0


def test_a_group_is_deleted_only_when_confirmed(page, qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    with ctx.write() as session:
        group = groups.add_group(session, name="诗词小组", founded_on=dt.date(2025, 1, 1))
        groups.add_meeting(session, group.id, held_on=dt.date(2026, 1, 5), topic="赏析")
    page.show_tab(page.groups)
    page.groups.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    _click(qtbot, page, "groupDelete")
    assert _count(ctx.db, ReadingGroup) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _click(qtbot, page, "groupDelete")
    assert _count(ctx.db, ReadingGroup) == 0 and _count(ctx.db, GroupMeeting) == 0
    assert page.groups.table.rowCount() == 0


def test_reading_stars_of_one_department(page, ctx):
    with ctx.write() as session:
        for number, department in enumerate(("检修车间", "运用车间"), start=1):
            reader = add_reader(session, f"R00000{number}", name=f"读者{number}", department=department)
            copy = add_copy(session, f"0000000{number}")
            session.add(Loan(copy_id=copy.id, reader_id=reader.id, out_at=dt.datetime(2026, 3, 2, 12),
                             due_on=dt.date(2026, 4, 1)))
    page.show_tab(page.stars)
    assert page.stars.table.rowCount() == 2
    combo = page.stars.department
    combo.setCurrentIndex(combo.findData("运用车间"))
    assert page.stars.table.rowCount() == 1 and page.stars.table.item(0, 2).text() == "运用车间"
    page.stars.refresh()  # refreshing keeps the department chosen
    assert combo.currentData() == "运用车间" and page.stars.table.rowCount() == 1
