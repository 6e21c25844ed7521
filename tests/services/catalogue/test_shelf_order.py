"""Shelf order: call numbers sort as the books stand (CLC filing rules), by a plain-string key that never fails."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk.services.catalogue.shelf_order import KEY_LENGTH, normalized, shelf_key, volume_key

#: Call numbers in the order they stand on the shelf, each line's reason beside it.
SHELF = [
    "",                    # no call number yet: first
    "A81/1",               # A before B
    "B/1",                 # the class itself before any subdivision of it
    "B-49/1",              # 总论复分 '-' before the class's own digits
    "B-49/2",
    "B0/3",                # B0 after B-49
    "B2/1",
    "D/5",
    "D(2)/1",              # 地区区分 '(' after '-' …
    "D(21)/1",             # … the group ended by ')' before it continues
    'D"1"/1',              # 民族 '" "' after '( )' (中图法使用手册 pp. 82-83, as dp2 files them) …
    "D=5/1",               # … 时代区分 '=' after '" "'
    "D<1>/1",              # 通用时间地点 '< >' after '='
    "D:F/1",               # 组配 ':' after the common auxiliaries
    "D+F/1",               # 联合 '+' after ':'
    "D0/1",                # digits after every mark
    "D922/9",              # a class before its subdivisions
    "D922.5/2",            # 种次号 as whole numbers: 2 …
    "D922.5/2-1",          # … its marks after it, '-' first …
    "D922.5/2:1",          # … then ':'
    "D922.5/12",           # … before 12 …
    "D922.5/12/2",         # '/' a further level, before the marks
    "D922.5/12-2",
    "D922.5/12(2)",
    'D922.5/12"2"',
    "D922.5/12=2",
    "D922.5/12:2",
    "D922.5/12V.2",        # volume marks: v.2 …
    "D922.5/12V.10",       # … before v.10
    "D922.5/1234",         # … and 12 before 1234
    "D922.51/1",           # D922.5 before D922.51 (decimal fraction)
    "D923/1",
    "I206.2/7",
    "I247.5/2",            # the reading dot ignored: I247.5 = digits 2475 …
    "I247.5/1234",
    "I247.5/W12",          # a 著者号 after the 种次号s: letters after numbers …
    "I247.5/W123",         # … its digits as a fraction: W12 < W123 < W13
    "I247.5/W13",
    "I247.57/H123",
    "K825.6=76/3",
    "O4-43/1",             # O4-43 before O4 digits
    "O41/1",
    "R711/1",              # the manual's example, in its order (dp2 AccessNoUtility.cs quotes it)
    "R711-62/1",
    "R711(711)/1",
    "R711(711)=535/1",
    "R711=6/1",
    "R711<326>/1",
    "R711:R83/1",
    "R711+R173/1",
    "R711.1/1",
    "T-65/1",              # T alone before its subclasses
    "TB1/2",
    "TM101/1",             # 0.101 before 0.90
    "TM90/1",
    "TN929.5/1",           # TM before TN by the letters
    "TP311/1",
    "TP311-43/1",          # TP311's general subdivision before TP311.1
    "TP311.1/1",
    "TP311.13/5",
    "TP312/1",
    "TV1/1",
    "U1/1",
    "Z228/1",
]


def test_the_table_comes_back_in_shelf_order_from_any_shuffle():
    rng = random.Random(20)
    for _ in range(20):
        shuffled = SHELF[:]
        rng.shuffle(shuffled)
        assert sorted(shuffled, key=shelf_key) == SHELF


def test_neighbours_have_strictly_rising_keys():
    keys = [shelf_key(c) for c in SHELF]
    assert all(a < b for a, b in zip(keys, keys[1:]))


def test_case_full_width_and_blanks_do_not_count():
    assert shelf_key("tp311.13/5") == shelf_key("TP311.13/5") == shelf_key("ＴＰ３１１．１３／５")
    assert shelf_key(" D922.5 / 12 ") == shelf_key("D922.5/12")


def test_volume_marks_of_copies():
    marks = ["", "上", "中", "下"]
    assert sorted(reversed(marks), key=volume_key) == marks
    marks = ["C.1", "c.2", "v.1", "V.2", "v.10"]
    assert sorted(reversed(marks), key=volume_key) == marks
    assert volume_key("v.2") == volume_key("V2")


def test_the_key_uses_only_digits_and_capitals():
    for call_number in [*SHELF, "中文/书", "D922.5/12《上》", "I[247]/5", "a" * 300]:
        key = shelf_key(call_number)
        assert set(key) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        assert len(key) <= KEY_LENGTH


@given(st.text())
def test_any_text_has_a_key_and_the_same_call_number_the_same_key(text):
    key = shelf_key(text)
    assert isinstance(key, str) and len(key) <= KEY_LENGTH
    assert shelf_key(text) == key == shelf_key(normalized(text))
    assert set(key) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert isinstance(volume_key(text), str)


@given(st.lists(st.from_regex(r"[A-Z]{1,2}[0-9.]{0,6}([-(=:+][0-9]{1,3}\)?)?(/[0-9]{1,5}([-:][0-9])?)?",
                              fullmatch=True), min_size=2, max_size=8))
def test_the_order_is_total_and_consistent(call_numbers):
    # A total preorder: sorting by the key is the same whatever the list's first order.
    once = sorted(call_numbers, key=shelf_key)
    again = sorted(reversed(call_numbers), key=shelf_key)
    assert [shelf_key(c) for c in once] == [shelf_key(c) for c in again]


@given(st.integers(0, 10**12), st.integers(0, 10**12))
def test_order_numbers_compare_as_whole_numbers(a, b):
    assert (shelf_key(f"I247.5/{a}") < shelf_key(f"I247.5/{b}")) == (a < b)
    assert (volume_key(f"v.{a}") < volume_key(f"v.{b}")) == (a < b)


@given(st.from_regex(r"[0-9]{1,9}", fullmatch=True), st.from_regex(r"[0-9]{1,9}", fullmatch=True))
def test_class_digits_compare_as_a_decimal_fraction(x, y):
    # Digit by digit, a class before its subdivisions: plain string order of the digits.
    assert (shelf_key(f"TM{x}/1") < shelf_key(f"TM{y}/1")) == (x < y)
