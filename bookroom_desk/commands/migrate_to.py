"""`bookroom-desk migrate-to URL`: copy the room into an empty PostgreSQL database and check the copy."""

from __future__ import annotations

import sys

from bookroom_desk.commands.common import add_json_flag, open_db, print_json
from bookroom_desk.errors import DatabaseError
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_list, translate

CONTEXT = "migrate_to"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "migrate-to", help="把书屋数据库复制到一个空的 PostgreSQL 数据库并核对 copy the room into an empty PostgreSQL database")
    parser.add_argument("url", metavar="URL", help="目标数据库，例如 postgresql+psycopg://bookroom:密码@服务器/bookroom")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def _say(text: str, **params) -> None:
    print(translate(CONTEXT, text).format(**params), file=sys.stderr)


def run(args) -> int:
    from bookroom_desk.services.reporting.statistics import key_figures
    from bookroom_desk.store.database import Database
    from bookroom_desk.store.transfer import migrate_and_copy, table_counts

    source = open_db(args)
    if source.url == args.url:
        source.dispose()
        raise DatabaseError(QT_TRANSLATE_NOOP("BookroomError", "源数据库和目标数据库是同一个。"))
    target = Database(args.url)
    try:
        _say(QT_TRANSLATE_NOOP("migrate_to", "正在目标数据库建表并复制数据…"))
        migrate_and_copy(source, target)
        counts = {"source": table_counts(source), "target": table_counts(target)}
        with source.read() as a, target.read() as b:
            stats = {"source": key_figures(a).as_dict(), "target": key_figures(b).as_dict()}
    finally:
        target.dispose()
        source.dispose()
    differing = sorted(name for name in counts["source"] if counts["source"][name] != counts["target"].get(name))
    stats_differ = sorted(key for key in stats["source"] if stats["source"][key] != stats["target"].get(key))
    ok = not differing and not stats_differ
    if args.json:
        print_json({"ok": ok, "tables": counts, "stats": stats, "differing_tables": differing,
                    "differing_stats": stats_differ})
    else:
        heading = [translate(CONTEXT, t) for t in (QT_TRANSLATE_NOOP("migrate_to", "表"),
                                                   QT_TRANSLATE_NOOP("migrate_to", "原数据库（行）"),
                                                   QT_TRANSLATE_NOOP("migrate_to", "PostgreSQL（行）"))]
        print("\t".join(heading))
        for name, count in counts["source"].items():
            print(f"{name}\t{count}\t{counts['target'].get(name, 0)}")
    if not ok:
        _say(QT_TRANSLATE_NOOP("migrate_to", "核对不一致：表 {tables}；统计 {stats}。请勿使用目标数据库，并联系管理员。"),
             tables=join_list(differing) or "-", stats=join_list(stats_differ) or "-")
        return 1
    _say(QT_TRANSLATE_NOOP("migrate_to", "复制完成并已核对：{tables} 张表的行数一致，stats 的各项数字一致。"),
         tables=len(counts["source"]))
    _say(QT_TRANSLATE_NOOP("migrate_to", "今后请各台电脑用 --db 或环境变量 BOOKROOM_DB 指向 {url}。"
                                         "PostgreSQL 数据库的备份由服务器管理员负责（例如每天用 pg_dump），本程序不备份它。"),
         url=_hide_password(args.url))
    return 0


def _hide_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
