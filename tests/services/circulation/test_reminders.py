"""Reminders (催还): stages the room sets, the notice each open loan is due, the record of those given."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.circulation import reminders
from bookroom_desk.services.circulation.reminders import Stage
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.reporting.statistics import key_figures
from bookroom_desk.store.models_notices import NoticeGiven
from tests.support.desk_room import past_loan, small_room

TODAY = dt.date(2026, 11, 24)  # the suite's fixed clock


@pytest.fixture
def room(session):
    room = small_room(session)
    past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))  # 24 days late: 7
    past_loan(session, "00000005", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))  # 7 to go: none yet
    past_loan(session, "00000006", room.li, dt.date(2026, 9, 1), dt.date(2026, 10, 1))  # 54 late: 30
    past_loan(session, "00000007", room.li, dt.date(2026, 10, 27), dt.date(2026, 11, 26))  # 2 to go: -3
    past_loan(session, "00000001", room.wang, dt.date(2026, 10, 25), dt.date(2026, 11, 24))  # due today: 0
    return room


def summary(notices):
    return [(n.name, [(line.barcode, line.stage.days) for line in n.lines]) for n in notices]


def given_count(session) -> int:
    return session.scalar(select(func.count(NoticeGiven.id)))


def test_default_stages_are_before_on_and_after_the_due_day(session):
    stages = reminders.get_stages(session)
    assert [s.days for s in stages] == [-3, 0, 7, 30]
    assert [s.label for s in stages] == ["到期前 3 天", "到期当日", "逾期 7 天", "逾期 30 天"]


def test_each_loan_is_due_the_highest_stage_it_has_reached(session, room):
    notices = reminders.due_notices(session, TODAY)
    # by department: 后勤 (王芳), 检修车间 (张伟), 财务科 (李娜) in the database's order of the names
    assert sorted(summary(notices)) == sorted([
        ("王芳", [("00000001", 0)]),
        ("张伟", [("00000004", 7)]),
        ("李娜", [("00000006", 30), ("00000007", -3)]),
    ])
    li = next(n for n in notices if n.name == "李娜")
    assert li.stage.days == 30 and li.phone == "" and li.department == "财务科"
    assert li.lines[0].days_late == 54 and li.lines[1].days_late == -2
    assert reminders.stage_counts(notices) == {-3: (1, 1), 0: (1, 1), 7: (1, 1), 30: (1, 1)}


def test_one_stage_only(session, room):
    assert summary(reminders.due_notices(session, TODAY, stage="7")) == [("张伟", [("00000004", 7)])]
    assert summary(reminders.due_notices(session, TODAY, stage=30)) == [("李娜", [("00000006", 30)])]
    with pytest.raises(InvalidInput, match="没有“8”这个催还阶段。现有的阶段是：-3,0,7,30"):
        reminders.due_notices(session, TODAY, stage="8")


def test_a_notice_given_is_not_given_again_and_the_next_run_gives_the_next_stage(session, room):
    first = reminders.due_notices(session, TODAY)
    assert reminders.record_given(session, first, "letter", actor=OPERATOR) == 4
    assert reminders.due_notices(session, TODAY) == []  # nothing new today
    rows = session.execute(select(NoticeGiven.stage, NoticeGiven.given_by, NoticeGiven.how, NoticeGiven.given_at)
                           .order_by(NoticeGiven.stage)).all()
    assert rows == [(days, OPERATOR, "letter", dt.datetime(2026, 11, 24, 10, 30)) for days in (-3, 0, 7, 30)]
    later = reminders.due_notices(session, TODAY + dt.timedelta(days=7))
    # A week on: 00000001 reaches 7, 00000004 reaches 30, 00000007 (given -3) and 00000005 reach the due day;
    # 00000006 was given 30 already, the last stage.
    assert sorted(summary(later)) == sorted([("王芳", [("00000001", 7)]), ("张伟", [("00000004", 30), ("00000005", 0)]),
                                             ("李娜", [("00000007", 0)])])
    reminders.record_given(session, later, "workbook", actor=OPERATOR)
    assert reminders.due_notices(session, TODAY + dt.timedelta(days=7)) == []
    assert [s for s, *_ in reminders.given_for_loan(session, room_loan(session, "00000001"))] == [0, 7]


def room_loan(session, barcode):
    from bookroom_desk.store.models import Copy, Loan

    return session.scalar(select(Loan.id).join(Copy, Loan.copy_id == Copy.id).where(Copy.barcode == barcode))


def test_a_returned_book_gets_no_notice(session, room):
    from bookroom_desk.store.models import Loan

    session.get(Loan, room_loan(session, "00000004")).returned_at = dt.datetime(2026, 11, 20, 9)
    assert "00000004" not in str(summary(reminders.due_notices(session, TODAY)))


def test_a_dry_run_stores_nothing(session, room):
    notices = reminders.due_notices(session, TODAY)
    assert notices and given_count(session) == 0
    assert reminders.due_notices(session, TODAY) == notices  # looking again changes nothing


def test_stages_are_set_parsed_and_named(session):
    stages = reminders.parse_stages("-5, 0：到期, 14:第一次催还，60")
    assert stages == [Stage(-5), Stage(0, "到期"), Stage(14, "第一次催还"), Stage(60)]
    reminders.set_stages(session, stages, actor=OPERATOR)
    assert reminders.get_stages(session) == stages
    assert reminders.format_stages(stages) == "-5,0:到期,14:第一次催还,60"
    assert reminders.find_stage(stages, "第一次催还").days == 14


@pytest.mark.parametrize("text, message", [
    ("0,-3,7,30", "催还阶段应从早到晚排列：“-3”写在了“0”之前"),
    ("-3,0,30,7", "催还阶段应从早到晚排列：“7”写在了“30”之前"),
    ("-3,0,7,7", "催还阶段“7”写了两次"),
    ("-3,0,a,30", "催还阶段“a”不是天数"),
    ("-3,0,7,400", "催还阶段“400”不合理"),
    ("-90,0", "催还阶段“-90”不合理"),
    ("", "至少要设一个催还阶段"),
    (",".join(str(n) for n in range(11)), "催还阶段最多 10 个"),
])
def test_a_bad_stage_list_is_refused_and_nothing_is_stored(db, text, message):
    with db.write() as session:
        reminders.set_stages(session, reminders.parse_stages("-1,1"), actor=OPERATOR)
    with pytest.raises(InvalidInput, match=message):
        with db.write() as session:
            reminders.set_stages(session, reminders.parse_stages(text), actor=OPERATOR)
    with db.read() as session:
        assert reminders.get_stages(session) == [Stage(-1), Stage(1)]


@pytest.mark.parametrize("stages, message", [
    ([Stage(0), Stage(-3)], "应从早到晚排列"), ([], "至少要设一个"), ([Stage(1), Stage(1, "再催")], "写了两次"),
    ([Stage(True)], "不合理"), ([Stage(3, "很" * 41)], "名称太长"),
])
def test_stages_built_in_code_are_checked_too(session, stages, message):
    with pytest.raises(InvalidInput, match=message):
        reminders.set_stages(session, stages, actor=OPERATOR)
    assert reminders.get_stages(session) == [Stage(-3), Stage(0), Stage(7), Stage(30)]


def test_only_an_administrator_sets_the_stages(db):
    from tests.support.helpers import add_admin_and_volunteer, refused_each

    with db.write() as session:
        add_admin_and_volunteer(session)
    refused_each(db, [lambda session: reminders.set_stages(session, [Stage(0)], actor="小王")], "只有管理员")
    with db.read() as session:
        assert settings.get(session, reminders.STAGES) == reminders.STAGES.default


def test_notices_this_year_counts_each_notice_given(session, room):
    assert key_figures(session).notices_this_year == 0
    reminders.record_given(session, reminders.due_notices(session, TODAY), "list", actor=OPERATOR)
    assert key_figures(session).notices_this_year == 4
    assert reminders.notices_in_year(session, 2025) == 0


def test_a_wrong_way_of_giving_is_refused(session, room):
    with pytest.raises(InvalidInput, match="letter、list 或 workbook"):
        reminders.record_given(session, reminders.due_notices(session, TODAY), "email", actor=OPERATOR)
    assert given_count(session) == 0


def test_notices_recorded_twice_at_once_are_recorded_once(session, room):
    """The window and the command line looked at the same moment: the second to record finds them given."""
    seen_by_both = reminders.due_notices(session, TODAY)
    assert reminders.record_given(session, seen_by_both, "letter", actor=OPERATOR) == 4
    assert reminders.record_given(session, seen_by_both, "workbook", actor=OPERATOR) == 0
    assert given_count(session) == 4


def test_a_loan_renewed_after_a_notice_starts_its_stages_again_from_the_new_due_date(session, room):
    from bookroom_desk.store.models import Loan

    reminders.record_given(session, reminders.due_notices(session, TODAY), "letter", actor=OPERATOR)
    session.get(Loan, room_loan(session, "00000004")).due_on = dt.date(2026, 11, 27)  # renewed: due in 3 days
    assert summary(reminders.due_notices(session, TODAY)) == [("张伟", [("00000004", -3)])]
    assert session.scalar(select(NoticeGiven.due_on).where(NoticeGiven.stage == 7)) == dt.date(2026, 10, 31)
