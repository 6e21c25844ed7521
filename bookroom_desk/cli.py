"""The `bookroom-desk` command: the GUI by default, admin subcommands beside it."""

from __future__ import annotations

import argparse
import errno
import importlib
import sqlite3
import sys

from bookroom_desk import __version__, stopping, text
from bookroom_desk.commands import argparse_language
from bookroom_desk.errors import BookroomError
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: A file that could not be read or written reached the top (whether it was read or written is not known here).
FILE_FAULT = QT_TRANSLATE_NOOP("BookroomError", "读写“{path}”时出错，这次操作没有完成：{detail}")

#: Subcommand modules in bookroom_desk.commands, each with ``register(subparsers)``.
COMMANDS = ("gui", "init", "demo", "stats", "labels", "import_readers", "import_books", "import_marc", "export_catalogue",
            "export_marc", "stocktake", "filing", "consolidate", "report", "backup", "restore", "check", "migrate_to", "accounts",
            "reader", "calendar", "notices", "holds", "pool", "renumber", "publish_catalogue", "poster",
            "new_books")


def build_parser(commands: tuple[str, ...] = COMMANDS) -> argparse.ArgumentParser:
    """The command line; its usage, headings and argparse's errors in the language installed (see main)."""
    parser = argparse_language.ArgumentParser(
        prog="bookroom-desk",
        description="职工书屋管理台 Bookroom Desk — 职工书屋的编目、借还、盘点与统计报表。",
    )
    parser.add_argument("--version", action="version", version=f"bookroom-desk {__version__}",
                        help=argparse_language.gettext("show program's version number and exit"))
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="数据库文件或 URL（默认：用户数据文件夹中的 bookroom.db；也可用环境变量 BOOKROOM_DB）")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None,
                        help="界面语言：zh_CN（简体中文，默认）或 en（English）")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(f"bookroom_desk.commands.{name}").register(subparsers)
    return parser


def _opens_window(argv: list[str]) -> bool:
    """Whether the command line opens the window (no subcommand, or `gui`), judged cheaply."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help", "--version"):
            return False
        if word in ("--db", "--lang"):
            next(words, None)
        elif not word.startswith("-"):
            return word == "gui"
    return True


def _chosen_language(argv: list[str]) -> str | None:
    """The --lang given before the subcommand, read before parsing so that argparse's own errors speak it too."""
    words = iter(argv)
    for word in words:
        if word == "--lang":
            return next(words, None)
        if word.startswith("--lang="):
            return word.partition("=")[2]
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            break
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; a SIGTERM on the way ends it as SystemExit(143), its clean-up run (see stopping.py)."""
    with stopping.exit_on_terminate():
        return _main(list(sys.argv[1:] if argv is None else argv), own_process=argv is None)


def _main(argv: list[str], own_process: bool = False) -> int:
    # Opening the window loads only the gui command, so start-up stays fast.
    opens_window = _opens_window(argv)
    lang = _chosen_language(argv)
    if opens_window and lang is None:
        text.install(None)  # argparse's errors in Chinese; the window installs its own translators
    else:  # an unknown --lang is Chinese here and argparse's error about it too
        from bookroom_desk.i18n import install_cli_translator

        install_cli_translator(lang)
    parser = build_parser(("gui",) if opens_window else COMMANDS)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    if args.command != "gui" and args.lang != lang:  # given in a way the look-ahead missed (abbreviated: --la en)
        from bookroom_desk.i18n import install_cli_translator

        install_cli_translator(args.lang)
    args.own_process = own_process  # the process's own command line: the window may end the process itself (gui)
    try:
        return args.func(args) or 0
    except BookroomError as exc:
        print(f"bookroom-desk: {exc.message}", file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as exc:
        error = storage_fault(exc)
        if error is None:
            raise  # a bug stays a bug
        print(f"bookroom-desk: {error.message}", file=sys.stderr)
        return 1


def storage_fault(exc: BaseException) -> BookroomError | None:
    """A full disk, a read-only folder, a failing USB stick… that reached the top: one readable error, else None."""
    from bookroom_desk import files
    from bookroom_desk.store import faults

    if isinstance(exc, sqlite3.Error):
        return faults.storage_error(exc) or (
            BookroomError(faults.MESSAGES[faults.SQLITE_FULL]) if files.is_disk_full(exc) else None)
    if isinstance(exc, OSError) and exc.errno is not None:
        if not exc.filename:
            return BookroomError(files.DISK_FULL_UNNAMED if files.is_disk_full(exc) else files.NOT_DONE,
                                 detail=files.os_error_text(exc))
        if files.is_disk_full(exc) or exc.errno == errno.EROFS:  # only a write fills a disk or meets a read-only one
            return files.storage_error(exc, exc.filename)
        return BookroomError(FILE_FAULT, path=str(exc.filename), detail=files.os_error_text(exc))
    return None
