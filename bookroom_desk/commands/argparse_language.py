"""argparse's own texts (the usage line, the headings, its error messages) in the chosen language.

argparse writes them in English through gettext: its module-level ``_`` and ``ngettext``. The program
has no gettext catalogues; its strings are Chinese source text translated by :mod:`bookroom_desk.text`.
:class:`ArgumentParser` has argparse speak through that translator instead, and only while one of its
own methods runs, so any other parser in the process (pytest's, say) keeps argparse's English.

The Chinese below is the source text, like every other string of the program; its English, in
resources/i18n/en/cli_argparse.json, is argparse's own wording, so English stays as argparse writes it.
A message argparse has that is not listed (a newer Python's) is shown as argparse writes it.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "argparse"

# argparse's English (without a final line break) -> the program's Chinese source text.
CHINESE = {
    "usage: ": QT_TRANSLATE_NOOP("argparse", "用法："),
    "positional arguments": QT_TRANSLATE_NOOP("argparse", "位置参数"),
    "options": QT_TRANSLATE_NOOP("argparse", "选项"),
    "subcommands": QT_TRANSLATE_NOOP("argparse", "子命令"),
    "show this help message and exit": QT_TRANSLATE_NOOP("argparse", "显示本帮助并退出"),
    "show program's version number and exit": QT_TRANSLATE_NOOP("argparse", "显示程序的版本号并退出"),
    "%(prog)s: error: %(message)s": QT_TRANSLATE_NOOP("argparse", "%(prog)s：错误：%(message)s"),
    "argument %(argument_name)s: %(message)s": QT_TRANSLATE_NOOP("argparse", "参数 %(argument_name)s：%(message)s"),
    "the following arguments are required: %s": QT_TRANSLATE_NOOP("argparse", "缺少必需的参数：%s"),
    "one of the arguments %s is required": QT_TRANSLATE_NOOP("argparse", "参数 %s 必须给出其中一个"),
    "unrecognized arguments: %s": QT_TRANSLATE_NOOP("argparse", "无法识别的参数：%s"),
    "invalid choice: %(value)r (choose from %(choices)s)": QT_TRANSLATE_NOOP(
        "argparse", "无效的选择：%(value)r（可选：%(choices)s）"),
    "invalid %(type)s value: %(value)r": QT_TRANSLATE_NOOP("argparse", "无效的 %(type)s 值：%(value)r"),
    "expected one argument": QT_TRANSLATE_NOOP("argparse", "需要给出一个值"),
    "expected at most one argument": QT_TRANSLATE_NOOP("argparse", "最多只能给出一个值"),
    "expected at least one argument": QT_TRANSLATE_NOOP("argparse", "至少需要给出一个值"),
    # ngettext's two forms; Chinese has one, worded twice so that each keeps its own English.
    "expected %s argument": QT_TRANSLATE_NOOP("argparse", "应给出 %s 个值"),
    "expected %s arguments": QT_TRANSLATE_NOOP("argparse", "需要给出 %s 个值"),
    "not allowed with argument %s": QT_TRANSLATE_NOOP("argparse", "不能与参数 %s 同时使用"),
    "ambiguous option: %(option)s could match %(matches)s": QT_TRANSLATE_NOOP(
        "argparse", "选项 %(option)s 不明确，可能是 %(matches)s"),
    "ignored explicit argument %r": QT_TRANSLATE_NOOP("argparse", "多余的值 %r 被忽略"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": QT_TRANSLATE_NOOP(
        "argparse", "没有子命令 %(parser_name)r（可选：%(choices)s）"),
    "can't open '%(filename)s': %(error)s": QT_TRANSLATE_NOOP("argparse", "无法打开“%(filename)s”：%(error)s"),
    "unexpected option string: %s": QT_TRANSLATE_NOOP("argparse", "意外的选项：%s"),
}


def gettext(message: str) -> str:
    """argparse's ``message`` in the chosen language (unknown ones as argparse wrote them)."""
    body = message.rstrip("\n")
    source = CHINESE.get(body)
    return message if source is None else translate(CONTEXT, source) + message[len(body):]


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


@contextmanager
def speaking() -> Iterator[None]:
    """While inside, argparse's texts go through :func:`gettext` (nested use restores in order)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose headings, usage line and errors follow the chosen language.

    Each method below is one where argparse looks its texts up; subparsers are of this class too
    (argparse makes them with ``type(self)``).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with speaking():  # the "positional arguments" and "options" headings, -h's help
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with speaking():
            return super().add_subparsers(**kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with speaking():  # "unrecognized arguments" is raised here, outside parse_known_args
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with speaking():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with speaking():
            return super().format_usage()

    def format_help(self) -> str:
        with speaking():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with speaking():
            super().error(message)
