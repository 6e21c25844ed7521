"""志愿者与值班: cards, one open shift each, scans that start and end duty, hours clipped to a period."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork import volunteers
from bookroom_desk.store.models_roomwork import DutyShift, Volunteer
from tests.support.helpers import add_reader

T = dt.datetime
D = dt.date


def _volunteer(session, name="王建华", card="ZY001", **kw):
    return volunteers.add_volunteer(session, name=name, joined_on=D(2025, 3, 1), card=card, **kw)


def _shift(session, volunteer, start, end):
    shift = DutyShift(volunteer_id=volunteer.id, started_at=start, ended_at=end, notes="")
    session.add(shift)
    session.flush()
    return shift


def test_a_volunteer_is_stored_with_a_normalised_card(session):
    volunteer = _volunteer(session, card=" zy００１ ", contact="138", training="线上培训")
    stored = session.get(Volunteer, volunteer.id)
    assert (stored.card, stored.contact, stored.training, stored.active) == ("ZY001", "138", "线上培训", True)


def test_blank_card_is_stored_as_none_so_many_volunteers_may_have_none(session):
    assert _volunteer(session, card="").card is None
    assert _volunteer(session, name="刘芳", card="  ").card is None


@pytest.mark.parametrize("changes, field", [(dict(name=" "), "name"), (dict(joined_on=D(2027, 1, 1)), "joined_on"),
                                            (dict(reader_card="R999999"), "reader_card")])
def test_bad_volunteers_are_refused_naming_the_field(session, changes, field):
    values = dict(name="王建华", joined_on=D(2025, 3, 1))
    values.update(changes)
    with pytest.raises((InvalidInput, NotFound)) as caught:
        volunteers.add_volunteer(session, **values)
    assert caught.value.params["field"] == field
    assert session.scalar(select(Volunteer.id)) is None


def test_a_card_cannot_be_two_volunteers_or_someone_elses_reader_card(session):
    _volunteer(session)
    with pytest.raises(Conflict) as caught:
        _volunteer(session, name="刘芳", card="ZY001")
    assert caught.value.params["field"] == "card"
    add_reader(session, "R000001", name="张伟")
    with pytest.raises(Conflict):
        _volunteer(session, name="刘芳", card="R000001")
    own = _volunteer(session, name="张伟", card="R000001", reader_card="R000001")  # their own reader card is fine
    assert own.reader_id is not None
    with pytest.raises(Conflict):
        _volunteer(session, name="张伟二", card="", reader_card="R000001")


def test_scans_start_then_end_duty(session, fixed_clock):
    volunteer = _volunteer(session)
    started = volunteers.scan_duty(session, "zy001")
    assert started.kind == volunteers.STARTED and started.at == fixed_clock and started.volunteer == "王建华"
    clock.set_clock(clock.fixed(fixed_clock + dt.timedelta(hours=2, minutes=15)))
    ended = volunteers.scan_duty(session, "ZY001\r")
    assert ended.kind == volunteers.ENDED and ended.hours == 2.25 and ended.shift_id == started.shift_id
    shift = session.get(DutyShift, ended.shift_id)
    assert shift.ended_at - shift.started_at == dt.timedelta(hours=2, minutes=15)
    assert volunteers.open_shift(session, volunteer.id) is None


def test_a_volunteer_linked_to_a_reader_can_scan_the_reader_card(session):
    add_reader(session, "R000007", name="刘芳")
    volunteer = volunteers.add_volunteer(session, name="刘芳", joined_on=D(2025, 1, 1), reader_card="R000007")
    assert volunteers.scan_duty(session, "R000007").volunteer_id == volunteer.id


def test_unknown_cards_and_inactive_volunteers_are_refused(session):
    with pytest.raises(NotFound):
        volunteers.scan_duty(session, "ZY404")
    with pytest.raises(InvalidInput):
        volunteers.scan_duty(session, "   ")
    volunteer = _volunteer(session, active=False)
    with pytest.raises(Refused):
        volunteers.scan_duty(session, "ZY001")
    assert volunteers.open_shift(session, volunteer.id) is None


def test_the_database_allows_one_open_shift_per_volunteer(session, fixed_clock):
    volunteer = _volunteer(session)
    volunteers.start_duty(session, volunteer.id)
    with pytest.raises(Conflict):
        volunteers.start_duty(session, volunteer.id)
    with pytest.raises(IntegrityError):
        with session.begin_nested():
            _shift(session, volunteer, fixed_clock, None)
    with pytest.raises(Refused):
        volunteers.end_duty(session, _volunteer(session, name="刘芳", card="ZY002").id)


def test_making_a_volunteer_inactive_ends_their_open_shift(session, fixed_clock):
    volunteer = _volunteer(session)
    volunteers.start_duty(session, volunteer.id, at=fixed_clock - dt.timedelta(hours=1))
    volunteers.update_volunteer(session, volunteer.id, active=False)
    assert volunteers.open_shift(session, volunteer.id) is None
    assert volunteers.active_volunteers(session, D(2026, 11, 24)) == []


def test_active_volunteers_at_a_date(session):
    _volunteer(session)
    later = volunteers.add_volunteer(session, name="刘芳", joined_on=D(2026, 6, 1))
    assert [v.name for v in volunteers.active_volunteers(session, D(2026, 12, 31))] == ["王建华", "刘芳"]
    assert later not in volunteers.active_volunteers(session, D(2026, 5, 31))


def test_hours_are_clipped_at_the_period_bounds_and_open_shifts_left_out(session, fixed_clock):
    a = _volunteer(session)
    b = _volunteer(session, name="刘芳", card="ZY002")
    _shift(session, a, T(2025, 12, 31, 22), T(2026, 1, 1, 2))  # 2 of its 4 hours in 2026
    _shift(session, a, T(2026, 3, 31, 23), T(2026, 4, 1, 1))  # split between Q1 and Q2
    _shift(session, b, T(2026, 5, 6, 11, 30), T(2026, 5, 6, 13, 30))
    _shift(session, b, T(2026, 11, 24, 9), None)  # open: not in the return's hours
    year = Period.year(2026)
    assert volunteers.duty_hours(session, year) == 6.0
    assert volunteers.duty_hours(session, year, include_open=True) == 7.5
    assert volunteers.duty_hours(session, Period.quarter(2026, 1)) == 3.0
    assert volunteers.duty_hours(session, Period.quarter(2026, 2)) == 3.0
    assert volunteers.shift_count(session, year) == 2  # the one begun in 2025 is last year's
    rows = volunteers.hours_by_volunteer(session, year)
    assert [(r.name, r.total, r.shifts) for r in rows] == [("王建华", 4.0, 2), ("刘芳", 2.0, 1)]
    assert rows[0].months[(2026, 1)] == 2.0 and rows[0].months[(2026, 3)] == 1.0 and rows[0].months[(2026, 4)] == 1.0
    assert rows[1].months[(2026, 5)] == 2.0 and len(rows[1].months) == 12


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 400 * 24), st.integers(1, 16 * 60)), min_size=1, max_size=6))
def test_monthly_hours_add_up_to_the_period_total(db, spans):
    with db.write() as session:
        volunteer = session.scalar(select(Volunteer)) or _volunteer(session)
        for shift in session.scalars(select(DutyShift)):
            session.delete(shift)
        session.flush()
        for hour, minutes in spans:
            start = T(2025, 12, 1) + dt.timedelta(hours=hour)
            _shift(session, volunteer, start, start + dt.timedelta(minutes=minutes))
        year = Period.year(2026)
        by_month = sum(r.total for r in volunteers.hours_by_volunteer(session, year))
        assert abs(by_month - volunteers.duty_hours(session, year)) < 0.05
        quarters = sum(volunteers.duty_hours(session, Period.quarter(2026, q)) for q in range(1, 5))
        assert abs(quarters - volunteers.duty_hours(session, year)) < 0.05


def test_paper_shifts_are_checked(session, fixed_clock):
    volunteer = _volunteer(session)
    shift = volunteers.record_shift(session, volunteer.id, T(2026, 5, 6, 11), T(2026, 5, 6, 13), notes="补登")
    assert shift.notes == "补登"
    with pytest.raises(Conflict):
        volunteers.record_shift(session, volunteer.id, T(2026, 5, 6, 12), T(2026, 5, 6, 14))
    with pytest.raises(InvalidInput):
        volunteers.record_shift(session, volunteer.id, T(2026, 5, 7, 12), T(2026, 5, 7, 11))
    with pytest.raises(InvalidInput):
        volunteers.record_shift(session, volunteer.id, T(2026, 11, 24, 10), T(2026, 11, 24, 12))
    with pytest.raises(InvalidInput):
        volunteers.record_shift(session, volunteer.id, T(2026, 5, 1, 8), T(2026, 5, 2, 9))
    corrected = volunteers.record_shift(session, volunteer.id, T(2026, 5, 6, 11), T(2026, 5, 6, 14), shift_id=shift.id)
    assert corrected.id == shift.id and volunteers.duty_hours(session, Period.year(2026)) == 3.0
    volunteers.delete_shift(session, shift.id)
    assert volunteers.duty_hours(session, Period.year(2026)) == 0.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=12))
def test_any_duty_scan_is_handled_or_refused_never_half_done(db, raw):
    from bookroom_desk.errors import BookroomError

    with db.write() as session:
        if session.scalar(select(Volunteer)) is None:
            _volunteer(session)
        before = len(session.scalars(select(DutyShift)).all())
    try:
        with db.write() as session:
            event = volunteers.scan_duty(session, raw)
    except BookroomError:
        with db.read() as session:
            assert len(session.scalars(select(DutyShift)).all()) == before  # refused: nothing stored
        return
    assert event.volunteer == "王建华"  # only the real card (however typed) reaches a volunteer
    with db.write() as session:
        volunteers.scan_duty(session, raw)  # the same card again ends the shift
        assert volunteers.open_shifts(session) == []
