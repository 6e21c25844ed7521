"""`bookroom-desk reader export|erase CARD`: a reader's data on request (acts as the PC's operator)."""

from __future__ import annotations

from pathlib import Path

from bookroom_desk.commands.common import open_db, output_path, print_json
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "reader_cli"


def register(subparsers) -> None:
    parser = subparsers.add_parser("reader", help="读者个人信息：导出或删除 a reader's data: export or erase")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="导出读者的登记信息和借阅记录（JSON）")
    export.add_argument("card", metavar="CARD")
    export.add_argument("-o", "--output", type=Path, help="写入的 JSON 文件（默认输出到屏幕）")
    export.set_defaults(func=run_export)
    erase = actions.add_parser("erase", help="删除读者的个人信息（借阅记录匿名化，统计数字不变）")
    erase.add_argument("card", metavar="CARD")
    erase.set_defaults(func=run_erase)


def run_export(args) -> int:
    from bookroom_desk.services.access import privacy
    from bookroom_desk.services.common.actors import OPERATOR

    output = output_path(args.output, (".json",)) if args.output else None
    db = open_db(args)
    with db.write() as session:  # the export itself is recorded in the audit log
        if output is not None:
            path = privacy.export_reader(session, args.card, output, actor=OPERATOR)
        else:
            data = privacy.reader_data(session, args.card, actor=OPERATOR)
    if output is not None:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("reader_cli", "已写入 {path}")).format(path=path))
    else:
        print_json(data)
    return 0


def run_erase(args) -> int:
    from bookroom_desk.services.access import privacy
    from bookroom_desk.services.common.actors import OPERATOR

    db = open_db(args)
    with db.write() as session:
        count = privacy.erase_reader(session, args.card, actor=OPERATOR)
    print(translate(CONTEXT, QT_TRANSLATE_NOOP("reader_cli", "已删除读者证 {card} 的个人信息，{count} 笔借阅记录已匿名化。"))
          .format(card=normalize(args.card), count=count))
    return 0
