"""The demo room: believable, consistent, repeatable, and only in an empty database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import Refused
from bookroom_desk.services.catalogue.clc import validate_class_number
from bookroom_desk.services.common import calendar, opening_week
from bookroom_desk.services.common.barcodes import Scheme
from bookroom_desk.services.common.isbn import is_isbn13
from bookroom_desk.services.reporting.statistics import key_figures
from bookroom_desk.services.roomwork.profile import get_profile, missing_fields
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.models import Copy, Loan, Reader, Title
from tests.support.helpers import add_title


def _snapshot(db):
    with db.read() as session:
        return (
            session.execute(select(Title.isbn, Title.title, Title.call_number).order_by(Title.id)).all(),
            session.execute(select(Copy.barcode, Copy.status, Copy.acquired_on).order_by(Copy.id)).all(),
            session.execute(select(Reader.card, Reader.name, Reader.department).order_by(Reader.id)).all(),
            session.execute(select(Loan.copy_id, Loan.out_at, Loan.returned_at).order_by(Loan.id)).all(),
        )


def test_demo_room_is_consistent(db):
    with db.write() as session:
        result = build_demo(session, volumes=400, readers=40, years=2, seed=7)
    with db.read() as session:
        figures = key_figures(session)
        assert figures.volumes == result.volumes == 400
        assert figures.on_loan == result.open_loans > 0
        assert figures.overdue == result.overdue
        assert missing_fields(session) == []
        scheme = Scheme.load(session)
        assert all(scheme.is_copy(b) for b in session.scalars(select(Copy.barcode)))
        assert all(scheme.is_reader(c) for c in session.scalars(select(Reader.card)))
        assert all(is_isbn13(i) for i in session.scalars(select(Title.isbn).where(Title.isbn.is_not(None))))
        assert all(validate_class_number(c) for c in session.scalars(select(Title.clc)))
        # a copy is on loan exactly when it has an open loan
        on_loan = set(session.scalars(select(Copy.id).where(Copy.status == "on_loan")))
        open_loans = set(session.scalars(select(Loan.copy_id).where(Loan.returned_at.is_(None))))
        assert on_loan == open_loans
        # no loan starts before its copy arrived or ends before it started
        assert not session.scalar(select(func.count(Loan.id)).join(Copy, Copy.id == Loan.copy_id)
                                  .where(func.date(Loan.out_at) < Copy.acquired_on))
        assert not session.scalar(select(func.count(Loan.id)).where(Loan.returned_at < Loan.out_at))
        # every title has a call number of its own, as the catalogue requires (periodicals' issues too)
        call_numbers = session.scalars(select(Title.call_number)).all()
        assert all(call_numbers) and len(set(call_numbers)) == len(call_numbers)
        assert session.scalar(select(func.count(Title.id)).where(Title.material.in_(("periodical", "newspaper")))) == 16
        topics = set(session.scalars(select(Title.topic)))
        assert {"politics", "skills", "labour_law", "culture", "social_science"} <= topics


def test_same_seed_same_room(tmp_path):
    from bookroom_desk.store.migrate import open_database

    rooms = []
    for name in ("a", "b", "c"):
        db = open_database(f"sqlite:///{tmp_path / name}.db")
        with db.write() as session:
            build_demo(session, volumes=150, readers=15, seed=3 if name != "c" else 4)
        rooms.append(_snapshot(db))
        db.dispose()
    assert rooms[0] == rooms[1] and rooms[0] != rooms[2]


def test_demo_refuses_a_database_with_data(db):
    with db.write() as session:
        add_title(session, "已有的书")
    with pytest.raises(Refused, match="已经有数据"):
        with db.write() as session:
            build_demo(session, volumes=50, readers=5)
    with db.read() as session:
        assert session.scalar(select(func.count(Title.id))) == 1


def test_demo_titles_are_found_by_search(db):
    from bookroom_desk.services.catalogue import search

    with db.write() as session:
        build_demo(session, volumes=300, readers=10, seed=5)
    with db.read() as session:
        assert session.scalar(select(func.count(Title.id)).where(Title.search_text == "")) == 0
        first = session.scalars(select(Title).where(Title.isbn.is_not(None)).order_by(Title.id)).first()
        initials = first.pinyin.split()[-1]
        found = search.matching_ids(session, initials, limit=None)
    assert first.id in found


def test_the_demo_room_opens_on_the_weekdays_and_hours_its_profile_names(db):
    with db.write() as session:
        build_demo(session, volumes=200, readers=20, seed=2)
    with db.read() as session:
        week = opening_week.week(session)
        assert week.open_days == frozenset(range(1, 6))
        assert all([str(h) for h in week.hours_of(day)] == ["11:30-13:30", "17:00-19:00"] for day in range(1, 6))
        assert get_profile(session).opening_hours == opening_week.profile_text(session) == (
            "周一至周五 11:30–13:30、17:00–19:00")
        # the desk's rule on that week: a due date falling on a weekend moved to the Monday after it
        stored = calendar.load(session)
        due_dates = set(session.scalars(select(Loan.due_on)))
        assert due_dates and all(stored.is_open(day) for day in due_dates)

