"""Pinyin search keys."""

from bookroom_desk.services.catalogue.search_keys import pinyin_key


def test_full_pinyin_and_initials():
    assert pinyin_key("红楼梦") == "hongloumeng hlm"
    assert "hlm" in pinyin_key("红楼梦（第2版）")
    assert pinyin_key("") == ""
    assert pinyin_key("Python") == "python"
