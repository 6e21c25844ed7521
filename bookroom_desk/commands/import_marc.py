"""`bookroom-desk import-marc FILE`: import a MARC file (CNMARC or MARC 21; .iso/.mrc/.marc or MARCXML) as a delivery."""

from __future__ import annotations

from pathlib import Path

from bookroom_desk.commands.common import (
    add_again_flag,
    add_json_flag,
    open_db,
    print_json,
    report_rejected,
    report_repeat,
)
from bookroom_desk.commands.import_books import (
    _date,
    _source,
    add_delivery_flags,
    add_match_flags,
    decisions_of,
    report_imported,
    report_unclear,
)
from bookroom_desk.errors import ImportRejected
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "import_marc"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-marc", help="导入 MARC 书目与馆藏 import a MARC file (CNMARC/MARC 21) as a delivery",
        description="导入 CNMARC 或 MARC 21 记录（ISO 2709 的 .iso/.mrc/.marc，或 MARCXML）：每条记录成为书目，"
                    "905 $b 的登录号成为所到的册（条码）。任何一条记录有问题就不导入，并逐条列出问题。 "
                    "Import MARC records with their copies (905 $b); nothing is imported when any record is bad.")
    parser.add_argument("file", metavar="FILE", help=".iso/.mrc/.marc（ISO 2709）或 .xml（MARCXML） the MARC file")
    add_delivery_flags(parser)
    parser.add_argument("--records-only", action="store_true",
                        help="只载入书目库（不建书目和册），供扫 ISBN 时填表 load the records into the record pool only")
    add_match_flags(parser)
    add_again_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.catalogue.import_matches import UndecidedMatches
    from bookroom_desk.services.catalogue.marc_import import import_marc
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.common.repeats import AlreadyImported
    from bookroom_desk.services.upkeep.backups import before_bulk
    from bookroom_desk.services.xlsx.tabular import read_file_bytes

    data = read_file_bytes(args.file)
    if args.records_only:
        return _records_only(args, data)
    source, received_on = _source(args.source), _date(args.date)
    db = open_db(args)
    try:
        with db.write() as session:
            if not args.dry_run:
                before_bulk(session, "import")
            result = import_marc(session, data, file_name=Path(args.file).name, source=source,
                                 supplier=args.supplier, received_on=received_on, dry_run=args.dry_run,
                                 again=args.again, decisions=decisions_of(args), actor=OPERATOR)
    except UndecidedMatches as exc:
        return report_unclear(exc, args.json)
    except ImportRejected as exc:
        return report_rejected(exc, args.json)
    except AlreadyImported as exc:
        return report_repeat(exc, args.json)
    return report_imported(db, args, result, CONTEXT, (
        QT_TRANSLATE_NOOP("import_marc", "检查通过（未导入）：{rows} 条记录，"
                                         "将导入 {titles} 种（其中新书目 {new} 种）、{copies} 册。"),
        QT_TRANSLATE_NOOP("import_marc", "已导入 {rows} 条记录：{titles} 种（其中新书目 {new} 种）、"
                                         "{copies} 册，批次 {batch}。")))

def _records_only(args, data: bytes) -> int:
    """The file's records into the record pool, all or none; no titles or copies are made."""
    from bookroom_desk.services.catalogue.marc_pool import load_marc
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.upkeep.backups import before_bulk

    db = open_db(args)
    try:
        with db.write() as session:
            if not args.dry_run:
                before_bulk(session, "import")
            result = load_marc(session, data, file_name=Path(args.file).name, actor=OPERATOR, dry_run=args.dry_run)
    except ImportRejected as exc:
        return report_rejected(exc, args.json)
    if args.json:
        print_json({"ok": True, "dry_run": args.dry_run, "records": result.rows, "added": result.added,
                    "duplicates": result.duplicates})
        return 0
    text = (QT_TRANSLATE_NOOP("import_marc", "检查通过（未载入）：{rows} 条记录，将载入书目库 {added} 条，"
                                             "{duplicates} 条书目库已有。")
            if args.dry_run else
            QT_TRANSLATE_NOOP("import_marc", "已载入书目库 {added} 条记录（共 {rows} 条，{duplicates} 条书目库已有）。"))
    print(translate(CONTEXT, text).format(rows=result.rows, added=result.added, duplicates=result.duplicates))
    return 0
