"""`bookroom-desk accounts` and `bookroom-desk reader`: accounts, a reader's data exported and erased."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import select

from bookroom_desk.cli import main
from bookroom_desk.services.access import passwords
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Reader
from bookroom_desk.store.models_access import Account, AuditEntry
from tests.support.helpers import add_reader


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "room.db"
    db = open_database(f"sqlite:///{path}")
    with db.write() as session:
        add_reader(session, "R000001", "张伟")
    db.dispose()
    return path


def _run(db_file, *argv, stdin="", monkeypatch=None):
    if monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--db", str(db_file), *argv])


def test_accounts_added_listed_and_removed_with_the_password_from_stdin(db_file, capsys, monkeypatch):
    assert _run(db_file, "accounts", "list") == 0
    assert "没有账户" in capsys.readouterr().out
    assert _run(db_file, "accounts", "add", "老李", "--role", "admin", stdin="secret1\n", monkeypatch=monkeypatch) == 0
    assert "已添加账户“老李”（管理员）" in capsys.readouterr().out
    assert _run(db_file, "accounts", "add", "小王", "--role", "volunteer", "--card", "v1",
                stdin="246810\n", monkeypatch=monkeypatch) == 0
    capsys.readouterr()
    assert _run(db_file, "accounts", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["name"], a["role"], a["card"]) for a in listed] == [("老李", "admin", ""), ("小王", "volunteer", "V1")]
    db = open_database(f"sqlite:///{db_file}")
    with db.read() as session:
        stored = session.scalar(select(Account.password_hash).where(Account.name == "小王"))
        assert passwords.verify_password("246810", stored) and "246810" not in stored
    db.dispose()
    assert _run(db_file, "accounts", "remove", "老李") == 1
    assert "最后一个管理员" in capsys.readouterr().err
    assert _run(db_file, "accounts", "remove", "小王") == 0
    assert _run(db_file, "accounts", "add", "小张", "--role", "volunteer", stdin="12345\n", monkeypatch=monkeypatch) == 1
    assert "至少要有 6 位" in capsys.readouterr().err


def test_the_command_line_records_its_operator_in_the_audit_log(db_file, capsys, monkeypatch):
    assert _run(db_file, "accounts", "add", "老李", "--role", "admin", stdin="secret1\n", monkeypatch=monkeypatch) == 0
    assert _run(db_file, "accounts", "add", "小王", "--role", "volunteer", stdin="246810\n", monkeypatch=monkeypatch) == 0
    assert _run(db_file, "accounts", "remove", "小王") == 0
    assert _run(db_file, "accounts", "add", OPERATOR, "--role", "volunteer", stdin="246810\n", monkeypatch=monkeypatch) == 1
    assert "留给命令行的操作员" in capsys.readouterr().err
    db = open_database(f"sqlite:///{db_file}")
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.kind == "account").order_by(AuditEntry.id))
        assert [(e.actor, e.detail) for e in entries] == [
            (OPERATOR, "添加账户 老李（admin）"), (OPERATOR, "添加账户 小王（volunteer）"), (OPERATOR, "删除账户 小王")]
    db.dispose()


def test_the_first_account_must_be_an_administrator(db_file, capsys, monkeypatch):
    assert _run(db_file, "accounts", "add", "小王", "--role", "volunteer", stdin="246810\n", monkeypatch=monkeypatch) == 1
    assert "第一个账户必须是管理员" in capsys.readouterr().err


def test_a_reader_exported_then_erased(db_file, tmp_path, capsys):
    assert _run(db_file, "reader", "export", "r000001") == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["card"], data["name"], data["loans"]) == ("R000001", "张伟", [])
    assert _run(db_file, "reader", "export", "R000001", "-o", str(tmp_path / "r.json")) == 0
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["name"] == "张伟"
    capsys.readouterr()
    assert _run(db_file, "reader", "erase", "R000001") == 0
    assert "已删除读者证 R000001 的个人信息，0 笔借阅记录已匿名化" in capsys.readouterr().out
    db = open_database(f"sqlite:///{db_file}")
    with db.read() as session:
        assert session.scalars(select(Reader.name)).all() == [""]
    db.dispose()
    assert _run(db_file, "reader", "erase", "R000001") == 1
    assert "未登记" in capsys.readouterr().err
