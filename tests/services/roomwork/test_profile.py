"""The room profile: what is missing, what may be stored."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.roomwork import profile
from bookroom_desk.store.models import RoomProfile


def test_empty_profile_misses_every_required_field(session):
    assert profile.missing_fields(session) == list(profile.REQUIRED)
    assert profile.room_name(session) == ""


def test_update_profile_stores_trimmed_values_and_reports_what_is_left(session):
    profile.update_profile(session, name="  机务段职工书屋 ", area_m2=Decimal("120.5"), seats=40, nameplate=True,
                           actor=OPERATOR)
    session.flush()
    stored = session.get(RoomProfile, 1)
    assert (stored.name, stored.area_m2, stored.seats, stored.nameplate) == ("机务段职工书屋", Decimal("120.5"), 40, True)
    assert "name" not in profile.missing_fields(session) and "union_name" in profile.missing_fields(session)


@pytest.mark.parametrize("field, value", [("seats", -1), ("workers_served", -5), ("area_m2", Decimal("-1")),
                                          ("acftu_named_year", 1800)])
def test_bad_numbers_are_refused_with_a_message(session, field, value):
    with pytest.raises(InvalidInput) as caught:
        profile.update_profile(session, actor=OPERATOR, **{field: value})
    assert caught.value.message


def test_unknown_field_is_a_bug_not_a_user_error(session):
    with pytest.raises(KeyError):
        profile.update_profile(session, colour="red", actor=OPERATOR)


def test_reading_the_profile_never_writes(db):
    from sqlalchemy import func, select

    with db.read() as session:
        assert profile.get_profile(session).name == ""
        assert not session.new and not session.dirty
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(RoomProfile)) == 0
