"""What a reminder (催还) says: each book's state in words, the message for the workplace's own messaging,
and the workbook (one sheet for sending, one sheet per department with the readers' phones). Qt-free."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from bookroom_desk.services.circulation.reminders import NoticeLine, ReaderNotice
from bookroom_desk.services.common import clock
from bookroom_desk.services.roomwork.profile import get_profile
from bookroom_desk.services.xlsx import workbook as xlsx
from bookroom_desk.services.xlsx.streaming import StreamSheet
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "reminders"
NO_DEPARTMENT = QT_TRANSLATE_NOOP("reminders", "（未填部门）")
ROOM = QT_TRANSLATE_NOOP("reminders", "职工书屋")


@dataclass(frozen=True)
class RoomContact:
    """Who signs a notice: the room's name, contact person and phone (from 书屋信息)."""

    room: str
    contact: str
    phone: str


def room_contact(session: Session) -> RoomContact:
    profile = get_profile(session)
    return RoomContact(profile.name or translate(CONTEXT, ROOM), profile.contact or "", profile.phone or "")


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def day(value: dt.date) -> str:
    return value.strftime("%Y-%m-%d")


def state(line: NoticeLine) -> str:
    """The book's state in a few words: days to go, due today, past due but no open day late yet, days late."""
    if line.days_late < 0:
        return _tr(QT_TRANSLATE_NOOP("reminders", "还有 {days} 天到期")).format(days=-line.days_late)
    if line.days_late == 0:
        if line.past_due:  # due before a closed day, overdue days counted in open days: never "late 0 days"
            return _tr(QT_TRANSLATE_NOOP("reminders", "已到期"))
        return _tr(QT_TRANSLATE_NOOP("reminders", "今天到期"))
    return _tr(QT_TRANSLATE_NOOP("reminders", "已逾期 {days} 天")).format(days=line.days_late)


def is_late(notice: ReaderNotice) -> bool:
    return any(line.days_late > 0 for line in notice.lines)


def heading(notice: ReaderNotice, contact: RoomContact) -> str:
    """催还通知 when a book is late, 还书提醒 before."""
    text = (QT_TRANSLATE_NOOP("reminders", "{room}催还通知") if is_late(notice)
            else QT_TRANSLATE_NOOP("reminders", "{room}还书提醒"))
    return _tr(text).format(room=contact.room)


def greeting(notice: ReaderNotice) -> str:
    return _tr(QT_TRANSLATE_NOOP("reminders", "{name}同志（读者证 {card}，{department}）：")).format(
        name=notice.name, card=notice.card, department=notice.department or _tr(NO_DEPARTMENT))


def body(notice: ReaderNotice, contact: RoomContact) -> str:
    if is_late(notice):
        text = QT_TRANSLATE_NOOP("reminders", "您从{room}借阅的以下 {count} 册图书已到期或逾期，请尽快归还；"
                                              "如需继续阅读，请到书屋办理续借。谢谢配合！")
    else:
        text = QT_TRANSLATE_NOOP("reminders", "您从{room}借阅的以下 {count} 册图书即将到期，请按时归还；"
                                              "如需继续阅读，请到书屋办理续借。")
    return _tr(text).format(room=contact.room, count=len(notice.lines))


def signature(contact: RoomContact, today: dt.date) -> str:
    parts = [contact.room]
    if contact.contact or contact.phone:
        parts.append(_tr(QT_TRANSLATE_NOOP("reminders", "联系人：{contact} {phone}")).format(
            contact=contact.contact, phone=contact.phone).strip())
    parts.append(day(today))
    return "　".join(parts)


def message(notice: ReaderNotice, contact: RoomContact) -> str:
    """One message to send the reader by the workplace's own messaging."""
    books = _tr(QT_TRANSLATE_NOOP("reminders", "、")).join(
        _tr(QT_TRANSLATE_NOOP("reminders", "《{title}》（应还 {due}，{state}）")).format(
            title=line.title, due=day(line.due_on), state=state(line)) for line in notice.lines)
    text = (QT_TRANSLATE_NOOP("reminders", "{name}您好：您从{room}借阅的 {books} 请尽快归还。{contact}")
            if is_late(notice) else
            QT_TRANSLATE_NOOP("reminders", "{name}您好：您从{room}借阅的 {books} 请按时归还或续借。{contact}"))
    who = ""
    if contact.contact or contact.phone:
        who = _tr(QT_TRANSLATE_NOOP("reminders", "联系人：{contact} {phone}")).format(
            contact=contact.contact, phone=contact.phone).strip()
    return _tr(text).format(name=notice.name, room=contact.room, books=books, contact=who).strip()


