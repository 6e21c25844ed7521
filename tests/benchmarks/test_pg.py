"""The PostgreSQL benchmarks' plain-psycopg floors do to a room what the program's check-out and check-in do."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from benchmarks import pg, run
from bookroom_desk.services.catalogue import copies as copy_service
from bookroom_desk.services.circulation import desk
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Copy, Loan
from tests.support.desk_room import small_room
from tests.support.pg import pg_rooms, pg_url  # noqa: F401  (fixtures)


def _state(db, barcode: str) -> tuple:
    """What a lending left behind: the copy's status, and its loans (reader, loan days, returned or not)."""
    with db.read() as session:
        copy = session.scalar(select(Copy).where(Copy.barcode == barcode))
        loans = session.scalars(select(Loan).where(Loan.copy_id == copy.id)).all()
        return copy.status, [(loan.reader_id, (loan.due_on - loan.out_at.date()).days, loan.returned_at is not None,
                              loan.renewals) for loan in loans]


def test_the_floors_lend_and_return_as_the_service_does(pg_url):
    db = open_database(pg_url)
    try:
        with db.write() as session:
            room = small_room(session)
        con = pg.connect_floor(pg_url)
        try:
            with db.write() as session:
                assert desk.scan(session, "00000004", room.zhang, actor=OPERATOR).action == "lent"
            pg.floor_check_out(con, room.zhang, "00000005")
            lent = _state(db, "00000004")
            assert lent[0] == "on_loan" and len(lent[1]) == 1 and not lent[1][0][2]
            assert _state(db, "00000005") == lent

            with db.write() as session:
                assert desk.scan(session, "00000004", None, actor=OPERATOR).action == "returned"
            pg.floor_check_in(con, "00000005")
            back = _state(db, "00000004")
            assert back[0] == "available" and back[1][0][2]
            assert _state(db, "00000005") == back

            with db.read() as session:
                copy = copy_service.get_copy(session, "00000006")
                found = (copy.id, copy.status, copy.shelf_id, copy.title.title, copy.title.call_number)
            assert pg.floor_lookup(con, "00000006") == found
        finally:
            con.close()
    finally:
        db.dispose()


def test_plain_connections_take_sqlite_placeholders_and_replay_reads(pg_url, tmp_path):
    db = open_database(pg_url)
    try:
        with db.write() as session:
            small_room(session)
    finally:
        db.dispose()
    con = pg.plain(pg_url)
    try:
        assert con.execute("SELECT barcode FROM copies WHERE barcode > ? ORDER BY id LIMIT ?",
                           ("00000007", 5)).fetchall() == [("00000008",), ("00000009",)]
    finally:
        con.close()
    statements = [("SELECT count(*) FROM copies WHERE barcode > %(b)s", {"b": "00000007"}),
                  ("UPDATE copies SET notes = 'x'", {})]  # only reads are replayed
    assert len(pg.plain_floor(pg_url, statements, 2)) == 2
    assert pg.url_of(tmp_path / "room.db") == f"sqlite:///{tmp_path / 'room.db'}"
    assert pg.url_of(pg_url) == pg_url


def test_only_the_groups_that_run_on_postgresql_are_accepted(capsys):
    with pytest.raises(SystemExit):
        run.main(["--db", "postgresql", "--only", "desk,launch", "--data", "/nonexistent/room.db"])
    assert "desk, search, stocktake, returns" in capsys.readouterr().err
