"""Reading prices: decimal commas, thousands separators only where unambiguous, nothing non-finite or negative."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common.money import PRICE_CEILING, parse_price


@pytest.mark.parametrize(("text", "price"), [
    ("39.80", "39.80"), ("￥39.8", "39.80"), ("39.8元", "39.80"), ("12,5", "12.50"), ("12,50", "12.50"),
    ("１２，５", "12.50"), ("1,234.50", "1234.50"), ("1,234,567", "1234567.00"), (".5", "0.50"), ("0", "0.00"),
    ("39.805", "39.80"), (" 30 ", "30.00"),
])
def test_prices_as_lists_write_them(text, price):
    assert parse_price(text) == Decimal(price)


@pytest.mark.parametrize("text", [
    "NaN", "nan", "inf", "-inf", "Infinity", "1e308", "1E2", "-5", "−5", "12,5,0", "1.234,50", "12,5000", "abc",
    "100000000", "1,2345", "٣٩", "1__0", "0x10",
])
def test_nonsense_refused(text):
    with pytest.raises(InvalidInput):
        parse_price(text)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-1"), float("nan"), float("inf"),
                                   1e308, -0.5, True])
def test_nonsense_values_refused(value):
    with pytest.raises(InvalidInput):
        parse_price(value)


def test_an_ambiguous_comma_is_refused_with_both_readings():
    with pytest.raises(InvalidInput) as caught:
        parse_price("1,234")
    assert "1234" in caught.value.message and "1.234" in caught.value.message


def test_blank_is_no_price():
    assert parse_price("") is None and parse_price(None) is None and parse_price("  ") is None


cents = st.integers(min_value=0, max_value=int(PRICE_CEILING) * 100 - 1)


@given(cents)
def test_a_written_price_reads_back(amount):
    value = Decimal(amount).scaleb(-2)
    assert parse_price(f"{value:.2f}") == value
    assert parse_price(f"{value:,.2f}") == value  # with thousands separators and a decimal point
    assert parse_price(f"{value:.2f}".replace(".", ",")) == value  # a decimal comma


@given(st.text(max_size=20))
def test_any_text_is_a_price_in_range_or_refused(text):
    try:
        price = parse_price(text)
    except InvalidInput:
        return
    assert price is None or (Decimal(0) <= price < PRICE_CEILING and price.as_tuple().exponent == -2)
