"""The demo room's reading in the room and visits: weekday cards at the door, head counts, books read there."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bookroom_desk.services.circulation import reading
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.common.vocab import NOT_HOLDINGS
from bookroom_desk.services.reporting.statistics import key_figures
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.models import Copy
from bookroom_desk.store.models_reading import RoomRead, RoomVisit

TODAY = dt.date(2026, 11, 24)


def test_the_demo_room_reads_in_the_room_and_counts_its_visits(db):
    with db.write() as session:
        result = build_demo(session, volumes=300, readers=60, seed=3)
    made = result.extras["room_use"]
    with db.read() as session:
        use = reading.room_use(session, Period.year(2026))
        assert use.card_visits == made["card_visits"] > 100 and use.reads == made["reads"] > 100
        assert 0 < made["head_counts"] and use.head_counts > made["head_counts"]  # 3-25 people each
        figures = key_figures(session)
        assert (figures.visits_this_year, figures.reads_in_room_this_year) == (use.visits, use.reads)
        cards = session.execute(select(RoomVisit.reader_id, RoomVisit.at).where(RoomVisit.kind == "card")
                                .order_by(RoomVisit.reader_id, RoomVisit.at)).all()
        for (first, at), (second, later) in zip(cards, cards[1:], strict=False):
            assert first != second or later - at >= dt.timedelta(minutes=reading.REPEAT_MINUTES)
        assert all(at.weekday() < 5 and at.date() < TODAY for _, at in cards)
        read_statuses = set(session.scalars(select(Copy.status).join(RoomRead, RoomRead.copy_id == Copy.id)))
        assert not read_statuses & set(NOT_HOLDINGS)


def test_the_same_seed_gives_the_same_room_use(db, tmp_path):
    from bookroom_desk.store.migrate import open_database

    with db.write() as session:
        first = build_demo(session, volumes=120, readers=20, seed=5).extras["room_use"]
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        with other.write() as session:
            assert build_demo(session, volumes=120, readers=20, seed=5).extras["room_use"] == first
    finally:
        other.dispose()
