"""Writing CNMARC: ISO 2709 in UTF-8 or GB18030 (100 $a says which, lengths in bytes) and MARCXML, read back the same."""

from __future__ import annotations

import io
from decimal import Decimal

import pymarc
from hypothesis import given, settings
from hypothesis import strategies as st

from bookroom_desk.services.catalogue.marc.mapping import MarcRecord, map_record
from bookroom_desk.services.catalogue.marc.reading import GB18030, UTF8, read_marc
from bookroom_desk.services.catalogue.marc.writing import cnmarc_record, iso2709, write_iso2709, write_marcxml

ITEM = MarcRecord(title="劳动关系研究", isbn="9787500869351", price=Decimal("68.00"), other_title="理论与实务",
                  responsibility="张三著", pinyin="lao dong", edition="第2版", place="北京", publisher="中国工人出版社",
                  year="2024", pages="312页", series="职工书屋丛书", summary="简介", subjects=["劳动关系", "劳动法"],
                  clc="D922.5", clc_edition="5", names=["张三"], call_number="D922.5/12",
                  holdings=["00000001", "00000002"], number=1)


def read_back(data: bytes) -> list[MarcRecord]:
    result = read_marc(data)
    assert result.problems == []
    return [map_record(read)[0] for read in result.records]


def test_gb18030_says_0120_and_counts_bytes():
    data = iso2709(cnmarc_record(ITEM, encoding=GB18030), GB18030)
    assert "劳动关系研究".encode("gb18030") in data
    assert int(data[:5]) == len(data)
    record = read_marc(data).records[0]
    assert record.charset == GB18030 and record.record["100"]["a"][26:30] == "0120"
    assert read_back(data) == [ITEM]


def test_utf8_says_50_and_pymarc_reads_it():
    data = write_iso2709([cnmarc_record(ITEM)] * 2)
    (first, second) = read_back(data)
    assert first == ITEM and second == ITEM.__class__(**{**_fields(ITEM), "number": 2})
    theirs = next(iter(pymarc.MARCReader(io.BytesIO(data), force_utf8=True)))
    assert theirs["200"]["a"] == "劳动关系研究" and theirs["100"]["a"][26:30] == "50  "
    assert theirs.get_fields("905")[0].get_subfields("b", "d", "e") == ["00000001", "00000002", "D922.5", "12"]


def test_marcxml_reads_back_the_same_and_pymarc_reads_it():
    data = write_marcxml([cnmarc_record(ITEM)])
    assert read_back(data) == [ITEM]
    (theirs,) = pymarc.parse_xml_to_array(io.BytesIO(data))
    assert theirs["200"]["a"] == "劳动关系研究"


def test_many_copies_go_into_several_905_fields():
    item = MarcRecord(title="大书", holdings=[f"{n:08d}" for n in range(1, 1001)], call_number="I247/1", number=1)
    data = iso2709(cnmarc_record(item))
    assert len(read_marc(data).records[0].record.get_fields("905")) == 3
    assert read_back(data)[0].holdings == item.holdings


def _fields(item: MarcRecord) -> dict:
    return {name: getattr(item, name) for name in item.__slots__}


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(codec="gb18030", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")), min_size=1,
               max_size=40),
       st.sampled_from([UTF8, GB18030]))
def test_any_title_round_trips_in_either_encoding(title, encoding):
    item = MarcRecord(title=title.strip() or "书", number=1)
    back = read_back(iso2709(cnmarc_record(item, encoding=encoding), encoding))
    assert back[0].title == " ".join(item.title.split())
