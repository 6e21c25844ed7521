"""读书会、兴趣小组: groups of readers, their members and their meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork import checks
from bookroom_desk.store.models import Reader
from bookroom_desk.store.models_roomwork import GroupMeeting, GroupMember, ReadingGroup
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Group kinds: stored codes, labels in the "vocab" context (show with vocab.label).
GROUP_KINDS: dict[str, str] = {
    "club": QT_TRANSLATE_NOOP("vocab", "读书会"),
    "interest": QT_TRANSLATE_NOOP("vocab", "兴趣小组"),
}
FIELDS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("roomwork", "名称"),
    "kind": QT_TRANSLATE_NOOP("roomwork", "类别"),
    "leader": QT_TRANSLATE_NOOP("roomwork", "负责人"),
    "founded_on": QT_TRANSLATE_NOOP("roomwork", "成立日期"),
    "description": QT_TRANSLATE_NOOP("roomwork", "简介"),
    "active": QT_TRANSLATE_NOOP("roomwork", "活动中"),
}
MEETING_FIELDS: dict[str, str] = {
    "held_on": QT_TRANSLATE_NOOP("roomwork", "日期"),
    "topic": QT_TRANSLATE_NOOP("roomwork", "主题"),
    "attendees": QT_TRANSLATE_NOOP("roomwork", "参加人数"),
    "notes": QT_TRANSLATE_NOOP("roomwork", "备注"),
}


@dataclass(frozen=True)
class GroupRow:
    """A group as the list shows it."""

    id: int
    name: str
    kind: str
    leader: str
    founded_on: dt.date
    active: bool
    members: int
    meetings: int
    last_meeting: dt.date | None


@dataclass(frozen=True)
class MemberRow:
    reader_id: int
    card: str
    name: str
    department: str
    joined_on: dt.date


def _checked(session: Session, group: ReadingGroup | None, values: dict) -> dict:
    out: dict[str, Any] = {}
    for key, value in values.items():
        title = FIELDS[key]
        if key == "name":
            out[key] = checks.required_text(value, key, title, ReadingGroup.name)
            other = session.scalar(select(ReadingGroup).where(ReadingGroup.name == out[key]))
            if other is not None and other is not group:
                raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "已有名为“{name}”的小组。"), name=out[key], field=key)
        elif key == "kind":
            out[key] = checks.choice(GROUP_KINDS, value, key, title)
        elif key == "leader":
            out[key] = checks.limited_text(value, key, title, ReadingGroup.leader)
        elif key == "founded_on":
            out[key] = checks.past_date(value, key, title)
        elif key == "active":
            out[key] = bool(value)
        else:
            out[key] = checks.limited_text(value, key, title)
    return out


def add_group(session: Session, *, name: str, founded_on: dt.date, kind: str = "club", leader: str = "",
              description: str = "", active: bool = True) -> ReadingGroup:
    group = ReadingGroup(**_checked(session, None, dict(name=name, kind=kind, leader=leader, founded_on=founded_on,
                                                        description=description, active=active)))
    session.add(group)
    session.flush()
    return group


def get_group(session: Session, group_id: int) -> ReadingGroup:
    group = session.get(ReadingGroup, group_id)
    if group is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这个小组（编号 {id}）。"), id=group_id)
    return group


def update_group(session: Session, group_id: int, **values) -> ReadingGroup:
    group = get_group(session, group_id)
    for key, value in _checked(session, group, values).items():
        setattr(group, key, value)
    session.flush()
    return group


def delete_group(session: Session, group_id: int) -> None:
    """Delete a group with its members list and meetings."""
    group = get_group(session, group_id)
    for model in (GroupMember, GroupMeeting):
        for row in session.scalars(select(model).where(model.group_id == group.id)):
            session.delete(row)
    session.flush()
    session.delete(group)
    session.flush()


def list_groups(session: Session) -> list[GroupRow]:
    members = (select(GroupMember.group_id, func.count().label("n")).group_by(GroupMember.group_id).subquery())
    meetings = (select(GroupMeeting.group_id, func.count().label("n"), func.max(GroupMeeting.held_on).label("last"))
                .group_by(GroupMeeting.group_id).subquery())
    rows = session.execute(
        select(ReadingGroup, func.coalesce(members.c.n, 0), func.coalesce(meetings.c.n, 0), meetings.c.last)
        .outerjoin(members, members.c.group_id == ReadingGroup.id)
        .outerjoin(meetings, meetings.c.group_id == ReadingGroup.id)
        .order_by(ReadingGroup.active.desc(), ReadingGroup.founded_on, ReadingGroup.id)).all()
    return [GroupRow(g.id, g.name, g.kind, g.leader, g.founded_on, g.active, m, n, last) for g, m, n, last in rows]


def active_groups(session: Session, on: dt.date) -> list[ReadingGroup]:
    """Groups active and founded by ``on``."""
    return list(session.scalars(select(ReadingGroup).where(ReadingGroup.active.is_(True),
                                                           ReadingGroup.founded_on <= on)))


def add_member(session: Session, group_id: int, card: str) -> Reader:
    """Add the reader with this card to the group (scanned or typed)."""
    group = get_group(session, group_id)
    code = normalize(card)
    if not code:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请扫描或输入读者证号。"), field="card")
    reader = session.scalar(select(Reader).where(Reader.card == code))
    if reader is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "没有读者证号为“{card}”的读者。"), card=code, field="card")
    if reader.status == "left":
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "读者{name}已离职，不能加入小组。"), name=reader.name,
                      field="card")
    if session.get(GroupMember, (group.id, reader.id)) is not None:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "{name}已是“{group}”的成员。"), name=reader.name,
                       group=group.name, field="card")
    session.add(GroupMember(group_id=group.id, reader_id=reader.id, joined_on=clock.today()))
    session.flush()
    return reader


def remove_member(session: Session, group_id: int, reader_id: int) -> None:
    member = session.get(GroupMember, (group_id, reader_id))
    if member is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "这位读者不是小组成员。"))
    session.delete(member)
    session.flush()


def members(session: Session, group_id: int) -> list[MemberRow]:
    rows = session.execute(select(Reader, GroupMember.joined_on).join(GroupMember, GroupMember.reader_id == Reader.id)
                           .where(GroupMember.group_id == group_id).order_by(GroupMember.joined_on, Reader.card)).all()
    return [MemberRow(r.id, r.card, r.name, r.department, joined) for r, joined in rows]


def _meeting_values(values: dict) -> dict:
    out: dict[str, Any] = {}
    for key, value in values.items():
        title = MEETING_FIELDS[key]
        if key == "held_on":
            out[key] = checks.past_date(value, key, title)
        elif key == "topic":
            out[key] = checks.required_text(value, key, title, GroupMeeting.topic)
        elif key == "attendees":
            out[key] = checks.count(value, key, title, 100_000)
        else:
            out[key] = checks.limited_text(value, key, title)
    return out


def add_meeting(session: Session, group_id: int, *, held_on: dt.date, topic: str, attendees: int = 0,
                notes: str = "") -> GroupMeeting:
    group = get_group(session, group_id)
    meeting = GroupMeeting(group_id=group.id, **_meeting_values(dict(held_on=held_on, topic=topic,
                                                                     attendees=attendees, notes=notes)))
    session.add(meeting)
    session.flush()
    return meeting


def update_meeting(session: Session, meeting_id: int, **values) -> GroupMeeting:
    meeting = _get_meeting(session, meeting_id)
    for key, value in _meeting_values(values).items():
        setattr(meeting, key, value)
    session.flush()
    return meeting


def delete_meeting(session: Session, meeting_id: int) -> None:
    session.delete(_get_meeting(session, meeting_id))
    session.flush()


def meetings(session: Session, group_id: int) -> list[GroupMeeting]:
    return list(session.scalars(select(GroupMeeting).where(GroupMeeting.group_id == group_id)
                                .order_by(GroupMeeting.held_on.desc(), GroupMeeting.id.desc())))


def meetings_in(session: Session, period: Period) -> int:
    return session.scalar(select(func.count(GroupMeeting.id))
                          .where(GroupMeeting.held_on.between(period.start, period.end))) or 0


def _get_meeting(session: Session, meeting_id: int) -> GroupMeeting:
    meeting = session.get(GroupMeeting, meeting_id)
    if meeting is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到这次活动记录（编号 {id}）。"), id=meeting_id)
    return meeting
