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
