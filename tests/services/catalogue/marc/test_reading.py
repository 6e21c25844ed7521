"""Reading MARC files: CNMARC in GB18030 and UTF-8 by its 100 $a, MARC 21, MARCXML; each bad record named, never a crash."""

from __future__ import annotations

import pymarc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookroom_desk.services.catalogue.marc import reading
from bookroom_desk.services.catalogue.marc.reading import CNMARC, GB18030, MARC8, MARC21, UTF8, read_marc
from tests.support import marc_bytes as m


def reasons(result) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.message) for p in result.problems]


def test_a_gb18030_record_is_read_by_its_100_a_and_its_directory_counts_bytes():
    data = m.cnmarc("劳动关系研究", encoding="gb18030")
    assert "劳动关系研究".encode("gb18030") in data and "劳动关系研究".encode() not in data
    result = read_marc(data)
    assert result.problems == [] and result.count == 1
    (read,) = result.records
    assert (read.number, read.kind, read.charset) == (1, CNMARC, GB18030)
    assert read.record["200"]["a"] == "劳动关系研究" and read.record["210"]["c"] == "中国工人出版社"


def test_a_utf8_record_says_50_and_several_records_keep_their_numbers():
    data = m.cnmarc("一", encoding="utf-8") + b"\r\n" + m.cnmarc("二", encoding="gb18030") + m.cnmarc("三", encoding="utf-8")
    result = read_marc(data)
    assert [(r.number, r.charset, r.record["200"]["a"]) for r in result.records] == [
        (1, UTF8, "一"), (2, GB18030, "二"), (3, UTF8, "三")]


def test_a_marc21_record_in_utf8_and_one_in_marc8():
    (utf8,) = read_marc(m.marc21("Labour relations")).records
    assert (utf8.kind, utf8.charset, utf8.record["245"]["a"]) == (MARC21, UTF8, "Labour relations /")
    (marc8,) = read_marc(m.marc21("Plain title", utf8=False)).records
    assert (marc8.kind, marc8.charset, marc8.record["245"]["a"]) == (MARC21, MARC8, "Plain title /")


def test_marcxml_is_read_with_or_without_its_namespace():
    text = """<?xml version="1.0" encoding="UTF-8"?>
    <collection xmlns="http://www.loc.gov/MARC21/slim">
      <record><leader>00000nam0 2200000   450 </leader>
        <controlfield tag="001">1</controlfield>
        <datafield tag="200" ind1="1" ind2=" "><subfield code="a">职工读本</subfield></datafield>
      </record>
      <record><datafield tag="245" ind1="1" ind2="0"><subfield code="a">A title</subfield></datafield></record>
      <record><datafield tag="020" ind1=" " ind2=" "><subfield code="a">978</subfield></datafield></record>
    </collection>"""
    result = read_marc(text.encode("utf-8"))
    assert [(r.number, r.kind) for r in result.records] == [(1, CNMARC), (2, MARC21)]
    assert result.records[0].record["200"]["a"] == "职工读本"
    assert [(row, where) for row, where, _ in reasons(result)] == [(3, "")]
    bare = read_marc('<record><datafield tag="200"><subfield code="a">书</subfield></datafield></record>'.encode())
    assert [r.record["200"]["a"] for r in bare.records] == ["书"]


def test_a_truncated_record_is_named_and_the_others_kept():
    good = m.cnmarc("好书")
    result = read_marc(good + good[:-40])
    assert [r.number for r in result.records] == [1]
    ((number, where, why),) = reasons(result)
    assert (number, where) == (2, "头标区") and "被截断" in why and str(len(good)) in why


def test_a_directory_counting_characters_not_bytes_is_refused():
    good = m.cnmarc("劳动关系研究", encoding="gb18030")
    # A writer that counted the title's characters instead of its bytes: the 200 entry's length is short.
    at = good.index(b"200", 24)
    length = int(good[at + 3:at + 7])
    bad = good[:at + 3] + b"%04d" % (length - len("劳动关系研究")) + good[at + 7:]
    ((number, where, why),) = reasons(read_marc(bad))
    assert (number, where) == (1, "200") and "按字节计" in why


