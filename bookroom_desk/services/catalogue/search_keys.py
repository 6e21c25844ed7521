"""Search keys: pinyin (full and initials) so `hlm` and `hongloumeng` find 红楼梦."""

from __future__ import annotations

from functools import cache, lru_cache

_NOT_HANZI = "\x00"


@lru_cache(maxsize=1)
def _pinyin():
    """pypinyin, loaded on first use (its phrase dictionary takes a moment), with its style step cached.

    Turning a toned syllable into plain letters depends on the syllable alone, and a delivery list
    repeats a few hundred syllables thousands of times: caching that step halves the import's time.
    Likewise the reading of one segmented word depends on the word alone (titles share their words
    and characters), so each word's result is cached too; pypinyin only extends lists with it.
    """
    from pypinyin import Style
    from pypinyin.converter import DefaultConverter
    from pypinyin.core import Pinyin

    class CachedStyles(DefaultConverter):
        @cache  # noqa: B019 - one converter lives as long as the program
        def _style(self, orig_pinyin, style, strict):
            return DefaultConverter.convert_style(self, "", orig_pinyin, style, strict)

        @lru_cache(maxsize=100_000)  # noqa: B019 - as above; words, not titles, so it stays small
        def convert(self, words, style, heteronym, errors, strict, **kwargs):
            return DefaultConverter.convert(self, words, style, heteronym, errors, strict, **kwargs)

        def convert_style(self, han, orig_pinyin, style, strict, **kwargs):
            return self._style(orig_pinyin, style, strict)

    return Pinyin(CachedStyles()), Style.NORMAL


def _marked(chunk: str) -> list[str]:
    """What pypinyin gives for text without pinyin: the text, marked (one function, so results cache)."""
    return [_NOT_HANZI + chunk]


def pinyin_key(text: str) -> str:
    """Lower-case full pinyin and initials of ``text``, space-separated: '红楼梦' -> 'hongloumeng hlm'."""
    if not text:
        return ""
    converter, normal = _pinyin()
    items = converter.lazy_pinyin(text, style=normal, errors=_marked)
    full = "".join(item.lstrip(_NOT_HANZI) for item in items).lower()
    initials = "".join(item[1:] if item.startswith(_NOT_HANZI) else item[:1] for item in items).lower()
    full, initials = "".join(full.split()), "".join(initials.split())
    return full if full == initials else f"{full} {initials}"
