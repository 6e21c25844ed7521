"""`bookroom-desk --db PATH init`: create an empty room (its folder included) at PATH."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, open_db, print_json
from bookroom_desk.config import named_database_path
from bookroom_desk.errors import Conflict
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

EXISTS = QT_TRANSLATE_NOOP("BookroomError", "这里已有文件：{path}。init 只新建书屋，不会覆盖已有的文件。")
CREATED = QT_TRANSLATE_NOOP("init", "已新建空书屋：{path}")


def register(subparsers) -> None:
    parser = subparsers.add_parser("init", help="在 --db 指定的位置新建空书屋 create an empty room at --db")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    path = named_database_path(args.db)
    if path is not None and path.exists():
        raise Conflict(EXISTS, path=str(path))
    db = open_db(args, create=True)  # migrated to this version: every table, no rows
    db.dispose()
    where = str(path) if path is not None else db.url
    if args.json:
        print_json({"ok": True, "path": where})
    else:
        print(translate("init", CREATED).format(path=where))
    return 0
