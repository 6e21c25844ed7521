"""The desk's rules: lending, returning, renewing, refusals with reasons, offers, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bookroom_desk.errors import Conflict
from bookroom_desk.services.circulation import after_scan, renewals
from bookroom_desk.services.circulation import desk as c
from bookroom_desk.services.common import closures, opening_week
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.store.models import Copy, CopyEvent, Loan, Renewal
from tests.support.desk_room import (
    ISBN,
    ISBN_ONE,
    assert_on_loan_exactly_when_lent,
    category,
    copy_status,
    open_loans,
    past_loan,
    small_room,
)

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def room(session):
    return small_room(session)


def test_card_opens_reader(session, room):
    result = c.scan(session, " r000001\n", None, actor=OPERATOR)
    assert (result.action, result.tone, result.reader_id) == ("reader", Tone.OK, room.zhang)
    assert "张伟" in result.message() and "检修车间" in result.message()


def test_unknown_card_is_refused_and_keeps_the_open_reader(session, room):
    result = c.scan(session, "R999999", room.zhang, actor=OPERATOR)
    assert (result.action, result.reader_id) == ("refused", room.zhang)
    assert "未登记" in result.message()


def test_copy_with_reader_open_is_lent_with_due_date(session, room):
    result = c.scan(session, "00000004", room.zhang, actor="小李")
    assert (result.action, result.tone, result.due_on) == ("lent", Tone.OK, TODAY + dt.timedelta(days=30))
    assert "2026-12-24" in result.message()
    loan = session.scalar(select(Loan))
    assert (loan.reader_id, loan.due_on, loan.lent_by, loan.returned_at) == (room.zhang, dt.date(2026, 12, 24), "小李", None)
    assert copy_status(session, "00000004") == "on_loan"


def test_due_date_follows_the_category(session, room):
    category(session).loan_days = 14
    assert c.scan(session, "00000004", room.zhang, actor=OPERATOR).due_on == TODAY + dt.timedelta(days=14)


def test_a_loan_made_before_a_holiday_falls_due_after_it(session, room):
    closures.close(session, dt.date(2026, 12, 24), dt.date(2026, 12, 27), "圣诞闭馆", actor=OPERATOR)
    result = c.scan(session, "00000004", room.zhang, actor=OPERATOR)  # today + 30 days is 2026-12-24
    assert result.due_on == dt.date(2026, 12, 28) and "2026-12-28" in result.message()
    assert session.scalar(select(Loan.due_on)) == dt.date(2026, 12, 28)


def test_a_due_date_on_a_closed_weekday_moves_to_the_next_open_day(session, room):
    opening_week.set_week(session, opening_week.Week.of({1, 2, 3, 5}), actor=OPERATOR)  # closed Thursdays and weekends
    assert c.scan(session, "00000004", room.zhang, actor=OPERATOR).due_on == dt.date(2026, 12, 25)  # Thu 24th: Fri


def test_a_category_counting_open_days_lends_for_open_days(session, room):
    opening_week.set_week(session, opening_week.Week.of(range(1, 6)), actor=OPERATOR)
    category(session).loan_days, category(session).loan_days_open = 10, True
    assert c.scan(session, "00000004", room.zhang, actor=OPERATOR).due_on == dt.date(2026, 12, 8)  # two weeks on


def test_a_renewal_falls_due_after_a_holiday(session, room):
    closures.close(session, dt.date(2026, 12, 24), dt.date(2026, 12, 27), actor=OPERATOR)
    loan = past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 10), dt.date(2026, 11, 30))
    result = renewals.renew(session, loan.id, actor=OPERATOR)
    assert result.action == "renewed" and loan.due_on == dt.date(2026, 12, 28)
    assert session.scalar(select(Renewal.new_due_on)) == dt.date(2026, 12, 28)


def test_renewing_counts_open_days_for_such_a_category(session, room):
    opening_week.set_week(session, opening_week.Week.of(range(1, 6)), actor=OPERATOR)
    category(session).loan_days, category(session).loan_days_open = 10, True
    loan = past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 10), dt.date(2026, 11, 30))
    assert renewals.renew(session, loan.id, actor=OPERATOR).action == "renewed"
    assert loan.due_on == dt.date(2026, 12, 8)


def test_copy_without_reader_is_returned_saying_whose_and_late(session, room):
    past_loan(session, "00000004", room.li, dt.date(2026, 10, 1), dt.date(2026, 11, 20))
    result = c.scan(session, "00000004", None, actor="小王")
    assert (result.action, result.reader_name, result.days_late, result.reader_id) == ("returned", "李娜", 4, None)
    assert "李娜" in result.message() and "逾期 4 天" in result.message()
    loan = session.scalar(select(Loan))
    assert loan.returned_at == dt.datetime(2026, 11, 24, 10, 30) and loan.returned_by == "小王"
    assert copy_status(session, "00000004") == "available"


def test_on_time_return_says_so(session, room):
    past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    result = c.scan(session, "00000004", None, actor=OPERATOR)
    assert result.tone is Tone.OK and "按时归还" in result.message()


def test_return_of_copy_not_lent(session, room):
    result = c.scan(session, "00000004", None, actor=OPERATOR)
    assert result.action == "same" and "没有借出" in result.message()
    assert session.scalar(select(func.count(Loan.id))) == 0


def test_copy_lent_to_someone_else_is_refused_with_return_then_lend(session, room):
    past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    result = c.scan(session, "00000004", room.zhang, actor=OPERATOR)
    assert result.action == "refused" and "李娜" in result.message() and "R000002" in result.message()
    assert result.offer.kind == "return_then_lend" and "F9" in result.offer.message()
    assert open_loans(session) == [("00000004", room.li)]
    accepted = after_scan.accept_offer(session, result.offer, actor="小李")
    assert accepted.action == "lent" and "李娜" in accepted.message() and "张伟" in accepted.message()
    assert open_loans(session) == [("00000004", room.zhang)]
    assert session.scalar(select(func.count(Loan.id))) == 2


def test_return_then_lend_refused_by_a_rule_changes_nothing(session, room):
    category(session).max_loans = 1
    past_loan(session, "00000005", room.zhang, dt.date(2026, 11, 20), dt.date(2026, 12, 20))
    past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    offer = c.scan(session, "00000004", room.zhang, actor=OPERATOR).offer
    result = after_scan.accept_offer(session, offer, actor=OPERATOR)
    assert result.action == "refused" and "上限" in result.message()
    assert open_loans(session) == [("00000004", room.li), ("00000005", room.zhang)]


def test_copy_the_reader_already_holds_from_today_is_a_repeated_scan(session, room):
    c.scan(session, "00000004", room.zhang, actor=OPERATOR)
    result = c.scan(session, "00000004", room.zhang, actor=OPERATOR)
    assert (result.action, result.tone) == ("same", Tone.WARNING) and "重复扫描" in result.message()
    assert session.scalar(select(func.count(Loan.id))) == 1


def test_copy_the_reader_already_holds_from_earlier_is_returned(session, room):
    past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    result = c.scan(session, "00000004", room.zhang, actor=OPERATOR)
    assert (result.action, result.reader_id) == ("returned", room.zhang)
    assert open_loans(session) == []


@pytest.mark.parametrize("who, words", [("wang", "停用"), ("zhao", "离职")])
def test_suspended_or_left_reader_may_not_borrow(session, room, who, words):
    opened = c.scan(session, f"R00000{3 if who == 'wang' else 4}", None, actor=OPERATOR)
    assert opened.tone is Tone.REFUSED and words in opened.message()
    result = c.scan(session, "00000004", getattr(room, who), actor=OPERATOR)
    assert result.action == "refused" and words in result.message()
    assert open_loans(session) == []


def test_suspended_reader_can_still_return_what_they_hold(session, room):
    past_loan(session, "00000004", room.wang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert c.scan(session, "00000004", room.wang, actor=OPERATOR).action == "returned"


def test_loan_limit(session, room):
    category(session).max_loans = 2
    assert c.scan(session, "00000004", room.zhang, actor=OPERATOR).action == "lent"
    assert c.scan(session, "00000005", room.zhang, actor=OPERATOR).action == "lent"
    result = c.scan(session, "00000006", room.zhang, actor=OPERATOR)
    assert result.action == "refused" and "上限 2 册" in result.message()
    assert "已借满 2 册" in c.scan(session, "R000001", room.zhang, actor=OPERATOR).message()
    assert len(open_loans(session, room.zhang)) == 2


def test_overdue_blocks_when_the_rules_say_so(session, room):
    past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    opened = c.scan(session, "R000001", None, actor=OPERATOR)
    assert opened.tone is Tone.WARNING and "1 册逾期未还" in opened.message() and opened.reader_id == room.zhang
    result = c.scan(session, "00000005", room.zhang, actor=OPERATOR)
    assert result.action == "refused" and "逾期" in result.message()
    category(session).overdue_blocks = False
    assert c.scan(session, "00000005", room.zhang, actor=OPERATOR).action == "lent"


@pytest.mark.parametrize("status", ["withdrawn", "lost", "repair"])
def test_copy_out_of_circulation_is_refused_and_can_be_reinstated_then_lent(session, room, status):
    copy = session.scalar(select(Copy).where(Copy.barcode == "00000004"))
    copy.status = status
    copy.removed_on = dt.date(2026, 1, 5) if status != "repair" else None
    result = c.scan(session, "00000004", room.zhang, actor=OPERATOR)
    assert result.action == "refused" and result.offer.kind == "reinstate"
    assert copy_status(session, "00000004") == status
    accepted = after_scan.accept_offer(session, result.offer, actor="管理员")
    assert accepted.action == "lent"
    assert (copy.status, copy.removed_on) == ("on_loan", None)
    assert session.scalar(select(CopyEvent.kind)) == "reinstated"


def test_missing_copy_scanned_at_return_goes_back_on_the_shelf(session, room):
    session.scalar(select(Copy).where(Copy.barcode == "00000004")).status = "missing"
    result = c.scan(session, "00000004", None, actor=OPERATOR)
    assert result.action == "found" and "找回" in result.message()
    assert copy_status(session, "00000004") == "available"
    assert session.scalar(select(CopyEvent.kind)) == "found"


def test_missing_copy_scanned_at_lend_is_found_and_lent(session, room):
    session.scalar(select(Copy).where(Copy.barcode == "00000004")).status = "missing"
    assert c.scan(session, "00000004", room.zhang, actor=OPERATOR).action == "lent"
    assert copy_status(session, "00000004") == "on_loan"
    assert session.scalar(select(CopyEvent.kind)) == "found"


def test_returning_a_lost_copy_closes_the_loan_and_offers_it_back(session, room):
    past_loan(session, "00000004", room.li, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    session.scalar(select(Copy).where(Copy.barcode == "00000004")).status = "lost"
    result = c.scan(session, "00000004", None, actor=OPERATOR)
    assert result.action == "returned" and "遗失" in result.message() and result.offer.kind == "reinstate"
    assert open_loans(session) == [] and copy_status(session, "00000004") == "lost"
    assert after_scan.accept_offer(session, result.offer, actor=OPERATOR).action == "reinstated"
    assert copy_status(session, "00000004") == "available"


def test_returning_a_copy_flagged_for_repair_keeps_the_flag(session, room):
    past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    session.scalar(select(Copy).where(Copy.barcode == "00000004")).status = "repair"
    result = c.scan(session, "00000004", None, actor=OPERATOR)
    assert result.tone is Tone.WARNING and "修补" in result.message()
    assert copy_status(session, "00000004") == "repair"


def test_shelf_label_and_unknown_codes_are_refused_with_a_hint(session, room):
    shelf = c.scan(session, "sj-a01", room.zhang, actor=OPERATOR)
    assert shelf.action == "refused" and "书架标签" in shelf.message() and shelf.reader_id == room.zhang
    unknown = c.scan(session, "hello", None, actor=OPERATOR)
    assert unknown.action == "refused" and "无法识别" in unknown.message()
    not_ours = c.scan(session, "12345678", None, actor=OPERATOR)
    assert not_ours.action == "refused" and "不是本书屋的图书" in not_ours.message()
    assert c.scan(session, "  ", None, actor=OPERATOR).action == "refused"
    assert session.scalar(select(func.count(Loan.id))) == 0


def test_isbn_with_one_copy_acts_on_it(session, room):
    assert c.scan(session, ISBN_ONE, room.zhang, actor=OPERATOR).action == "lent"
    assert open_loans(session) == [("00000009", room.zhang)]
    assert c.scan(session, ISBN_ONE, None, actor=OPERATOR).action == "returned"


def test_isbn_with_several_copies_asks_which_then_a_number_picks(session, room):
    result = c.scan(session, ISBN, room.zhang, actor=OPERATOR)
    assert result.action == "choose" and [x.barcode for x in result.choices] == ["00000001", "00000002", "00000003"]
    picked = c.scan(session, "2", room.zhang, choices=tuple(x.barcode for x in result.choices), actor=OPERATOR)
    assert picked.action == "lent" and open_loans(session) == [("00000002", room.zhang)]


def test_isbn_at_return_means_the_copies_on_loan(session, room):
    past_loan(session, "00000003", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    result = c.scan(session, ISBN, None, actor=OPERATOR)  # one of three is out: that is the one coming back
    assert result.action == "returned" and open_loans(session) == []
    assert c.scan(session, "9787115428028", None, actor=OPERATOR).action == "refused"  # valid ISBN, no such title


def test_renew_extends_from_today_once(session, room):
    loan = past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 10), dt.date(2026, 11, 30))
    result = renewals.renew(session, loan.id, actor="小李")
    assert result.action == "renewed" and loan.due_on == TODAY + dt.timedelta(days=30) and loan.renewals == 1
    renewal = session.scalar(select(Renewal))
    assert (renewal.old_due_on, renewal.new_due_on, renewal.by) == (dt.date(2026, 11, 30), dt.date(2026, 12, 24), "小李")
    again = renewals.renew(session, loan.id, actor=OPERATOR)
    assert again.action == "refused" and "上限" in again.message() and loan.due_on == dt.date(2026, 12, 24)


def test_overdue_loan_is_not_renewed(session, room):
    loan = past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    result = renewals.renew(session, loan.id, actor=OPERATOR)
    assert result.action == "refused" and "逾期 24 天" in result.message() and loan.due_on == dt.date(2026, 10, 31)


def test_renewing_a_loan_made_today_would_not_extend(session, room):
    c.scan(session, "00000004", room.zhang, actor=OPERATOR)
    loan = session.scalar(select(Loan))
    assert renewals.renew(session, loan.id, actor=OPERATOR).action == "refused" and loan.renewals == 0


def test_renew_all_says_what_could_not_be_renewed(session, room):
    past_loan(session, "00000004", room.zhang, dt.date(2026, 11, 10), dt.date(2026, 11, 30))
    past_loan(session, "00000005", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    result = renewals.renew_all(session, room.zhang, actor=OPERATOR)
    assert result.action == "renewed" and result.tone is Tone.WARNING and len(result.steps) == 1
    assert "续借了 1 册" in result.message() and "逾期" in result.message()


def test_undo_a_lend_a_return_a_renewal_and_return_then_lend(session, room):
    lent = c.scan(session, "00000004", room.zhang, actor=OPERATOR)
    after_scan.undo(session, lent, actor=OPERATOR)
    assert session.scalar(select(func.count(Loan.id))) == 0 and copy_status(session, "00000004") == "available"

    loan = past_loan(session, "00000005", room.li, dt.date(2026, 11, 10), dt.date(2026, 11, 30))
    renewed = renewals.renew(session, loan.id, actor=OPERATOR)
    after_scan.undo(session, renewed, actor=OPERATOR)
    assert (loan.due_on, loan.renewals, session.scalar(select(func.count(Renewal.id)))) == (dt.date(2026, 11, 30), 0, 0)

    returned = c.scan(session, "00000005", None, actor=OPERATOR)
    after_scan.undo(session, returned, actor=OPERATOR)
    assert open_loans(session) == [("00000005", room.li)] and copy_status(session, "00000005") == "on_loan"

    offer = c.scan(session, "00000005", room.zhang, actor=OPERATOR).offer
    both = after_scan.accept_offer(session, offer, actor=OPERATOR)
    undone = after_scan.undo(session, both, actor=OPERATOR)
    assert undone.action == "undone" and "撤销" in undone.message()
    assert open_loans(session) == [("00000005", room.li)]


def test_undo_of_a_found_copy_restores_missing_and_drops_its_event(session, room):
    session.scalar(select(Copy).where(Copy.barcode == "00000004")).status = "missing"
    after_scan.undo(session, c.scan(session, "00000004", room.zhang, actor=OPERATOR), actor=OPERATOR)
    assert copy_status(session, "00000004") == "missing"
    assert session.scalar(select(func.count(CopyEvent.id))) == 0


def test_undo_refuses_when_the_copy_moved_on(session, room):
    lent = c.scan(session, "00000004", room.zhang, actor=OPERATOR)
    c.scan(session, "00000004", None, actor=OPERATOR)  # returned since
    with pytest.raises(Conflict):
        after_scan.undo(session, lent, actor=OPERATOR)


def test_objects_the_session_already_holds_show_what_a_scan_wrote(session, room):
    """The desk writes with plain SQL: a Copy or Loan loaded earlier in the same session must not go stale."""
    loan = past_loan(session, "00000004", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    copy = session.scalar(select(Copy).where(Copy.barcode == "00000004"))
    assert copy.status == "on_loan" and loan.returned_at is None
    c.scan(session, "00000004", None, actor="小王")
    assert copy.status == "available"
    assert (loan.returned_at, loan.returned_by) == (dt.datetime(2026, 11, 24, 10, 30), "小王")
    c.scan(session, "00000004", room.zhang, actor=OPERATOR)
    assert copy.status == "on_loan"
    copy.status = "repair"  # not flushed: the next scan must see it, as an ORM query would
    assert c.scan(session, "00000004", None, actor=OPERATOR).message().endswith("请不要上架。")
    assert copy.status == "repair" and copy_status(session, "00000004") == "repair"


def test_the_database_allows_one_open_loan_per_copy(session, room):
    copy = session.scalar(select(Copy).where(Copy.barcode == "00000004"))
    session.add(Loan(copy_id=copy.id, reader_id=room.zhang, out_at=dt.datetime(2026, 11, 1), due_on=TODAY))
    session.flush()
    session.add(Loan(copy_id=copy.id, reader_id=room.li, out_at=dt.datetime(2026, 11, 2), due_on=TODAY))
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()


def test_a_refused_scan_in_its_own_unit_of_work_stores_nothing(db):
    with db.write() as session:
        room = small_room(session)
        past_loan(session, "00000004", room.zhang, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    with db.write() as session:
        assert c.scan(session, "00000005", room.zhang, actor=OPERATOR).action == "refused"
    with db.read() as session:
        assert open_loans(session) == [("00000004", room.zhang)]
        assert copy_status(session, "00000005") == "available"


CODES = ["R000001", "R000002", "R000003", "R000004", "R999999", *[f"{n:08d}" for n in range(1, 10)], "87654321",
         ISBN, ISBN_ONE, "SJ-A01", "1", "2", "3", "", "hello"]
scans = st.lists(st.one_of(st.sampled_from(CODES), st.text(max_size=15),
                           st.sampled_from(CODES).map(lambda code: f" {code.lower()}\t"),
                           st.sampled_from(["renew_all", "offer", "undo", "close"])), max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scans)
def test_any_sequence_of_scans_keeps_the_books_straight(db, sequence):
    """Whatever is scanned, in whatever order: each copy's status agrees with its loans, never two open."""
    with db.write() as session:
        if session.scalar(select(func.count(Copy.id))) == 0:
            small_room(session)
            session.scalar(select(Copy).where(Copy.barcode == "00000007")).status = "withdrawn"
            session.scalar(select(Copy).where(Copy.barcode == "00000008")).status = "missing"
    reader_id, choices, offer, done = None, (), None, []
    for item in sequence:
        try:
            with db.write() as session:
                if item == "renew_all":
                    result = renewals.renew_all(session, reader_id, actor=OPERATOR) if reader_id else None
                elif item == "offer":
                    result = after_scan.accept_offer(session, offer, actor=OPERATOR) if offer else None
                elif item == "undo":
                    result = after_scan.undo(session, done[-1], reader_id=reader_id, actor=OPERATOR) if done else None
                elif item == "close":
                    reader_id, result = None, None
                else:
                    result = c.scan(session, item, reader_id, choices=choices, actor=OPERATOR)
        except Conflict:
            continue
        if result is None:
            continue
        if result.action == "undone":
            done.pop()
        elif result.steps:
            done.append(result)
        reader_id, offer = result.reader_id, result.offer
        choices = tuple(choice.barcode for choice in result.choices)
        assert result.message()
    with db.read() as session:
        assert_on_loan_exactly_when_lent(session)
