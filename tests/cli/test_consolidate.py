"""`bookroom-desk consolidate`: returns summed into one workbook; every file left out is printed with its reason."""

from __future__ import annotations

import json
import shutil

from openpyxl import load_workbook

from bookroom_desk.cli import main
from bookroom_desk.store.migrate import open_database
from tests.support.filing_history import build_history


def _return(tmp_path, name, capsys, workers=50):
    db = tmp_path / f"{name}.db"
    database = open_database(f"sqlite:///{db}")
    with database.write() as session:
        build_history(session, name=name, workers=workers)
    database.dispose()
    folder = tmp_path / "returns"
    folder.mkdir(exist_ok=True)
    assert main(["--db", str(db), "return", "--year", "2026", "--quarter", "3", "-o", str(folder)]) == 0
    capsys.readouterr()
    return folder / f"{name}_2026年第3季度_统计报表.xlsx"


def test_consolidate_files_and_report_problems(tmp_path, capsys):
    a = _return(tmp_path, "一号书屋", capsys)
    b = _return(tmp_path, "二号书屋", capsys, workers=None)
    c = _return(tmp_path, "三号书屋", capsys, workers=100)
    duplicate = tmp_path / "副本.xlsx"
    shutil.copy(a, duplicate)
    notes = tmp_path / "说明.txt"
    notes.write_text("这不是报表", encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    assert main(["consolidate", str(a), str(b), str(c), str(duplicate), str(notes), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "计入 3 个书屋" in text and "2 个文件有问题" in text
    assert f"问题：{duplicate}" in text and f"问题：{notes}" in text
    assert "同一书屋" in text
    total = [cell.value for cell in load_workbook(out)["汇总"][7]]
    assert total[0] == "合计" and total[4] == 18  # 6 volumes in each room


def test_a_folder_with_a_period_as_json(tmp_path, capsys):
    _return(tmp_path, "一号书屋", capsys)
    _return(tmp_path, "二号书屋", capsys)
    assert main(["consolidate", str(tmp_path / "returns"), "--year", "2026", "--quarter", "3", "-o", str(tmp_path),
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == "2026年第3季度" and [r["room"] for r in data["rooms"]] == ["一号书屋", "二号书屋"]
    assert data["problems"] == [] and data["total"]["loans"] == 8
    assert data["path"].endswith("2026年第3季度_职工书屋统计汇总.xlsx")


def test_another_period_is_reported(tmp_path, capsys):
    a = _return(tmp_path, "一号书屋", capsys)
    assert main(["consolidate", str(a), "--year", "2025", "-o", str(tmp_path / "o.xlsx")]) == 0
    text = capsys.readouterr().out
    assert "计入 0 个书屋" in text and "不是本次汇总的2025年" in text


def test_nothing_readable_exits_1(tmp_path, capsys):
    junk = tmp_path / "x.xlsx"
    junk.write_bytes(b"junk")
    assert main(["consolidate", str(junk), "-o", str(tmp_path / "o.xlsx")]) == 1
    assert "x.xlsx" in capsys.readouterr().err


def test_two_files_of_one_name_are_told_apart_by_their_full_paths(tmp_path, capsys):
    a = _return(tmp_path, "一号书屋", capsys)
    b = _return(tmp_path, "二号书屋", capsys)
    other = tmp_path / "U盘"
    other.mkdir()
    copy = other / a.name
    shutil.copy(a, copy)
    out = tmp_path / "汇总.xlsx"
    assert main(["consolidate", str(a), str(b), str(copy), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "计入 2 个书屋" in text and f"问题：{copy}：" in text and f"与“{a}”是同一书屋" in text
    assert main(["--lang", "en", "consolidate", str(a), str(b), str(copy), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert f'as "{a}"' in text
