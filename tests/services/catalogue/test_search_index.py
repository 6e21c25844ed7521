"""The Chinese pairs of the search text: found quickly, the same as the plain definition."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk.services.catalogue.search_index import PAIR_MARK, cjk_pairs, is_cjk


def plain_pairs(*texts: str | None) -> str:
    pairs: dict[str, None] = {}
    for value in texts:
        value = value or ""
        for a, b in zip(value, value[1:]):
            if is_cjk(a) and is_cjk(b):
                pairs[a + b + PAIR_MARK] = None
    return "".join(pairs)


def test_pairs_of_chinese_text_only():
    assert cjk_pairs("红楼梦", "曹雪芹 著", "ab中文") == "红楼|楼梦|曹雪|雪芹|中文|"
    assert cjk_pairs("ªº", None, "") == "ªº|"  # letters of category Lo outside Chinese count too


mixed = st.text(alphabet=st.sampled_from("红楼梦中国书屋鿿丂ªºƻǀʔaZ1 ,，。ひらがな한국عربي\u3000-·\U00020000"), max_size=16)


@given(st.lists(st.one_of(st.none(), mixed, st.text(max_size=12)), max_size=4))
def test_the_same_pairs_as_the_plain_definition(texts):
    assert cjk_pairs(*texts) == plain_pairs(*texts)
