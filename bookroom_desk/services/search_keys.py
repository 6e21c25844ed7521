"""Search keys: pinyin (full and initials) so `hlm` and `hongloumeng` find 红楼梦."""

from __future__ import annotations


def pinyin_key(text: str) -> str:
    """Lower-case full pinyin and initials of ``text``, space-separated: '红楼梦' -> 'hongloumeng hlm'."""
    if not text:
        return ""
    # pypinyin loads a 0.3 s phrase dictionary; import it on first use, not at start-up.
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(text, style=Style.NORMAL, errors="default")).lower()
    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower()
    full = "".join(full.split())
    initials = "".join(initials.split())
    return full if full == initials else f"{full} {initials}"
