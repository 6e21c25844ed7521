"""In-room reading (阅览) and visits (入馆) at the desk's counter, and head counts, checked in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.access import audit
from bookroom_desk.services.circulation import reading
from bookroom_desk.services.circulation.counter import DeskCounter
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.services.common.periods import Period
from bookroom_desk.store.models import Copy
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.store.models_reading import RoomRead, RoomVisit
from tests.support.desk_room import copy_status, past_loan, small_room

ACTOR = "小王"
TODAY = dt.date(2026, 11, 24)
YEAR = Period.year(2026)


@pytest.fixture
def room(db):
    with db.write() as session:
        return small_room(session)


@pytest.fixture
def counter():
    return DeskCounter()


def scan(db, counter, *codes):
    return [counter.scan(db.write, code, actor=ACTOR) for code in codes]


def reads(db):
    with db.read() as session:
        return sorted((c, r, a) for c, r, a in session.execute(
            select(Copy.barcode, RoomRead.reader_id, RoomRead.actor).join(Copy, Copy.id == RoomRead.copy_id)))


def card_visits(db):
    with db.read() as session:
        return sorted(tuple(row) for row in session.execute(select(RoomVisit.reader_id, RoomVisit.head_count)
                                      .where(RoomVisit.kind == "card")).all())


# --- reading in the room ---


def test_copies_scanned_in_reading_mode_are_read_never_lent(db, room, counter):
    opened = counter.open_mode(db.read, reading.READING)
    assert (opened.action, counter.mode, counter.reader_id) == ("reading", "reading", None)
    first, second = scan(db, counter, "00000001", "00000004")
    assert (first.action, first.tone, first.reader_id) == ("read", Tone.OK, None)
    assert "已登记阅览" in first.message() and "红楼梦" in first.message()
    assert reads(db) == [("00000001", None, ACTOR), ("00000004", None, ACTOR)]
    with db.read() as session:
        assert copy_status(session, "00000001") == copy_status(session, "00000004") == "available"
    assert counter.mode == "reading"


def test_a_card_in_reading_mode_opens_that_reader_for_the_reads(db, room, counter):
    counter.open_mode(db.read, reading.READING)
    opened, read = scan(db, counter, "R000001", "00000002")
    assert (opened.action, opened.reader_id, counter.mode) == ("reader", room.zhang, "reading")
    assert read.action == "read" and "张伟" in read.message()
    assert reads(db) == [("00000002", room.zhang, ACTOR)]
    with db.read() as session:
        assert copy_status(session, "00000002") == "available"


def test_reading_mode_keeps_the_reader_already_open(db, room, counter):
    scan(db, counter, "R000002")
    opened = counter.open_mode(db.read, reading.READING)
    assert opened.reader_id == room.li and "李娜" in opened.message()
    scan(db, counter, "00000005")
    assert reads(db) == [("00000005", room.li, ACTOR)]


def test_ctrl_z_takes_a_read_back_and_the_mode_stays(db, room, counter):
    counter.open_mode(db.read, reading.READING)
    scan(db, counter, "00000001", "00000003")
    undone = counter.undo(db.write, actor=ACTOR)
    assert undone.action == "undone" and "已撤销" in undone.message()
    assert reads(db) == [("00000001", None, ACTOR)]
    assert counter.mode == "reading"
    counter.undo(db.write, actor=ACTOR)
    assert reads(db) == []
    assert counter.undo(db.write, actor=ACTOR).action == "hint"


def test_a_copy_on_loan_is_refused_and_nothing_is_written(db, room, counter):
    with db.write() as session:
        past_loan(session, "00000001", room.li, TODAY - dt.timedelta(days=3), TODAY + dt.timedelta(days=27))
    counter.open_mode(db.read, reading.READING)
    [refused] = scan(db, counter, "00000001")
    assert (refused.action, refused.tone) == ("refused", Tone.REFUSED)
    assert "已借给李娜" in refused.message() and "不能登记阅览" in refused.message()
    assert reads(db) == [] and counter.mode == "reading"
    with db.read() as session:
        assert copy_status(session, "00000001") == "on_loan"


@pytest.mark.parametrize("status, word", [("withdrawn", "剔除"), ("lost", "遗失")])
def test_a_copy_withdrawn_or_lost_is_refused(db, room, counter, status, word):
    with db.write() as session:
        session.scalar(select(Copy).where(Copy.barcode == "00000006")).status = status
    counter.open_mode(db.read, reading.READING)
    [refused] = scan(db, counter, "00000006")
    assert refused.action == "refused" and "不在馆藏中" in refused.message()
    assert reads(db) == []
    with db.read() as session:
        assert copy_status(session, "00000006") == status


def test_shelf_labels_isbns_and_unknown_codes_are_refused_in_reading_mode(db, room, counter):
    counter.open_mode(db.read, reading.READING)
    shelf, isbn, unknown, alien = scan(db, counter, "SJ-A01", "9787020002207", "XYZ-1", "99999999")
    assert shelf.action == isbn.action == unknown.action == alien.action == "refused"
    assert "不能上架" in shelf.message() and "图书条码" in isbn.message()
    assert counter.mode == "reading" and reads(db) == []


def test_esc_ends_reading_mode_and_the_next_copy_is_a_return(db, room, counter):
    with db.write() as session:
        past_loan(session, "00000001", room.li, TODAY - dt.timedelta(days=3), TODAY + dt.timedelta(days=27))
    counter.open_mode(db.read, reading.READING)
    scan(db, counter, "R000001")
    closed = counter.close_reader()
    assert closed.action == "closed" and "已结束阅览登记" in closed.message()
    assert (counter.mode, counter.reader_id) == (None, None)
    [returned] = scan(db, counter, "00000001")
    assert returned.action == "returned"


def test_one_mode_at_a_time(db, room, counter):
    with db.write() as session:
        from bookroom_desk.store.models import Shelf

        session.add(Shelf(code="A01", name="文学"))
    scan(db, counter, "SJ-A01")
    assert counter.shelf is not None
    counter.open_mode(db.read, reading.READING)
    assert (counter.shelf, counter.mode) == (None, "reading")
    counter.open_mode(db.read, reading.VISITS)
    assert counter.mode == "visits"
    counter.open_shelf(db.read, "A01")
    assert counter.mode is None and counter.shelf is not None


# --- visits ---


def test_cards_scanned_in_visit_mode_are_visits(db, room, counter):
    opened = counter.open_mode(db.read, reading.VISITS)
    assert opened.action == "visits" and counter.mode == "visits"
    zhang, li = scan(db, counter, "R000001", "R000002")
    assert (zhang.action, zhang.tone) == ("visit", Tone.OK) and "张伟" in zhang.message()
    assert li.action == "visit" and counter.reader_id is None
    assert card_visits(db) == sorted([(room.zhang, 1), (room.li, 1)])


def test_the_same_card_within_30_minutes_counts_once_and_says_so(db, room, counter):
    counter.open_mode(db.read, reading.VISITS)
    first, again = scan(db, counter, "R000001", "R000001")
    assert first.action == "visit"
    assert (again.action, again.tone) == ("same", Tone.WARNING)
    assert "30 分钟内已登记过" in again.message() and "不重复计数" in again.message()
    clock.set_clock(clock.fixed(dt.datetime(2026, 11, 24, 10, 59)))
    assert scan(db, counter, "R000001")[0].action == "same"
    clock.set_clock(clock.fixed(dt.datetime(2026, 11, 24, 11, 1)))
    assert scan(db, counter, "R000001")[0].action == "visit"
    assert card_visits(db) == [(room.zhang, 1), (room.zhang, 1)]


def test_copies_and_unknown_cards_are_refused_in_visit_mode(db, room, counter):
    counter.open_mode(db.read, reading.VISITS)
    copy, unknown = scan(db, counter, "00000001", "R999999")
    assert copy.action == "refused" and "只扫描读者证" in copy.message()
    assert unknown.action == "refused" and "未登记" in unknown.message()
    assert card_visits(db) == [] and counter.mode == "visits"


def test_ctrl_z_takes_a_visit_back(db, room, counter):
    counter.open_mode(db.read, reading.VISITS)
    scan(db, counter, "R000001", "R000002")
    counter.undo(db.write, actor=ACTOR)
    assert card_visits(db) == [(room.zhang, 1)] and counter.mode == "visits"
    assert counter.close_reader().action == "closed" and counter.mode is None


# --- head counts and the period's counts ---


def test_head_counts_add_to_card_visits(db, room, counter):
    counter.open_mode(db.read, reading.VISITS)
    scan(db, counter, "R000001", "R000002")
    counter.open_mode(db.read, reading.READING)
    scan(db, counter, "00000001", "00000002", "00000001")
    with db.write() as session:
        reading.save_head_count(session, TODAY, 12, session_label="上午", actor=ACTOR)
        reading.save_head_count(session, TODAY, 5, session_label="下午", note="讲座", actor=ACTOR)
        reading.save_head_count(session, dt.date(2026, 3, 2), 30, actor=ACTOR)
        reading.save_head_count(session, dt.date(2025, 12, 31), 100, actor=ACTOR)  # another year
    with db.read() as session:
        use = reading.room_use(session, YEAR)
        assert (use.card_visits, use.head_counts, use.visits, use.reads) == (2, 47, 49, 3)
        assert reading.room_use(session, Period.year(2025)).visits == 100
        listed = reading.head_counts(session, YEAR)
    assert [(h.on, h.session_label, h.count, h.note) for h in listed] == [
        (TODAY, "上午", 12, ""), (TODAY, "下午", 5, "讲座"), (dt.date(2026, 3, 2), "", 30, "")]


def test_a_head_count_is_edited_and_deleted(db, room):
    with db.write() as session:
        first = reading.save_head_count(session, TODAY, 12, actor=ACTOR)
    with db.write() as session:
        assert reading.save_head_count(session, dt.date(2026, 11, 23), 14, note="改", actor="老李",
                                       head_count_id=first) == first
    with db.read() as session:
        [row] = reading.head_counts(session, YEAR)
        assert (row.on, row.count, row.note, row.actor) == (dt.date(2026, 11, 23), 14, "改", "老李")
    with db.write() as session:
        reading.delete_head_count(session, first, actor=ACTOR)
    with db.read() as session:
        assert reading.head_counts(session, YEAR) == []
        with pytest.raises(NotFound):
            reading.delete_head_count(session, first, actor=ACTOR)


def test_entering_changing_and_removing_a_head_count_is_audited_with_who_and_the_numbers(db, room):
    with db.write() as session:
        first = reading.save_head_count(session, TODAY, 12, session_label="上午", actor=ACTOR)
    with db.write() as session:  # changed: the numbers before and after, and who changed it
        reading.enter_head_count(session, "2026-11-23", "14", session_label="上午", note="补记", actor="老李",
                                 head_count_id=first)
    with db.write() as session:  # saved unchanged: nothing new to trace
        reading.save_head_count(session, dt.date(2026, 11, 23), 14, session_label="上午", note="补记", actor="老李",
                                head_count_id=first)
    with db.write() as session:
        reading.delete_head_count(session, first, actor="管理员")
    with db.read() as session:
        entries = session.execute(select(AuditEntry.kind, AuditEntry.actor, AuditEntry.detail)
                                  .order_by(AuditEntry.id)).all()
        assert [tuple(e) for e in entries] == [
            ("head_count", ACTOR, "登记到馆人数 2026-11-24（上午） 12 人"),
            ("head_count", "老李", "修改到馆人数 2026-11-24（上午） 12 人 → 2026-11-23（上午） 14 人（备注：补记）"),
            ("head_count", "管理员", "删除到馆人数 2026-11-23（上午） 14 人（备注：补记）"),
        ]
        shown = audit.lines(session, audit.AuditFilter(kinds=("head_count",)))
        assert [(line.kind_label, line.actor) for line in shown] == [("到馆人数", "管理员"), ("到馆人数", "老李"),
                                                                      ("到馆人数", ACTOR)]


def test_a_refused_head_count_writes_no_audit_entry(db, room):
    with db.write() as session:
        reading.save_head_count(session, TODAY, 12, actor=ACTOR)
    with pytest.raises(InvalidInput), db.write() as session:
        reading.save_head_count(session, TODAY, 3, actor=ACTOR)
    with pytest.raises(NotFound), db.write() as session:
        reading.delete_head_count(session, 9999, actor=ACTOR)
    with db.read() as session:
        assert session.scalar(select(func.count(AuditEntry.id))) == 1


def test_a_second_count_for_the_same_day_and_session_is_refused(db, room):
    with db.write() as session:
        reading.save_head_count(session, TODAY, 12, session_label="上午", actor=ACTOR)
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        reading.save_head_count(session, TODAY, 3, session_label="上午", actor=ACTOR)
    assert "已经登记过" in refused.value.message and refused.value.params["field"] == "on"
    with db.read() as session:
        assert [h.count for h in reading.head_counts(session, YEAR)] == [12]


@pytest.mark.parametrize("on, count, field", [
    (TODAY + dt.timedelta(days=1), 3, "on"), (dt.date(1980, 1, 1), 3, "on"), (TODAY, -1, "count"),
    (TODAY, 100_001, "count"), (None, 3, "on")])
def test_bad_head_counts_are_refused_naming_the_field(db, room, on, count, field):
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        reading.save_head_count(session, on, count, actor=ACTOR)
    assert refused.value.params["field"] == field
    with db.read() as session:
        assert session.scalar(select(func.count(RoomVisit.id))) == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(date_text=st.one_of(st.text(max_size=12), st.sampled_from(["2026-11-24", "2026/3/2", "20261101", "2026年1月5日"])),
       count_text=st.one_of(st.text(max_size=8), st.integers(-5, 200_000).map(str)),
       label=st.text(max_size=50))
def test_typed_head_counts_are_stored_exactly_or_refused_whole(db, date_text, count_text, label):
    before = _counts(db)
    try:
        with db.write() as session:
            new_id = reading.enter_head_count(session, date_text, count_text, session_label=label, actor=ACTOR)
    except InvalidInput as exc:
        assert exc.params.get("field") in ("on", "count", "session_label")
        assert _counts(db) == before
        return
    with db.read() as session:
        row = session.get(RoomVisit, new_id)
        assert row.kind == "count" and 0 <= row.head_count <= reading.MOST_IN_A_COUNT
        assert row.head_count == int(count_text.strip().replace(",", "").replace("，", ""))
        assert dt.date(1990, 1, 1) <= row.at.date() <= TODAY and row.at.time() == dt.time()
        session.delete(row)  # the next example starts from the same room
        session.commit()


def _counts(db):
    with db.read() as session:
        return session.scalar(select(func.count(RoomVisit.id)))


# --- a reader's data ---


def test_a_readers_reads_and_visits_are_in_their_data_and_erased_with_them_keeping_the_counts(db, room, counter):
    from bookroom_desk.services.access import privacy
    from bookroom_desk.services.common.actors import OPERATOR

    counter.open_mode(db.read, reading.VISITS)
    scan(db, counter, "R000001")
    counter.open_mode(db.read, reading.READING)
    scan(db, counter, "R000001", "00000001")
    with db.write() as session:
        data = privacy.reader_data(session, "R000001", actor=OPERATOR)
    assert [r["barcode"] for r in data["room_reads"]] == ["00000001"] and data["room_reads"][0]["title"] == "红楼梦"
    assert data["visits"] == ["2026-11-24 10:30:00"]
    with db.write() as session:
        privacy.erase_reader(session, "R000001", actor=OPERATOR)
    assert reads(db) == [("00000001", None, ACTOR)] and card_visits(db) == [(None, 1)]
    with db.read() as session:
        use = reading.room_use(session, YEAR)
    assert (use.visits, use.reads) == (1, 1)


def test_the_idle_timeout_closes_the_reader_but_keeps_reading_mode(db, room, counter):
    counter.open_mode(db.read, reading.READING)
    scan(db, counter, "R000001")
    closed = counter.idle_close()
    assert (counter.mode, counter.reader_id) == ("reading", None) and "阅览" in closed.message()
    scan(db, counter, "00000003")
    assert reads(db) == [("00000003", None, ACTOR)]
    counter.close_reader()
    scan(db, counter, "R000002")
    counter.idle_close()  # outside the modes it is Esc
    assert (counter.mode, counter.reader_id) == (None, None)


def test_undoing_a_loan_made_before_the_mode_keeps_the_mode(db, room, counter):
    scan(db, counter, "R000001", "00000001")
    counter.open_mode(db.read, reading.READING)
    counter.undo(db.write, actor=ACTOR)
    assert counter.mode == "reading"
    with db.read() as session:
        assert copy_status(session, "00000001") == "available"


def test_a_copy_read_in_the_room_was_used_so_it_is_not_deleted(db, room, counter):
    from bookroom_desk.errors import Refused
    from bookroom_desk.services.catalogue import copies
    from bookroom_desk.services.common.actors import OPERATOR

    counter.open_mode(db.read, reading.READING)
    scan(db, counter, "00000007")
    with pytest.raises(Refused) as refused, db.write() as session:
        copies.delete_copy(session, "00000007", actor=OPERATOR)
    assert "不能删除" in refused.value.message
    assert reads(db) == [("00000007", None, ACTOR)]


def test_renewing_for_the_reader_open_in_reading_mode_keeps_the_mode(db, room, counter):
    with db.write() as session:
        past_loan(session, "00000008", room.zhang, TODAY - dt.timedelta(days=10), TODAY + dt.timedelta(days=20))
    counter.open_mode(db.read, reading.READING)
    scan(db, counter, "R000001")
    renewed = counter.renew_all(db.write, actor=ACTOR)
    assert renewed.action == "renewed" and (counter.mode, counter.reader_id) == ("reading", room.zhang)
    scan(db, counter, "00000003")
    assert reads(db) == [("00000003", room.zhang, ACTOR)]
