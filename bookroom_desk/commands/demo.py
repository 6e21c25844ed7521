"""`bookroom-desk demo`: fill an empty database with a believable reading room."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, open_db, print_json
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate


def _positive(value: str) -> int:
    import argparse

    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(translate("demo", QT_TRANSLATE_NOOP("demo", "必须是正整数")))
    return number


def register(subparsers) -> None:
    parser = subparsers.add_parser("demo", help="在空数据库中建立演示书屋 fill an empty database with a demo room")
    parser.add_argument("--volumes", type=_positive, default=3200, help="册数 volumes (3200)")
    parser.add_argument("--readers", type=_positive, default=300, help="读者数 readers (300)")
    parser.add_argument("--years", type=_positive, default=1, help="借阅历史年数 years of loans (1)")
    parser.add_argument("--seed", type=int, default=1, help="随机种子；同一种子得到同一书屋 seed (1)")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.upkeep.demo import build_demo

    db = open_db(args, create=True)
    with db.write() as session:
        result = build_demo(session, volumes=args.volumes, readers=args.readers, years=args.years, seed=args.seed)
    if args.json:
        print_json(result.__dict__)
    else:
        print(translate("demo", QT_TRANSLATE_NOOP(
            "demo", "演示书屋已建立：{titles} 种 {copies} 册（计入藏书 {volumes} 册），{shelves} 个书架，"
                    "{readers} 位读者，{loans} 笔借阅（在借 {open_loans}，逾期 {overdue}）。")).format(**result.__dict__))
    return 0
