"""The demo room's holds (预约) and a round of reminder notices (催还) given today.

Holds waiting on titles whose every copy is out, one ready (its copy kept, 预约保留), a few filled (each ended in
a loan of its copy to its reader) and cancelled in the past; then today's reminder notices, most of them given.
Its own random stream (from the seed), and built last, so the rest of the demo room stays as it was.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.circulation import holds, reminders
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.vocab import AVAILABLE, ON_LOAN
from bookroom_desk.store.models import Copy, CopyEvent, Loan, Reader
from bookroom_desk.store.models_holds import Hold

DEMO = "演示"  # who did what the demo made as rows (the demo's loans say the same)
WAITING_TITLES, FILLED, CANCELLED = 4, 3, 2


def _placed(rng: random.Random, today: dt.date, most_days: int) -> dt.datetime:
    day = today - dt.timedelta(days=rng.randint(1, most_days))
    return dt.datetime.combine(day, dt.time(rng.choice((11, 12, 17, 18)), rng.randrange(60)))


def build_holds_and_notices(session: Session, seed: int, today: dt.date, readers: list[Reader],
                            copies: list[Copy]) -> dict:
    rng = random.Random(seed * 104729 + 23)
    people = [reader for reader in readers if reader.status == "active"]
    if not people:
        return {"holds": 0, "notices": 0}
    made = 0
    by_title: dict[int, list[Copy]] = {}
    for copy in copies:
        by_title.setdefault(copy.title_id, []).append(copy)
    out = sorted(title_id for title_id, group in by_title.items()
                 if any(c.status == ON_LOAN for c in group) and not any(c.status == AVAILABLE for c in group))
    holders = dict(session.execute(select(Copy.title_id, Loan.reader_id).join(Loan, Loan.copy_id == Copy.id)
                                   .where(Loan.returned_at.is_(None))).all())
    # Waiting: one or two readers queue for a title whose every copy is out.
    for title_id in rng.sample(out, min(WAITING_TITLES, len(out))):
        for reader in rng.sample(people, min(rng.randint(1, 2), len(people))):
            if reader.id == holders.get(title_id):
                continue
            try:
                hold = holds.place(session, reader.card, title_id, actor=OPERATOR)
            except BookroomError:
                continue
            hold.placed_at = _placed(rng, today, 20)
            made += 1
    # Ready: a copy on the shelf "comes back" for a reader who asked for it; the desk keeps it (预约保留).
    shelf = [c for c in copies if c.status == AVAILABLE and c.title_id not in out]
    for copy in rng.sample(shelf, min(10, len(shelf))):
        reader = rng.choice(people)
        try:
            hold = holds.place(session, reader.card, copy.title_id, actor=OPERATOR)
        except BookroomError:
            continue
        hold.placed_at = _placed(rng, today, 10)
        session.flush()
        holds.on_check_in(session, copy.id, actor=OPERATOR)
        made += 1
        break
    # Filled and cancelled, in the past: rows as the desk would have left them.
    since = dt.datetime.combine(today - dt.timedelta(days=200), dt.time())
    returned = list(session.scalars(select(Loan).where(Loan.returned_at.is_not(None), Loan.out_at >= since,
                                                       Loan.reader_id.is_not(None)).order_by(Loan.id)))
    for loan in rng.sample(returned, min(FILLED, len(returned))):
        lent, borrower = session.get(Copy, loan.copy_id), session.get(Reader, loan.reader_id)
        assert lent is not None and borrower is not None
        copy, reader = lent, borrower
        ready_at = loan.out_at - dt.timedelta(days=rng.randint(1, 3), hours=1)
        hold = Hold(title_id=copy.title_id, reader_id=reader.id, copy_id=copy.id, state=holds.FILLED,
                    placed_at=ready_at - dt.timedelta(days=rng.randint(3, 20)), placed_by=DEMO,
                    ready_at=ready_at, expires_on=ready_at.date() + dt.timedelta(days=reader.category.hold_days),
                    closed_at=loan.out_at, cancelled_by="")
        session.add(hold)
        session.flush()
        session.add(CopyEvent(copy_id=copy.id, at=ready_at, kind="held", detail=f"预约 {hold.id} {reader.card}",
                              by=DEMO))
        made += 1
    for _ in range(CANCELLED):
        reader = rng.choice(people)
        placed = _placed(rng, today, 150)
        session.add(Hold(title_id=rng.choice(copies).title_id, reader_id=reader.id, state=holds.CANCELLED,
                         placed_at=placed, placed_by=DEMO, closed_at=placed + dt.timedelta(days=rng.randint(1, 9)),
                         cancelled_by=DEMO))
        made += 1
    session.flush()
    # A round of reminder notices: today's, most readers' given (as a department list or a letter).
    notices = reminders.due_notices(session, today)
    given = [notice for notice in notices if rng.random() < 0.7]
    letters = [notice for notice in given if rng.random() < 0.3]
    lists = [notice for notice in given if notice not in letters]
    count = reminders.record_given(session, lists, "list", actor=OPERATOR)
    count += reminders.record_given(session, letters, "letter", actor=OPERATOR)
    session.flush()
    return {"holds": made, "notices": count}
