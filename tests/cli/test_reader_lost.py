"""`bookroom-desk reader lost CARD BARCODE --settled replaced|paid|waived`: a reader's lost book, never a fine."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bookroom_desk.cli import main
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Copy, Loss
from tests.support.desk_room import past_loan, small_room


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "room.db"
    db = open_database(f"sqlite:///{path}")
    with db.write() as session:
        room = small_room(session)
        past_loan(session, "00000001", room.zhang, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    db.dispose()
    return path


def _run(db_file, *argv) -> int:
    return main(["--db", str(db_file), "reader", "lost", *argv])


def _stored(db_file) -> tuple:
    db = open_database(f"sqlite:///{db_file}")
    try:
        with db.read() as session:
            return (session.execute(select(Loss.settled, Loss.amount)).all(),
                    session.execute(select(Copy.barcode, Copy.status).order_by(Copy.barcode)).all())
    finally:
        db.dispose()


def test_paid_at_the_copys_price(db_file, capsys):
    assert _run(db_file, "R000001", "00000001", "--settled", "paid") == 0
    assert "《红楼梦》（00000001）已登记遗失：照价赔偿 20.00 元。" in capsys.readouterr().out
    losses, copies = _stored(db_file)
    assert [(s, str(a)) for s, a in losses] == [("paid", "20.00")] and ("00000001", "lost") in copies


def test_paid_an_amount(db_file, capsys):
    assert _run(db_file, "r000001", "00000001", "--settled", "paid", "--amount", "35.00") == 0
    assert "35.00 元" in capsys.readouterr().out


def test_replaced(db_file, capsys):
    assert _run(db_file, "R000001", "00000001", "--settled", "replaced", "--new-barcode", "00000010") == 0
    assert "新书 00000010 已入藏" in capsys.readouterr().out
    assert ("00000010", "available") in _stored(db_file)[1]


def test_waived(db_file, capsys):
    assert _run(db_file, "R000001", "00000001", "--settled", "waived") == 0
    assert "免赔" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [
    ("R000001", "00000001", "--settled", "replaced", "--new-barcode", "00000002"),  # in use
    ("R000001", "00000001", "--settled", "replaced"),  # no barcode
    ("R000002", "00000001", "--settled", "waived"),  # not their loan
    ("R000001", "00000001", "--settled", "waived", "--amount", "3"),
])
def test_bad_input_is_a_message_and_nothing_stored(db_file, capsys, argv):
    before = _stored(db_file)
    assert _run(db_file, *argv) == 1
    assert capsys.readouterr().err.strip()
    assert _stored(db_file) == before
