"""`bookroom-desk stocktake load`: a data collector's file into a stocktake, counts printed, --finish."""

from __future__ import annotations

import json

import pytest

from bookroom_desk.cli import main
from bookroom_desk.services.stocktake import counting
from bookroom_desk.store.models_stocktake import Stocktake
from tests.support.stocktake_room import EXPECTED_COUNTS, SCANS, build_room, status_of


@pytest.fixture
def room(db):
    with db.write() as session:
        return build_room(session)


@pytest.fixture
def pdc(tmp_path):
    path = tmp_path / "pdc.txt"
    path.write_text("\n".join(SCANS) + "\n", encoding="utf-8")
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_load_prints_exact_counts_as_json(db, db_path, room, pdc, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "stocktake", "load", str(pdc), "--shelves", "A01,sj-a02", "--json")
    assert code == 0 and json.loads(out) == EXPECTED_COUNTS
    with db.read() as session:
        current = counting.open_stocktake(session)
        assert [s.code for s in counting.scope_shelves(session, current)] == ["A01", "A02"]
        assert status_of(session, "00000002") == "available"  # nothing applied without --finish


def test_load_continues_the_open_stocktake(db, db_path, room, tmp_path, capsys):
    first, second = tmp_path / "1.txt", tmp_path / "2.txt"
    first.write_text("\n".join(SCANS[:6]), encoding="utf-8")
    second.write_text("\n".join(SCANS[6:]), encoding="utf-8")
    assert run(capsys, "--db", str(db_path), "stocktake", "load", str(first), "--shelves", "A01,A02")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "stocktake", "load", str(second), "--json")
    assert code == 0 and json.loads(out) == EXPECTED_COUNTS


def test_plain_text_then_finish_applies_what_loses_nothing(db, db_path, room, pdc, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "stocktake", "load", str(pdc), "--shelves", "A01,A02", "--finish")
    assert code == 0
    assert "错架" in out and "已标记缺失" in out and "已结束" in out
    lines = dict(line.rsplit(None, 1) for line in out.splitlines()[1:] if line.strip() and "#" not in line)
    assert lines["缺失"] == "3" and lines["未知条码"] == "2" and lines["已标记缺失"] == "2"
    with db.read() as session:
        assert counting.open_stocktake(session) is None
        assert session.query(Stocktake).one().finished_at is not None
        assert status_of(session, "00000002") == "missing" and status_of(session, "00000004") == "available"


def test_english_output(db, db_path, room, pdc, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "--lang", "en", "stocktake", "load", str(pdc))
    assert code == 0 and "Missing" in out


def test_a_bad_file_changes_nothing_and_says_which_lines(db, db_path, room, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("00000001\nSJ-A01\nR000001\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db_path), "stocktake", "load", str(bad))
    assert code == 1 and "第 1 行" in err and "第 3 行" in err
    with db.read() as session:
        assert counting.open_stocktake(session) is None  # not even started


@pytest.mark.parametrize("argv, says", [(("--shelves", "Z99"), "Z99"), ((), "无法打开数据采集器文件")])
def test_bad_input_exits_1_with_a_message(db_path, room, pdc, capsys, argv, says, tmp_path):
    path = pdc if argv else tmp_path / "none.txt"
    code, _, err = run(capsys, "--db", str(db_path), "stocktake", "load", str(path), *argv)
    assert code == 1 and says in err


def test_other_shelves_while_one_is_open_is_refused(db_path, room, pdc, capsys):
    assert run(capsys, "--db", str(db_path), "stocktake", "load", str(pdc), "--shelves", "A01,A02")[0] == 0
    code, _, err = run(capsys, "--db", str(db_path), "stocktake", "load", str(pdc), "--shelves", "B01")
    assert code == 1 and "正在进行" in err


def test_report_of_the_latest_or_a_chosen_stocktake(db_path, room, pdc, tmp_path, capsys):
    from openpyxl import load_workbook

    code, _, err = run(capsys, "--db", str(db_path), "stocktake", "report", str(tmp_path / "none.xlsx"))
    assert code == 1 and "还没有进行过盘点" in err
    assert run(capsys, "--db", str(db_path), "stocktake", "load", str(pdc), "--shelves", "A01,A02", "--finish")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "stocktake", "report", str(tmp_path / "r.xlsx"))
    assert code == 0 and "盘点 #1 的报告已保存" in out
    book = load_workbook(tmp_path / "r.xlsx")
    assert [row[0] for row in book["缺失"].iter_rows(min_row=3, values_only=True)] == ["00000002", "00000009", "00000015"]
    code, _, err = run(capsys, "--db", str(db_path), "stocktake", "report", str(tmp_path / "x.xlsx"), "--id", "7")
    assert code == 1 and "找不到编号为 7 的盘点" in err
