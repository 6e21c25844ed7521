"""Log-in throttling, OWASP's scrypt cost with old hashes upgraded, blank and short secrets."""

from __future__ import annotations

import datetime as dt
import runpy

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.access import accounts, logins, passwords
from bookroom_desk.services.common import clock, permissions
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models_access import Account, AuditEntry, LoginThrottle
from tests.conftest import NOW
from tests.support.helpers import add_admin_and_volunteer


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.moment = NOW
        clock.set_clock(lambda: self.moment)

    def advance(self, seconds: float) -> None:
        self.moment += dt.timedelta(seconds=seconds)


@pytest.fixture
def moving_clock():
    return Clock()


def _login_entries(session) -> list[str]:
    session.flush()
    return list(session.scalars(select(AuditEntry.detail).where(AuditEntry.kind == "login").order_by(AuditEntry.id)))


def test_the_real_cost_is_owasps_and_an_old_hash_is_upgraded_at_the_next_log_in(session, monkeypatch):
    real = runpy.run_path(passwords.__file__)  # the module as shipped, before conftest lowered the cost
    assert (real["SCRYPT_N"], real["SCRYPT_R"], real["SCRYPT_P"]) == (2**17, 8, 1)
    monkeypatch.setattr(passwords, "SCRYPT_N", 2**14)
    add_admin_and_volunteer(session)
    old = session.scalar(select(Account.password_hash).where(Account.name == "小王"))
    assert old.startswith("scrypt$16384$8$1$")
    monkeypatch.setattr(passwords, "SCRYPT_N", real["SCRYPT_N"])
    assert passwords.needs_rehash(old)
    assert logins.authenticate(session, "小王", "246810").account is not None
    new = session.scalar(select(Account.password_hash).where(Account.name == "小王"))
    assert new.startswith("scrypt$131072$8$1$") and not passwords.needs_rehash(new)
    assert passwords.verify_password("246810", new)  # maxmem lets N=2**17 through
    assert logins.authenticate(session, "小王", "246810").account.password_hash == new  # not made again


def test_a_stored_hash_asking_for_too_much_memory_is_refused_not_computed():
    crafted = f"scrypt${2**24}$8$1${'00' * 16}${'00' * 32}"
    assert not passwords.verify_password("anything", crafted)
    assert passwords.needs_rehash("not a hash")


def test_failures_make_the_account_wait_longer_then_lock_it_and_a_good_log_in_clears_it(session, moving_clock):
    add_admin_and_volunteer(session)
    assert logins.authenticate(session, "小王", "000001").message == "账户或密码不对，请再试一次。"
    for failures, wait in ((2, 1), (3, 2), (4, 4)):
        failed = logins.authenticate(session, "小王", "000001")  # no wait after the first
        assert (failed.failures, failed.wait_seconds) == (failures, wait)
        early = logins.authenticate(session, "v0001", "246810")  # the right PIN, by card, too early
        assert early.account is None and early.refused_unchecked
        assert early.message == f"登录失败次数过多，请 {wait} 秒后再试。"
        moving_clock.advance(wait)
    locked = logins.authenticate(session, "小王", "000001")
    assert (locked.failures, locked.wait_seconds) == (5, 60)
    assert locked.message == "账户或密码不对。连续失败 5 次，请 1 分钟后再试。"
    moving_clock.advance(59)
    assert logins.authenticate(session, "小王", "246810").message == "登录失败次数过多，请 1 秒后再试。"
    moving_clock.advance(1)
    assert logins.authenticate(session, "小王", "000001").wait_seconds == 300
    moving_clock.advance(300)
    assert logins.authenticate(session, "小王", "000001").message == "账户或密码不对。连续失败 7 次，请 15 分钟后再试。"
    moving_clock.advance(900)
    assert logins.authenticate(session, "小王", "246810").account.name == "小王"
    assert session.get(LoginThrottle, session.scalar(select(Account.id).where(Account.name == "小王"))) is None
    assert logins.authenticate(session, "小王", "000001").wait_seconds == 0  # counting starts again
    entries = _login_entries(session)
    assert entries.count("登录失败：小王") == 8  # tries refused unchecked are not failures
    assert [e for e in entries if e.startswith("登录锁定")] == [
        "登录锁定：小王，连续失败 5 次，1 分钟", "登录锁定：小王，连续失败 6 次，5 分钟",
        "登录锁定：小王，连续失败 7 次，15 分钟"]
    assert entries[-2:] == ["登录", "登录失败：小王"]


