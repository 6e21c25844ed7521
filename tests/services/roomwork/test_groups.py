"""读书会、兴趣小组: groups, members added by card, meetings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.common import vocab
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork import groups
from bookroom_desk.store.models_roomwork import GroupMeeting, GroupMember, ReadingGroup
from tests.support.helpers import add_reader

D = dt.date


def _group(session, name="匠心读书会", **kw):
    return groups.add_group(session, name=name, founded_on=D(2025, 5, 1), leader="李秀英", **kw)


def test_groups_are_stored_and_listed_with_members_and_meetings(session):
    club = _group(session)
    hobby = _group(session, name="诗词小组", kind="interest")
    add_reader(session, "R000001", name="张伟")
    add_reader(session, "R000002", name="王芳")
    groups.add_member(session, club.id, "r000001")
    groups.add_member(session, club.id, "R000002")
    groups.add_meeting(session, club.id, held_on=D(2026, 3, 15), topic="《平凡的世界》", attendees=12)
    groups.add_meeting(session, club.id, held_on=D(2026, 6, 15), topic="《活着》", attendees=9)
    rows = {r.name: r for r in groups.list_groups(session)}
    assert (rows["匠心读书会"].members, rows["匠心读书会"].meetings, rows["匠心读书会"].last_meeting) == (2, 2, D(2026, 6, 15))
    assert (rows["诗词小组"].members, rows["诗词小组"].meetings, rows["诗词小组"].kind) == (0, 0, "interest")
    assert [m.name for m in groups.members(session, club.id)] == ["张伟", "王芳"]
    assert [m.topic for m in groups.meetings(session, club.id)] == ["《活着》", "《平凡的世界》"]
    assert groups.meetings_in(session, Period.quarter(2026, 1)) == 1
    assert vocab.label(groups.GROUP_KINDS, hobby.kind) == "兴趣小组"


def test_group_names_are_unique_and_required(session):
    _group(session)
    with pytest.raises(Conflict) as caught:
        _group(session, name=" 匠心读书会 ")
    assert caught.value.params["field"] == "name"
    with pytest.raises(InvalidInput):
        _group(session, name="")
    with pytest.raises(InvalidInput):
        _group(session, name="新组", kind="party")
    assert session.scalar(select(func.count(ReadingGroup.id))) == 1


def test_members_must_be_current_readers_and_join_once(session):
    club = _group(session)
    add_reader(session, "R000001", name="张伟")
    add_reader(session, "R000009", name="离职者", status="left")
    groups.add_member(session, club.id, "R000001")
    with pytest.raises(Conflict):
        groups.add_member(session, club.id, "R000001")
    with pytest.raises(Refused):
        groups.add_member(session, club.id, "R000009")
    with pytest.raises(NotFound):
        groups.add_member(session, club.id, "R123456")
    with pytest.raises(InvalidInput):
        groups.add_member(session, club.id, " ")
    assert session.scalar(select(func.count()).select_from(GroupMember)) == 1
    reader_id = groups.members(session, club.id)[0].reader_id
    groups.remove_member(session, club.id, reader_id)
    assert groups.members(session, club.id) == []


@pytest.mark.parametrize("changes, field", [(dict(topic=""), "topic"), (dict(attendees=-1), "attendees"),
                                            (dict(held_on=D(2026, 12, 1)), "held_on")])
def test_bad_meetings_are_refused(session, changes, field):
    club = _group(session)
    values = dict(held_on=D(2026, 3, 1), topic="共读", attendees=5)
    values.update(changes)
    with pytest.raises(InvalidInput) as caught:
        groups.add_meeting(session, club.id, **values)
    assert caught.value.params["field"] == field
    assert session.scalar(select(func.count(GroupMeeting.id))) == 0


def test_active_groups_and_delete(session):
    club = _group(session)
    _group(session, name="停办的", active=False)
    assert [g.name for g in groups.active_groups(session, D(2026, 1, 1))] == ["匠心读书会"]
    assert groups.active_groups(session, D(2025, 4, 30)) == []
    add_reader(session, "R000001")
    groups.add_member(session, club.id, "R000001")
    meeting = groups.add_meeting(session, club.id, held_on=D(2026, 3, 1), topic="共读")
    groups.update_meeting(session, meeting.id, attendees=7)
    assert meeting.attendees == 7
    groups.delete_group(session, club.id)
    assert session.scalar(select(func.count()).select_from(GroupMember)) == 0
    assert session.scalar(select(func.count(GroupMeeting.id))) == 0
