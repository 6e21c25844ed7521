"""`bookroom-desk check`: SQLite's integrity and foreign-key checks and the program's own rules; exit 1 naming what is wrong."""

from __future__ import annotations

import sqlite3
import sys

from bookroom_desk.commands.common import add_json_flag, database_url, print_json
from bookroom_desk.config import backups_dir_for
from bookroom_desk.errors import NotFound
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "check"


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="检查数据库是否完好 check the database")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def _foreign_keys(path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("PRAGMA foreign_key_check").fetchmany(50)
    finally:
        connection.close()
    text = translate(CONTEXT, QT_TRANSLATE_NOOP("check", "表 {table} 第 {row} 行指向 {parent} 中不存在的记录"))
    return [text.format(table=table, row=rowid, parent=parent) for table, rowid, parent, _fk in rows]


def _sqlite_checks(path) -> tuple[list[str], list[str]]:
    from bookroom_desk.store.snapshots import sqlite_problems

    if not path.exists():
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "找不到数据库文件 {path}。"), path=str(path))
    problems = sqlite_problems(path)
    if problems:
        return problems, []
    try:
        return [], _foreign_keys(path)
    except sqlite3.DatabaseError as exc:
        return [str(exc)], []


def run(args) -> int:
    from bookroom_desk.services.upkeep.consistency import violations
    from bookroom_desk.store import migrate, snapshots
    from bookroom_desk.store.database import sqlite_path

    url = database_url(args)
    path = sqlite_path(url)
    damaged, orphans = _sqlite_checks(path) if path is not None else ([], [])
    rules = []
    if not damaged:
        db = migrate.open_database(url)
        try:
            with db.read() as session:
                rules = violations(session)
        finally:
            db.dispose()
    ok = not (damaged or orphans or rules)
    good = None
    if damaged:
        good = snapshots.newest_good(backups_dir_for(path), migrate._known)
    if args.json:
        print_json({"ok": ok, "integrity": damaged, "foreign_keys": orphans, "rules": [v.as_dict() for v in rules],
                    "newest_good_backup": str(good.path) if good else None})
        return 0 if ok else 1
    if ok:
        if path is None:  # a server database: its storage is the server's to check
            print(translate(CONTEXT, QT_TRANSLATE_NOOP("check", "书屋规则检查都通过（服务器数据库的存储由服务器自行检查）。")))
        else:
            print(translate(CONTEXT, QT_TRANSLATE_NOOP("check", "数据库完好：SQLite 完整性检查、外键检查和书屋规则检查都通过。")))
        return 0
    out = sys.stderr
    if damaged:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("check", "数据库文件已损坏（SQLite 完整性检查未通过）：")), file=out)
        for line in damaged:
            print(f"  {line}", file=out)
        if good:
            print(translate(CONTEXT, QT_TRANSLATE_NOOP("check", "最新的完好备份是 {file}，"
                                                                "可用命令恢复：bookroom-desk restore \"{file}\"")).format(
                file=good.path), file=out)
        else:
            print(translate(CONTEXT, QT_TRANSLATE_NOOP("check", "没有找到完好的备份。")), file=out)
    if orphans:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("check", "外键检查未通过：")), file=out)
        for line in orphans:
            print(f"  {line}", file=out)
    if rules:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("check", "书屋规则检查未通过：")), file=out)
        for violation in rules:
            print(f"  {violation}", file=out)
    return 1
