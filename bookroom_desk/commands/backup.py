"""`bookroom-desk backup [-o FILE]`: back the room up to one file (database and activity photos)."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, open_db, output_path, print_json
from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "backup"
NOT_SQLITE = QT_TRANSLATE_NOOP("BookroomError", "备份与恢复命令只用于 SQLite 数据库文件；"
                                                "服务器数据库请用数据库自己的备份工具（如 pg_dump）。")


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help="备份数据库和活动照片 back up the database and photos")
    parser.add_argument("-o", "--output", metavar="FILE", help="备份文件（.zip；书屋没有活动照片时也可用 .db）或已有的文件夹"
                        "（默认：数据库旁的 backups 文件夹） "
                        "backup file (.zip, or .db when the room has no photos) or an existing folder "
                        "(default: the backups folder beside the database)")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.upkeep.backups import BACKUP_SUFFIXES, make_backup

    # a named file is a .zip (or .db, when the room has no photos); a named folder must exist
    target = output_path(args.output, BACKUP_SUFFIXES, folder_allowed=True) if args.output else None
    db = open_db(args)
    try:
        if db.path is None:
            raise InvalidInput(NOT_SQLITE)
        result = make_backup(db.path, target)
    finally:
        db.dispose()
    if args.json:
        print_json({"ok": True, "file": str(result.path), "photos": result.photos, "bytes": result.size})
    else:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("backup", "已备份到 {file}（含活动照片 {photos} 张）。")).format(
            file=result.path, photos=result.photos))
    return 0
