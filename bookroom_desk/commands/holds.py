"""`bookroom-desk holds add CARD ISBN_OR_BARCODE | list [--json] | cancel ID`: holds (预约) (acts as the PC's operator)."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, open_db, print_json
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "holds_cli"


def register(subparsers) -> None:
    parser = subparsers.add_parser("holds", help="预约：登记、列出、取消 holds: place, list, cancel")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="为读者预约一种书（任一册）")
    add.add_argument("card", metavar="CARD")
    add.add_argument("code", metavar="ISBN_OR_BARCODE")
    add.set_defaults(func=run_add)
    listing = actions.add_parser("list", help="列出预约（先把过了保留期的预约标为过期）")
    add_json_flag(listing)
    listing.set_defaults(func=run_list)
    cancel = actions.add_parser("cancel", help="取消一个预约")
    cancel.add_argument("hold_id", metavar="ID", type=int)
    cancel.set_defaults(func=run_cancel)


def run_add(args) -> int:
    from bookroom_desk.services.circulation import holds
    from bookroom_desk.services.common.actors import OPERATOR

    db = open_db(args)
    with db.write() as session:
        hold = holds.place_by_code(session, args.card, args.code, actor=OPERATOR)
        text = translate(CONTEXT, QT_TRANSLATE_NOOP("holds_cli",
                                                    "已登记预约 {id}：{name}（{card}）预约《{title}》，排第 {position} 位。"))
        print(text.format(id=hold.id, name=hold.reader.name, card=hold.reader.card, title=hold.title.title,
                          position=holds.position(session, hold)))
    return 0


def run_list(args) -> int:
    from bookroom_desk.services.circulation import holds
    from bookroom_desk.services.common.actors import OPERATOR

    db = open_db(args)
    with db.write() as session:  # ready holds past their last day expire first, their copies passed on
        holds.expire(session, actor=OPERATOR)
        lines = holds.list_holds(session)
    if args.json:
        print_json([line.as_json() for line in lines])
        return 0
    if not lines:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("holds_cli", "没有预约。")))
    for line in lines:
        extra = ""
        if line.state == holds.READY:
            extra = translate(CONTEXT, QT_TRANSLATE_NOOP("holds_cli", "图书 {barcode}，保留到 {date}")).format(
                barcode=line.barcode, date=line.expires_on)
        elif line.state == holds.WAITING:
            extra = translate(CONTEXT, QT_TRANSLATE_NOOP("holds_cli", "排第 {position} 位")).format(position=line.position)
        print("\t".join((str(line.id), line.card, line.reader_name, line.title, holds.state_label(line.state), extra)))
    return 0


def run_cancel(args) -> int:
    from bookroom_desk.services.circulation import holds
    from bookroom_desk.services.common.actors import OPERATOR

    db = open_db(args)
    with db.write() as session:
        hold = holds.cancel(session, args.hold_id, actor=OPERATOR)
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("holds_cli", "已取消预约 {id}：{name}（{card}）《{title}》。")).format(
            id=hold.id, name=hold.reader.name, card=hold.reader.card, title=hold.title.title))
    return 0
