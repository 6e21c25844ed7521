"""`bookroom-desk stocktake`: load a data collector's scans into a stocktake, print the results, finish it."""

from __future__ import annotations

import sys

from bookroom_desk.commands.common import add_json_flag, open_db, output_path, print_json
from bookroom_desk.errors import Conflict, ImportRejected
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "stocktake_cli"
LABELS = {
    "expected": QT_TRANSLATE_NOOP("stocktake_cli", "应在架（册）"),
    "scanned": QT_TRANSLATE_NOOP("stocktake_cli", "已扫描（条码）"),
    "verified": QT_TRANSLATE_NOOP("stocktake_cli", "核对无误"),
    "missing": QT_TRANSLATE_NOOP("stocktake_cli", "缺失"),
    "misplaced": QT_TRANSLATE_NOOP("stocktake_cli", "错架"),
    "on_loan_found": QT_TRANSLATE_NOOP("stocktake_cli", "记录借出却在架"),
    "withdrawn_found": QT_TRANSLATE_NOOP("stocktake_cli", "记录剔除或遗失却在架"),
    "unknown": QT_TRANSLATE_NOOP("stocktake_cli", "未知条码"),
    "repeated": QT_TRANSLATE_NOOP("stocktake_cli", "重复扫描"),
}
APPLIED = {
    "checked_in": QT_TRANSLATE_NOOP("stocktake_cli", "已办理归还"),
    "brought_back": QT_TRANSLATE_NOOP("stocktake_cli", "已恢复在架"),
    "marked_missing": QT_TRANSLATE_NOOP("stocktake_cli", "已标记缺失"),
    "moved": QT_TRANSLATE_NOOP("stocktake_cli", "已移架"),
    "to_reshelve": QT_TRANSLATE_NOOP("stocktake_cli", "待归架（未改动）"),
}
LOADED = QT_TRANSLATE_NOOP("stocktake_cli", "盘点 #{id}：从 {file} 载入 {count} 条扫描。")
FINISHED = QT_TRANSLATE_NOOP("stocktake_cli", "盘点 #{id} 已结束。")
REPORT_SAVED = QT_TRANSLATE_NOOP("stocktake_cli", "盘点 #{id} 的报告已保存：{file}")
NO_STOCKTAKE = QT_TRANSLATE_NOOP("BookroomError", "还没有进行过盘点。")
AGAIN_HINT = QT_TRANSLATE_NOOP("stocktake_cli", "如确实要再载入一次，请加上 --again。")
OTHER_SCOPE = QT_TRANSLATE_NOOP(
    "BookroomError", "已有一次盘点（#{id}）正在进行，它的书架范围与 --shelves 不同。请去掉 --shelves 继续它，或先结束它。")

DESCRIPTION = """\
把盘点机（数据采集器）导出的文本文件载入盘点：每行一个条码，书架标签（SJ-…）在前，其后是该书架上的图书。
Load a portable data collector's text file (one code a line; a shelf label SJ-… before the copies on that shelf)
into the open stocktake, or into a new one, and print the result counts.

--finish 应用不会丢失信息的处理（办理归还、恢复找到的图书、标记缺失；错架图书只列出），然后结束盘点。
--finish applies the actions that lose nothing (check-ins, bringing found copies back, marking missing;
misplaced copies are only listed) and closes the stocktake.
"""


def register(subparsers) -> None:
    import argparse

    parser = subparsers.add_parser("stocktake", help="盘点 stocktake: load a data collector's file, finish",
                                   description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = parser.add_subparsers(dest="stocktake_command", metavar="ACTION", required=True)
    load = actions.add_parser("load", help="载入盘点机文件 load a data collector's file",
                              description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    load.add_argument("file", metavar="FILE", help="文本文件，每行一个条码 text file, one code a line")
    load.add_argument("--shelves", metavar="A01,B02",
                      help="新盘点的书架（逗号分隔；默认全部书架） shelves of a new stocktake (default: all)")
    load.add_argument("--finish", action="store_true", help="载入后应用处理并结束盘点 apply and close afterwards")
    load.add_argument("--again", action="store_true",
                      help="同一文件已载入过这次盘点时仍再载入一次 load even when the same file was loaded before")
    add_json_flag(load)
    load.set_defaults(func=run_load)
    report = actions.add_parser("report", help="导出盘点报告 write a stocktake report (.xlsx)")
    report.add_argument("output", metavar="FILE.xlsx", help="要写入的报告 the report to write")
    report.add_argument("--id", type=int, metavar="N", help="盘点编号（默认：最近一次） stocktake number (default: latest)")
    report.set_defaults(func=run_report)


def _scope(session, shelves: str | None):
    from bookroom_desk.services.stocktake import counting

    if shelves is None:
        return None
    return counting.shelves_by_codes(session, [code for code in shelves.replace("，", ",").split(",")])


def run_load(args) -> int:
    from pathlib import Path

    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.stocktake import collector, counting
    from bookroom_desk.services.stocktake.finish import finish
    from bookroom_desk.services.stocktake.results import reconcile
    from bookroom_desk.services.upkeep.backups import before_bulk

    db = open_db(args)
    try:
        with db.write() as session:
            scope = _scope(session, args.shelves)
            current = counting.open_stocktake(session)
            if current is None:
                current = counting.start(session, scope, actor=OPERATOR)
            elif scope is not None and (current.all_shelves or sorted(scope) != sorted(
                    shelf.id for shelf in counting.scope_shelves(session, current))):
                raise Conflict(OTHER_SCOPE, id=current.id)
            summary = collector.load_file(session, current.id, args.file, actor=OPERATOR, again=args.again)
            stocktake_id = current.id
    except collector.FileLoadedBefore as exc:
        if args.json:
            print_json({"ok": False, "loaded_before": exc.file_id, "message": exc.message})
        else:
            print(f"bookroom-desk: {exc.message}", file=sys.stderr)
            print(translate(CONTEXT, AGAIN_HINT), file=sys.stderr)
        return 1
    except ImportRejected as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        raise
    with db.read() as session:
        counts = reconcile(session, counting.get_stocktake(session, stocktake_id)).as_dict()
    applied = None
    if args.finish:
        with db.write() as session:
            before_bulk(session, "stocktake")
            applied = finish(session, stocktake_id, actor=OPERATOR).as_dict()
    if args.json:
        print_json(counts)
        return 0
    print(translate(CONTEXT, LOADED).format(id=stocktake_id, file=Path(args.file).name, count=summary.recorded))
    _print_table(LABELS, counts)
    if applied is not None:
        print()
        _print_table(APPLIED, applied)
        print(translate(CONTEXT, FINISHED).format(id=stocktake_id))
    return 0


def run_report(args) -> int:
    from bookroom_desk.errors import NotFound
    from bookroom_desk.services.stocktake import counting
    from bookroom_desk.services.stocktake.report import write_report

    output = output_path(args.output, (".xlsx",))
    db = open_db(args)
    with db.read() as session:
        stocktake_id = args.id
        if stocktake_id is None:
            past = counting.history(session)
            if not past:
                raise NotFound(NO_STOCKTAKE)
            stocktake_id = past[0].id
        saved = write_report(session, stocktake_id, output)
    print(translate(CONTEXT, REPORT_SAVED).format(id=stocktake_id, file=saved))
    return 0


def _print_table(labels: dict[str, str], values: dict[str, int]) -> None:
    width = max(len(translate(CONTEXT, text)) for text in labels.values())
    for key, text in labels.items():
        print(f"{translate(CONTEXT, text):\u3000<{width}}  {values[key]}")
