"""Barcode normalisation and the scan field's classification, with hypothesis for every input shape."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk.errors import Refused
from bookroom_desk.services.common.barcodes import (
    ScanKind,
    Scheme,
    next_copy_barcodes,
    next_reader_cards,
    normalize,
)
from tests.support.helpers import add_copy, add_reader

SCHEME = Scheme()
FULL_WIDTH = {ch: chr(ord(ch) + 0xFEE0) for ch in string.digits + string.ascii_letters + "-"}
BLANKS = [" ", "\t", "\u3000", "\u00a0", "\r", "\n"]
CONTROLS = ["\x00", "\x02", "\x03", "\x1b", "\x7f", "\u200b", "\ufeff"]

issued_copies = st.integers(1, 10**8 - 1).map(SCHEME.copy_barcode)
issued_cards = st.integers(1, 10**6 - 1).map(SCHEME.reader_card)
shelf_labels = st.text(string.ascii_uppercase + string.digits + "-", min_size=1, max_size=8).map(SCHEME.shelf_label)
issued = st.one_of(issued_copies, issued_cards, shelf_labels)


@st.composite
def as_typed(draw, code_strategy=issued):
    """A code as a scanner or a Chinese input method may deliver it: blanks, controls, full width, case."""
    code = draw(code_strategy)
    out = []
    for ch in code:
        out.append(draw(st.sampled_from([ch, ch.lower(), FULL_WIDTH.get(ch, ch), FULL_WIDTH.get(ch.lower(), ch)])))
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from(BLANKS + CONTROLS)))
    prefix = "".join(draw(st.lists(st.sampled_from(BLANKS + CONTROLS), max_size=3)))
    suffix = "".join(draw(st.lists(st.sampled_from(BLANKS + CONTROLS), max_size=3)))
    return code, prefix + "".join(out) + suffix


@given(st.text())
def test_normalising_twice_equals_normalising_once(raw):
    once = normalize(raw)
    assert normalize(once) == once


@given(st.text())
def test_normalised_codes_have_no_blanks_controls_or_lower_case(raw):
    code = normalize(raw)
    assert not any(ch.isspace() for ch in code)
    assert all(ch.isprintable() for ch in code)
    assert code == code.upper() or not code.isascii()


@given(issued)
def test_issued_barcodes_come_back_unchanged(code):
    assert normalize(code) == code


@given(as_typed())
def test_a_code_however_typed_means_the_issued_one(pair):
    code, typed = pair
    assert normalize(typed) == code


@given(as_typed(issued_copies))
def test_copies_are_told_apart_however_typed(pair):
    code, typed = pair
    assert SCHEME.classify(typed) == SCHEME.classify(code)
    assert SCHEME.classify(typed).kind is ScanKind.COPY


@given(as_typed(issued_cards))
def test_cards_are_told_apart_however_typed(pair):
    _, typed = pair
    assert SCHEME.classify(typed).kind is ScanKind.READER


@given(as_typed(shelf_labels))
def test_shelf_labels_give_the_shelf_code(pair):
    code, typed = pair
    scan = SCHEME.classify(typed)
    assert scan.kind is ScanKind.SHELF and scan.code == code[len("SJ-"):]


def test_isbn_from_a_back_cover_with_or_without_price_add_on():
    assert SCHEME.classify("9787020002207").kind is ScanKind.ISBN
    assert SCHEME.classify("978702000220751").code == "9787020002207"
    assert SCHEME.classify("９７８７０２０００２２０７").kind is ScanKind.ISBN
    assert SCHEME.classify("9787020002208").kind is ScanKind.UNKNOWN  # wrong check digit


def test_stored_barcodes_round_trip_through_the_database(session):
    copy = add_copy(session, next_copy_barcodes(session, 1)[0])
    reader = add_reader(session, next_reader_cards(session, 1)[0])
    session.flush()
    session.expire_all()
    assert normalize(copy.barcode) == copy.barcode == "00000001"
    assert normalize(reader.card) == reader.card == "R000001"
    assert next_copy_barcodes(session, 2) == ["00000002", "00000003"]


#: Digits that are not ASCII: Arabic-Indic, Persian, Devanagari, Bengali, Thai, Myanmar (NFKC keeps them).
OTHER_DIGITS = ["\u0660", "\u06f0", "\u0966", "\u09e6", "\u0e50", "\u1040"]


def _with_other_digits(size: int):
    """``size`` digits, at least one of them not ASCII."""
    return st.lists(st.sampled_from(OTHER_DIGITS + ["1"]), min_size=size, max_size=size).filter(
        lambda ds: set(ds) != {"1"}).map("".join)


@given(_with_other_digits(8), _with_other_digits(6))
def test_only_ascii_digits_make_a_barcode_or_a_card(copy_digits, card_digits):
    for code in (copy_digits, "R" + card_digits):
        assert SCHEME.classify(code).kind is ScanKind.UNKNOWN
    assert not SCHEME.is_copy(copy_digits) and not SCHEME.is_reader("R" + card_digits)


def test_numbering_reads_the_highest_code_that_fits_the_scheme(session):
    add_copy(session, "00000005")
    add_copy(session, "\u0660" * 7 + "\u0669")  # ٠٠٠٠٠٠٠٩: Arabic-Indic digits, stored by an older version
    add_copy(session, "0000000X")
    add_copy(session, "000000123")  # nine digits: outside the scheme
    assert next_copy_barcodes(session, 2) == ["00000006", "00000007"]
    assert next_copy_barcodes(session, 1, given=["00000041", "X0000099"]) == ["00000042"]


def test_numbers_that_would_leave_the_scheme_are_refused_with_what_to_do(session):
    add_reader(session, "R999998")
    assert next_reader_cards(session, 1) == ["R999999"]
    with pytest.raises(Refused) as refused:
        next_reader_cards(session, 2)
    assert "R999999" in refused.value.message and "读者证号已用完" in refused.value.message
    add_copy(session, "99999999")
    with pytest.raises(Refused) as refused:
        next_copy_barcodes(session, 1)
    assert "99999999" in refused.value.message and "加长图书条码的位数" in refused.value.message
