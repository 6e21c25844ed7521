"""The demo room's holds (预约) and a round of reminder notices (催还), on their own random stream."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from bookroom_desk.services.circulation import holds, reminders
from bookroom_desk.services.common.vocab import HELD
from bookroom_desk.services.upkeep.consistency import violations
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.models import Copy, Loan
from bookroom_desk.store.models_holds import Hold
from bookroom_desk.store.models_notices import NoticeGiven
from tests.services.upkeep.test_demo import _snapshot

TODAY = dt.date(2026, 11, 24)


def test_the_demo_room_has_holds_and_notices_given(db):
    with db.write() as session:
        result = build_demo(session, volumes=400, readers=60, seed=3)
    made = result.extras["holds_notices"]
    with db.read() as session:
        states = dict(session.execute(select(Hold.state, func.count(Hold.id)).group_by(Hold.state)).all())
        assert states[holds.WAITING] >= 2 and states[holds.READY] == 1
        assert states[holds.FILLED] >= 1 and states[holds.CANCELLED] >= 1
        assert made["holds"] == sum(states.values())
        ready = session.scalar(select(Hold).where(Hold.state == holds.READY))
        assert ready.copy.status == HELD and ready.expires_on is not None
        assert session.scalar(select(func.count(Copy.id)).where(Copy.status == HELD)) == 1
        # a waiting hold is a reader's still in the room, on a title none of whose copies is on the shelf
        for hold in session.scalars(select(Hold).where(Hold.state == holds.WAITING)):
            assert hold.reader.status == "active" and hold.placed_at.date() < TODAY
            assert not session.scalar(select(func.count(Copy.id)).where(Copy.title_id == hold.title_id,
                                                                        Copy.status == "available"))
        # a filled hold ended in a loan of its copy to its reader
        for hold in session.scalars(select(Hold).where(Hold.state == holds.FILLED)):
            assert session.scalar(select(func.count(Loan.id)).where(
                Loan.copy_id == hold.copy_id, Loan.reader_id == hold.reader_id, Loan.out_at == hold.closed_at)) == 1
            assert hold.placed_at < hold.ready_at < hold.closed_at
        given = session.scalar(select(func.count(NoticeGiven.id)))
        assert given == made["notices"] > 0
        assert reminders.notices_in_year(session, 2026) == given
        assert violations(session) == []


def test_the_holds_leave_the_rest_of_the_demo_as_it_was(tmp_path, monkeypatch):
    from bookroom_desk.services.upkeep import demo, demo_holds
    from bookroom_desk.store.migrate import open_database

    rooms = []
    for name, with_holds in (("a", True), ("b", False)):
        if not with_holds:
            monkeypatch.setattr(demo_holds, "build_holds_and_notices", lambda *_args: {})
        db = open_database(f"sqlite:///{tmp_path / name}.db")
        with db.write() as session:
            demo.build_demo(session, volumes=150, readers=15, seed=3)
        rooms.append(_snapshot(db))
        db.dispose()
    # the held copy's status aside, titles, readers and loans are the same
    (titles_a, copies_a, readers_a, loans_a), (titles_b, copies_b, readers_b, loans_b) = rooms
    assert (titles_a, readers_a, loans_a) == (titles_b, readers_b, loans_b)
    assert sum(1 for a, b in zip(copies_a, copies_b, strict=True) if a != b) <= 1


def test_the_same_seed_gives_the_same_holds(tmp_path):
    from bookroom_desk.store.migrate import open_database

    found = []
    for name in ("a", "b"):
        db = open_database(f"sqlite:///{tmp_path / name}.db")
        with db.write() as session:
            build_demo(session, volumes=150, readers=15, seed=3)
        with db.read() as session:
            found.append(session.execute(select(Hold.title_id, Hold.reader_id, Hold.state, Hold.placed_at)
                                         .order_by(Hold.id)).all())
        db.dispose()
    assert found[0] == found[1] and found[0]