def test_an_administrators_new_password_lifts_the_lock_and_accounts_do_not_lock_each_other(session, moving_clock):
    add_admin_and_volunteer(session)
    for _ in range(5):
        logins.authenticate(session, "小王", "000001")
        moving_clock.advance(4)
    assert logins.authenticate(session, "小王", "246810").refused_unchecked
    assert logins.authenticate(session, "老李", "secret1").account is not None  # another account is not held up
    accounts.update_account(session, "小王", secret="135790", actor="老李")
    assert logins.authenticate(session, "小王", "135790").account is not None


def test_the_lock_outlives_a_restart_and_a_clock_set_back_does_not_stretch_it(db_path, moving_clock):
    db = open_database(f"sqlite:///{db_path}")
    with db.write() as session:
        add_admin_and_volunteer(session)
        for _ in range(5):
            logins.authenticate(session, "小王", "000001")
            moving_clock.advance(4)
    db.dispose()
    db = open_database(f"sqlite:///{db_path}")  # the program started again
    try:
        with db.write() as session:
            assert logins.authenticate(session, "小王", "246810").refused_unchecked
            moving_clock.advance(-86_400)  # the PC's clock a day back: still one minute at most
            assert logins.authenticate(session, "小王", "246810").wait_seconds <= 60
    finally:
        db.dispose()


@hyp_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(gaps=st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=40),
       guesses=st.lists(st.text(max_size=8), min_size=1, max_size=40))
def test_a_scripted_attack_gets_its_guesses_checked_no_faster_than_the_waits_allow(session, gaps, guesses):
    """Whatever the timing and the guesses, a try is checked only once the last failure's wait is over."""
    if not permissions.has_accounts(session):
        add_admin_and_volunteer(session)
    account = session.scalar(select(Account).where(Account.name == "小王"))
    logins.clear_failures(session, account)
    session.flush()
    moment, failures, ready_at = NOW, 0, NOW
    clock.set_clock(lambda: moment)
    for gap, guess in zip(gaps, guesses * len(gaps), strict=False):
        moment += dt.timedelta(seconds=gap)
        result = logins.authenticate(session, "小王", guess + "x")  # never the PIN, never blank
        if moment < ready_at:
            assert result.refused_unchecked and result.wait_seconds == (ready_at - moment).total_seconds()
        else:
            failures += 1
            ready_at = moment + dt.timedelta(seconds=logins.wait_after(failures))
            assert not result.refused_unchecked and result.failures == failures
        session.flush()


def test_an_hour_of_scripted_guessing_checks_about_ten_pins(session, moving_clock):
    add_admin_and_volunteer(session)
    checked = 0
    for second in range(3600):
        checked += not logins.authenticate(session, "小王", f"{second:06d}").refused_unchecked
        moving_clock.advance(1)
    assert checked <= 11


def test_blank_secrets_are_refused_and_new_ones_need_six_characters(session):
    add_admin_and_volunteer(session)
    for blank in ("", "      ", "\t \u3000  \n"):
        with pytest.raises(InvalidInput, match="不能是空白"):
            accounts.add_account(session, "小张", permissions.VOLUNTEER, blank, actor="老李")
        with pytest.raises(InvalidInput, match="不能是空白"):
            accounts.update_account(session, "小王", secret=blank, actor="小王")
        result = logins.authenticate(session, "小王", blank)
        assert result.account is None and result.blank and result.message == "请输入密码或PIN。"
    with pytest.raises(InvalidInput, match="至少要有 6 位"):
        accounts.add_account(session, "小张", permissions.VOLUNTEER, " 12345 ", actor="老李")
    with pytest.raises(InvalidInput, match="至少要有 6 位"):
        accounts.update_account(session, "小王", secret="2468", actor="小王")
    assert _login_entries(session) == []  # blank tries are neither checked nor counted
    assert session.scalars(select(LoginThrottle)).all() == []


def test_an_account_with_a_short_old_pin_logs_in_and_is_asked_to_change_it(session):
    accounts.add_account(session, "老李", permissions.ADMIN, "secret1", actor=OPERATOR)
    # Made before PINs needed 6 digits.
    session.add(Account(name="小王", role=permissions.VOLUNTEER, password_hash=passwords.hash_password("2468"),
                        active=True, created_at=NOW))
    session.flush()
    result = logins.authenticate(session, "小王", "2468")
    assert result.account.name == "小王" and result.weak_secret
    accounts.update_account(session, "小王", secret="246810", actor="小王")
    assert not logins.authenticate(session, "小王", "246810").weak_secret
    assert not logins.authenticate(session, "老李", "secret1").weak_secret


def test_removing_an_account_removes_its_failures(session):
    add_admin_and_volunteer(session)
    logins.authenticate(session, "小王", "000001")
    session.flush()
    accounts.remove_account(session, "小王", actor="老李")
    session.flush()
    session.expire_all()
    assert session.scalars(select(LoginThrottle)).all() == []
