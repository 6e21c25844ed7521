"""The demo room's reading in the room (阅览) and visits (入馆): cards at the door, head counts, books read there."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from bookroom_desk.services.circulation.reading import CARD, COUNT, REPEAT_MINUTES
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.vocab import NOT_HOLDINGS, ON_LOAN
from bookroom_desk.store.models import Copy, Reader
from bookroom_desk.store.models_reading import RoomRead, RoomVisit

#: Days back the demo's reading room was open (weekdays), and its hours.
DAYS = 120
OPENS, CLOSES = dt.time(11, 30), dt.time(18, 0)


def build_room_use(session: Session, seed: int, today: dt.date, readers: list[Reader], copies: list[Copy]) -> dict:
    """Weekday visits by card (at most one per reader in REPEAT_MINUTES), a head count most days, reads in the room.

    Its own random stream (from ``seed``), so the rest of the demo room stays as it was."""
    rng = random.Random(seed * 7919 + 19)
    people = [r for r in readers if r.status == "active"]
    books = [c for c in copies if c.status not in NOT_HOLDINGS and c.status != ON_LOAN]
    visits = reads = counts = 0
    span = (dt.datetime.combine(today, CLOSES) - dt.datetime.combine(today, OPENS)).seconds // 60
    for back in range(DAYS, 0, -1):
        day = today - dt.timedelta(days=back)
        if day.weekday() >= 5 or not people or not books:
            continue
        last_seen: dict[int, dt.datetime] = {}
        for _ in range(rng.randint(2, 10)):
            reader = rng.choice(people)
            at = dt.datetime.combine(day, OPENS) + dt.timedelta(minutes=rng.randrange(span))
            seen = last_seen.get(reader.id)
            if seen is not None and abs(at - seen) < dt.timedelta(minutes=REPEAT_MINUTES):
                continue
            last_seen[reader.id] = at
            session.add(RoomVisit(kind=CARD, reader_id=reader.id, at=at, session_label="", head_count=1, note="",
                                  actor=OPERATOR))
            visits += 1
            for _ in range(rng.choice((0, 1, 1, 2))):
                session.add(RoomRead(copy_id=rng.choice(books).id, reader_id=reader.id,
                                     at=at + dt.timedelta(minutes=rng.randint(1, 20)), actor=OPERATOR))
                reads += 1
        for _ in range(rng.randint(0, 4)):  # read by people who came without a card
            session.add(RoomRead(copy_id=rng.choice(books).id, reader_id=None,
                                 at=dt.datetime.combine(day, OPENS) + dt.timedelta(minutes=rng.randrange(span)),
                                 actor=OPERATOR))
            reads += 1
        if rng.random() < 0.7:
            session.add(RoomVisit(kind=COUNT, reader_id=None, at=dt.datetime.combine(day, dt.time()),
                                  session_label=rng.choice(("", "午间", "下午")), head_count=rng.randint(3, 25),
                                  note="", actor=OPERATOR))
            counts += 1
    session.flush()
    return {"card_visits": visits, "head_counts": counts, "reads": reads}
