"""A data collector's file loaded twice into one stocktake is noticed (by a digest of its lines) and refused unless again."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import Conflict, ImportRejected
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.stocktake import collector
from bookroom_desk.services.stocktake import counting as st_service
from bookroom_desk.store.models_stocktake import StocktakeFile, StocktakeScan
from tests.support.stocktake_room import SCANS, build_room


@pytest.fixture
def room(db):
    with db.write() as session:
        return build_room(session)


@pytest.fixture
def stocktake_id(db, room):
    with db.write() as session:
        return st_service.start(session, [room["A01"], room["A02"]], actor=OPERATOR).id


@pytest.fixture
def scans(tmp_path):
    path = tmp_path / "pdc.txt"
    path.write_text("\n".join(SCANS) + "\n", encoding="utf-8")
    return path


def _scans(db, stocktake_id):
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(StocktakeScan)
                              .where(StocktakeScan.stocktake_id == stocktake_id))


def test_each_file_loaded_is_recorded_with_the_stocktake(db, stocktake_id, scans):
    with db.write() as session:
        collector.load_file(session, stocktake_id, scans, actor="小王")
    with db.read() as session:
        [loaded] = session.scalars(select(StocktakeFile)).all()
    assert (loaded.stocktake_id, loaded.file_name, loaded.scans, loaded.loaded_by) == (
        stocktake_id, "pdc.txt", len(SCANS), "小王")
    assert len(loaded.content_hash) == 64 and loaded.loaded_at is not None


def test_the_same_file_twice_is_refused_and_records_nothing(db, stocktake_id, scans, tmp_path):
    with db.write() as session:
        collector.load_file(session, stocktake_id, scans, actor="小王")
    # the same lines saved again: another name, Windows line endings, GBK, a blank line more
    again = tmp_path / "pdc (2).txt"
    again.write_bytes(("\r\n".join(SCANS) + "\r\n\r\n").encode("gbk"))
    for path in (scans, again):
        with pytest.raises(collector.FileLoadedBefore) as caught, db.write() as session:
            collector.load_file(session, stocktake_id, path, actor="小李")
        assert isinstance(caught.value, Conflict)
        message = caught.value.message
        assert "pdc.txt" in message and "小王" in message and str(len(SCANS)) in message and "载入过" in message
    assert _scans(db, stocktake_id) == len(SCANS)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(StocktakeFile)) == 1


def test_again_loads_it_once_more_and_records_it_again(db, stocktake_id, scans):
    with db.write() as session:
        collector.load_file(session, stocktake_id, scans, actor=OPERATOR)
    with db.write() as session:
        summary = collector.load_file(session, stocktake_id, scans, actor=OPERATOR, again=True)
    assert summary.recorded == len(SCANS)
    assert _scans(db, stocktake_id) == 2 * len(SCANS)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(StocktakeFile)) == 2


def test_another_file_and_the_same_file_in_another_stocktake_load_without_question(db, room, stocktake_id, scans,
                                                                                    tmp_path):
    from bookroom_desk.services.stocktake.finish import finish

    other = tmp_path / "pdc2.txt"
    other.write_text("SJ-A01\n00000001\n", encoding="utf-8")
    with db.write() as session:
        collector.load_file(session, stocktake_id, scans, actor=OPERATOR)
        collector.load_file(session, stocktake_id, other, actor=OPERATOR)
    with db.write() as session:
        finish(session, stocktake_id, actor=OPERATOR)
    with db.write() as session:
        newer = st_service.start(session, [room["A01"], room["A02"]], actor=OPERATOR).id
    with db.write() as session:
        collector.load_file(session, newer, scans, actor=OPERATOR)
    assert _scans(db, newer) == len(SCANS)


def test_a_file_refused_for_its_lines_is_not_recorded(db, stocktake_id, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("00000001\n", encoding="utf-8")  # no shelf label first
    with pytest.raises(ImportRejected), db.write() as session:
        collector.load_file(session, stocktake_id, bad, actor=OPERATOR)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(StocktakeFile)) == 0
