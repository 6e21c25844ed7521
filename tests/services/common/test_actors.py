"""Who acts: every service names its actor, OPERATOR is the PC's operator, and no actor at all is a bug."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from sqlalchemy import select

import bookroom_desk.services
from bookroom_desk.errors import InvalidInput, Refused
from bookroom_desk.services.access import accounts, audit
from bookroom_desk.services.catalogue import copies
from bookroom_desk.services.common import audit_log, permissions, settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models_access import AuditEntry
from tests.support.helpers import add_copy

#: The checks of an actor and the audit writer: the actor is what they are about, given by position.
POSITIONAL = {"named", "require", "role_of", "record"}


def _service_functions():
    for found in pkgutil.walk_packages(bookroom_desk.services.__path__, "bookroom_desk.services."):
        module = importlib.import_module(found.name)
        for name, function in vars(module).items():
            if inspect.isfunction(function) and function.__module__ == module.__name__:
                yield f"{module.__name__}.{name}", function


def test_every_service_taking_an_actor_requires_it_by_keyword_with_no_default():
    checked, wrong = 0, []
    for name, function in _service_functions():
        parameter = inspect.signature(function).parameters.get("actor")
        if parameter is None:
            continue
        checked += 1
        if parameter.default is not inspect.Parameter.empty:
            wrong.append(f"{name}: actor has a default")
        short = name.rsplit(".", 1)[1]
        if parameter.kind is not inspect.Parameter.KEYWORD_ONLY and not (short in POSITIONAL or short.startswith("_")):
            wrong.append(f"{name}: actor is not keyword-only")
    assert checked > 40 and not wrong, wrong


def test_no_actor_is_a_bug_not_the_operator(session):
    with pytest.raises(ValueError):
        permissions.role_of(session, "")
    with pytest.raises(ValueError):
        permissions.require(session, "", "settings")
    with pytest.raises(ValueError):
        settings.set_value(session, settings.MINIMUM_VOLUMES, 2000, actor="")
    add_copy(session, "00000001")
    with pytest.raises(ValueError):
        copies.withdraw(session, "00000001", "破损", actor="")
    assert session.scalars(select(AuditEntry)).all() == []


def test_the_operator_has_every_right_once_accounts_exist(session):
    accounts.add_account(session, "老李", permissions.ADMIN, "secret1", actor=OPERATOR)
    accounts.add_account(session, "小王", permissions.VOLUNTEER, "246810", actor=OPERATOR)
    assert permissions.role_of(session, OPERATOR) == permissions.ADMIN
    settings.set_value(session, settings.MINIMUM_VOLUMES, 2000, actor=OPERATOR)
    with pytest.raises(Refused, match="志愿者"):
        settings.set_value(session, settings.MINIMUM_VOLUMES, 1000, actor="小王")
    session.flush()
    rows = [(e.kind, e.actor, e.detail) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert rows == [("account", OPERATOR, "添加账户 老李（admin）"), ("account", OPERATOR, "添加账户 小王（volunteer）"),
                    ("setting", OPERATOR, "minimum_volumes: 3000 → 2000")]


def test_adding_an_account_is_recorded_under_who_added_it(session):
    accounts.add_account(session, "老李", permissions.ADMIN, "secret1", actor=OPERATOR)
    accounts.add_account(session, "小王", permissions.VOLUNTEER, "246810", actor="老李")
    accounts.remove_account(session, "小王", actor="老李")
    session.flush()
    assert [(e.actor, e.detail) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))] == [
        (OPERATOR, "添加账户 老李（admin）"), ("老李", "添加账户 小王（volunteer）"), ("老李", "删除账户 小王")]


@pytest.mark.parametrize("name", [OPERATOR, f"  {OPERATOR} "])
def test_the_operator_name_cannot_be_an_account(session, name):
    with pytest.raises(InvalidInput, match="留给命令行的操作员"):
        accounts.add_account(session, name, permissions.ADMIN, "secret1", actor=OPERATOR)
    assert not permissions.has_accounts(session)


def test_old_entries_without_an_actor_still_show(session):
    audit_log.record(session, "setting", "minimum_volumes: 3000 → 2000", "")  # written before actors were required
    session.flush()
    assert [(line.actor, line.detail) for line in audit.lines(session)] == [("", "minimum_volumes: 3000 → 2000")]


def test_the_operator_is_shown_in_english_where_lists_name_who_did_something(session):
    from bookroom_desk.i18n import install_cli_translator
    from bookroom_desk.services.circulation import reading
    from bookroom_desk.services.common import actors
    from bookroom_desk.services.common.periods import Period

    add_copy(session, "00000001")
    copies.withdraw(session, "00000001", "破损", actor=OPERATOR)
    settings.set_value(session, settings.MINIMUM_VOLUMES, 2000, actor=OPERATOR)
    reading.save_head_count(session, reading.clock.today(), 12, actor=OPERATOR)
    session.flush()
    assert actors.shown(OPERATOR) == OPERATOR == "（操作员）"  # in Chinese, as stored
    install_cli_translator("en")
    assert (actors.shown(OPERATOR), actors.shown("老李"), actors.shown("")) == ("(operator)", "老李", "")
    assert {line.actor for line in audit.all_lines(session)} == {"(operator)"}  # withdrawal, setting, head count
    assert [line.by for line in copies.history(session, "00000001")] == ["(operator)"]
    assert [count.actor for count in reading.head_counts(session, Period.year(2026))] == ["(operator)"]
    assert set(session.scalars(select(AuditEntry.actor))) == {OPERATOR}  # stored as ever
