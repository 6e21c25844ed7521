"""A room whose overdue days may count open days only (逾期天数只计开放日), for the overdue figures' tests.

Open Monday to Friday, closed 2026-11-16..2026-11-20 (a whole week, 停电). The six loans of
:data:`DUES` fall due around that closure; :data:`OVERDUE` says, for a day and the setting, which
of them are overdue: at least one day late, in calendar days or in open days.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bookroom_desk.services.common import calendar as cal
from bookroom_desk.services.common import clock, closures, opening_week, settings
from bookroom_desk.services.common.actors import OPERATOR
from tests.support.desk_room import Room, past_loan, small_room

D = dt.date.fromisoformat
WORKDAYS = frozenset(range(1, 6))

#: barcode → due date: before the closure, in it, on its last day, after it.
DUES = {
    "00000004": D("2026-11-13"),  # Friday before the closure
    "00000005": D("2026-11-18"),  # in the closure
    "00000006": D("2026-11-20"),  # the closure's last day (a Friday)
    "00000007": D("2026-11-23"),  # Monday, the room open again
    "00000008": D("2026-11-26"),  # Thursday
    "00000009": D("2026-11-27"),  # Friday
}

#: (today, open days only) → the barcodes overdue that day
OVERDUE = {
    # Sunday 22: closed since Friday 13, so with open days nothing is late yet.
    ("2026-11-22", False): ["00000004", "00000005", "00000006"],
    ("2026-11-22", True): [],
    # Monday 23, open: one open day after each of the first three.
    ("2026-11-23", False): ["00000004", "00000005", "00000006"],
    ("2026-11-23", True): ["00000004", "00000005", "00000006"],
    # Saturday 28: the Friday loan has had no open day since; the Thursday loan has (Friday).
    ("2026-11-28", False): ["00000004", "00000005", "00000006", "00000007", "00000008", "00000009"],
    ("2026-11-28", True): ["00000004", "00000005", "00000006", "00000007", "00000008"],
    # Tuesday 24 (the tests' usual day), open.
    ("2026-11-24", False): ["00000004", "00000005", "00000006", "00000007"],
    ("2026-11-24", True): ["00000004", "00000005", "00000006", "00000007"],
}


def open_days_room(session: Session, open_only: bool = True) -> Room:
    """The small room on this calendar, the setting as given; no loans yet."""
    room = small_room(session)
    opening_week.set_week(session, opening_week.Week.of(WORKDAYS), actor=OPERATOR)
    closures.close(session, D("2026-11-16"), D("2026-11-20"), "停电", actor=OPERATOR)
    settings.set_value(session, cal.OVERDUE_OPEN_DAYS, open_only, actor=OPERATOR)
    return room


def lend_all(session: Session, reader_id: int) -> None:
    """The six loans of :data:`DUES`, all to one reader, lent on 2026-10-01."""
    for barcode, due in DUES.items():
        past_loan(session, barcode, reader_id, D("2026-10-01"), due)


def on_day(day: str) -> dt.date:
    """Set the clock to 10:00 on ``day``; the day."""
    clock.set_clock(clock.fixed(dt.datetime.combine(D(day), dt.time(10))))
    return D(day)
