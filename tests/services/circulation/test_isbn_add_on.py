"""A back-cover ISBN scanned with its 2- or 5-digit price add-on is found at the desk, full-width digits too."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookroom_desk.services.circulation import desk as c
from bookroom_desk.services.common.actors import OPERATOR
from tests.support.desk_room import ISBN, ISBN_ONE, open_loans, past_loan, small_room


@pytest.fixture
def room(session):
    return small_room(session)


def _full_width(text: str) -> str:
    return "".join(chr(ord(ch) - ord("0") + ord("０")) for ch in text)


def as_scanned(isbn: str):
    """``isbn`` with a 2- or 5-digit add-on, its digits ASCII or full-width, maybe a blank before the add-on."""
    return st.tuples(st.sampled_from((2, 5)), st.integers(0, 99_999), st.booleans(), st.sampled_from(("", " ", "\t"))) \
        .map(lambda t: (_full_width if t[2] else str)(isbn) + t[3] + (_full_width if t[2] else str)(
            f"{t[1] % 10 ** t[0]:0{t[0]}d}"))


def test_the_issues_example_and_both_add_on_lengths_name_the_isbn(session, room):
    for scanned in (ISBN_ONE + "51", ISBN_ONE + "51234", _full_width(ISBN_ONE + "51234")):
        savepoint = session.begin_nested()
        result = c.scan(session, scanned, room.zhang, actor=OPERATOR)
        assert result.action == "lent" and result.code == "00000009", scanned
        savepoint.rollback()
    assert c.scan(session, "978700003537951234", None, actor=OPERATOR).code == "9787000035379"  # a valid ISBN


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_an_isbn_with_an_add_on_lends_returns_and_asks_like_the_bare_isbn(session, room, data):
    savepoint = session.begin_nested()
    try:
        lent = c.scan(session, data.draw(as_scanned(ISBN_ONE)), room.zhang, actor=OPERATOR)
        assert lent.action == "lent" and lent.code == "00000009"
        assert open_loans(session, room.zhang) == [("00000009", room.zhang)]
        chosen = c.scan(session, data.draw(as_scanned(ISBN)), room.zhang, actor=OPERATOR)
        assert chosen.action == "choose" and chosen.code == ISBN
        assert [choice.barcode for choice in chosen.choices] == ["00000001", "00000002", "00000003"]
        past_loan(session, "00000002", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
        returned = c.scan(session, data.draw(as_scanned(ISBN)), None, actor=OPERATOR)  # the one copy out
        assert returned.action == "returned" and returned.code == "00000002"
    finally:
        savepoint.rollback()
