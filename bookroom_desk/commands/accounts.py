"""`bookroom-desk accounts add|list|remove`: librarian accounts from the command line (acts as the PC's operator)."""

from __future__ import annotations

import getpass
import sys

from bookroom_desk.commands.common import add_json_flag, open_db, print_json
from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "accounts"


def register(subparsers) -> None:
    parser = subparsers.add_parser("accounts", help="管理员与志愿者账户 librarian accounts")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="添加账户（密码从终端读取，不回显；非终端时从标准输入读取一行）")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=("admin", "volunteer"), required=True)
    add.add_argument("--card", default="", help="登录时可扫描的证号（可选）")
    add.set_defaults(func=run_add)
    listing = actions.add_parser("list", help="列出账户")
    add_json_flag(listing)
    listing.set_defaults(func=run_list)
    remove = actions.add_parser("remove", help="删除账户（最后一个管理员不能删除）")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=run_remove)


def read_secret() -> str:
    """The password: typed without echo (twice) at a terminal, else the first line of stdin."""
    if sys.stdin.isatty():
        first = getpass.getpass(translate(CONTEXT, QT_TRANSLATE_NOOP("accounts", "密码或PIN：")))
        again = getpass.getpass(translate(CONTEXT, QT_TRANSLATE_NOOP("accounts", "再输入一次：")))
        if first != again:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "两次输入的密码不一致。"))
        return first
    return sys.stdin.readline().rstrip("\r\n")


def run_add(args) -> int:
    from bookroom_desk.services.access import accounts
    from bookroom_desk.services.common import permissions
    from bookroom_desk.services.common.actors import OPERATOR

    secret = read_secret()
    db = open_db(args)
    with db.write() as session:
        account = accounts.add_account(session, args.name, args.role, secret, card=args.card, actor=OPERATOR)
        name, role = account.name, account.role
    print(translate(CONTEXT, QT_TRANSLATE_NOOP("accounts", "已添加账户“{name}”（{role}）。")).format(
        name=name, role=translate("vocab", permissions.ROLES[role])))
    return 0


def run_list(args) -> int:
    from bookroom_desk.services.access import accounts
    from bookroom_desk.services.common import permissions

    db = open_db(args)
    with db.read() as session:
        rows = accounts.list_accounts(session)
    if args.json:
        print_json([{"name": a.name, "role": a.role, "card": a.card, "active": a.active,
                     "last_login_at": a.last_login_at} for a in rows])
        return 0
    if not rows:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP("accounts", "没有账户：程序以单人方式运行，无需登录。")))
    for a in rows:
        print(f"{a.name}\t{translate('vocab', permissions.ROLES[a.role])}\t{a.card or '—'}")
    return 0


def run_remove(args) -> int:
    from bookroom_desk.services.access import accounts
    from bookroom_desk.services.common.actors import OPERATOR

    db = open_db(args)
    with db.write() as session:
        accounts.remove_account(session, args.name, actor=OPERATOR)
    print(translate(CONTEXT, QT_TRANSLATE_NOOP("accounts", "已删除账户“{name}”。")).format(name=args.name.strip()))
    return 0
