"""Holds (预约): placing and its refusals, the queue, ready at check-in, lending a kept copy, expiry, cancelling."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import NotFound, Refused
from bookroom_desk.services.circulation import after_scan, desk, holds
from bookroom_desk.services.common import clock, settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.store.models import Copy, CopyEvent, Loan, Title
from bookroom_desk.store.models_holds import Hold
from tests.support.desk_room import ISBN, ISBN_ONE, category, copy_status, past_loan, small_room
from tests.support.helpers import add_reader

NOW = dt.datetime(2026, 11, 24, 10, 30)


@pytest.fixture
def room(session):
    return small_room(session)


def _title_id(session, isbn=ISBN_ONE) -> int:
    return session.scalar(select(Title.id).where(Title.isbn == isbn))


def _later(minutes: int) -> None:
    clock.set_clock(clock.fixed(NOW + dt.timedelta(minutes=minutes)))


def _hold(session, hold_id) -> Hold:
    session.expire_all()
    return session.get(Hold, hold_id)


# --- placing ---------------------------------------------------------------------------------


def test_a_hold_is_placed_waiting_with_who_and_when(session, room):
    hold = holds.place(session, "R000001", _title_id(session), actor="小王")
    assert (hold.state, hold.reader_id, hold.placed_at, hold.placed_by, hold.copy_id) == (
        "waiting", room.zhang, NOW, "小王", None)
    assert holds.position(session, hold) == 1


def test_a_hold_by_isbn_or_by_a_copys_barcode_names_the_title(session, room):
    by_isbn = holds.place_by_code(session, "R000001", "978-7-111-21382-6", actor=OPERATOR)
    by_barcode = holds.place_by_code(session, "R000002", "00000002", actor=OPERATOR)
    assert by_isbn.title_id == _title_id(session)
    assert by_barcode.title_id == _title_id(session, ISBN)


def test_refusals_each_say_why_and_store_nothing(db):
    with db.write() as session:
        small_room(session)
        gone = holds.find_title(session, "00000004")
        for copy in gone.copies:
            copy.status = "withdrawn"
        gone_id, one_id = gone.id, _title_id(session)
        holds.place(session, "R000001", one_id, actor=OPERATOR)
    cases = [
        (lambda s: holds.place(s, "R000001", gone_id, actor=OPERATOR), "没有《劳动法读本4》的藏书"),
        (lambda s: holds.place(s, "R000004", one_id, actor=OPERATOR), "赵强已离职，不能预约"),
        (lambda s: holds.place(s, "R000003", one_id, actor=OPERATOR), "王芳的读者证已停用"),
        (lambda s: holds.place(s, "R000001", one_id, actor=OPERATOR), "张伟已经预约了《机械制图》，不能重复预约"),
    ]
    for attempt, message in cases:
        with pytest.raises(Refused, match=message):
            with db.write() as session:
                attempt(session)
    with pytest.raises(NotFound, match="找不到要预约的书目"):
        with db.write() as session:
            holds.place_by_code(session, "R000001", "9780000000002", actor=OPERATOR)
    with pytest.raises(NotFound, match="R999999"):
        with db.write() as session:
            holds.place_by_code(session, "R999999", ISBN, actor=OPERATOR)
    with db.read() as session:
        assert session.scalar(select(func.count(Hold.id))) == 1


def test_the_categorys_most_holds_at_once(db):
    with db.write() as session:
        small_room(session)
        category(session).max_holds = 2
        for code in ("00000004", "00000005"):
            holds.place_by_code(session, "R000001", code, actor=OPERATOR)
    with pytest.raises(Refused, match="张伟已有 2 个预约，达到“.*”的上限 2 个"):
        with db.write() as session:
            holds.place_by_code(session, "R000001", "00000006", actor=OPERATOR)
    with db.write() as session:
        (first, _) = holds.list_holds(session, ("waiting",))
        holds.cancel(session, first.id, actor=OPERATOR)  # a closed hold no longer counts
        holds.place_by_code(session, "R000001", "00000006", actor=OPERATOR)
        assert holds.open_count(session, session.scalar(select(Hold.reader_id).limit(1))) == 2


# --- the queue, ready at check-in ------------------------------------------------------------


def test_check_in_makes_the_first_waiting_hold_ready_with_that_copy(session, room):
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    kin = add_reader(session, "R000005", "钱七", "车间").id
    _later(1)
    first = holds.place(session, "R000005", _title_id(session), actor=OPERATOR)
    _later(2)
    second = holds.place(session, "R000001", _title_id(session), actor=OPERATOR)
    assert holds.position(session, second) == 2
    _later(60)
    result = desk.scan(session, "00000009", None, actor="小王")
    assert (result.action, result.tone) == ("returned", Tone.WARNING)
    assert result.message().startswith("留给 钱七 R000005（预约）")
    assert result.hold is not None and (result.hold.hold_id, result.hold.card) == (first.id, "R000005")
    assert result.place is None  # not to its shelf: to the hold shelf
    ready = _hold(session, first.id)
    copy_id = session.scalar(select(Copy.id).where(Copy.barcode == "00000009"))
    assert (ready.state, ready.copy_id, ready.ready_at, ready.expires_on) == (
        "ready", copy_id, NOW + dt.timedelta(minutes=60), dt.date(2026, 11, 29))  # 5 days, the default
    assert _hold(session, second.id).state == "waiting"
    assert holds.position(session, _hold(session, second.id)) == 1
    assert copy_status(session, "00000009") == "held"
    assert kin == ready.reader_id


def test_hold_days_follow_the_category(session, room):
    category(session).hold_days = 2
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    hold = holds.place(session, "R000001", _title_id(session), actor=OPERATOR)
    desk.scan(session, "00000009", None, actor=OPERATOR)
    assert _hold(session, hold.id).expires_on == dt.date(2026, 11, 26)


def test_a_ready_hold_waits_open_days_of_the_calendar(session, room):
    from bookroom_desk.services.common import closures

    category(session).hold_days = 2
    closures.close(session, dt.date(2026, 11, 25), dt.date(2026, 11, 26), "设备检修", actor=OPERATOR)
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    hold = holds.place(session, "R000001", _title_id(session), actor=OPERATOR)
    desk.scan(session, "00000009", None, actor=OPERATOR)  # ready on Tuesday 24th; closed Wednesday and Thursday
    assert _hold(session, hold.id).expires_on == dt.date(2026, 11, 28)


def test_a_ready_hold_waits_open_weekdays_of_the_calendar(session, room):
    from bookroom_desk.services.common import opening_week

    opening_week.set_week(session, opening_week.Week.of(range(1, 6)), actor=OPERATOR)  # Monday to Friday
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    hold = holds.place(session, "R000001", _title_id(session), actor=OPERATOR)
    result = desk.scan(session, "00000009", None, actor=OPERATOR)  # ready on Tuesday 24th: five open days on
    assert result.hold is not None and result.hold.expires_on == dt.date(2026, 12, 1)
    assert _hold(session, hold.id).expires_on == dt.date(2026, 12, 1)


@pytest.mark.parametrize("automatic", [None, True, False])
def test_the_hold_notice_brings_whether_the_room_prints_a_slip_at_once(session, room, automatic):
    if automatic is not None:  # never set: the setting's default (no)
        settings.set_value(session, settings.HOLD_SLIP_ON_READY, automatic, actor=OPERATOR)
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    holds.place(session, "R000001", _title_id(session), actor=OPERATOR)
    result = desk.scan(session, "00000009", None, actor=OPERATOR)
    assert result.hold is not None and result.hold.slip_on_ready is bool(automatic)


def test_a_return_with_nobody_waiting_goes_on_the_shelf(session, room):
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    result = desk.scan(session, "00000009", None, actor=OPERATOR)
    assert result.hold is None and result.tone is Tone.OK
    assert copy_status(session, "00000009") == "available"


def test_undoing_the_return_puts_the_hold_back_to_waiting(session, room):
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    hold = holds.place(session, "R000001", _title_id(session), actor=OPERATOR)
    result = desk.scan(session, "00000009", None, actor=OPERATOR)
    after_scan.undo(session, result, actor=OPERATOR)
    again = _hold(session, hold.id)
    assert (again.state, again.copy_id, again.expires_on) == ("waiting", None, None)
    assert copy_status(session, "00000009") == "on_loan"
    assert session.scalar(select(func.count(CopyEvent.id)).where(CopyEvent.kind == "held")) == 0


# --- lending a kept copy ---------------------------------------------------------------------


def _ready(session, room) -> Hold:
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    hold = holds.place(session, "R000001", _title_id(session), actor=OPERATOR)
    desk.scan(session, "00000009", None, actor=OPERATOR)
    return _hold(session, hold.id)


def test_a_kept_copy_is_refused_to_anyone_else(session, room):
    hold = _ready(session, room)
    result = desk.scan(session, "00000009", room.li, actor=OPERATOR)
    assert (result.action, result.tone) == ("refused", Tone.REFUSED)
    assert "为张伟（R000001）预约保留" in result.message() and "不能借给李娜" in result.message()
    assert copy_status(session, "00000009") == "held"
    assert _hold(session, hold.id).state == "ready"


def test_lending_the_kept_copy_to_its_reader_fills_the_hold(session, room):
    hold = _ready(session, room)
    result = desk.scan(session, "00000009", room.zhang, actor=OPERATOR)
    assert result.action == "lent"
    assert (_hold(session, hold.id).state, _hold(session, hold.id).closed_at) == ("filled", NOW)
    assert copy_status(session, "00000009") == "on_loan"
    after_scan.undo(session, result, actor=OPERATOR, reader_id=room.zhang)
    assert _hold(session, hold.id).state == "ready" and copy_status(session, "00000009") == "held"


def test_the_reader_scanning_the_isbn_gets_the_copy_kept_for_them(session, room):
    hold = _ready(session, room)
    result = desk.scan(session, ISBN_ONE, room.zhang, actor=OPERATOR)
    assert (result.action, result.code) == ("lent", "00000009")
    assert _hold(session, hold.id).state == "filled"


# --- expiry and cancelling -------------------------------------------------------------------


def test_expiry_passes_the_copy_to_the_next_in_the_queue(session, room):
    hold = _ready(session, room)
    _later(1)
    nxt = holds.place(session, "R000002", _title_id(session), actor=OPERATOR)
    assert holds.expire(session, actor=OPERATOR, today=dt.date(2026, 11, 29)) == []  # the last day still waits
    done = holds.expire(session, actor=OPERATOR, today=dt.date(2026, 11, 30))
    assert [(h.id, n.hold_id if n else None) for h, n in done] == [(hold.id, nxt.id)]
    assert _hold(session, hold.id).state == "expired"
    assert (_hold(session, nxt.id).state, _hold(session, nxt.id).copy_id) == ("ready", hold.copy_id)
    assert copy_status(session, "00000009") == "held"


def test_expiry_with_nobody_waiting_puts_the_copy_back_on_the_shelf(session, room):
    hold = _ready(session, room)
    holds.expire(session, actor=OPERATOR, today=dt.date(2026, 12, 1))
    assert _hold(session, hold.id).state == "expired"
    assert copy_status(session, "00000009") == "available"


def test_a_kept_copy_past_its_day_is_lent_to_whoever_comes(session, room):
    _ready(session, room)
    clock.set_clock(clock.fixed(dt.datetime(2026, 12, 2, 9)))
    result = desk.scan(session, "00000009", room.li, actor=OPERATOR)
    assert result.action == "lent"
    assert session.scalar(select(Hold.state)) == "expired"
    after_scan.undo(session, result, actor=OPERATOR, reader_id=room.li)  # back on the shelf, where it was once expired
    assert copy_status(session, "00000009") == "available"


def test_cancelling_a_waiting_hold_and_a_ready_one(session, room):
    hold = _ready(session, room)
    nxt = holds.place(session, "R000002", _title_id(session), actor=OPERATOR)
    holds.cancel(session, hold.id, actor="小王")
    cancelled = _hold(session, hold.id)
    assert (cancelled.state, cancelled.cancelled_by, cancelled.closed_at) == ("cancelled", "小王", NOW)
    assert _hold(session, nxt.id).state == "ready"  # the copy passes on
    holds.cancel(session, nxt.id, actor=OPERATOR)
    assert copy_status(session, "00000009") == "available"
    with pytest.raises(Refused, match="已取消"):
        holds.cancel(session, nxt.id, actor=OPERATOR)
    with pytest.raises(NotFound):
        holds.cancel(session, 999, actor=OPERATOR)


# --- lists -----------------------------------------------------------------------------------


def test_lists_waiting_ready_with_phone_and_department_and_expired(session, room):
    session.get(type(category(session)), category(session).id)
    from bookroom_desk.store.models import Reader

    session.get(Reader, room.zhang).phone = "13800000000"
    ready = _ready(session, room)
    _later(1)
    waiting = holds.place(session, "R000002", _title_id(session), actor=OPERATOR)
    (line,) = holds.list_holds(session, ("ready",))
    assert (line.id, line.card, line.phone, line.department, line.barcode, line.expires_on) == (
        ready.id, "R000001", "13800000000", "检修车间", "00000009", dt.date(2026, 11, 29))
    (line,) = holds.list_holds(session, ("waiting",))
    assert (line.id, line.position, line.barcode) == (waiting.id, 1, "")
    holds.expire(session, actor=OPERATOR, today=dt.date(2026, 12, 1))
    assert [h.id for h in holds.list_holds(session, ("expired",))] == [ready.id]
    assert holds.placed_between(session, dt.datetime(2026, 1, 1), dt.datetime(2027, 1, 1)) == 2


def test_desk_isbn_of_a_title_all_out_offers_a_hold(session, room):
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    result = desk.scan(session, ISBN_ONE, room.zhang, actor=OPERATOR)
    assert result.action == "refused" and result.offer is not None and result.offer.kind == "place_hold"
    assert "按 F9 为这位读者预约《机械制图》" in result.offer.message()
    held = after_scan.accept_offer(session, result.offer, actor="小王")
    assert (held.action, held.reader_id) == ("held", room.zhang)
    assert "排第 1 位" in held.message()
    assert session.scalar(select(Hold.placed_by)) == "小王"
    again = desk.scan(session, ISBN_ONE, room.zhang, actor=OPERATOR)
    assert again.offer is None and "已预约，排第 1 位" in again.message()
    assert session.scalar(select(func.count(Loan.id))) == 1


def test_a_categorys_hold_rules_are_saved_checked_and_kept_when_not_given(session, room):
    from bookroom_desk.errors import InvalidInput
    from bookroom_desk.services.readers import records

    staff = category(session)
    rules = dict(name=staff.name, loan_days=30, max_loans=5, renewals=1, overdue_blocks=True, actor=OPERATOR)
    records.save_category(session, staff.id, **rules, max_holds=1, hold_days=7)
    assert (staff.max_holds, staff.hold_days) == (1, 7)
    records.save_category(session, staff.id, **rules)
    assert (staff.max_holds, staff.hold_days) == (1, 7)
    with pytest.raises(InvalidInput, match="预约保留天数"):
        records.save_category(session, staff.id, **rules, hold_days=0)
    with pytest.raises(InvalidInput, match="最多预约数"):
        records.save_category(session, staff.id, **rules, max_holds=51)


def test_the_room_check_finds_a_kept_copy_and_its_hold_out_of_step(session, room):
    from bookroom_desk.services.upkeep import consistency

    hold = _ready(session, room)
    assert [v.key for v in consistency.violations(session)] == []
    session.get(Copy, hold.copy_id).status = "available"
    session.flush()
    assert [v.key for v in consistency.violations(session)] == ["hold_without_held"]
    session.get(Copy, hold.copy_id).status = "held"
    session.flush()
    _hold(session, hold.id).state = "expired"
    session.flush()
    assert [v.key for v in consistency.violations(session)] == ["held_without_hold"]


def test_shelving_returns_a_copy_on_loan_but_keeps_it_for_a_hold_and_refuses_a_kept_copy(session, room):
    from bookroom_desk.services.circulation.results import OpenShelf
    from bookroom_desk.store.models import Shelf

    shelf = Shelf(code="A01", name="文学", class_from="I", class_to="I")
    session.add(shelf)
    session.flush()
    a01 = OpenShelf(shelf.id, "A01")
    past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    hold = holds.place(session, "R000001", _title_id(session), actor=OPERATOR)
    result = desk.scan(session, "00000009", None, actor=OPERATOR, shelf=a01)
    assert (result.action, result.hold.hold_id, result.shelf) == ("returned", hold.id, a01)  # shelving goes on
    assert copy_status(session, "00000009") == "held"
    assert session.scalar(select(Copy.shelf_id).where(Copy.barcode == "00000009")) is None  # not shelved
    again = desk.scan(session, "00000009", None, actor=OPERATOR, shelf=a01)
    assert again.action == "refused" and "请放到预约架" in again.message() and again.shelf == a01


def test_a_readers_holds_are_in_their_data_and_end_when_they_are_erased(session, room):
    from bookroom_desk.services.access import privacy

    hold = _ready(session, room)
    _later(1)
    nxt = holds.place(session, "R000002", _title_id(session), actor=OPERATOR)
    data = privacy.reader_data(session, "R000001", actor=OPERATOR)
    assert data["holds"] == [{"title": "机械制图", "placed_at": "2026-11-24 10:30:00", "state": "ready"}]
    waiting = holds.place_by_code(session, "R000001", "00000004", actor=OPERATOR)
    privacy.erase_reader(session, "R000001", actor=OPERATOR)
    assert (_hold(session, waiting.id).state, _hold(session, waiting.id).cancelled_by) == ("cancelled", OPERATOR)
    assert _hold(session, hold.id).state == "ready"  # due to expire at once: the next run passes the copy on
    holds.expire(session, actor=OPERATOR)
    assert _hold(session, hold.id).state == "expired"
    assert _hold(session, nxt.id).state == "ready"
    detail = session.scalars(select(CopyEvent.detail).where(CopyEvent.kind == "held")).all()
    assert detail and not any("R000001" in d for d in detail)


def test_a_kept_copy_scanned_again_with_no_reader_says_for_whom(session, room):
    _ready(session, room)
    again = desk.scan(session, "00000009", None, actor=OPERATOR)
    assert (again.action, again.tone, again.steps) == ("same", Tone.WARNING, ())
    assert "留给 张伟 R000001（预约）" in again.message() and again.hold.card == "R000001"


def test_f9_over_the_categorys_limit_is_refused_at_the_desk_and_stores_nothing(db):
    from bookroom_desk.services.circulation.counter import DeskCounter

    with db.write() as session:
        room = small_room(session)
        category(session).max_holds = 0
        past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    counter = DeskCounter()
    counter.scan(db.write, "R000001", actor=OPERATOR)
    assert counter.scan(db.write, ISBN_ONE, actor=OPERATOR).offer.kind == "place_hold"
    refused = counter.accept_offer(db.write, actor=OPERATOR)
    assert refused.action == "refused" and "上限 0 个" in refused.message() and counter.reader_id == room.zhang
    with db.read() as session:
        assert session.scalar(select(func.count(Hold.id))) == 0
