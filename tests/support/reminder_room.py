"""A small room with loans at every reminder stage on the suite's day (2026-11-24)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.roomwork.profile import update_profile
from bookroom_desk.store.models import Reader
from tests.support.desk_room import Room, past_loan, small_room


def reminder_room(session: Session) -> Room:
    """张伟 (检修车间): 00000004 24 days late (stage 7), 00000005 due in 7 days (no stage yet);
    李娜 (财务科): 00000006 54 days late (30), 00000007 due in 2 days (-3); 王芳 (后勤): 00000001 due today (0)."""
    update_profile(session, name="机务段职工书屋", contact="李秀英", phone="0371-6888 1234", actor=OPERATOR)
    room = small_room(session)
    session.get(Reader, room.zhang).phone = "13800000001"
    session.get(Reader, room.li).phone = "=13800000002"  # a phone typed oddly stays text in a workbook
    past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    past_loan(session, "00000005", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    past_loan(session, "00000006", room.li, dt.date(2026, 9, 1), dt.date(2026, 10, 1))
    past_loan(session, "00000007", room.li, dt.date(2026, 10, 27), dt.date(2026, 11, 26))
    past_loan(session, "00000001", room.wang, dt.date(2026, 10, 25), dt.date(2026, 11, 24))
    return room
