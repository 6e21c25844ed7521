"""The stocktake report (.xlsx) and data collector files of any content."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select

from bookroom_desk.errors import ImportRejected, InvalidInput
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.barcodes import normalize
from bookroom_desk.services.stocktake import collector
from bookroom_desk.services.stocktake import counting as st_service
from bookroom_desk.services.stocktake.finish import finish
from bookroom_desk.services.stocktake.report import write_report
from bookroom_desk.store.models import Copy, Title
from bookroom_desk.store.models_stocktake import Stocktake, StocktakeScan, StocktakeShelf
from tests.support.stocktake_room import SCANS, build_room

FORMULAS = ("=1+2", "-3", "@SUM(A1)")


@pytest.fixture
def room(db):
    with db.write() as session:
        shelves = build_room(session)
        title = session.scalar(select(Title).join(Copy).where(Copy.barcode == "00000002"))
        title.title = "=HYPERLINK(\"http://x\")"
    return shelves


def report(db, room, tmp_path, finished: bool):
    with db.write() as session:
        stocktake_id = st_service.start(session, [room["A01"], room["A02"]], notes="+备注", actor=OPERATOR).id
        collector.load_codes(session, stocktake_id, "\n".join(SCANS + FORMULAS), actor=OPERATOR)
        if finished:
            finish(session, stocktake_id, actor="管理员")
    with db.read() as session:
        path = write_report(session, stocktake_id, tmp_path / "盘点.xlsx")
    return load_workbook(path)


@pytest.mark.parametrize("finished", [False, True])
def test_report_has_a_summary_and_every_list(db, room, tmp_path, finished):
    book = report(db, room, tmp_path, finished)
    assert book.sheetnames == ["汇总", "缺失", "错架", "记录借出却在架", "记录剔除或遗失却在架", "未知条码", "重复扫描",
                               "核对无误"]
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert summary["应在架（册）"] == 7 and summary["缺失"] == 3 and summary["错架"] == 2
    assert summary["未知条码"] == 5 and summary["重复扫描"] == 2 and summary["范围"] == "A01、A02"
    assert summary["达标标准（册）"] == 3000 and summary["若核销缺失图书，将减少（册）"] == 3
    assert (summary.get("标记缺失（册）") == 2) is finished
    missing = [row[0] for row in book["缺失"].iter_rows(min_row=3, values_only=True)]
    assert missing == ["00000002", "00000009", "00000015"]
    misplaced = [row[:5] for row in book["错架"].iter_rows(min_row=3, values_only=True)]
    assert [(r[0], r[3], r[4]) for r in misplaced] == [("00000003", "A01", "A02"), ("00000012", "B01", "A02")]


def test_user_text_is_never_a_formula(db, room, tmp_path):
    book = report(db, room, tmp_path, finished=False)
    title = book["缺失"].cell(row=3, column=2)
    assert title.value == "=HYPERLINK(\"http://x\")" and title.data_type == "s" and title.quotePrefix
    unknown = {row[0].value: row[0] for row in book["未知条码"].iter_rows(min_row=3)}
    for code in FORMULAS:
        assert unknown[code].data_type == "s" and unknown[code].quotePrefix
    notes = next(row[1] for row in book["汇总"].iter_rows(min_row=2) if row[0].value == "备注")
    assert notes.value == "+备注" and notes.quotePrefix


CODE = st.one_of(st.sampled_from(SCANS + ("R000001", "9787020002207", "SJ-B01", "SJ-ZZ")),
                 st.text(alphabet=string.printable + "０１２３ａｂ　\u200b", max_size=14))


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(CODE, max_size=20))
def test_a_file_is_loaded_whole_or_not_at_all(db, room, lines):
    with db.write() as session:
        for table in (StocktakeScan, StocktakeShelf, Stocktake):
            session.execute(table.__table__.delete())
        stocktake_id = st_service.start(session, [room["A01"], room["A02"]], actor=OPERATOR).id
    text = "\n".join(lines)
    codes = collector.file_codes(text)
    try:
        with db.write() as session:
            summary = collector.load_codes(session, stocktake_id, text, actor=OPERATOR)
    except (ImportRejected, InvalidInput):
        with db.read() as session:
            assert st_service.scans_count(session, stocktake_id) == 0
        return
    with db.read() as session:
        stored = list(session.scalars(select(StocktakeScan.barcode).where(StocktakeScan.stocktake_id == stocktake_id)
                                      .order_by(StocktakeScan.seq)))
    assert summary.recorded == len(codes) == len(stored)
    for (_line, raw), barcode in zip(codes, stored):
        assert barcode == normalize(raw)
