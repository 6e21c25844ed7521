"""A constructed two-year history of a small room (2025–2026), whose figures the tests count by hand.

Copies (counted materials: 图书, 期刊, 报纸合订本; c8 is 音像 and never counted):

    c1  平凡的世界 I247        acquired 2024-06-01  available
    c2  平凡的世界             2025-03-10           on loan (L8)
    c3  劳动合同法实用问答 D922.5  2025-05-20      withdrawn 2025-12-15
    c4  劳动合同法实用问答     2025-08-01           lost 2026-08-10
    c5  中国工人 (期刊) D412   2025-11-05           available
    c6  电工基础 TM1           2026-02-01           missing
    c7  电工基础               2026-07-15           available
    c8  职工歌曲集 (音像) J6   2025-04-01           available
    c9  无分类书 (no class)    2026-01-20           available
    c10 平凡的世界             2026-09-01           withdrawn 2026-09-30

Readers: r1 2024-01-01 检修车间; r2 2025-06-01 运用车间, left 2026-03-01; r3 2026-01-10 检修车间;
r4 2025-02-01 left with no date (never counted); r5 2026-07-01 技术科, suspended.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.roomwork import profile
from bookroom_desk.store.models import Loan, Renewal
from bookroom_desk.store.models_holds import Hold
from bookroom_desk.store.models_notices import NoticeGiven
from bookroom_desk.store.models_reading import RoomRead, RoomVisit
from bookroom_desk.store.models_roomwork import Activity, DutyShift, Volunteer
from bookroom_desk.store.models_stocktake import Stocktake
from tests.support.helpers import add_copy, add_reader, add_title

D, T = dt.date, dt.datetime


def build_history(session, name: str = "机务段职工书屋", union: str = "机务段工会", workers: int | None = 50,
                  title_of_t1: str = "平凡的世界") -> dict:
    profile.update_profile(session, name=name, union_name=union, workers_served=workers, area_m2=Decimal("80.0"),
                        seats=40, nameplate=True, digital_service="电子职工书屋", rules_text="借阅制度全文", actor=OPERATOR)
    t1 = add_title(session, title_of_t1, clc="I247", topic="culture")
    t2 = add_title(session, "劳动合同法实用问答", clc="D922.5", topic="labour_law")
    t3 = add_title(session, "中国工人", material="periodical", clc="D412", topic="politics")
    t4 = add_title(session, "电工基础", clc="TM1", topic="skills")
    t5 = add_title(session, "职工歌曲集", material="audiovisual", clc="J6", topic="culture")
    t6 = add_title(session, "无分类书", clc="", topic="other")
    c = {
        1: add_copy(session, "00000001", t1, acquired_on=D(2024, 6, 1)),
        2: add_copy(session, "00000002", t1, status="on_loan", acquired_on=D(2025, 3, 10)),
        3: add_copy(session, "00000003", t2, status="withdrawn", acquired_on=D(2025, 5, 20), removed_on=D(2025, 12, 15)),
        4: add_copy(session, "00000004", t2, status="lost", acquired_on=D(2025, 8, 1), removed_on=D(2026, 8, 10)),
        5: add_copy(session, "00000005", t3, acquired_on=D(2025, 11, 5)),
        6: add_copy(session, "00000006", t4, status="missing", acquired_on=D(2026, 2, 1)),
        7: add_copy(session, "00000007", t4, acquired_on=D(2026, 7, 15)),
        8: add_copy(session, "00000008", t5, acquired_on=D(2025, 4, 1)),
        9: add_copy(session, "00000009", t6, acquired_on=D(2026, 1, 20)),
        10: add_copy(session, "00000010", t1, status="withdrawn", acquired_on=D(2026, 9, 1), removed_on=D(2026, 9, 30)),
    }
    r = {
        1: add_reader(session, "R000001", "读者甲某", "检修车间", registered_on=D(2024, 1, 1)),
        2: add_reader(session, "R000002", "读者乙某", "运用车间", status="left", registered_on=D(2025, 6, 1)),
        3: add_reader(session, "R000003", "读者丙某", "检修车间", registered_on=D(2026, 1, 10)),
        4: add_reader(session, "R000004", "读者丁某", "", status="left", registered_on=D(2025, 2, 1)),
        5: add_reader(session, "R000005", "读者戊某", "技术科", status="suspended", registered_on=D(2026, 7, 1)),
    }
    r[2].left_on = D(2026, 3, 1)
    loans = {}
    for key, copy, reader, out, due, back in (
            (1, 1, 1, T(2025, 3, 1, 10), D(2025, 3, 31), T(2025, 3, 20, 10)),
            (2, 2, 2, T(2025, 7, 1, 10), D(2025, 7, 31), T(2025, 8, 5, 10)),
            (3, 3, 1, T(2025, 11, 20, 10), D(2025, 12, 20), T(2025, 12, 10, 10)),
            (4, 5, 2, T(2025, 12, 20, 10), D(2026, 1, 19), T(2026, 1, 5, 10)),
            (5, 8, 1, T(2025, 12, 28, 10), D(2026, 1, 27), T(2026, 1, 10, 10)),
            (6, 4, 3, T(2026, 2, 10, 10), D(2026, 3, 12), T(2026, 3, 1, 10)),
            (7, 1, 3, T(2026, 7, 5, 10), D(2026, 8, 4), T(2026, 8, 20, 10)),
            (8, 2, 1, T(2026, 8, 15, 10), D(2026, 9, 14), None),
            (9, 7, 5, T(2026, 9, 10, 10), D(2026, 10, 10), T(2026, 10, 5, 10)),
            (10, 9, 3, T(2026, 9, 20, 10), D(2026, 10, 20), T(2026, 11, 1, 10))):
        loans[key] = Loan(copy_id=c[copy].id, reader_id=r[reader].id, out_at=out, due_on=due, returned_at=back)
    session.add_all(loans.values())
    session.flush()
    session.add_all([
        Renewal(loan_id=loans[2].id, at=T(2025, 7, 25, 9), old_due_on=D(2025, 7, 31), new_due_on=D(2025, 8, 30)),
        Renewal(loan_id=loans[8].id, at=T(2026, 9, 10, 9), old_due_on=D(2026, 9, 14), new_due_on=D(2026, 10, 14)),
        Renewal(loan_id=loans[4].id, at=T(2026, 1, 2, 9), old_due_on=D(2026, 1, 19), new_due_on=D(2026, 2, 18)),
        Activity(held_on=D(2025, 10, 1), name="读书分享会", kind="share", participants=30, created_at=T(2025, 10, 1)),
        Activity(held_on=D(2026, 8, 1), name="劳模讲书", kind="lecture", participants=20, featured=True,
                 organiser="工会", created_at=T(2026, 8, 1)),
    ])
    v1 = Volunteer(name="志愿者一", joined_on=D(2025, 5, 1), active=True)
    v2 = Volunteer(name="志愿者二", joined_on=D(2026, 8, 1), active=True)
    v3 = Volunteer(name="志愿者三", joined_on=D(2025, 1, 1), active=False)
    session.add_all([v1, v2, v3])
    session.flush()
    session.add_all([
        DutyShift(volunteer_id=v1.id, started_at=T(2025, 6, 1, 9), ended_at=T(2025, 6, 1, 12)),
        DutyShift(volunteer_id=v1.id, started_at=T(2026, 7, 10, 14), ended_at=T(2026, 7, 10, 16, 30)),
        DutyShift(volunteer_id=v2.id, started_at=T(2026, 9, 30, 22), ended_at=T(2026, 10, 1, 2)),
    ])
    summary = {"counts": {"expected": 5, "scanned": 4, "verified": 4, "missing": 1, "misplaced": 0},
               "actions": {}, "lists": {"missing": [c[6].id], "misplaced": [], "on_loan_found": [],
                                        "withdrawn_found": [], "unknown": []}}
    session.add(Stocktake(name="年中盘点", all_shelves=True, started_at=T(2026, 6, 28, 9),
                          finished_at=T(2026, 6, 30, 17), summary=json.dumps(summary)))
    # The desk's other services (return format 2): visits by card and by head count, reads in the room,
    # holds placed (whatever became of them) and reminders given.
    session.add_all([
        RoomVisit(kind="count", at=T(2025, 12, 1), head_count=5, actor="小王"),
        RoomVisit(kind="card", reader_id=r[1].id, at=T(2026, 8, 5, 10), head_count=1, actor="小王"),
        RoomVisit(kind="count", at=T(2026, 9, 10), head_count=12, session_label="午间", actor="小王"),
        RoomRead(copy_id=c[1].id, at=T(2026, 7, 20, 10), actor="小王"),
        RoomRead(copy_id=c[7].id, reader_id=r[3].id, at=T(2026, 7, 20, 11), actor="小王"),
        Hold(title_id=t4.id, reader_id=r[1].id, placed_at=T(2026, 1, 15, 9), placed_by="小王", state="cancelled",
             closed_at=T(2026, 1, 16, 9), cancelled_by="小王"),
        Hold(title_id=t1.id, reader_id=r[3].id, placed_at=T(2026, 8, 20, 9), placed_by="小王", state="cancelled",
             closed_at=T(2026, 8, 21, 9), cancelled_by="小王"),
    ])
    session.flush()
    session.add(NoticeGiven(loan_id=loans[8].id, due_on=D(2026, 9, 14), stage=0, given_at=T(2026, 9, 14, 9),
                            given_by="小王", how="letter"))
    session.flush()
    return {"copies": c, "readers": r, "loans": loans}


#: The 基本情况 indicators, counted by hand from the history above (see test_indicators for the working).
YEAR_2025 = {
    "volumes": 4, "books": 3, "periodicals": 1, "titles": 3, "minimum": 3000, "standard": "差2996册",
    "acquired": 4, "removed": 1, "renewal_rate": 100.0, "readers": 2, "borrowers": 2, "participation_rate": 4.0,
    "loans": 5, "returns": 3, "renewals": 1, "visits": 5, "reads_in_room": 0, "holds": 0, "notices": 0,
    "loans_per_reader": 2.5, "circulation_rate": 100.0, "overdue": 0,
    "activities": 1, "participants": 30, "volunteers": 1, "duty_hours": 3.0, "last_stocktake": None,
    "stocktake_missing": None,
}
QUARTER_3_2026 = {
    "volumes": 6, "books": 5, "periodicals": 1, "titles": 4, "minimum": 3000, "standard": "差2994册",
    "acquired": 2, "removed": 2, "renewal_rate": 33.3, "readers": 3, "borrowers": 3, "participation_rate": 6.0,
    "loans": 4, "returns": 1, "renewals": 1, "visits": 13, "reads_in_room": 2, "holds": 1, "notices": 1,
    "loans_per_reader": 1.33, "circulation_rate": 66.7, "overdue": 1,
    "activities": 1, "participants": 20, "volunteers": 2, "duty_hours": 4.5, "last_stocktake": D(2026, 6, 30),
    "stocktake_missing": 1,
}
RANGE_2025_11_TO_2026_02 = {
    "volumes": 6, "books": 5, "periodicals": 1, "titles": 5, "minimum": 3000, "standard": "差2994册",
    "acquired": 3, "removed": 1, "renewal_rate": 50.0, "readers": 3, "borrowers": 3, "participation_rate": 6.0,
    "loans": 4, "returns": 3, "renewals": 1, "visits": 5, "reads_in_room": 0, "holds": 1, "notices": 0,
    "loans_per_reader": 1.33, "circulation_rate": 50.0, "overdue": 0,
    "activities": 0, "participants": 0, "volunteers": 1, "duty_hours": 0.0, "last_stocktake": None,
    "stocktake_missing": None,
}

READER_NAMES = ("读者甲某", "读者乙某", "读者丙某", "读者丁某", "读者戊某")
FORMULA_TITLE = '=HYPERLINK("http://example.invalid","x")'
