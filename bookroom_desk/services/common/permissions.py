"""Who may do what: the two roles, what only an administrator may do, and the one permission check.

With no account the room is a single-user room: everything is allowed. ``require`` is the one
permission check services call. The actor ``actors.OPERATOR`` is the PC's operator (the command
line, or a room without accounts): whoever can run the command line holds the database file anyway;
an empty actor is a caller's bug (ValueError). Accounts themselves (passwords, log-in) are managed
in services/access/accounts.py.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Refused
from bookroom_desk.services.common.actors import OPERATOR, named
from bookroom_desk.store.models_access import Account
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

ADMIN, VOLUNTEER = "admin", "volunteer"
ROLES = {ADMIN: QT_TRANSLATE_NOOP("vocab", "管理员"), VOLUNTEER: QT_TRANSLATE_NOOP("vocab", "志愿者")}

#: What only an administrator may do, named for the refusal message.
PERMISSIONS = {
    "catalogue": QT_TRANSLATE_NOOP("accounts", "修改书目和册"),
    "import": QT_TRANSLATE_NOOP("accounts", "导入清单"),
    "withdraw": QT_TRANSLATE_NOOP("accounts", "剔除、注销或恢复图书"),
    "writeoff": QT_TRANSLATE_NOOP("accounts", "核销盘点缺失的图书"),
    "stocktake": QT_TRANSLATE_NOOP("accounts", "结束盘点并处理结果"),
    "settings": QT_TRANSLATE_NOOP("accounts", "修改书屋设置"),
    "shelves": QT_TRANSLATE_NOOP("accounts", "新增、修改或删除书架"),
    "loan_rules": QT_TRANSLATE_NOOP("accounts", "修改读者类别和借阅规则"),
    "accounts": QT_TRANSLATE_NOOP("accounts", "管理账户"),
    "audit": QT_TRANSLATE_NOOP("accounts", "查看操作记录"),
    "privacy": QT_TRANSLATE_NOOP("accounts", "导出或删除读者个人信息"),
    "restore": QT_TRANSLATE_NOOP("accounts", "恢复备份"),
    "override": QT_TRANSLATE_NOOP("accounts", "放行扫码台拒绝的借书"),
}


def has_accounts(session: Session) -> bool:
    return session.execute(select(func.count(Account.id)).where(Account.active.is_(True))).scalar_one() > 0


def role_of(session: Session, actor: str) -> str:
    """The actor's role: admin for OPERATOR or in a room without accounts; ValueError for no actor ("")."""
    if named(actor) == OPERATOR or not has_accounts(session):
        return ADMIN
    account = session.scalar(select(Account).where(Account.name == actor, Account.active.is_(True)))
    return account.role if account is not None else ""


def require(session: Session, actor: str, permission: str) -> None:
    """Refuse unless ``actor`` may do what ``permission`` (a key of PERMISSIONS) names."""
    role = role_of(session, actor)
    if role == ADMIN:
        return
    if not role:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "账户“{name}”不存在或已停用，请重新登录。"), name=actor)
    raise Refused(QT_TRANSLATE_NOOP("BookroomError", "只有管理员可以{what}。当前登录的“{name}”是志愿者。"),
                  what=_label(PERMISSIONS[permission]), name=actor)


def _label(text: str) -> str:
    return translate("accounts", text)
