"""`bookroom-desk pool load|lookup|stats`: a room's export loaded into another room's pool, looked up, counted."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from bookroom_desk.cli import main
from bookroom_desk.services.catalogue import titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models_pool import PoolRecord

HLM = "9787020002207"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_export_loads_and_is_looked_up_and_counted(db_path, tmp_path, capsys):
    other = tmp_path / "一号书屋.db"
    assert main(["--db", str(other), "init"]) == 0
    db = open_database(f"sqlite:///{other}")
    with db.write() as session:
        titles.create_title(session, TitleData(title="红楼梦", author="曹雪芹", isbn=HLM, publisher="人民文学出版社",
                                               pub_year=2008, price="59.70", clc="I242.4"), actor=OPERATOR)
    db.dispose()
    export = tmp_path / "一号书屋目录.xlsx"
    assert run(capsys, "--db", str(other), "export-catalogue", str(export))[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "pool", "load", str(export))
    assert code == 0 and "已载入“一号书屋目录.xlsx”：1 条，新增 1 条" in out
    code, out, _ = run(capsys, "--db", str(db_path), "pool", "load", str(export), "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "source": "一号书屋目录.xlsx", "added": 0, "duplicates": 1,
                                             "rows": 1}
    code, out, _ = run(capsys, "--db", str(db_path), "pool", "lookup", "978-7-02-000220-7", "--json")
    found = json.loads(out)
    assert code == 0 and found["isbn"] == HLM and found["publisher"] is None
    assert [(c["origin"], c["title"], c["price"], c["clc"], c["next_call_number"]) for c in found["candidates"]] == [
        ("pool", "红楼梦", "59.70", "I242.4", "I242.4/1")]
    code, out, _ = run(capsys, "--db", str(db_path), "pool", "lookup", HLM)
    assert code == 0 and out.split("\t")[:3] == ["红楼梦", "曹雪芹", "人民文学出版社"]
    code, out, _ = run(capsys, "--db", str(db_path), "pool", "lookup", "9787020003006")  # 978-7-02, not in the pool
    assert code == 0 and "出版社可能是“人民文学出版社”" in out
    code, out, _ = run(capsys, "--db", str(db_path), "pool", "stats", "--json")
    stats = json.loads(out)
    assert (stats["records"], stats["isbns"], [s["source"] for s in stats["sources"]]) == (1, 1, ["一号书屋目录.xlsx"])
    code, out, _ = run(capsys, "--db", str(db_path), "pool", "stats")
    assert code == 0 and "书目库共 1 条书目，1 个ISBN" in out and "一号书屋目录.xlsx：1 条" in out


def test_a_bad_file_loads_nothing_and_lists_each_row(db_path, tmp_path, capsys):
    path = tmp_path / "共享.csv"
    path.write_text(f"ISBN,书名\n{HLM},红楼梦\n9787020002200,坏号\n,\n,没有号\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db_path), "pool", "load", str(path))
    assert code == 1 and "第 3 行，ISBN：ISBN“9787020002200”的校验位不对" in err
    code, out, _ = run(capsys, "--db", str(db_path), "pool", "load", str(path), "--json")
    assert code == 1 and [p["row"] for p in json.loads(out)["problems"]] == [3]
    db = open_database(f"sqlite:///{db_path}")
    with db.read() as session:
        assert session.scalar(select(func.count(PoolRecord.id))) == 0
    db.dispose()


def test_a_bad_isbn_to_look_up_says_why(db_path, capsys):
    code, _, err = run(capsys, "--db", str(db_path), "pool", "lookup", "12345")
    assert code == 1 and "ISBN“12345”应为10位或13位" in err
