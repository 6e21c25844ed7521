"""`bookroom-desk pool load FILE | lookup ISBN [--json] | stats [--json]`: the record pool (书目库)."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, open_db, print_json, report_rejected
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "pool_cli"


def register(subparsers) -> None:
    parser = subparsers.add_parser("pool", help="书目库：载入、查找、统计 the record pool: load, look up, count")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    load = actions.add_parser("load", help="把一个书屋导出的藏书目录（.xlsx/.csv）载入书目库；有问题的行则全部不载入")
    load.add_argument("file", metavar="FILE", help="export-catalogue 写出的 .xlsx，或同样表头的 .csv")
    load.add_argument("--source", default="", metavar="NAME", help="来源名称（默认：文件名）")
    add_json_flag(load)
    load.set_defaults(func=run_load)
    lookup = actions.add_parser("lookup", help="按ISBN查书目库和本书屋的书目")
    lookup.add_argument("isbn", metavar="ISBN")
    add_json_flag(lookup)
    lookup.set_defaults(func=run_lookup)
    stats = actions.add_parser("stats", help="书目库的书目条数和来源")
    add_json_flag(stats)
    stats.set_defaults(func=run_stats)


def run_load(args) -> int:
    from bookroom_desk.errors import ImportRejected
    from bookroom_desk.services.catalogue import record_pool
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.upkeep.backups import before_bulk

    table = record_pool.read_catalogue_export(args.file)  # read before the write begins
    db = open_db(args)
    try:
        with db.write() as session:
            before_bulk(session, "import")
            result = record_pool.load_export_table(session, table, actor=OPERATOR, source=args.source)
    except ImportRejected as exc:
        return report_rejected(exc, args.json)
    if args.json:
        print_json({"ok": True, **result.as_dict()})
    else:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("pool_cli", "已载入“{source}”：{rows} 条，新增 {added} 条，"
                                                              "书目库已有 {duplicates} 条。"))
              .format(source=result.source, rows=result.rows, added=result.added, duplicates=result.duplicates))
    return 0


def run_lookup(args) -> int:
    from bookroom_desk.services.catalogue import record_pool
    from bookroom_desk.services.common.isbn import normalize_isbn

    db = open_db(args)
    with db.read() as session:
        candidates = record_pool.lookup(session, args.isbn)
        publisher = None if candidates else record_pool.publisher_for(session, args.isbn)
    if args.json:
        print_json({"isbn": normalize_isbn(args.isbn), "candidates": [c.as_dict() for c in candidates],
                    "publisher": publisher})
        return 0
    if not candidates:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("pool_cli", "书目库和本书屋都没有这个ISBN。")))
        if publisher:
            print(translate(CONTEXT, QT_TRANSLATE_NOOP("pool_cli", "按ISBN的出版者前缀，出版社可能是“{publisher}”。"))
                  .format(publisher=publisher))
        return 0
    room = translate(CONTEXT, QT_TRANSLATE_NOOP("pool_cli", "本书屋"))
    for c in candidates:
        where = f"{room} {c.call_number}".strip() if c.origin == record_pool.ROOM else c.source
        print("\t".join((c.title, c.author, c.publisher, str(c.pub_year or ""),
                         "" if c.price is None else f"{c.price:.2f}", c.clc, c.next_call_number, where)))
    return 0


def run_stats(args) -> int:
    from bookroom_desk.services.catalogue import record_pool

    db = open_db(args)
    with db.read() as session:
        stats = record_pool.stats(session)
    if args.json:
        print_json(stats.as_dict())
        return 0
    print(translate(CONTEXT, QT_TRANSLATE_NOOP("pool_cli", "书目库共 {records} 条书目，{isbns} 个ISBN。"))
          .format(records=stats.records, isbns=stats.isbns))
    for source, count, loaded_at in stats.sources:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("pool_cli", "{source}：{count} 条，最近载入 {at}"))
              .format(source=source, count=count, at=f"{loaded_at:%Y-%m-%d %H:%M}" if loaded_at else "-"))
    return 0
