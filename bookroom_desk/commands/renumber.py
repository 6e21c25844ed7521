"""`bookroom-desk renumber FROM_CLASS TO_CLASS [--dry-run] [--json]`: 种次号 1, 2, 3 … per class in a class range."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, open_db, print_json
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "renumber_cli"
NOTHING = QT_TRANSLATE_NOOP("renumber_cli", "分类号 {low}–{high}：{unchanged} 种书的索书号已是连续的种次号，没有要改的。")
PLANNED = QT_TRANSLATE_NOOP("renumber_cli",
                            "分类号 {low}–{high}：将改 {titles} 种书（{copies} 册）的索书号，{unchanged} 种不变。")
DONE = QT_TRANSLATE_NOOP("renumber_cli", "已改 {titles} 种书的索书号（改动前已备份）。{copies} 册要换书标，可这样印出：")
DRY = QT_TRANSLATE_NOOP("renumber_cli", "（--dry-run：什么也没有改）")

DESCRIPTION = """\
书屋改了排架方案（如改用种次号、旧账的号码不连续）后，给分类号范围内每一类的书目重新编种次号
1、2、3……：按现在的排架顺序（已在本类编号的在前，其余按编目先后）；共用一个种次号的书（如
I247/12 和 I247/12:2）仍共用新号并保留各自的附加号；别的类手编占用的号跳过。范围的读法同书架
（I2 到 I3 包括 I2xx 和 I3xx）。先列出 旧 → 新；改动前先备份数据库，全部改好或全不改。
Give the titles of each class in the range 种次号 1, 2, 3 … in shelf order, all or nothing.
"""


def register(subparsers) -> None:
    import argparse

    parser = subparsers.add_parser("renumber", help="重编种次号 renumber the call numbers of a class range",
                                   description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("from_class", metavar="FROM_CLASS", help="起始分类号 first class, e.g. I247")
    parser.add_argument("to_class", metavar="TO_CLASS", help="终止分类号 last class, e.g. I247")
    parser.add_argument("--dry-run", action="store_true", help="只列出，不修改 list the changes only")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.catalogue import renumbering
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.upkeep.backups import before_bulk

    db = open_db(args)
    with db.write() as session:
        plan = renumbering.preview(session, args.from_class, args.to_class)
        applied = None
        if plan.changes and not args.dry_run:
            before_bulk(session, "renumber")
            applied = renumbering.apply(session, plan, actor=OPERATOR)
    if args.json:
        print_json({"from": plan.from_class, "to": plan.to_class, "unchanged": plan.unchanged,
                    "applied": applied is not None,
                    "changes": [{"title": c.title, "old": c.old, "new": c.new, "copies": c.copies} for c in plan.changes],
                    "barcodes": list(applied.barcodes) if applied else []})
        return 0
    values = {"low": plan.from_class, "high": plan.to_class, "titles": len(plan.changes), "copies": plan.copies,
              "unchanged": plan.unchanged}
    if not plan.changes:
        print(translate(CONTEXT, NOTHING).format(**values))
        return 0
    print(translate(CONTEXT, PLANNED).format(**values))
    for change in plan.changes:
        print(f"{change.old or '-'}\t→ {change.new}\t{change.title}")
    if applied is None:
        print(translate(CONTEXT, DRY))
    else:
        print(translate(CONTEXT, DONE).format(titles=applied.titles, copies=len(applied.barcodes)))
        if applied.barcodes:
            print("bookroom-desk labels spine --barcodes " + " ".join(applied.barcodes) + " -o spine.pdf")
    return 0
