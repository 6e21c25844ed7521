"""The catalogue takes an ISBN scanned with its price add-on as the ISBN: search, look-up, the title form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk.errors import Conflict, InvalidInput
from bookroom_desk.services.catalogue import search, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.barcodes import Scan, ScanKind, Scheme
from bookroom_desk.services.common.isbn import normalize_isbn, without_add_on

HLM = "9787020002207"
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.fixture
def hlm(db):
    with db.write() as session:
        return titles.create_title(session, TitleData(title="红楼梦", isbn=HLM, clc="I242.4"), actor=OPERATOR).id


add_ons = st.sampled_from((2, 5)).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n))


@given(add_on=add_ons, wide=st.booleans(), gap=st.sampled_from(("", " ", "-")))
def test_an_add_on_after_a_valid_isbn_is_left_off_everywhere_an_isbn_comes_in(add_on, wide, gap):
    scanned = HLM + gap + add_on
    scanned = scanned.translate(WIDE) if wide else scanned
    assert normalize_isbn(scanned) == HLM
    assert without_add_on(HLM + add_on) == HLM
    if gap != "-":  # the scan field drops blanks, not hyphens
        assert Scheme().classify(scanned) == Scan(ScanKind.ISBN, HLM)


def test_digits_that_are_not_an_isbn_with_an_add_on_stay_refused():
    for text in ("978702000220851", "9787020002207123", "69012345678921234"):
        with pytest.raises(InvalidInput):
            normalize_isbn(text)
    assert without_add_on("978702000220812345") == "978702000220812345"  # wrong check digit: not an ISBN
    with pytest.raises(InvalidInput):
        normalize_isbn("\u0669\u0667\u0668" + HLM[3:])  # Arabic-Indic digits are not ASCII after NFKC


@pytest.mark.parametrize("query", [HLM + "51", HLM + "51234", (HLM + "51234").translate(WIDE), HLM + " 51234"])
def test_search_and_look_up_find_the_title_by_its_isbn_with_an_add_on(db, hlm, query):
    with db.read() as session:
        assert search.matching_ids(session, query) == [hlm]
        assert search.count_titles(session, query) == 1
        assert titles.find_by_isbn(session, query).id == hlm


def test_the_title_form_stores_the_isbn_without_the_add_on_and_sees_it_taken(db, hlm):
    with db.write() as session:
        other = titles.create_title(session, TitleData(title="机械制图", isbn="978711121382651234", clc="TH126"),
                                    actor=OPERATOR)
        assert other.isbn == "9787111213826"
        with pytest.raises(Conflict, match="红楼梦"):
            titles.create_title(session, TitleData(title="重复", isbn=HLM + "12", clc="I242.4"), actor=OPERATOR)
