"""A record's plain values: CNMARC's fields and MARC 21's counterparts; a bad ISBN, price or title named."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bookroom_desk.services.catalogue.marc.mapping import map_record, parse_marc_price
from bookroom_desk.services.catalogue.marc.reading import read_marc
from tests.support import marc_bytes as m


def mapped(data: bytes):
    result = read_marc(data)
    assert result.problems == []
    return map_record(result.records[0])


def test_cnmarc_fields_and_its_copies():
    item, problems = mapped(m.cnmarc("劳动关系研究", barcodes=("00000007", "00000008"), order="12"))
    assert problems == []
    assert (item.isbn, item.price, item.title, item.other_title, item.responsibility, item.pinyin) == (
        "9787500869351", Decimal("68.00"), "劳动关系研究", "理论与实务", "张三著", "lao dong guan xi yan jiu")
    assert (item.edition, item.place, item.publisher, item.year, item.pages, item.series) == (
        "第2版", "北京", "中国工人出版社", "2024.1", "312页", "职工书屋丛书")
    assert (item.summary, item.subjects, item.clc, item.clc_edition, item.names) == (
        "本书介绍劳动关系的基本理论。", ["劳动关系", "劳动法"], "D922.5", "5", ["张三", "李四"])
    assert (item.call_number, item.holdings, item.room, item.author) == (
        "D922.5/12", ["00000007", "00000008"], "GH01", "张三著")


def test_a_range_of_accession_numbers_and_the_090_call_number():
    call = ("090", m.data_field("utf-8", ("a", "D922.5"), ("b", "7")))
    item, _ = mapped(m.cnmarc(barcodes=("00000001-00000003",), encoding="utf-8", extra=[call]))
    assert item.holdings == ["00000001", "00000002", "00000003"]
    assert item.call_number == "D922.5/7"  # 905 has no 种次号 ($e): 090 gives the call number


def test_marc21_counterparts_without_isbd_punctuation():
    item, problems = mapped(m.marc21("Labour relations"))
    assert problems == []
    assert (item.isbn, item.price, item.title, item.other_title, item.responsibility) == (
        "9787500869351", Decimal("45.00"), "Labour relations", "a handbook", "Wang Wu")
    assert (item.place, item.publisher, item.year, item.series, item.subjects, item.clc, item.names) == (
        "Beijing", "Workers' Press", "2024", "Union library", ["Industrial relations"], "F249.2",
        ["Wang, Wu", "Li, Si"])
    assert item.holdings == ["00000001"]


def test_a_bad_isbn_an_empty_title_and_a_bad_price_are_named_with_their_fields():
    item, problems = mapped(m.cnmarc(title="", isbn="9787500869352", price="CNY六十"))
    assert item is None
    assert [(p.row, p.column) for p in problems] == [(1, "200 $a"), (1, "010 $a"), (1, "010 $d")]
    assert "校验位" in problems[1].message and "不是有效的金额" in problems[2].message


def test_an_isbn10_is_kept_as_isbn13():
    item, _ = mapped(m.cnmarc(isbn="7-5008-6935-5"))
    assert item.isbn == "9787500869351"


@pytest.mark.parametrize(("text", "value"), [("CNY68.00", Decimal("68.00")), ("RMB 12.5", Decimal("12.50")),
                                             ("￥39.80", Decimal("39.80")), ("45.00元", Decimal("45.00")),
                                             ("CNY98.00（全2册）", Decimal("98.00")), ("", None)])
def test_prices_as_records_write_them(text, value):
    assert parse_marc_price(text) == value