SEND_COLUMNS = (
    QT_TRANSLATE_NOOP("reminders", "部门"), QT_TRANSLATE_NOOP("reminders", "姓名"),
    QT_TRANSLATE_NOOP("reminders", "读者证号"), QT_TRANSLATE_NOOP("reminders", "手机"),
    QT_TRANSLATE_NOOP("reminders", "册数"), QT_TRANSLATE_NOOP("reminders", "催还阶段"),
    QT_TRANSLATE_NOOP("reminders", "消息内容"),
)
DEPARTMENT_COLUMNS = (
    QT_TRANSLATE_NOOP("reminders", "姓名"), QT_TRANSLATE_NOOP("reminders", "读者证号"),
    QT_TRANSLATE_NOOP("reminders", "手机"), QT_TRANSLATE_NOOP("reminders", "图书条码"),
    QT_TRANSLATE_NOOP("reminders", "书名"), QT_TRANSLATE_NOOP("reminders", "借出日期"),
    QT_TRANSLATE_NOOP("reminders", "应还日期"), QT_TRANSLATE_NOOP("reminders", "状态"),
    QT_TRANSLATE_NOOP("reminders", "催还阶段"),
)


def by_department(notices: Sequence[ReaderNotice]) -> dict[str, list[ReaderNotice]]:
    groups: dict[str, list[ReaderNotice]] = {}
    for notice in notices:
        groups.setdefault(notice.department or _tr(NO_DEPARTMENT), []).append(notice)
    return dict(sorted(groups.items()))


def write_workbook(notices: Sequence[ReaderNotice], contact: RoomContact, path: Path | str,
                   today: dt.date | None = None) -> Path:
    """The workbook: a sheet of messages to send (one row per reader), then a sheet per department
    (one row per book, with the reader's phone) for the department's contact. Streamed (a room's
    whole round is tens of thousands of rows), text-safe, written whole or not at all."""
    from openpyxl import Workbook

    today = today or clock.today()
    workbook = Workbook(write_only=True)
    send = StreamSheet(workbook, xlsx.sheet_title(_tr(QT_TRANSLATE_NOOP("reminders", "催还消息"))),
                       (16, 10, 11, 13, 6, 12, 80))
    send.print_setup(_tr(QT_TRANSLATE_NOOP("reminders", "{room}催还（{day}）")).format(room=contact.room, day=day(today)),
                     landscape=True)
    send.freeze_below(1)
    send.header([_tr(text) for text in SEND_COLUMNS])
    for notice in notices:
        send.append([notice.department, notice.name, notice.card, notice.phone, len(notice.lines), notice.stage.label,
                     message(notice, contact)])
    used: set[str] = {send.sheet.title}
    for department, group in by_department(notices).items():
        name = xlsx.sheet_title(department)
        number = 2
        while name in used:  # two departments alike after cutting to 31 characters
            name = xlsx.sheet_title(department)[:28] + f"~{number}"
            number += 1
        used.add(name)
        page = StreamSheet(workbook, name, (10, 11, 13, 11, 36, 12, 12, 14, 12))
        page.print_setup(_tr(QT_TRANSLATE_NOOP("reminders", "{room}催还清单：{department}（{day}）")).format(
            room=contact.room, department=department, day=day(today)), landscape=True)
        page.freeze_below(1)
        page.header([_tr(text) for text in DEPARTMENT_COLUMNS])
        for notice in group:
            for line in notice.lines:
                page.append([notice.name, notice.card, notice.phone, line.barcode, line.title, line.out_on, line.due_on,
                             state(line), line.stage.label])
    return xlsx.save_workbook(workbook, path)
