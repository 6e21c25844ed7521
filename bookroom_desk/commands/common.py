"""What every subcommand shares: opening the database and printing results."""

from __future__ import annotations

import json
import sys
from typing import Any

from bookroom_desk.config import named_database_path, resolve_database_url
from bookroom_desk.errors import NotFound
from bookroom_desk.store.database import Database
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

AGAIN_HINT = QT_TRANSLATE_NOOP("import_cli", "如确实要再导入一次，请加上 --again。")
NO_SUCH_ROOM = QT_TRANSLATE_NOOP(
    "BookroomError", "没有这个书屋数据库：{path}。要新建书屋，请用 init 命令：bookroom-desk --db {path} init")


def database_url(args, *, create: bool = False) -> str:
    """The URL of --db / BOOKROOM_DB / the default; a named file that does not exist is refused unless ``create``.

    Only `init`, `demo` and the window create a room; any other command given a mistyped path creates
    neither a database nor its folders.
    """
    path = named_database_path(args.db)
    if not create and path is not None and not path.exists():
        raise NotFound(NO_SUCH_ROOM, path=str(path))
    return resolve_database_url(args.db, create_folder=create)


def open_db(args, *, create: bool = False) -> Database:
    """The database named by --db / BOOKROOM_DB / the default, migrated to this version."""
    from bookroom_desk.store.migrate import open_database

    return open_database(database_url(args, create=create))


def add_json_flag(parser) -> None:
    parser.add_argument("--json", action="store_true", help="以 JSON 输出 (print JSON)")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_rejected(exc, as_json: bool) -> int:
    """Print an ImportRejected: JSON with every problem, or its message and one line per problem. Exit 1."""
    if as_json:
        print_json({"ok": False, "problems": [p.as_dict() for p in exc.problems]})
    else:
        print(exc.message, file=sys.stderr)
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
    return 1


def add_again_flag(parser) -> None:
    parser.add_argument("--again", action="store_true",
                        help="同一文件已导入过时仍再导入一次 import even when the same rows were imported before")


def report_repeat(exc, as_json: bool) -> int:
    """Print an AlreadyImported: the batch and date, and how to import it again anyway. Exit 1."""
    if as_json:
        print_json({"ok": False, "already_imported": exc.batch_id, "message": exc.message})
    else:
        print(f"bookroom-desk: {exc.message}", file=sys.stderr)
        print(translate("import_cli", AGAIN_HINT), file=sys.stderr)
    return 1
