"""Pinyin search keys."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bookroom_desk.services.catalogue.search_keys import pinyin_key


def test_full_pinyin_and_initials():
    assert pinyin_key("红楼梦") == "hongloumeng hlm"
    assert "hlm" in pinyin_key("红楼梦（第2版）")
    assert pinyin_key("") == ""
    assert pinyin_key("Python") == "python"


# The quick reading (a table of characters pypinyin reads one way, runs cut where pypinyin must cut) against
# pypinyin reading the whole text: the keys stored before and the ones stored now must be the same.
_HANZI = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
          "多定行长重还乐得着都觉边际差之千里干脆银朝阳藏传单曾")
_PHRASES = ("不着边际", "银行", "行走", "重庆", "长大", "音乐", "快乐", "觉得", "睡觉", "朝阳", "西藏", "传记", "单于",
            "曾经", "差不多", "一了百了", "了不起", "着边")
_OTHER = ("：", "（上）", " ", "·", "2024", "Python", "ＡＢ", "〇", "《", "》", "-", "Ⅱ", "é", "\u200b")
_texts = st.lists(st.one_of(st.text(alphabet=_HANZI, min_size=1, max_size=6), st.sampled_from(_PHRASES),
                            st.sampled_from(_OTHER), st.text(max_size=3)), max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_quick_readings_are_pypinyins_for_the_whole_text(text):
    from bookroom_desk.services.catalogue.search_keys import _by_pypinyin, _key, _readings

    if text:  # pinyin_key("") is "" without asking either
        assert _readings(text) == _by_pypinyin(text)
    assert pinyin_key(text) == (_key(_by_pypinyin(text)) if text else "")


def test_a_piece_cut_off_by_a_pair_no_phrase_holds_is_read_as_inside_its_run():
    # 不着边 starts the phrase 不着边际 but is none; alone pypinyin reads it bu-zhe-bian, in this run (no phrase
    # holds 边下) bu-zhuo-bian (着边): the piece before a cut is read with its next character after it.
    assert pinyin_key("不着边下处差之千里") == "buzhuobianxiachuchazhiqianli bzbxcczql"
    assert pinyin_key("银行行长") == "yinhanghangzhang yhhz"


def test_the_table_holds_characters_read_one_way_only():
    from bookroom_desk.services.catalogue.search_keys import _one_reading

    readings = _one_reading()
    assert readings["是"] == "shi" and readings["书"] == "shu"
    assert "行" not in readings and "不" not in readings and "着" not in readings  # 银行/行走, 以不济可, 着边
