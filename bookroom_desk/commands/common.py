"""What every subcommand shares: opening the database and printing results."""

from __future__ import annotations

import json
import sys
from typing import Any

from bookroom_desk.config import resolve_database_url
from bookroom_desk.store.database import Database
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

AGAIN_HINT = QT_TRANSLATE_NOOP("import_cli", "如确实要再导入一次，请加上 --again。")


def open_db(args) -> Database:
    """The database named by --db / BOOKROOM_DB / the default, migrated to this version."""
    from bookroom_desk.store.migrate import open_database

    return open_database(resolve_database_url(args.db))


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
