"""Translatable text for the Qt-free layers.

Services mark their messages with ``QT_TRANSLATE_NOOP(context, text)``; Qt's lupdate
extracts them by that name. The UI and the CLI install Qt's translator at start-up with
:func:`install`, so :func:`translate` gives the chosen language; before that (and in tests
of services) the Chinese source text is returned.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate knows
    """Mark ``text`` for extraction under ``context``; returns it unchanged."""
    return text


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def install(translator: Translator | None) -> None:
    """Use ``translator(context, text)`` for :func:`translate` (None restores Chinese)."""
    global _translator
    _translator = translator or _identity


def translate(context: str, text: str) -> str:
    return _translator(context, text)


#: The punctuation that composes one message from parts: full-width in Chinese, ASCII and a space in English.
PUNCTUATION = "punctuation"
#: Between the names of a list (“甲、乙、丙”).
LIST_SEPARATOR = QT_TRANSLATE_NOOP("punctuation", "、")
#: Between whole phrases (“书号：…；书名：…”).
PHRASE_SEPARATOR = QT_TRANSLATE_NOOP("punctuation", "；")
#: Between a label and what it says (“书号：校验位不对”).
LABEL_SEPARATOR = QT_TRANSLATE_NOOP("punctuation", "：")


def join_list(items) -> str:
    """Names joined as a list in the chosen language: 甲、乙 / A, B."""
    return translate(PUNCTUATION, LIST_SEPARATOR).join(str(item) for item in items)


def join_phrases(items) -> str:
    """Phrases joined in the chosen language: 甲；乙 / A; B."""
    return translate(PUNCTUATION, PHRASE_SEPARATOR).join(str(item) for item in items)


def labelled(label: str, value: str) -> str:
    """``value`` under ``label`` in the chosen language: 书号：… / ISBN: …"""
    return f"{label}{translate(PUNCTUATION, LABEL_SEPARATOR)}{value}"
