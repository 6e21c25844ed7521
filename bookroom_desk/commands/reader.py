"""`bookroom-desk reader export|erase CARD`: a reader's data on request; `reader lost CARD BARCODE`: a book the reader
lost, and how it was settled (acts as the PC's operator)."""

from __future__ import annotations

from pathlib import Path

from bookroom_desk.commands.common import open_db, output_path, print_json
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "reader_cli"


def register(subparsers) -> None:
    parser = subparsers.add_parser("reader", help="读者个人信息：导出或删除；登记遗失 a reader's data, a lost book")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="导出读者的登记信息和借阅记录（JSON）")
    export.add_argument("card", metavar="CARD")
    export.add_argument("-o", "--output", type=Path, help="写入的 JSON 文件（默认输出到屏幕）")
    export.set_defaults(func=run_export)
    erase = actions.add_parser("erase", help="删除读者的个人信息（借阅记录匿名化，统计数字不变）")
    erase.add_argument("card", metavar="CARD")
    erase.set_defaults(func=run_erase)
    lost = actions.add_parser("lost", help="读者遗失在借的书：以书赔书、照价赔偿或免赔（不收罚款）")
    lost.add_argument("card", metavar="CARD")
    lost.add_argument("barcode", metavar="BARCODE")
    lost.add_argument("--settled", required=True, choices=("replaced", "paid", "waived"),
                      help="replaced 以书赔书 | paid 照价赔偿 | waived 免赔")
    lost.add_argument("--new-barcode", help="以书赔书：赔来的新书的条码（作为同一书目的新一册入藏）")
    lost.add_argument("--amount", help="照价赔偿的金额（默认为这一册的价格）")
    lost.set_defaults(func=run_lost)


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


def run_lost(args) -> int:
    from bookroom_desk.services.circulation import losses
    from bookroom_desk.services.common.actors import OPERATOR

    db = open_db(args)
    with db.write() as session:
        loan_id = losses.loan_of(session, args.card, args.barcode)
        done = losses.report_lost(session, loan_id, args.settled, amount=args.amount, new_barcode=args.new_barcode,
                                  actor=OPERATOR)
    how = losses.label(done.settled)
    if done.settled == losses.PAID:
        how = translate(CONTEXT, QT_TRANSLATE_NOOP("reader_cli", "{how} {amount} 元")).format(how=how, amount=done.amount)
    elif done.settled == losses.REPLACED:
        how = translate(CONTEXT, QT_TRANSLATE_NOOP("reader_cli", "{how}，新书 {barcode} 已入藏")).format(
            how=how, barcode=done.new_barcode)
    print(translate(CONTEXT, QT_TRANSLATE_NOOP("reader_cli", "《{title}》（{barcode}）已登记遗失：{how}。"))
          .format(title=done.title, barcode=done.barcode, how=how))
    return 0
