"""`bookroom-desk import-readers`: counts on success, one line per bad row and exit 1 otherwise."""

from __future__ import annotations

import json

from sqlalchemy import select

from bookroom_desk.cli import main
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Reader

GOOD = "姓名,工号,部门,手机,类别,读者证号\n张伟,E001,检修车间,13800000001,,R000010\n李娜,E002,财务科,,,\n"
BAD = "姓名,工号,部门,手机,类别,读者证号\n张伟,E001,检修车间,,,X1\n,E002,财务科,,,\n王芳,E003,,,外包,\n"


def readers_in(db_path) -> list[tuple[str, str]]:
    db = open_database(f"sqlite:///{db_path}")
    try:
        with db.read() as session:
            return [tuple(row) for row in session.execute(select(Reader.card, Reader.name).order_by(Reader.card))]
    finally:
        db.dispose()


def test_import_prints_counts(tmp_path, db_path, capsys):
    roster = tmp_path / "名册.csv"
    roster.write_text(GOOD, encoding="utf-8")
    assert main(["--db", str(db_path), "import-readers", str(roster)]) == 0
    out = capsys.readouterr().out
    assert "新增 2 位读者" in out and "分配了 1 个读者证号" in out
    assert readers_in(db_path) == [("R000010", "张伟"), ("R000011", "李娜")]


def test_dry_run_imports_nothing(tmp_path, db_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_bytes(GOOD.encode("gbk"))
    assert main(["--db", str(db_path), "import-readers", str(roster), "--dry-run"]) == 0
    assert "未导入" in capsys.readouterr().out
    assert readers_in(db_path) == []


def test_json_output(tmp_path, db_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text(GOOD, encoding="utf-8")
    assert main(["--db", str(db_path), "import-readers", str(roster), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["ok"], result["added"], result["cards"]) == (True, 2, ["R000010", "R000011"])


def test_bad_rows_exit_1_one_line_each_and_nothing_imported(tmp_path, db_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text(BAD, encoding="utf-8")
    assert main(["--db", str(db_path), "import-readers", str(roster)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[0].startswith("文件中有 3 处问题")
    assert lines[1].startswith("第 2 行，读者证号：") and lines[2].startswith("第 3 行，姓名：")
    assert lines[3].startswith("第 4 行，类别：") and "外包" in lines[3]
    assert readers_in(db_path) == []
    assert main(["--db", str(db_path), "import-readers", str(roster), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["row"], p["column"]) for p in problems] == [(2, "读者证号"), (3, "姓名"), (4, "类别")]


def test_unreadable_file_exits_1(tmp_path, db_path, capsys):
    assert main(["--db", str(db_path), "import-readers", str(tmp_path / "none.xlsx")]) == 1
    assert "无法打开文件" in capsys.readouterr().err
