"""`bookroom-desk import-readers FILE`: register a staff roster (.xlsx/.csv) as readers, all rows or none."""

from __future__ import annotations

from bookroom_desk.commands.common import (
    add_again_flag,
    add_json_flag,
    open_db,
    print_json,
    report_rejected,
    report_repeat,
)
from bookroom_desk.errors import ImportRejected
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "import_readers"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-readers", help="导入职工名册为读者 import a staff roster as readers (.xlsx/.csv)",
        description="导入职工名册（列：姓名、工号、部门、手机、类别、读者证号；只有姓名必填）。"
                    "任何一行有问题就不导入，并逐行列出问题。工号相同的读者会被更新。 "
                    "Import a staff roster; nothing is imported when any row is bad.")
    parser.add_argument("file", metavar="FILE", help=".xlsx 或 .csv（UTF-8 或 GBK） the roster file")
    parser.add_argument("--dry-run", action="store_true", help="只检查，不导入 check only, import nothing")
    add_again_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from pathlib import Path

    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.common.repeats import AlreadyImported
    from bookroom_desk.services.readers.roster_import import import_roster
    from bookroom_desk.services.upkeep.backups import before_bulk
    from bookroom_desk.services.xlsx.tabular import read_file_bytes

    data = read_file_bytes(args.file)
    db = open_db(args)
    try:
        with db.write() as session:
            if not args.dry_run:
                before_bulk(session, "import")
            result = import_roster(session, data, file_name=Path(args.file).name, dry_run=args.dry_run,
                                   again=args.again, actor=OPERATOR)
    except ImportRejected as exc:
        return report_rejected(exc, args.json)
    except AlreadyImported as exc:
        return report_repeat(exc, args.json)
    if args.json:
        print_json({"ok": True, **result.as_dict()})
        return 0
    text = (QT_TRANSLATE_NOOP("import_readers", "检查通过（未导入）：{rows} 行，将新增 {added} 位读者、更新 {updated} 位、"
                                                "{unchanged} 位不变，分配 {assigned} 个读者证号。")
            if result.dry_run else
            QT_TRANSLATE_NOOP("import_readers", "已导入 {rows} 行：新增 {added} 位读者，更新 {updated} 位，"
                                                "{unchanged} 位不变，分配了 {assigned} 个读者证号。"))
    print(translate(CONTEXT, text).format(rows=result.rows, added=result.added, updated=result.updated,
                                          unchanged=result.unchanged, assigned=result.cards_assigned))
    return 0