def test_a_wrong_base_address_and_a_broken_directory_entry():
    good = m.cnmarc()
    wrong_base = good[:12] + b"%05d" % (int(good[12:17]) + 3) + good[17:]
    assert "基地址" in reasons(read_marc(wrong_base))[0][2]
    broken = good[:27] + b"00x3" + good[31:]  # the first entry's length is not a number
    assert reasons(read_marc(broken))[0][1:] == ("目录", "目录的第 1 项“00100x300000”不是“字段号、长度、起始位置”。")
    not_marc = b"hello world, this is not a MARC file at all" + b"\x1d"
    assert reasons(read_marc(not_marc))[0][2].startswith("头标区开头的记录长度不是 5 位数字")


def test_a_record_without_a_title_field_and_an_unknown_character_set():
    no_title = m.iso_record([("001", m.control_field("1")), ("010", m.data_field("utf-8", ("a", "9787500869351")))])
    assert "没有题名字段" in reasons(read_marc(no_title))[0][2]
    latin = m.cnmarc("Title", encoding="utf-8", charset="03  ")
    ((number, where, why),) = reasons(read_marc(latin))
    assert (number, where) == (1, "100 $a") and "03" in why and "0120" in why


def test_a_subfield_code_that_is_not_ascii_is_named_with_its_field():
    odd = m.cnmarc(extra=[("300", b"  \x1f" + "附注".encode("gb18030") + b"\x1e")])
    ((number, where, why),) = reasons(read_marc(odd))
    assert (number, where) == (1, "300") and "子字段代码" in why


def test_gb18030_bytes_marked_utf8_are_a_problem_and_unmarked_utf8_is_read():
    wrong = m.cnmarc("劳动关系研究", encoding="gb18030", charset="50  ")
    assert "UTF-8" in reasons(read_marc(wrong))[0][2]
    unmarked = m.cnmarc("劳动", encoding="utf-8", charset="    ")
    assert read_marc(unmarked).records[0].charset == UTF8
    unmarked_gb = m.cnmarc("劳动", encoding="gb18030", charset="    ")
    assert "没有写明字符集" in reasons(read_marc(unmarked_gb))[0][2]


def test_xml_that_is_not_marc_and_xml_that_is_not_well_formed():
    assert reasons(read_marc(b"<?xml version='1.0'?><books><book/></books>"))[0][2].startswith("这个 XML 文件不是 MARCXML")
    assert reasons(read_marc(b"<collection><record>"))[0][2].startswith("文件不是格式正确的 XML")
    assert reasons(read_marc(b""))[0][2] == "文件中没有 MARC 记录。"


def test_a_problem_reads_with_its_record_number():
    result = read_marc(m.cnmarc() + m.cnmarc()[:30])
    assert str(result.problems[0]).startswith("第 2 条记录，头标区：")
    assert result.problems[0].as_dict()["record"] == 2


def test_pymarc_reads_the_hand_built_utf8_record_the_same():
    (read,) = read_marc(m.cnmarc(encoding="utf-8")).records
    theirs = pymarc.Record(m.cnmarc(encoding="utf-8"), force_utf8=True)
    assert [str(f) for f in read.record.fields] == [str(f) for f in theirs.fields]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600) | st.builds(lambda cut, noise: m.cnmarc()[:cut] + noise,
                                          st.integers(0, 400), st.binary(max_size=40)))
def test_arbitrary_bytes_give_records_or_problems_never_an_exception(data):
    result = read_marc(data)
    assert isinstance(result, reading.MarcFile)
    assert all(isinstance(p, reading.RecordProblem) and p.message for p in result.problems)
    assert result.records or result.problems


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 700), min_size=1, max_size=4), st.binary(min_size=1, max_size=4))
def test_bytes_changed_inside_a_good_record_never_raise(places, replacement):
    data = bytearray(m.cnmarc() + m.cnmarc(encoding="utf-8"))
    for place in places:
        data[place % len(data)] = replacement[0]
    result = read_marc(bytes(data))
    assert all(str(p) for p in result.problems)


@pytest.mark.parametrize("text", ["<record/>", "<collection/>", "<record><datafield tag='2000'/></record>",
                                  "<record><datafield tag='200'><subfield code='ab'>x</subfield></datafield></record>"])
def test_odd_marcxml_is_a_problem(text):
    assert read_marc(text.encode()).problems
