"""Closed dates (停馆): stored, listed, trimmed, split and removed, each change audited; typed ranges read."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import InvalidInput, NotFound, Refused
from bookroom_desk.services.common import calendar as cal
from bookroom_desk.services.common import closures
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.store.models_calendar import ClosedDates
from tests.support.helpers import add_admin_and_volunteer

D = dt.date.fromisoformat


def test_a_volunteer_may_not_close_the_room(session):
    add_admin_and_volunteer(session)
    with pytest.raises(Refused, match="志愿者"):
        closures.close(session, D("2026-12-31"), D("2026-12-31"), actor="小王")
    assert session.scalar(select(func.count()).select_from(ClosedDates)) == 0


def test_every_write_needs_an_actor(session):
    with pytest.raises(ValueError, match="no actor"):
        closures.close(session, D("2026-12-31"), D("2026-12-31"), actor="")


def test_closures_are_stored_listed_and_audited(session):
    closures.close(session, D("2027-01-01"), D("2027-01-03"), "元旦", actor="老李")
    closures.close(session, D("2026-12-31"), None, actor="老李")
    closures.close(session, D("2026-12-31"), D("2026-12-31"), actor="老李")  # already closed just so: nothing new
    rows = closures.closures(session)
    assert [(r.first, r.last, r.reason) for r in rows] == [(D("2026-12-31"), D("2026-12-31"), ""),
                                                          (D("2027-01-01"), D("2027-01-03"), "元旦")]
    stored = session.scalars(select(ClosedDates).order_by(ClosedDates.first_day)).all()
    assert [(r.first_day, r.last_day, r.added_by) for r in stored] == [
        (D("2026-12-31"), D("2026-12-31"), "老李"), (D("2027-01-01"), D("2027-01-03"), "老李")]
    details = session.scalars(select(AuditEntry.detail).order_by(AuditEntry.id)).all()
    assert details == ["停馆 2027-01-01 至 2027-01-03（元旦）", "停馆 2026-12-31"]
    assert cal.due_date(session, D("2026-12-01"), 30, False) == D("2027-01-04")


def test_a_range_ending_before_it_starts_is_refused(session):
    with pytest.raises(closures.BackwardsRange) as caught:
        closures.close(session, D("2026-10-07"), D("2026-10-01"), actor=OPERATOR)
    assert "2026-10-07" in caught.value.message and "2026-10-01" in caught.value.message
    with pytest.raises(closures.BackwardsRange):
        closures.reopen(session, D("2026-10-07"), D("2026-10-01"), actor=OPERATOR)
    with pytest.raises(closures.BackwardsRange):
        closures.parse_range("2026-10-07:2026-10-01")
    assert session.scalar(select(func.count()).select_from(ClosedDates)) == 0


def test_a_closure_in_an_unlikely_year_is_refused(session):
    with pytest.raises(InvalidInput, match="3026"):
        closures.close(session, D("2026-10-01"), D("3026-10-01"), actor=OPERATOR)


@pytest.mark.parametrize(("text", "first", "last"), [("2026-10-01", "2026-10-01", "2026-10-01"),
                                                     ("2026-10-01:2026-10-07", "2026-10-01", "2026-10-07")])
def test_ranges_are_read(text, first, last):
    assert closures.parse_range(text) == (D(first), D(last))


def test_a_bad_date_in_a_range_is_refused_as_a_date():
    with pytest.raises(InvalidInput, match="2026-02-30"):
        closures.parse_range("2026-02-01:2026-02-30")


def test_reopening_trims_splits_and_removes_closures(session):
    closures.close(session, D("2026-07-01"), D("2026-08-31"), "暑期闭馆", actor=OPERATOR)
    closures.close(session, D("2026-10-01"), D("2026-10-07"), "国庆", actor=OPERATOR)
    closures.close(session, D("2026-11-28"), None, "盘点", actor=OPERATOR)
    assert closures.reopen(session, D("2026-07-20"), D("2026-07-31"), actor="老李") == 12  # splits the summer closure
    assert closures.reopen(session, D("2026-10-06"), D("2026-11-30"), actor="老李") == 3  # trims 国庆, removes 盘点
    assert closures.reopen(session, D("2026-12-01"), None, actor="老李") == 0  # was open: nothing changes
    rows = [(r.first, r.last, r.reason) for r in closures.closures(session)]
    assert rows == [(D("2026-07-01"), D("2026-07-19"), "暑期闭馆"), (D("2026-08-01"), D("2026-08-31"), "暑期闭馆"),
                    (D("2026-10-01"), D("2026-10-05"), "国庆")]
    details = session.scalars(select(AuditEntry.detail).where(AuditEntry.actor == "老李")).all()
    assert details == ["恢复开馆 2026-07-20 至 2026-07-31", "恢复开馆 2026-10-06 至 2026-11-30"]


def test_a_closure_is_removed_by_its_id(session):
    kept = closures.close(session, D("2026-10-01"), D("2026-10-07"), actor=OPERATOR)
    gone = closures.close(session, D("2026-12-31"), None, actor=OPERATOR)
    closures.remove_closure(session, gone.id, actor=OPERATOR)
    assert [r.id for r in closures.closures(session)] == [kept.id]
    with pytest.raises(NotFound):
        closures.remove_closure(session, gone.id, actor=OPERATOR)

