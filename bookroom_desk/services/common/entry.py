"""What every typed or imported text goes through on entry: invisible marks removed, the column's length kept."""

from __future__ import annotations

import re
from typing import Any

from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

#: Direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) and zero-width characters
#: (U+200B–U+200F, U+2060, U+FEFF): they make a name look like another or read backwards on screen.
INVISIBLE = frozenset([*range(0x200B, 0x2010), *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A), 0xFEFF])
_DROP = dict.fromkeys(INVISIBLE)
_FIND = re.compile("[" + "".join(chr(code) for code in sorted(INVISIBLE)) + "]")


def visible(text: str) -> str:
    """``text`` without direction overrides and zero-width characters (the same string when it has none)."""
    if text.isascii() or _FIND.search(text) is None:  # the usual cases, checked in C
        return text
    return text.translate(_DROP)


def column_length(column: Any) -> int:
    """The length a String column holds (``Title.call_number`` -> 60), read from the model so limits never drift."""
    length = column.property.columns[0].type.length
    if length is None:
        raise TypeError(f"{column} has no length")
    return int(length)


def too_long(title: str, limit: int, context: str | None = None, **params: Any) -> InvalidInput:
    """The refusal of a text longer than its column, naming the field (translated in ``context`` when given)."""
    return InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{title}”最多 {limit} 个字。"),
                        title=translate(context, title) if context else title, limit=limit, **params)


def entry_text(value: str | None, title: str, limit: int | Any | None = None, *, squeeze: bool = True,
               context: str | None = None, **params: Any) -> str:
    """A text as stored: invisible marks removed, blanks squeezed (or only trimmed), refused past ``limit``.

    ``limit`` is a number or a model column (its String length); ``title`` names the field in the
    message, translated in ``context`` only when there is a message to give (lists hold 100,000 rows).
    """
    text = visible(value or "")
    cleaned = " ".join(text.split()) if squeeze else text.strip()
    text = text if cleaned == text else cleaned  # a list's 100,000 titles shared with the rows read, not copied
    if limit is not None and not isinstance(limit, int):
        limit = column_length(limit)
    if limit is not None and len(text) > limit:
        raise too_long(title, limit, context, **params)
    return text
