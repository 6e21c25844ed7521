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


@lru_cache(maxsize=1)
def _one_reading() -> dict[str, str]:
    """Each Chinese character that pypinyin reads one way wherever it stands: {character: plain reading}.

    That is a character that every phrase of pypinyin's phrase dictionary holding it reads as its
    character dictionary's first reading does (the one pypinyin takes outside a phrase), in plain
    letters (是: shi everywhere). Such a character gives that reading whatever words pypinyin cuts a
    title into, so a run of them is read a character at a time, with no cutting into words; a piece
    holding any other character (行 in 银行 and 行走) is left to pypinyin (see :func:`_run`). Built once
    (0.2 s) from pypinyin's own dictionaries with its own style step, so the keys stay exactly what
    pypinyin gives for the whole text (tests/services/catalogue/test_search_keys.py checks it).
    """
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS

    converter, normal = _pinyin()
    plain = converter._converter.convert_style

    def reading(toned: str) -> str:
        return plain("", toned, normal, True)

    readings: dict[str, str] = {}
    for code, toned in PINYIN_DICT.items():
        han = chr(code)
        if RE_HANS.match(han):
            first = reading(toned.split(",")[0])  # outside a phrase pypinyin takes the first
            if first:
                readings[han] = first
    for phrase, items in PHRASES_DICT.items():
        if len(items) != len(phrase):
            unsure = set(phrase)
        else:
            unsure = {han for han, item in zip(phrase, items) if han in readings and reading(item[0]) != readings[han]}
        for han in unsure:
            readings.pop(han, None)
    _phrase_pairs()  # built with it, so the first use (ui/warmup.py's, in the background) builds both
    return readings


@lru_cache(maxsize=1)
def _phrase_pairs() -> frozenset[str]:
    """Every two characters standing side by side in a phrase of pypinyin's phrase dictionary.

    pypinyin cuts a run of Chinese characters into words by forward maximum matching, and each word
    it takes is a phrase of that dictionary or a single character: where two neighbours stand
    together in no phrase, no word holds both, so it cuts there whatever comes before, and cuts what
    follows as it would alone. What comes before is cut as it would be with the next character after
    it (not as it would be alone: at the end of a text pypinyin gives up looking for a phrase
    sooner), see :func:`_run`. (64,000 pairs of 47,000 phrases.)
    """
    from pypinyin.constants import PHRASES_DICT

    return frozenset(phrase[i:i + 2] for phrase in PHRASES_DICT for i in range(len(phrase) - 1))


@lru_cache(maxsize=8192)
def _piece(piece: str, after: str) -> tuple[str, ...]:
    """pypinyin's items for a piece of a run of Chinese characters followed by ``after`` (its next character,
    read as one word on its own: dropped; '' at the run's end). Pieces such as 的 or 不同 repeat."""
    converter, normal = _pinyin()
    items = converter.lazy_pinyin(piece + after, style=normal, errors=_marked)
    return tuple(items[:-1] if after else items)


def _run(run: str, readings: dict[str, str]) -> list[str]:
    """pypinyin's items for a run of Chinese characters: cut where :func:`_phrase_pairs` says pypinyin cuts,
    a piece of characters read one way from the table, any other piece by pypinyin."""
    pairs = _phrase_pairs()
    items: list[str] = []
    start = 0
    for end in range(1, len(run) + 1):
        if end == len(run) or run[end - 1:end + 1] not in pairs:
            piece = run[start:end]
            try:
                items.extend([readings[han] for han in piece])
            except KeyError:
                items.extend(_piece(piece, run[end:end + 1]))
            start = end
    return items


def _readings(text: str) -> list[str]:
    """pypinyin's items for ``text`` (a reading per Chinese character, a marked chunk for the rest), as
    ``converter.lazy_pinyin(text, …)`` gives them, only quicker: see :func:`_one_reading` and :func:`_run`."""
    readings = _one_reading()
    try:
        return [readings[han] for han in text]  # all Chinese characters read one way: any cut reads them so
    except KeyError:
        pass
    from pypinyin.constants import RE_HANS
    from pypinyin.seg.simpleseg import simple_seg

    items: list[str] = []
    for run in simple_seg(text):  # pypinyin's own first cut: runs of Chinese characters and of the rest
        if RE_HANS.match(run):
            items.extend(_run(run, readings))
        else:
            items.extend(_marked(run))
    return items


def _by_pypinyin(text: str) -> list[str]:
    """pypinyin's items for the whole of ``text`` (what :func:`_readings` gives too, only slower)."""
    converter, normal = _pinyin()
    return converter.lazy_pinyin(text, style=normal, errors=_marked)


def pinyin_key(text: str) -> str:
    """Lower-case full pinyin and initials of ``text``, space-separated: '红楼梦' -> 'hongloumeng hlm'."""
    if not text:
        return ""
    return _key(_readings(text))


def _key(items: list[str]) -> str:
    full = "".join(items)
    if _NOT_HANZI in full:  # a chunk without pinyin: kept whole in both
        full = "".join(item.lstrip(_NOT_HANZI) for item in items).lower()
        initials = "".join(item[1:] if item.startswith(_NOT_HANZI) else item[:1] for item in items).lower()
    else:  # the same, for readings alone
        full, initials = full.lower(), "".join([item[:1] for item in items]).lower()
    full, initials = "".join(full.split()), "".join(initials.split())
    return full if full == initials else f"{full} {initials}"
