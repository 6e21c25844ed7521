"""What every subcommand shares: opening the database and printing results."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bookroom_desk import files
from bookroom_desk.config import named_database_path, resolve_database_url
from bookroom_desk.errors import NotFound
from bookroom_desk.store.database import Database
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

AGAIN_HINT = QT_TRANSLATE_NOOP("import_cli", "如确实要再导入一次，请加上 --again。")
NO_SUCH_ROOM = QT_TRANSLATE_NOOP(
    "BookroomError", "没有这个书屋数据库：{path}。要新建书屋，请用 init 命令：bookroom-desk --db {path} init")
NO_SUCH_FOLDER = QT_TRANSLATE_NOOP(
    "BookroomError", "文件夹“{folder}”不存在，什么也没有保存，也没有新建这个文件夹。请先建好文件夹，或另选一个已有的文件夹。")


def database_url(args, *, create: bool = False) -> str:
    """The URL of --db / BOOKROOM_DB / the default; a named file that does not exist is refused unless ``create``.

    Only `init`, `demo` and the window create a room; any other command given a mistyped path creates
    neither a database nor its folders.
    """
    path = named_database_path(args.db)
    if not create and path is not None and not path.exists():
        raise NotFound(NO_SUCH_ROOM, path=str(path))
    return resolve_database_url(args.db, create_folder=create)


def output_path(text: str | Path, suffixes: tuple[str, ...], *, folder_allowed: bool = False) -> Path:
    """The file (or, with ``folder_allowed``, the folder) a command is told to write, checked before any work.

    Every command that writes a file the user names goes through this one check, with the same messages:
    the name must end in one of ``suffixes`` (any case: ".xlsx", ".XLSX") and its folder must already exist.
    A missing folder is refused, naming it, and never created. With ``folder_allowed`` an existing folder
    (or a name ending in a slash, which must then exist) is accepted, the command naming the file in it.
    """
    path = Path(text).expanduser()
    if folder_allowed and (path.is_dir() or str(text).endswith(("/", "\\"))):
        if not path.is_dir():
            raise files.FolderMissing(NO_SUCH_FOLDER, folder=str(path))
        return path
    files.require_suffix(path, suffixes)
    files.require_folder(path)
    return path


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
