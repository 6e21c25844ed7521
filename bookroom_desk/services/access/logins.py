"""Logging in: the password check, a growing wait after failures, the lock-out, and the hash kept current.

Failures in a row are counted per account (by name or card) in the database, so closing the program
resets nothing. A first typo costs nothing; after the 2nd to 4th failure the account waits 1, 2, 4
seconds, the 5th locks it for 1 minute, the 6th for 5 and every later one for 15, so a 4-digit PIN
takes weeks of guessing instead of minutes. While an account waits, a try is answered with the time left and its password
is not even checked (a right one included). A good log-in clears the count; so does a new password
set by an administrator. Failures and lock-outs go to the audit log, never the secret typed.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import CONTEXT
from bookroom_desk.services.access import passwords
from bookroom_desk.services.common import audit_log, clock
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.store.models_access import Account, LoginThrottle
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

#: Seconds an account waits after its 1st, 2nd... failure in a row; the last figure repeats.
WAITS = (0, 1, 2, 4, 60, 300, 900)
#: From this wait on, it is a lock-out: told in the message and recorded in the audit log.
LOCK_SECONDS = 60

LOGIN_FAILED = QT_TRANSLATE_NOOP("BookroomError", "账户或密码不对，请再试一次。")
LOCKED_NOW = QT_TRANSLATE_NOOP("BookroomError", "账户或密码不对。连续失败 {count} 次，请 {wait}后再试。")
WAIT_FIRST = QT_TRANSLATE_NOOP("BookroomError", "登录失败次数过多，请 {wait}后再试。")
BLANK = QT_TRANSLATE_NOOP("BookroomError", "请输入密码或PIN。")
SECONDS = QT_TRANSLATE_NOOP("BookroomError", "{count} 秒")
MINUTES = QT_TRANSLATE_NOOP("BookroomError", "{count} 分钟")


def wait_after(failures: int) -> int:
    """Seconds to wait after ``failures`` (>= 1) failed log-ins in a row."""
    return WAITS[min(failures, len(WAITS)) - 1]


def describe_wait(seconds: int) -> str:
    """``seconds`` as a volunteer reads it: seconds under a minute, else whole minutes rounded up."""
    if seconds < 60:
        return translate(CONTEXT, SECONDS).format(count=seconds)
    return translate(CONTEXT, MINUTES).format(count=math.ceil(seconds / 60))


@dataclass(frozen=True)
class LoginResult:
    """What a log-in try gave: the account (None if refused), why not, and whether to ask for a new secret."""

    account: Account | None
    #: Seconds before this account's next try is taken (after a failure, or while it waits).
    wait_seconds: int = 0
    #: The failures in a row so far (0 once logged in).
    failures: int = 0
    #: The try was not checked: the account was waiting, or the secret was blank.
    refused_unchecked: bool = False
    blank: bool = False
    #: Logged in with a secret shorter than new ones may be: the window asks to change it.
    weak_secret: bool = False

    @property
    def message(self) -> str:
        """The volunteer's reading of a refusal ("" once logged in)."""
        if self.account is not None:
            return ""
        if self.blank:
            return translate(CONTEXT, BLANK)
        wait = describe_wait(self.wait_seconds)
        if self.refused_unchecked:
            return translate(CONTEXT, WAIT_FIRST).format(wait=wait)
        if self.wait_seconds >= LOCK_SECONDS:
            return translate(CONTEXT, LOCKED_NOW).format(count=self.failures, wait=wait)
        return translate(CONTEXT, LOGIN_FAILED)


def _find(session: Session, who: str) -> Account | None:
    account = session.scalar(select(Account).where(Account.name == who, Account.active.is_(True)))
    if account is None and who:
        account = session.scalar(select(Account).where(Account.card == normalize(who), Account.active.is_(True)))
    return account


def seconds_to_wait(session: Session, account: Account, now: dt.datetime) -> int:
    """Seconds before ``account`` may try again (0: now). A clock set back never makes a wait longer than its rule."""
    throttle = session.get(LoginThrottle, account.id)
    if throttle is None:
        return 0
    left = (throttle.wait_until - now).total_seconds()
    return max(0, min(math.ceil(left), wait_after(throttle.failures)))


def _failed(session: Session, account: Account, now: dt.datetime) -> LoginResult:
    throttle = session.get(LoginThrottle, account.id)
    if throttle is None:
        throttle = LoginThrottle(account_id=account.id, failures=0)
        session.add(throttle)
    throttle.failures += 1
    wait = wait_after(throttle.failures)
    throttle.last_failure_at, throttle.wait_until = now, now + dt.timedelta(seconds=wait)
    audit_log.record(session, "login", f"登录失败：{account.name}", "")
    if wait >= LOCK_SECONDS:
        audit_log.record(session, "login", f"登录锁定：{account.name}，连续失败 {throttle.failures} 次，"
                                           f"{wait // 60} 分钟", "")
    return LoginResult(None, wait_seconds=wait, failures=throttle.failures)


def clear_failures(session: Session, account: Account) -> None:
    """Forget ``account``'s failed log-ins (a good log-in, or a new password)."""
    throttle = session.get(LoginThrottle, account.id)
    if throttle is not None:
        session.delete(throttle)


def authenticate(session: Session, who: str, secret: str) -> LoginResult:
    """Try to log in as the active account named (or whose card is) ``who`` with ``secret``.

    Failures and lock-outs are recorded and counted, so the caller commits whatever the outcome.
    """
    if not secret.strip():
        return LoginResult(None, refused_unchecked=True, blank=True)
    now = clock.now()
    account = _find(session, who.strip())
    if account is not None:
        waiting = seconds_to_wait(session, account, now)
        if waiting:
            return LoginResult(None, wait_seconds=waiting, refused_unchecked=True)
    # Hash even for an unknown name, so the answer takes as long either way.
    ok = passwords.verify_password(secret, account.password_hash if account else passwords.dummy_hash())
    if account is None:
        audit_log.record(session, "login", "登录失败", "")
        return LoginResult(None)
    if not ok:
        return _failed(session, account, now)
    clear_failures(session, account)
    if passwords.needs_rehash(account.password_hash):
        account.password_hash = passwords.hash_password(secret)
    account.last_login_at = now
    audit_log.record(session, "login", "登录", account.name)
    return LoginResult(account, weak_secret=passwords.is_weak(secret))
