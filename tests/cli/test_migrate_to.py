"""`bookroom-desk migrate-to URL`: a room copied from its SQLite file into an empty PostgreSQL database."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bookroom_desk.cli import main
from bookroom_desk.services.catalogue import search
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.stocktake import counting
from bookroom_desk.store.database import Database
from bookroom_desk.store.models import Copy, Loan, Title
from bookroom_desk.store.models_stocktake import Stocktake
from tests.support.pg import pg_rooms  # noqa: F401  (fixture)


@pytest.fixture
def empty_pg(pg_rooms):
    url = pg_rooms.create(empty=True)
    yield url
    pg_rooms.drop(url)


@pytest.fixture
def room(tmp_path):
    """A demo room in a SQLite file, with a stocktake under way."""
    path = tmp_path / "room.db"
    assert main(["--db", str(path), "demo", "--volumes", "300", "--readers", "40"]) == 0
    db = Database(f"sqlite:///{path}")
    with db.write() as session:
        st = counting.start(session, actor=OPERATOR)
        counting.scan(session, st.id, "SJ-A01", actor=OPERATOR)
    db.dispose()
    return path


def test_copies_every_row_and_the_copy_counts_and_searches_the_same(room, empty_pg, capsys):
    capsys.readouterr()
    assert main(["--db", str(room), "migrate-to", empty_pg, "--json"]) == 0
    out = capsys.readouterr()
    report = json.loads(out.out)
    assert report["ok"] and report["differing_tables"] == [] and report["differing_stats"] == []
    assert report["tables"]["source"] == report["tables"]["target"]
    assert report["tables"]["source"]["copies"] >= 300 and report["tables"]["source"]["loans"] > 0
    assert report["stats"]["source"] == report["stats"]["target"]
    assert "pg_dump" in out.err  # says who backs the server up

    source, target = Database(f"sqlite:///{room}"), Database(empty_pg)
    try:
        with source.read() as a, target.read() as b:
            assert a.scalars(select(Copy.barcode).order_by(Copy.id)).all() == b.scalars(
                select(Copy.barcode).order_by(Copy.id)).all()
            word = a.scalars(select(Title.title).order_by(Title.id)).first()[:2]
            for query in (word, "9787", "a"):
                assert search.matching_ids(a, query, limit=None) == search.matching_ids(b, query, limit=None)
            assert counting.open_stocktake(b) is not None
        with target.write() as session:  # ids go on after the copied ones
            loan = session.scalars(select(Loan)).first()
            session.add(Loan(copy_id=loan.copy_id, reader_id=loan.reader_id, out_at=loan.out_at,
                             due_on=loan.due_on, returned_at=loan.out_at, renewals=0, lent_by="", returned_by=""))
            session.add(Stocktake(name="", all_shelves=True, started_at=loan.out_at, started_by="",
                                  finished_at=loan.out_at, finished_by="", summary="", notes=""))
            session.flush()
    finally:
        source.dispose()
        target.dispose()

    assert main(["--db", empty_pg, "stats", "--json"]) == 0  # the desks can use it at once
    assert json.loads(capsys.readouterr().out) == report["stats"]["target"]


def test_refuses_a_database_that_is_not_empty(room, pg_rooms, capsys):
    url = pg_rooms.create()  # a room already
    try:
        assert main(["--db", str(room), "migrate-to", url]) == 1
        assert "不是空的" in capsys.readouterr().err
    finally:
        pg_rooms.drop(url)


def test_plain_output_lists_every_table_on_both_sides(room, empty_pg, capsys):
    capsys.readouterr()
    assert main(["--db", str(room), "migrate-to", empty_pg]) == 0
    out = capsys.readouterr()
    lines = dict((line.split("\t")[0], line.split("\t")[1:]) for line in out.out.splitlines()[1:])
    assert lines["copies"][0] == lines["copies"][1] and int(lines["copies"][0]) >= 300
    assert "行数一致" in out.err and "pg_dump" in out.err


def test_a_copy_the_server_refuses_leaves_the_target_empty(room, empty_pg, capsys):
    import sqlite3

    with sqlite3.connect(room) as connection:  # SQLite keeps what PostgreSQL's VARCHAR(100) refuses
        connection.execute("UPDATE shelves SET name = ? WHERE id = (SELECT min(id) FROM shelves)", ("架" * 150,))
    capsys.readouterr()
    assert main(["--db", str(room), "migrate-to", empty_pg]) == 1
    assert "仍是空的" in capsys.readouterr().err
    target = Database(empty_pg)
    try:
        from sqlalchemy import inspect

        assert inspect(target.engine).get_table_names() == []
    finally:
        target.dispose()


def test_check_on_the_server_runs_the_rooms_rules_and_leaves_storage_to_the_server(room, empty_pg, capsys):
    assert main(["--db", str(room), "migrate-to", empty_pg]) == 0
    capsys.readouterr()
    assert main(["--db", empty_pg, "check"]) == 0
    out = capsys.readouterr().out
    assert "书屋规则检查都通过" in out and "SQLite" not in out
