"""Is this book catalogued already: the normalisation table, and the matching rules against a room."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import update
from stdnum import isbn as stdnum_isbn

from bookroom_desk.services.catalogue import duplicates, titles
from bookroom_desk.services.catalogue.duplicates import normal_author, normal_publisher, normal_title
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Title
from tests.support.delivery import isbn


@pytest.mark.parametrize(("text", "expected"), [
    ("《红楼梦》", "红楼梦"),
    ("红 楼　梦", "红楼梦"),
    ("红楼梦：脂评本", "红楼梦脂评本"),
    ("ＰＹＴＨＯＮ编程", "python编程"),
    ("Python 编程！", "python编程"),
    ("C++ Primer", "c++primer"),  # symbols stay: C++ is not C
    ("平凡的世界（上）", "平凡的世界上"),
    ("", ""),
])
def test_titles_normalised(text, expected):
    assert normal_title(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("曹雪芹 著", "曹雪芹"),
    ("曹雪芹著", "曹雪芹"),
    ("[清]曹雪芹 著", "曹雪芹"),
    ("（美）海明威 著；李四 译", "海明威李四"),
    ("张三等著", "张三"),
    ("张三 等", "张三"),
    ("张三 主编", "张三"),
    ("张三，李四 编著", "张三李四"),
    ("张三 文；李四 图", "张三李四"),
    ("列夫·托尔斯泰", "列夫托尔斯泰"),
    ("王文", "王文"),  # a name ending in 文 is a name
    ("ＪＯＨＮ Smith", "johnsmith"),
])
def test_authors_normalised(text, expected):
    assert normal_author(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("人民文学出版社", "人民文学"),
    ("人民文学出版社有限公司", "人民文学"),
    ("北京：人民文学出版社", "人民文学"),
    ("中国工人出版社", "中国工人"),
    ("商务印书馆有限公司", "商务印书馆"),
    ("中华书局", "中华书局"),
    ("电子工业出版社 ", "电子工业"),
])
def test_publishers_normalised(text, expected):
    assert normal_publisher(text) == expected


@given(st.text())
def test_normalising_any_text_twice_changes_nothing(text):
    for normal in (normal_title, normal_author, normal_publisher):
        once = normal(text)
        assert normal(once) == once
        assert once == once.strip() and " " not in once


@given(st.text(alphabet="红楼梦平凡的世界张三 《》·，、（）［］ＡａBb1１", min_size=1))
def test_full_width_and_blanks_do_not_matter(text):
    wide = "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)
    assert normal_title(wide) == normal_title(text) == normal_title(" ".join(text))


def _title(session, name, **fields):
    return titles.create_title(session, TitleData(title=name, **fields), actor=OPERATOR)


def test_isbn_10_and_13_are_one_title(db):
    with db.write() as session:
        stored = _title(session, "红楼梦", isbn=isbn(1))
    with db.read() as session:
        match = duplicates.match_record(session, "石头记", isbn=stdnum_isbn.to_isbn10(isbn(1)))
    assert match.same is not None and match.same.id == stored.id and not match.unclear


def test_same_title_author_publisher_and_year_is_clear(db):
    with db.write() as session:
        stored = _title(session, "红楼梦", author="曹雪芹 著", publisher="人民文学出版社", pub_year=2020)
        _title(session, "西游记", author="吴承恩", publisher="人民文学出版社", pub_year=2020)
    with db.read() as session:
        match = duplicates.match_record(session, "《红楼梦》", "[清]曹雪芹著", "北京：人民文学出版社有限公司", 2020)
        assert match.same.id == stored.id and match.same.label == "《红楼梦》曹雪芹 著 人民文学出版社 2020"
        assert duplicates.match_record(session, "三国演义", "罗贯中") == duplicates.NEW


@pytest.mark.parametrize("differs", [dict(author="高鹗"), dict(publisher="中华书局"), dict(year=2019),
                                     dict(year=None), dict(author="")])
def test_title_equal_and_others_differing_or_missing_is_unclear(db, differs):
    with db.write() as session:
        stored = _title(session, "红楼梦", author="曹雪芹", publisher="人民文学出版社", pub_year=2020)
    record = dict(author="曹雪芹", publisher="人民文学出版社", year=2020) | differs
    with db.read() as session:
        match = duplicates.match_record(session, "红楼梦", **record)
    assert match.unclear and [c.id for c in match.candidates] == [stored.id]


def test_two_isbns_are_two_editions_but_a_title_without_isbn_may_be_it(db):
    with db.write() as session:
        with_isbn = _title(session, "平凡的世界", author="路遥", isbn=isbn(1))
    with db.read() as session:
        assert duplicates.match_record(session, "平凡的世界", "路遥", isbn=isbn(2)) == duplicates.NEW
        assert duplicates.match_record(session, "平凡的世界", "路遥").same.id == with_isbn.id
    with db.write() as session:
        without = _title(session, "平凡的世界", author="路遥")
    with db.read() as session:
        assert duplicates.match_record(session, "平凡的世界", "路遥", isbn=isbn(2)).same.id == without.id
        both = duplicates.match_record(session, "平凡的世界", "路遥")  # two stored titles fit: unclear
    assert both.unclear and {c.id for c in both.candidates} == {with_isbn.id, without.id}


def test_the_like_prefilter_and_the_full_pass_find_the_same(db, monkeypatch):
    with db.write() as session:
        stored = _title(session, "红 楼 梦（⽇本语版）")  # ⽇ is the Kangxi radical, 日 after NFKC
        _title(session, "红楼")
    wanted = normal_title("红楼梦(日本语版)")
    with db.read() as session:
        few = duplicates.same_titles(session, [wanted])
        monkeypatch.setattr(duplicates, "LIKE_MOST", 0)
        every = duplicates.same_titles(session, [wanted])
    assert [c.id for c in few[wanted]] == [c.id for c in every[wanted]] == [stored.id]


def test_a_title_whose_search_keys_are_still_to_come_is_found_too(db):
    with db.write() as session:
        stored = _title(session, "平凡的世界", author="路遥")
        session.execute(update(Title).where(Title.id == stored.id).values(search_text=""))  # as a big list leaves it
    with db.read() as session:
        assert duplicates.match_record(session, "平凡的世界", "路遥 著").same.id == stored.id
