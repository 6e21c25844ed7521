"""`bookroom-desk restore FILE`: replace the room's database (and bring photos back) from a backup file."""

from __future__ import annotations

from pathlib import Path

from bookroom_desk.commands.backup import NOT_SQLITE
from bookroom_desk.commands.common import add_json_flag, print_json
from bookroom_desk.config import resolve_database_url
from bookroom_desk.errors import Conflict, InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "restore"
OPEN_ELSEWHERE = QT_TRANSLATE_NOOP("BookroomError", "书屋管理台的窗口正打开着这个数据库，请先关闭它再恢复。")


def register(subparsers) -> None:
    parser = subparsers.add_parser("restore", help="从备份文件恢复（当前数据库先备份） restore from a backup file")
    parser.add_argument("file", metavar="FILE", help="备份文件（.db 或 .zip） the backup file")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.room_lock import RoomLock
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.upkeep.backups import restore_room
    from bookroom_desk.store.database import sqlite_path

    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    if path is None:
        raise InvalidInput(NOT_SQLITE)
    guard = RoomLock(path)
    if not guard.acquire():
        raise Conflict(OPEN_ELSEWHERE)
    try:
        # the command line runs as the PC's operator (""); the restored room is migrated to this version
        result, db = restore_room(url, Path(args.file).expanduser(), actor=OPERATOR)
        db.dispose()
    finally:
        guard.release()
    if args.json:
        print_json({"ok": True, "file": str(result.info.path), "revision": result.info.revision,
                    "titles": result.info.titles, "copies": result.info.copies, "photos": result.photos,
                    "previous": str(result.set_aside) if result.set_aside else None})
        return 0
    print(translate(CONTEXT, QT_TRANSLATE_NOOP("restore", "已从 {file} 恢复：书目 {titles} 种、{copies} 册，"
                                                          "活动照片 {photos} 张。")).format(
        file=result.info.path, titles=result.info.titles, copies=result.info.copies, photos=result.photos))
    if result.set_aside:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("restore", "恢复前的数据库已备份为 {file}。")).format(file=result.set_aside))
    return 0
