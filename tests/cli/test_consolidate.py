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
    assert text.rstrip().endswith("未达到 3000 册的书屋：3 个。")  # after the existing output
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
    assert data["short_of_standard"] == ["一号书屋", "二号书屋"]  # 6 volumes each; equal, so by name
    assert data["ranking"] == [
        {"room": room, "rank": 1, "volumes": 6, "shortfall": 2994, "participation": 6, "loans_per_reader": 1.33,
         "activities": {"count": 1, "participants": 20}} for room in ("一号书屋", "二号书屋")]


def test_the_ranking_in_json_and_the_count_short_of_the_standard(tmp_path, capsys):
    """Three rooms, one of them sending format 1 and one without 服务职工人数: ranked, the short ones counted."""
    from tests.services.reporting.test_consolidation import as_version_1

    a = _return(tmp_path, "一号书屋", capsys, workers=100)
    b = as_version_1(_return(tmp_path, "二号书屋", capsys), tmp_path / "二号书屋_格式1.xlsx")
    c = _return(tmp_path, "三号书屋", capsys, workers=None)
    out = tmp_path / "汇总.xlsx"
    assert main(["consolidate", str(a), str(b), str(c), "-o", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["rank"], r["room"], r["participation"]) for r in data["ranking"]] == [
        (1, "二号书屋", 6), (2, "一号书屋", 3), (3, "三号书屋", None)]
    assert data["short_of_standard"] == ["二号书屋", "一号书屋", "三号书屋"]
    assert set(data["ranking"][0]) == {"room", "rank", "volumes", "shortfall", "participation", "loans_per_reader",
                                       "activities"}
    assert [row[1] for row in load_workbook(out)["排名"].iter_rows(min_row=4, max_row=6, values_only=True)] == [
        "二号书屋", "一号书屋", "三号书屋"]
    assert main(["--lang", "en", "consolidate", str(a), str(b), str(c), "-o", str(out)]) == 0
    assert "Rooms short of 3000 volumes: 3." in capsys.readouterr().out


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
