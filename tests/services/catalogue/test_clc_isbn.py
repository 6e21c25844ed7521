"""CLC class numbers and ISBNs: what is accepted, what is refused, and why."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import ean
from stdnum import isbn as stdnum_isbn

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.catalogue import clc
from bookroom_desk.services.common.isbn import format_isbn, is_isbn13, normalize_isbn


def test_twenty_two_top_classes_ship():
    classes = clc.top_classes()
    assert [c.code for c in classes] == list("ABCDEFGHIJKNOPQRSTUVXZ")
    assert classes[3].name == "政治、法律"


@pytest.mark.parametrize("value, expected", [("D922.5", "D922.5"), ("tp311.13", "TP311.13"), ("Ｉ２４７．５", "I247.5"),
                                             ("K825.6=76", "K825.6=76"), ("O4-43", "O4-43"), ("Z", "Z")])
def test_class_numbers_accepted(value, expected):
    assert clc.validate_class_number(value) == expected


@pytest.mark.parametrize("value, reason", [("", "不能为空"), ("W12", "22个基本大类"), ("Y", "22个基本大类"),
                                           ("DA1", "格式不对"), ("D92..5", "格式不对"), ("9", "22个基本大类")])
def test_class_numbers_refused(value, reason):
    with pytest.raises(InvalidInput, match=reason):
        clc.validate_class_number(value)


@pytest.mark.parametrize("number, low, high, inside", [
    ("D922.5", "D9", "D9", True), ("D412", "C", "D8", True), ("D922", "C", "D8", False),
    ("I247.5", "I25", "I9", False), ("I247.5", "I0", "I24", True), ("TP311", "T", "TK", False),
    ("TG5", "T", "TK", True), ("A81", "", "", False),
])
def test_class_in_shelf_range(number, low, high, inside):
    assert clc.class_in_range(number, low, high) is inside


def _isbn10_check(body: str) -> str:
    check = (11 - sum((10 - i) * int(d) for i, d in enumerate(body)) % 11) % 11
    return "X" if check == 10 else str(check)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_any_valid_isbn10_is_stored_as_its_isbn13(body):
    isbn10 = body + _isbn10_check(body)
    isbn13 = normalize_isbn(isbn10)
    assert is_isbn13(isbn13) and isbn13 == stdnum_isbn.to_isbn13(isbn10)
    assert normalize_isbn(isbn13) == isbn13  # idempotent


@given(st.sampled_from(["978", "979"]), st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_a_wrong_check_digit_is_refused(prefix, rest):
    body = prefix + rest
    good = body + ean.calc_check_digit(body)
    bad = body + str((int(good[-1]) + 1) % 10)
    with pytest.raises(InvalidInput, match="校验位"):
        normalize_isbn(bad)


def test_isbn_forms():
    assert normalize_isbn(" ISBN 978-7-02-002120-8 ") == "9787020021208"
    assert normalize_isbn("７－０２－００２１２０－４") == "9787020021208"
    assert format_isbn("9787020021208") == "978-7-02-002120-8"
    with pytest.raises(InvalidInput, match="10位或13位"):
        normalize_isbn("12345")
    with pytest.raises(InvalidInput, match="978或979"):
        normalize_isbn("6901234567892")  # a valid EAN-13 of a product, not a book
