"""Librarian accounts: optional log-in, two roles, passwords kept only as salted scrypt hashes.

With no account the room is a single-user room: nobody logs in and everything is allowed. Once
an account exists, the program asks for a log-in and the role decides what may be done:

- volunteer (志愿者): circulation, stocktake scanning, readers, room work;
- admin (管理员): besides, catalogue edits, imports, withdrawals, stocktake write-off, room
  settings, accounts, the audit log, privacy (anonymise, reader export and erasure), restore.

The roles and the one permission check services call (``require``) live in
services/common/permissions.py. The actor ``actors.OPERATOR`` is the PC's operator (the command line,
or a room without accounts): whoever can run the command line holds the database file anyway. The GUI
acts as the account logged in once accounts exist: it opens locked until someone logs in. An empty
actor is a caller's bug (ValueError), never the operator.

Passwords are kept only as salted scrypt hashes (services/access/passwords.py); logging in, with its
growing wait and lock-out after failures, is services/access/logins.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.access import logins, passwords
from bookroom_desk.services.common import audit_log, clock, settings
from bookroom_desk.services.common.actors import OPERATOR, named
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.services.common.permissions import ADMIN, ROLES, has_accounts, require
from bookroom_desk.store.models_access import Account
from bookroom_desk.text import QT_TRANSLATE_NOOP

LOCK_MINUTES = settings.declare("lock_idle_minutes", int, 15,
                                QT_TRANSLATE_NOOP("settings", "无操作多久后锁定（分钟，0 = 不自动锁定）"))

NAME_MAX = 64


# --- accounts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountLine:
    """An account as lists show it (never its hash)."""

    id: int
    name: str
    role: str
    card: str
    active: bool
    last_login_at: object


def list_accounts(session: Session) -> list[AccountLine]:
    rows = session.scalars(select(Account).order_by(Account.role, Account.name))
    return [AccountLine(a.id, a.name, a.role, a.card or "", a.active, a.last_login_at) for a in rows]


def get_account(session: Session, name: str) -> Account:
    account = session.scalar(select(Account).where(Account.name == name.strip()))
    if account is None:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "没有名为“{name}”的账户。"), name=name.strip())
    return account


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > NAME_MAX:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "账户名不能为空，最多 {count} 个字。"), count=NAME_MAX)
    if name == OPERATOR:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{name}”留给命令行的操作员，不能用作账户名。"), name=name)
    return name


def _clean_card(session: Session, card: str, account_id: int | None) -> str | None:
    card = normalize(card or "")
    if not card:
        return None
    clash = session.scalar(select(Account).where(Account.card == card))
    if clash is not None and clash.id != account_id:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "证号“{card}”已关联账户“{name}”。"), card=card, name=clash.name)
    return card


def add_account(session: Session, name: str, role: str, secret: str, *, card: str = "", actor: str) -> Account:
    """Create an account; the first one must be an administrator (so someone can manage the rest)."""
    if has_accounts(session):
        require(session, actor, "accounts")
    elif role != ADMIN:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "第一个账户必须是管理员。"))
    if role not in ROLES:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "角色应为 admin（管理员）或 volunteer（志愿者）。"))
    name = _clean_name(name)
    passwords.check_new_secret(secret)
    if session.scalar(select(Account).where(Account.name == name)) is not None:
        raise Conflict(QT_TRANSLATE_NOOP("BookroomError", "已有名为“{name}”的账户。"), name=name)
    account = Account(name=name, role=role, password_hash=passwords.hash_password(secret), card=_clean_card(session, card, None),
                      active=True, created_at=clock.now())
    session.add(account)
    session.flush()
    audit_log.record(session, "account", f"添加账户 {name}（{role}）", named(actor))
    return account


def _admins(session: Session) -> int:
    return session.execute(select(func.count(Account.id))
                           .where(Account.role == ADMIN, Account.active.is_(True))).scalar_one()


def remove_account(session: Session, name: str, *, actor: str) -> None:
    """Delete an account; the last administrator stays (otherwise nobody could manage the room)."""
    require(session, actor, "accounts")
    account = get_account(session, name)
    if account.role == ADMIN and account.active and _admins(session) <= 1:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "“{name}”是最后一个管理员，不能删除。"), name=account.name)
    session.delete(account)
    audit_log.record(session, "account", f"删除账户 {account.name}", actor)


def update_account(session: Session, name: str, *, role: str | None = None, card: str | None = None,
                   secret: str | None = None, actor: str) -> Account:
    """Change an account's role, card or password; an account may change its own password."""
    account = get_account(session, name)
    if not (secret is not None and role is None and card is None and actor == account.name):
        require(session, actor, "accounts")
    changes = []
    if role is not None and role != account.role:
        if role not in ROLES:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "角色应为 admin（管理员）或 volunteer（志愿者）。"))
        if account.role == ADMIN and _admins(session) <= 1:
            raise Refused(QT_TRANSLATE_NOOP("BookroomError", "“{name}”是最后一个管理员，不能改为志愿者。"), name=account.name)
        account.role = role
        changes.append(f"角色 {role}")
    if card is not None:
        account.card = _clean_card(session, card, account.id)
        changes.append("证号")
    if secret is not None:
        passwords.check_new_secret(secret)
        account.password_hash = passwords.hash_password(secret)
        logins.clear_failures(session, account)  # an administrator's new password lifts a lock-out
        changes.append("密码")
    audit_log.record(session, "account", f"修改账户 {account.name}：{'、'.join(changes)}", actor)
    return account


# --- locking ------------------------------------------------------------------------------------


def lock_minutes(session: Session) -> int:
    return max(0, int(settings.get(session, LOCK_MINUTES)))
