"""`bookroom-desk holds add|list|cancel`: holds from the command line, and holds_this_year in stats."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from bookroom_desk.cli import main
from bookroom_desk.services.circulation import desk
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models_holds import Hold
from tests.support.desk_room import ISBN_ONE, past_loan, small_room


@pytest.fixture
def room(db):
    with db.write() as session:
        room = small_room(session)
        past_loan(session, "00000009", room.li, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
        return room


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_and_cancel(db, db_path, room, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "holds", "add", "r000001", ISBN_ONE)
    assert code == 0 and "张伟（R000001）预约《机械制图》，排第 1 位" in out
    assert run(capsys, "--db", str(db_path), "holds", "add", "R000002", "00000002")[0] == 0
    with db.write() as session:  # the copy comes back at the desk: the first hold is ready
        desk.scan(session, "00000009", None, actor=OPERATOR)
    code, out, _ = run(capsys, "--db", str(db_path), "holds", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [(h["id"], h["card"], h["title"], h["state"], h["copy"]) for h in listed] == [
        (1, "R000001", "机械制图", "ready", "00000009"), (2, "R000002", "红楼梦", "waiting", None)]
    code, out, _ = run(capsys, "--db", str(db_path), "holds", "list")
    assert code == 0 and "待取" in out and "00000009" in out and "排第 1 位" in out
    code, out, _ = run(capsys, "--db", str(db_path), "holds", "cancel", "1")
    assert code == 0 and "已取消预约 1" in out
    with db.read() as session:
        assert session.scalar(select(Hold.state).where(Hold.id == 1)) == "cancelled"
    code, out, _ = run(capsys, "--db", str(db_path), "stats", "--json")
    assert json.loads(out)["holds_this_year"] == 2


@pytest.mark.parametrize(("argv", "message"), [
    (("add", "R000004", ISBN_ONE), "赵强已离职，不能预约"),
    (("add", "R000001", "9780000000002"), "找不到要预约的书目"),
    (("cancel", "99"), "找不到编号为 99 的预约"),
])
def test_bad_input_says_why_and_stores_nothing(db, db_path, room, capsys, argv, message):
    code, _, err = run(capsys, "--db", str(db_path), "holds", *argv)
    assert code != 0 and message in err
    with db.read() as session:
        assert session.scalar(select(func.count(Hold.id))) == 0


def test_a_second_hold_on_the_same_title_is_refused(db, db_path, room, capsys):
    assert run(capsys, "--db", str(db_path), "holds", "add", "R000001", ISBN_ONE)[0] == 0
    code, _, err = run(capsys, "--db", str(db_path), "holds", "add", "R000001", "00000009")
    assert code != 0 and "不能重复预约" in err
    with db.read() as session:
        assert session.scalar(select(func.count(Hold.id))) == 1


def test_list_with_none(db_path, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "holds", "list", "--json")
    assert code == 0 and json.loads(out) == []
