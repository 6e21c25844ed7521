"""A year of room work for the demo room: activities, a reading plan, volunteers and duty, reading groups."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.reporting.self_check import DIGITAL_ACCESS
from bookroom_desk.store.models import Reader
from bookroom_desk.store.models_roomwork import (
    Activity,
    DutyShift,
    GroupMeeting,
    GroupMember,
    PlanItem,
    ReadingGroup,
    Volunteer,
)

#: (month, kind, name, featured) — the year's activities; the plan lists most of them.
ACTIVITIES = (
    (1, "share", "新春读书分享会", False), (2, "checkin", "寒假亲子读书打卡", False),
    (3, "lecture", "《劳动合同法》解读讲座", False), (4, "share", "世界读书日·工匠读书分享", True),
    (4, "essay", "“书香机务”主题征文", True), (5, "quiz", "安全规章知识竞赛", True),
    (6, "lecture", "机车新技术专题讲座", False), (7, "checkin", "夏季“21天读书打卡”", False),
    (8, "share", "职工好书推荐会", False), (9, "quiz", "职工法律知识竞赛", False),
    (10, "lecture", "心理健康与阅读讲座", False), (10, "share", "劳模读书故事会", True),
    (11, "essay", "“我与书屋”征文", False), (12, "share", "年度阅读之星颁奖暨读书分享会", True),
)
ORGANISERS = ("段工会", "女工委员会", "团委", "技术科", "书屋管理员")
VOLUNTEERS = (  # name, contact, training
    ("王建华", "13803710001", "全总职工书屋管理员线上培训（2024）"),
    ("刘芳", "13803710002", "图书分类与编目培训"),
    ("陈志强", "13803710003", "阅读推广人培训"),
    ("赵丽", "13803710004", ""),
    ("孙海涛", "13803710005", "志愿服务基础培训"),
)


def _weekday_on_or_after(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _months_back(today: dt.date, count: int) -> list[tuple[int, int]]:
    """The last ``count`` months up to and including today's, oldest first."""
    year, month, out = today.year, today.month, []
    for _ in range(count):
        out.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def build_room_work(session: Session, rng: random.Random, today: dt.date, readers: list[Reader]) -> dict:
    """Add a year of room-work records ending ``today``; returns what was added, by kind."""
    settings.set_value(session, DIGITAL_ACCESS, "扫描书屋门口的二维码，用工会会员卡号登录电子职工书屋，全员免费开通",
                       actor=OPERATOR)
    activities = _activities(session, rng, today)
    plan = _plan(session, rng, today, activities)
    helpers, shifts = _volunteers(session, rng, today, readers)
    groups, meetings = _groups(session, rng, today, readers)
    session.flush()
    return {"activities": len(activities), "plan_items": plan, "volunteers": helpers, "duty_shifts": shifts,
            "reading_groups": groups, "group_meetings": meetings}


def _activities(session, rng, today) -> list[Activity]:
    held = []
    for year, month in _months_back(today, 12):
        for _, kind, name, featured in (a for a in ACTIVITIES if a[0] == month):
            day = _weekday_on_or_after(dt.date(year, month, rng.randint(5, 24)))
            if day > today:
                continue
            held.append(Activity(held_on=day, name=f"{year}年{name}" if month in (4, 12) else name, kind=kind,
                                 participants=rng.randint(15, 80), organiser=rng.choice(ORGANISERS), featured=featured,
                                 notes="", created_at=dt.datetime.combine(day, dt.time(18))))
    session.add_all(held)
    session.flush()
    return held


def _plan(session, rng, today, held: list[Activity]) -> int:
    """This year's plan: each planned activity of the year, carried out by the one held if so."""
    year = today.year
    items = 0
    for month, kind, name, _ in ACTIVITIES:
        match = next((a for a in held if a.held_on.year == year and a.held_on.month == month and a.kind == kind), None)
        if match is None and rng.random() < 0.15:
            continue  # not every idea made it into the plan
        session.add(PlanItem(year=year, month=month, name=match.name if match else name, kind=kind, notes="",
                             activity_id=match.id if match else None))
        items += 1
    return items


def _volunteers(session, rng, today, readers: list[Reader]) -> tuple[int, int]:
    current = [r for r in readers if r.status == "active"]
    people = []
    for number, (name, contact, training) in enumerate(VOLUNTEERS, start=1):
        reader = current[number * 7 % len(current)] if number <= 2 and current else None
        people.append(Volunteer(name=reader.name if reader else name, contact=contact,
                                card=f"ZY{number:03d}", reader_id=reader.id if reader else None, training=training,
                                joined_on=today - dt.timedelta(days=400 + 30 * number), active=number != 5,
                                notes="" if number != 5 else "调岗，暂停值班"))
    session.add_all(people)
    session.flush()
    shifts = 0
    day = today - dt.timedelta(days=365)
    while day < today:
        if day.weekday() < 5:
            for start, end in ((dt.time(11, 30), dt.time(13, 30)), (dt.time(17, 0), dt.time(19, 0))):
                if rng.random() < 0.8:
                    who = rng.choice(people[:4])
                    begin = dt.datetime.combine(day, start) + dt.timedelta(minutes=rng.randint(-10, 10))
                    finish = dt.datetime.combine(day, end) + dt.timedelta(minutes=rng.randint(-15, 20))
                    session.add(DutyShift(volunteer_id=who.id, started_at=begin, ended_at=finish, notes=""))
                    shifts += 1
        day += dt.timedelta(days=1)
    return len(people), shifts


def _groups(session, rng, today, readers: list[Reader]) -> tuple[int, int]:
    current = [r for r in readers if r.status == "active"]
    club = ReadingGroup(name="机务段“匠心”读书会", kind="club", leader="李秀英",
                        founded_on=today - dt.timedelta(days=500), active=True,
                        description="每月一次，共读一本书，交流技能与人生。")
    interest = ReadingGroup(name="诗词爱好者小组", kind="interest", leader=current[0].name if current else "",
                            founded_on=today - dt.timedelta(days=200), active=True, description="诗词欣赏与创作。")
    session.add_all([club, interest])
    session.flush()
    for group, size in ((club, 18), (interest, 9)):
        for reader in rng.sample(current, min(size, len(current))):
            session.add(GroupMember(group_id=group.id, reader_id=reader.id,
                                    joined_on=max(group.founded_on, reader.registered_on)))
    topics = ("《平凡的世界》共读", "《大国工匠》读后交流", "《活着》分享", "技能书籍推荐", "《人类简史》第一部分",
              "《人类简史》第二部分", "《红岩》与革命精神", "读书笔记展评", "《三体》漫谈", "安全生产读物交流",
              "《苏东坡传》分享", "年度书单评选")
    meetings = 0
    for index, (year, month) in enumerate(_months_back(today, 12)):
        day = _weekday_on_or_after(dt.date(year, month, 15))
        if day <= today:
            session.add(GroupMeeting(group_id=club.id, held_on=day, topic=topics[index % len(topics)],
                                     attendees=rng.randint(8, 18), notes=""))
            meetings += 1
        if index % 3 == 2 and day <= today and dt.date(year, month, 1) >= interest.founded_on:
            session.add(GroupMeeting(group_id=interest.id, held_on=day, topic="诗词赏析会", attendees=rng.randint(5, 9),
                                     notes=""))
            meetings += 1
    return 2, meetings
