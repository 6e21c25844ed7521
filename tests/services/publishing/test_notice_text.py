"""The poster's and the notice's words: the period, the last days or a batch, the URL, the room's facts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk import text
from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.i18n import install_cli_translator
from bookroom_desk.services.publishing import notice_text
from tests.support.notice_room import notice_room


def test_the_last_days_end_today_and_count_today():
    scope = notice_text.days_scope(30)
    assert (scope.start, scope.end, scope.batch_id) == (dt.date(2026, 10, 26), dt.date(2026, 11, 24), None)
    assert scope.label == "2026-10-26 至 2026-11-24"


@pytest.mark.parametrize("days", [0, -3, 3661, True])
def test_days_out_of_range_are_refused(days):
    with pytest.raises(InvalidInput, match="天数应在 1 到 3660 之间"):
        notice_text.days_scope(days)


def test_a_period_reversed_or_open_both_ways_is_refused_and_one_open_end_reads_well():
    with pytest.raises(InvalidInput, match="晚于结束日期"):
        notice_text.period_scope(dt.date(2026, 5, 1), dt.date(2026, 4, 1))
    with pytest.raises(InvalidInput, match="请给出新书通报的期间"):
        notice_text.period_scope(None, None)
    assert notice_text.period_scope(dt.date(2026, 5, 1), None).label == "2026-05-01 以来"
    assert notice_text.period_scope(None, dt.date(2026, 5, 1)).label == "截至 2026-05-01"


def test_a_batch_is_named_by_number_day_and_supplier_and_an_unknown_one_refused(db):
    with db.write() as session:
        room = notice_room(session)
    with db.read() as session:
        scope = notice_text.batch_scope(session, room.batch_id)
        choices = notice_text.book_batches(session)
        with pytest.raises(NotFound, match="没有第 99 批导入"):
            notice_text.batch_scope(session, 99)
    assert scope.batch_id == room.batch_id and scope.start is None
    assert scope.label == f"第 {room.batch_id} 批（2026-11-10 导入，全国工会职工书屋图书配送中心）"
    assert [(c.batch_id, c.copies) for c in choices] == [(room.batch_id, 6)]


@pytest.mark.parametrize("url", ["https://a.example/书目/", "http://10.0.0.5:8080/cat?x=1#new", "  https://x.cn  "])
def test_a_url_is_kept_as_typed_but_stripped(url):
    assert notice_text.checked_url(url) == url.strip()


@pytest.mark.parametrize("url", ["www.example.org", "ftp://x.org/", "https://", "https://a b.org/", "javascript:x"])
def test_a_url_that_a_phone_cannot_open_is_refused(url):
    with pytest.raises(InvalidInput, match="应以 http:// 或 https:// 开头"):
        notice_text.checked_url(url)


@given(st.text(max_size=80))
def test_any_typed_url_is_either_refused_with_a_message_or_kept_whole(typed):
    try:
        kept = notice_text.checked_url(typed)
    except InvalidInput as exc:
        assert typed.strip() in exc.message
    else:
        assert kept is None and not typed.strip() or kept == typed.strip()


def test_poster_facts_take_the_hours_from_the_stored_week(db):
    with db.write() as session:
        notice_room(session)
    with db.read() as session:
        facts = notice_text.poster_facts(session)
    assert facts.name == "郑州机务段职工书屋" and facts.belongs_to == "郑州机务段工会"
    assert facts.hours == ["周一至周五 11:30–13:30、17:00–19:00", "周六 9:00–12:00"]
    assert notice_text.contact_line(facts) == "联系人：李秀英　电话：0371-6888 1234"


def test_poster_facts_in_english_translate_the_days(db):
    with db.write() as session:
        notice_room(session)
    install_cli_translator("en")
    try:
        with db.read() as session:
            facts = notice_text.poster_facts(session)
            words = notice_text.notice_words(session, notice_text.days_scope(7), 0, 0)
    finally:
        text.install(None)
    assert facts.hours[0].startswith("Mon") and "周" not in "".join(facts.hours)
    assert words.title == "New Books" and words.empty and words.note == "No new books came in this period."


def test_an_empty_room_still_has_a_name_and_says_to_ask_for_the_hours(db):
    with db.read() as session:
        facts = notice_text.poster_facts(session)
    assert facts.name == "职工书屋" and facts.hours == ["开放时间请咨询书屋管理员"] and facts.digital_service == ""
