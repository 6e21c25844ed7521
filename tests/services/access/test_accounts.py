"""Accounts: scrypt hashes, the first administrator, log-in by name or card, roles enforced in services."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.errors import Conflict, InvalidInput, NotFound, Refused
from bookroom_desk.services.access import accounts, logins, passwords
from bookroom_desk.services.catalogue import copies, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common import permissions, settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.roomwork import profile
from bookroom_desk.services.stocktake.finish import write_off
from bookroom_desk.store.models_access import Account, AuditEntry
from tests.support.helpers import add_copy


def test_a_password_is_stored_as_a_salted_scrypt_hash_with_its_parameters():
    first, second = passwords.hash_password("1234"), passwords.hash_password("1234")
    assert first != second  # salted
    scheme, n, r, p, salt, key = first.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", passwords.SCRYPT_N, 8, 1)
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(key)) == 32
    assert "1234" not in first
    assert passwords.verify_password("1234", first)
    assert not passwords.verify_password("1235", first)
    assert not passwords.verify_password("1234", "garbage")


@hyp_settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=4, max_size=30), st.text(min_size=1, max_size=30))
def test_any_password_verifies_and_no_other_does(secret, other):
    stored = passwords.hash_password(secret)
    assert passwords.verify_password(secret, stored)
    assert passwords.verify_password(other, stored) == (other == secret)


def test_without_accounts_everyone_is_the_administrator(session):
    assert not permissions.has_accounts(session)
    assert permissions.role_of(session, OPERATOR) == permissions.ADMIN
    assert permissions.role_of(session, "anyone") == permissions.ADMIN
    permissions.require(session, "anyone", "settings")


def test_the_first_account_must_be_an_administrator(session):
    with pytest.raises(Refused, match="第一个账户必须是管理员"):
        accounts.add_account(session, "小王", permissions.VOLUNTEER, "1234", actor=OPERATOR)
    accounts.add_account(session, "老李", permissions.ADMIN, "secret1", actor=OPERATOR)
    assert permissions.has_accounts(session)
    assert [(a.name, a.role) for a in accounts.list_accounts(session)] == [("老李", "admin")]


def _two_accounts(session):
    accounts.add_account(session, "老李", permissions.ADMIN, "secret1", actor=OPERATOR)
    accounts.add_account(session, "小王", permissions.VOLUNTEER, "246810", card="v0001", actor="老李")


def test_only_an_administrator_adds_accounts_and_names_and_cards_are_unique(session):
    _two_accounts(session)
    with pytest.raises(Refused, match="只有管理员可以管理账户"):
        accounts.add_account(session, "小张", permissions.VOLUNTEER, "135790", actor="小王")
    with pytest.raises(Conflict):
        accounts.add_account(session, "老李", permissions.VOLUNTEER, "135790", actor="老李")
    with pytest.raises(Conflict, match="V0001"):
        accounts.add_account(session, "小张", permissions.VOLUNTEER, "135790", card="V0001", actor="老李")
    with pytest.raises(InvalidInput, match="至少要有 6 位"):
        accounts.add_account(session, "小张", permissions.VOLUNTEER, "12345", actor="老李")
    with pytest.raises(InvalidInput):
        accounts.add_account(session, "小张", "boss", "1234", actor="老李")
    with pytest.raises(Refused, match="不存在或已停用"):
        accounts.add_account(session, "小张", permissions.VOLUNTEER, "135790", actor="陌生人")


def test_log_in_by_name_or_by_card_and_every_try_is_recorded_without_the_secret(session):
    _two_accounts(session)
    assert logins.authenticate(session, "小王", "246810").account.name == "小王"
    assert logins.authenticate(session, " ｖ0001 ", "246810").account.name == "小王"  # a scanned card, full-width
    assert logins.authenticate(session, "小王", "wrong").account is None
    assert logins.authenticate(session, "nobody", "246810").account is None
    session.flush()
    entries = session.scalars(select(AuditEntry).where(AuditEntry.kind == "login").order_by(AuditEntry.id)).all()
    assert [(e.actor, e.detail) for e in entries] == [("小王", "登录"), ("小王", "登录"), ("", "登录失败：小王"),
                                                      ("", "登录失败")]
    details = " ".join(e.detail for e in session.scalars(select(AuditEntry)))
    assert "246810" not in details and "wrong" not in details
    assert session.scalar(select(Account.last_login_at).where(Account.name == "小王")) is not None


def test_the_last_administrator_cannot_be_removed_or_demoted(session):
    _two_accounts(session)
    with pytest.raises(Refused, match="最后一个管理员"):
        accounts.remove_account(session, "老李", actor="老李")
    with pytest.raises(Refused, match="最后一个管理员"):
        accounts.update_account(session, "老李", role=permissions.VOLUNTEER, actor="老李")
    accounts.remove_account(session, "小王", actor="老李")
    with pytest.raises(NotFound):
        accounts.remove_account(session, "小王", actor="老李")
    assert [a.name for a in accounts.list_accounts(session)] == ["老李"]


def test_a_volunteer_changes_only_their_own_password(session):
    _two_accounts(session)
    accounts.update_account(session, "小王", secret="999999", actor="小王")
    assert logins.authenticate(session, "小王", "999999").account is not None
    with pytest.raises(Refused):
        accounts.update_account(session, "老李", secret="999999", actor="小王")
    with pytest.raises(Refused):
        accounts.update_account(session, "小王", role=permissions.ADMIN, actor="小王")


def test_services_refuse_a_volunteer_what_only_administrators_do(session):
    _two_accounts(session)
    copy = add_copy(session, "00000001")
    cases = [
        lambda actor: titles.create_title(session, TitleData(title="新书"), actor=actor),
        lambda actor: copies.withdraw(session, "00000001", "破损", actor=actor),
        lambda actor: profile.update_profile(session, name="书屋", actor=actor),
        lambda actor: write_off(session, [copy.id], actor=actor),
    ]
    for case in cases:
        with pytest.raises(Refused, match="只有管理员可以.*当前登录的“小王”是志愿者"):
            case("小王")
    assert copy.status == "available"
    copies.withdraw(session, "00000001", "破损", actor="老李")
    assert copy.status == "withdrawn"
    # Desk work stays open to volunteers.
    copies.reinstate(session, "00000001", actor="老李")
    copies.send_to_repair(session, "00000001", "脱页", actor="小王")


def test_a_changed_setting_is_recorded_with_who_and_the_old_and_new_value(session):
    settings.set_value(session, settings.MINIMUM_VOLUMES, 3000, actor="老李")  # unchanged: nothing recorded
    settings.set_value(session, settings.MINIMUM_VOLUMES, 2000, actor="老李")
    profile.update_profile(session, name="机务段书屋", seats=20, actor="老李")
    session.flush()
    rows = [(e.kind, e.actor, e.detail) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert rows == [("setting", "老李", "minimum_volumes: 3000 → 2000"), ("setting", "老李", "书屋信息：name, seats")]
