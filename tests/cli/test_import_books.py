"""`bookroom-desk import-books`: counts on success, one line per bad row and nothing imported on failure."""

from __future__ import annotations

import json

import openpyxl
import pytest
from stdnum import ean

from bookroom_desk.cli import main


def isbn(n: int) -> str:
    body = f"978711{n:06d}"
    return body + ean.calc_check_digit(body)


def write_list(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["书号", "书名", "作者", "册数", "分类号"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def stats(db_path, capsys):
    capsys.readouterr()
    assert main(["--db", str(db_path), "stats", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_import_prints_counts_and_raises_holdings(tmp_path, capsys):
    db_path = tmp_path / "room.db"
    assert main(["--db", str(db_path), "init"]) == 0
    path = write_list(tmp_path / "清单.xlsx", [[isbn(i), f"书{i}", "某", 2, "I247"] for i in range(5)])
    assert main(["--db", str(db_path), "import-books", str(path), "--dry-run"]) == 0
    assert "将导入 5 种（其中新书目 5 种）、10 册" in capsys.readouterr().out
    assert stats(db_path, capsys)["volumes"] == 0
    assert main(["--db", str(db_path), "import-books", str(path), "--source", "捐赠", "--supplier", "某单位",
                 "--date", "2026-11-20"]) == 0
    assert capsys.readouterr().out.strip() == "已导入 5 行：5 种（其中新书目 5 种）、10 册，批次 1。"
    assert stats(db_path, capsys)["volumes"] == 10
    assert main(["--db", str(db_path), "import-books", str(path), "--json", "--again"]) == 0  # the same list again
    out = json.loads(capsys.readouterr().out)
    assert out == {"ok": True, "titles": 5, "new_titles": 0, "copies": 10, "rows": 5, "new_shelves": 0,
                   "batch_id": 2, "dry_run": False}


def test_three_bad_rows_are_named_and_nothing_imported(tmp_path, capsys):
    db_path = tmp_path / "room.db"
    assert main(["--db", str(db_path), "init"]) == 0
    rows = [[isbn(i), f"书{i}", "某", 1, "I247"] for i in range(8)]
    rows[1][0] = "9787111000008"   # file row 3
    rows[4][1] = ""                # file row 6
    rows[6][3] = -1                # file row 8
    path = write_list(tmp_path / "bad.csv.xlsx", rows)
    assert main(["--db", str(db_path), "import-books", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == "文件中有 3 处问题，未导入任何数据。"
    assert [line.split("，")[0] for line in err[1:]] == ["第 3 行", "第 6 行", "第 8 行"]
    assert "书号" in err[1] and "书名" in err[2] and "册数" in err[3]
    assert main(["--db", str(db_path), "import-books", str(path), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["row"], p["column"]) for p in problems] == [(3, "书号"), (6, "书名"), (8, "册数")]
    assert stats(db_path, capsys)["volumes"] == 0


def test_gbk_csv_and_bad_arguments(tmp_path, capsys):
    db_path = tmp_path / "room.db"
    assert main(["--db", str(db_path), "init"]) == 0
    capsys.readouterr()
    path = tmp_path / "旧账.csv"
    path.write_bytes("登录号,题名,责任者\n00000007,红楼梦,曹雪芹\n".encode("gbk"))
    assert main(["--db", str(db_path), "import-books", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["copies"] == 1
    assert main(["--db", str(db_path), "import-books", str(path), "--source", "偷来的"]) == 1
    assert "来源“偷来的”不对" in capsys.readouterr().err
    assert main(["--db", str(db_path), "import-books", str(tmp_path / "none.xlsx")]) == 1
    assert "无法打开文件" in capsys.readouterr().err
    assert main(["--db", str(db_path), "import-books", str(path), "--date", "11/20"]) == 1


def test_export_catalogue(tmp_path, capsys):
    db_path = tmp_path / "room.db"
    assert main(["--db", str(db_path), "init"]) == 0
    path = write_list(tmp_path / "清单.xlsx", [[isbn(1), "+1=新书", "@某", 2, "I247"]])
    assert main(["--db", str(db_path), "import-books", str(path)]) == 0
    capsys.readouterr()
    target = tmp_path / "catalogue.xlsx"
    assert main(["--db", str(db_path), "export-catalogue", str(target), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["copies"] == 2
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert sheet["B2"].value == "+1=新书" and sheet["B2"].data_type == "s" and sheet["C2"].value == "@某"


def test_a_big_list_gets_its_search_keys_before_the_command_ends(tmp_path, capsys, monkeypatch):
    from bookroom_desk.services.catalogue import search
    from bookroom_desk.store.database import Database

    monkeypatch.setattr(search, "KEYS_INLINE_MAX", 2)
    db_path = tmp_path / "room.db"
    assert main(["--db", str(db_path), "init"]) == 0
    path = write_list(tmp_path / "清单.xlsx", [[isbn(i), f"平凡的世界{i}", "路遥", 1, "I247"] for i in range(3)])
    assert main(["--db", str(db_path), "import-books", str(path)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "已为 3 种新书目建立检索（拼音与两字检索）。"
    db = Database(f"sqlite:///{db_path}")
    with db.read() as session:
        assert search.unkeyed_count(session) == 0
        assert len(search.find_titles(session, "pfdsj")) == 3
    db.dispose()


def test_rows_that_may_be_catalogued_titles_are_listed_and_decided_by_match(tmp_path, capsys):
    db_path = tmp_path / "room.db"
    assert main(["--db", str(db_path), "init"]) == 0
    first = write_list(tmp_path / "一.xlsx", [["", "红楼梦", "曹雪芹 著", 1, "I242"]])
    assert main(["--db", str(db_path), "import-books", str(first)]) == 0
    second = write_list(tmp_path / "二.xlsx", [["", "《红楼梦》", "曹雪芹", 2, "I242"], ["", "红楼梦", "高鹗", 1, "I242"]])
    capsys.readouterr()
    assert main(["--db", str(db_path), "import-books", str(second)]) == 1
    err = capsys.readouterr().err
    assert "第 3 行" in err and "《红楼梦》曹雪芹 著（ID 1）" in err and "--match 行号=书目ID" in err
    assert "第 2 行" not in err  # the clear one is not asked about
    assert stats(db_path, capsys)["volumes"] == 1
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), "import-books", str(second), "--match", "3=x"])
    assert "--match 12=345" in capsys.readouterr().err
    assert main(["--db", str(db_path), "import-books", str(second), "--json", "--match", "3=1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["titles"], out["new_titles"], out["copies"]) == (2, 0, 3)
    third = write_list(tmp_path / "三.xlsx", [["", "红楼梦", "脂砚斋", 1, "I242"]])
    assert main(["--db", str(db_path), "import-books", str(third), "--json"]) == 1
    refused = json.loads(capsys.readouterr().out)
    assert refused["unclear"] == [{"row": 2, "candidates": [{"id": 1, "title": "《红楼梦》曹雪芹 著"}]}]
    assert main(["--db", str(db_path), "import-books", str(third), "--new-titles-for-unclear"]) == 0
    assert "新书目 1 种" in capsys.readouterr().out
