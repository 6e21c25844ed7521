"""`bookroom-desk stocktake load`: the same data collector's file twice is refused unless --again, saying so."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from bookroom_desk.cli import main
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models_stocktake import StocktakeFile, StocktakeScan
from tests.support.stocktake_room import SCANS, build_room


@pytest.fixture
def room(db_path):
    database = open_database(f"sqlite:///{db_path}")
    with database.write() as session:
        build_room(session)
    database.dispose()
    return db_path


@pytest.fixture
def scans(tmp_path):
    path = tmp_path / "pdc.txt"
    path.write_text("\n".join(SCANS) + "\n", encoding="utf-8")
    return path


def _counts(db_path):
    database = open_database(f"sqlite:///{db_path}")
    try:
        with database.read() as session:
            return (session.scalar(select(func.count()).select_from(StocktakeScan)),
                    session.scalar(select(func.count()).select_from(StocktakeFile)))
    finally:
        database.dispose()


def test_the_same_file_twice_is_refused_and_the_refusal_explains_again(room, scans, capsys):
    assert main(["--db", str(room), "stocktake", "load", str(scans)]) == 0
    capsys.readouterr()
    assert main(["--db", str(room), "stocktake", "load", str(scans)]) == 1
    err = capsys.readouterr().err
    assert "载入过这次盘点" in err and "pdc.txt" in err and "--again" in err
    assert _counts(room) == (len(SCANS), 1)
    assert main(["--lang", "en", "--db", str(room), "stocktake", "load", str(scans)]) == 1
    err = capsys.readouterr().err
    assert "already loaded" in err and "--again" in err and "载入过" not in err  # the operator is named as recorded
    assert main(["--db", str(room), "stocktake", "load", str(scans), "--json"]) == 1
    answer = json.loads(capsys.readouterr().out)
    assert answer["ok"] is False and answer["loaded_before"] and "pdc.txt" in answer["message"]


def test_again_loads_it_once_more(room, scans, capsys):
    assert main(["--db", str(room), "stocktake", "load", str(scans)]) == 0
    assert main(["--db", str(room), "stocktake", "load", str(scans), "--again"]) == 0
    assert f"载入 {len(SCANS)} 条扫描" in capsys.readouterr().out
    assert _counts(room) == (2 * len(SCANS), 2)
