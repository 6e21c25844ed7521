"""Erasing a reader reaches every table that names them (volunteer record, duty, groups, notes, the audit log);
exporting their data covers the same tables."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, select, text

from bookroom_desk.services.access import person_traces, privacy
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.roomwork import volunteers
from bookroom_desk.store.models import Copy, Reader
from bookroom_desk.store.models_access import Account
from bookroom_desk.store.models_calendar import ClosedDates
from bookroom_desk.store.models_roomwork import Activity, DutyShift, GroupMember, ReadingGroup, Volunteer
from tests.services.access.test_privacy import figures, without_stars
from tests.support.filing_history import build_history
from tests.support.helpers import add_admin_and_volunteer

NAME, PHONE, CARD, DUTY_CARD, EMPLOYEE = "读者丙某", "13912345678", "R000003", "V0003", "JW-20931"


def _person_everywhere(session, name=NAME, phone=PHONE) -> int:
    """Reader 3 of the history made a volunteer with duty, a group, an activity, an account card and notes."""
    reader = session.scalar(select(Reader).where(Reader.card == CARD))
    reader.phone, reader.employee_no, reader.notes = phone, EMPLOYEE, f"{name}的备注"
    if name != "读者丙某":
        reader.name = name
    volunteer = volunteers.add_volunteer(session, name=name, joined_on=dt.date(2026, 2, 1), contact=phone,
                                         card=DUTY_CARD, reader_card=CARD, training="阅读推广培训", notes=f"{name}周三值班")
    session.add(DutyShift(volunteer_id=volunteer.id, started_at=dt.datetime(2026, 3, 4, 9),
                          ended_at=dt.datetime(2026, 3, 4, 12), notes=f"与{name}交接"))
    group = ReadingGroup(name="机务读书会", leader=name, founded_on=dt.date(2026, 1, 1), description=f"由{name}发起")
    session.add(group)
    session.flush()
    session.add(GroupMember(group_id=group.id, reader_id=reader.id, joined_on=dt.date(2026, 1, 15)))
    session.add(Activity(held_on=dt.date(2026, 4, 23), name="读书日分享会", participants=30, organiser=name,
                         notes=f"联系人 {name}，电话 {phone}，证号 {CARD}", created_at=dt.datetime(2026, 4, 20)))
    copy = session.scalar(select(Copy).order_by(Copy.id).limit(1))
    copy.notes = f"{name}捐赠"
    session.add(ClosedDates(first_day=dt.date(2026, 8, 3), last_day=dt.date(2026, 8, 7), reason=f"{name}休假，闭馆",
                            added_at=dt.datetime(2026, 7, 20), added_by=OPERATOR))
    session.scalar(select(Account).where(Account.name == "小王")).card = DUTY_CARD
    session.flush()
    privacy.reader_data(session, CARD, actor=OPERATOR)  # the audit log now names the card
    return volunteer.id


def _holding(db, *identifiers: str) -> list[str]:
    """Every table.column (of every table in the file, virtual ones included) whose text holds an identifier."""
    found = []
    with db.engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')).mappings():
                for column, value in row.items():
                    value = value.decode("utf-8", "ignore") if isinstance(value, bytes) else str(value)
                    found += [f"{table}.{column}: {i}" for i in identifiers if i in value]
    return found


def _counts(found):
    """The figures without the words that named the person (an activity's organiser and notes in the return's list)."""
    if isinstance(found, dict):
        return {k: "" if k in ("organiser", "notes") else _counts(v) for k, v in found.items()}
    if isinstance(found, list):
        return [_counts(item) for item in without_stars(found)] if found and isinstance(found[0], dict) \
            else [_counts(item) for item in found]
    return found


@pytest.fixture
def room(db):
    with db.write() as session:
        build_history(session)
        add_admin_and_volunteer(session)
        return _person_everywhere(session)


def test_erasure_leaves_no_name_phone_or_card_anywhere_and_every_statistic_unchanged(db, room):
    assert _holding(db, NAME, PHONE, DUTY_CARD, EMPLOYEE)  # the check sees them before
    with db.read() as session:
        before = figures(session)
    with db.write() as session:
        privacy.erase_reader(session, CARD, actor="老李")
    with db.read() as session:
        after = figures(session)
        volunteer = session.get(Volunteer, room)
        shift = session.scalar(select(DutyShift).where(DutyShift.volunteer_id == room))
        activity = session.scalar(select(Activity).where(Activity.name == "读书日分享会"))
        member = session.scalar(select(GroupMember).join(ReadingGroup).where(ReadingGroup.name == "机务读书会"))
        reader_id = session.scalar(select(Reader.id).where(Reader.card.like("#%")))
    assert _holding(db, NAME, PHONE, DUTY_CARD, EMPLOYEE) == []
    assert [hit for hit in _holding(db, CARD) if not hit.startswith("readers.card")] == []
    assert _counts(after) == _counts(before)
    # What the counts need stays: the volunteer on the register with their shift, the membership, the activity.
    assert (volunteer.name, volunteer.contact, volunteer.card, volunteer.reader_id) == ("", "", None, None)
    assert volunteer.active and volunteer.joined_on == dt.date(2026, 2, 1)
    assert (shift.volunteer_id, shift.ended_at, shift.notes) == (volunteer.id, dt.datetime(2026, 3, 4, 12), "")
    assert member.reader_id == reader_id and activity.participants == 30
    assert activity.notes == f"联系人 （已删除），电话 （已删除），证号 #{reader_id}"


def test_the_export_holds_the_volunteer_record_its_duty_groups_activities_and_account(db, room, tmp_path):
    with db.write() as session:
        path = privacy.export_reader(session, "r000003", tmp_path / "reader.json", actor="老李")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["name"], data["phone"], data["employee_no"]) == (NAME, PHONE, EMPLOYEE)
    volunteer = data["volunteer"]
    assert (volunteer["name"], volunteer["contact"], volunteer["card"]) == (NAME, PHONE, DUTY_CARD)
    assert volunteer["duty_shifts"] == [{"started_at": "2026-03-04 09:00:00", "ended_at": "2026-03-04 12:00:00",
                                         "notes": f"与{NAME}交接"}]
    assert data["reading_groups"] == [{"name": "机务读书会", "joined_on": "2026-01-15"}]
    assert data["groups_led"] == ["机务读书会"]
    assert data["activities_organised"] == [{"held_on": "2026-04-23", "name": "读书日分享会"}]
    assert data["accounts"] == ["小王"]


def test_a_volunteer_known_only_by_the_reader_card_as_duty_card_is_theirs(db, room):
    with db.write() as session:
        volunteer = session.get(Volunteer, room)
        volunteer.reader_id, volunteer.card = None, CARD
        session.flush()
        reader = session.scalar(select(Reader).where(Reader.card == CARD))
        assert person_traces.volunteer_of(session, reader) is volunteer


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=2, max_size=6)
       .filter(lambda n: n not in "读者丙某机务读书会读书日分享会阅读推广培训"),
       phone=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_any_name_and_phone_are_erased_everywhere(db, name, phone):
    with db.write() as session:
        for table in ("closed_dates", "activities", "group_members", "reading_groups", "duty_shifts", "volunteers", "audit_log",
                      "notices_given", "holds", "room_reads", "visits", "renewals", "loans", "copy_events", "copies",
                      "titles", "accounts", "readers"):
            session.execute(text(f"DELETE FROM {table}"))
        build_history(session)
        add_admin_and_volunteer(session)
    assume(not _holding(db, name, phone))  # a name that is also in a title or a department is not the person's
    with db.write() as session:
        _person_everywhere(session, name, phone)
    with db.write() as session:
        privacy.erase_reader(session, CARD, actor="老李")
    assert _holding(db, name, phone, DUTY_CARD) == []
