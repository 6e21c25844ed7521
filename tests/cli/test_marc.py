"""`bookroom-desk import-marc` and `export-marc`: counts on success, one line per bad record, the file's format."""

from __future__ import annotations

import json

from bookroom_desk.cli import main
from tests.support import marc_bytes as m
from tests.support.delivery import isbn


def test_import_marc_dry_run_then_import_then_export_both_ways(db_path, tmp_path, capsys):
    path = tmp_path / "到书.iso"
    path.write_bytes(b"".join(m.cnmarc(f"书{n}", isbn=isbn(n), barcodes=(f"{n + 1:08d}",)) for n in range(4)))
    assert main(["--db", str(db_path), "import-marc", str(path), "--dry-run"]) == 0
    assert capsys.readouterr().out.strip() == "检查通过（未导入）：4 条记录，将导入 4 种（其中新书目 4 种）、4 册。"
    assert main(["--db", str(db_path), "import-marc", str(path), "--supplier", "配送中心"]) == 0
    assert capsys.readouterr().out.strip() == "已导入 4 条记录：4 种（其中新书目 4 种）、4 册，批次 1。"
    assert main(["--db", str(db_path), "import-marc", str(path)]) == 1
    assert "--again" in capsys.readouterr().err
    out = tmp_path / "out.mrc"
    assert main(["--db", str(db_path), "export-marc", str(out), "--encoding", "gb18030", "--batch", "1"]) == 0
    assert capsys.readouterr().out.strip() == f"已导出 4 条记录（4 册）到 {out}。"
    assert "书0".encode("gb18030") in out.read_bytes() and b"0120" in out.read_bytes()
    xml = tmp_path / "out.xml"
    assert main(["--db", str(db_path), "export-marc", str(xml), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"path": str(xml), "records": 4, "copies": 4}
    assert xml.read_bytes().startswith(b"<?xml")


def test_bad_records_are_listed_one_a_line_and_nothing_imported(db_path, tmp_path, capsys):
    path = tmp_path / "bad.mrc"
    path.write_bytes(m.cnmarc("好", isbn=isbn(1)) + m.cnmarc("坏", isbn="9787500869352", barcodes=("00000002",))
                     + m.cnmarc("截断")[:100])
    assert main(["--db", str(db_path), "import-marc", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == "文件中有 2 处问题，未导入任何数据。"
    assert err[1] == "第 2 条记录，010 $a：ISBN“9787500869352”的校验位不对，请核对。"
    assert err[2].startswith("第 3 条记录，头标区：头标区写明记录长")
    assert main(["--db", str(db_path), "import-marc", str(path), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["record"], p["field"]) for p in problems] == [(2, "010 $a"), (3, "头标区")]
    assert main(["--db", str(db_path), "--lang", "en", "import-marc", str(path)]) == 1
    assert capsys.readouterr().err.splitlines()[2].startswith("Record 3, leader: ")


def test_export_marc_refuses_a_wrong_suffix_before_any_work(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "export-marc", str(tmp_path / "out.xlsx")]) == 1
    assert main(["--db", str(db_path), "export-marc", str(tmp_path / "out.iso"), "--format", "xml"]) == 1
    assert not list(tmp_path.glob("out.*"))


def test_a_demo_room_exported_and_imported_into_an_empty_room_has_the_same_copies(tmp_path, capsys):
    import sqlite3

    demo, empty, path = tmp_path / "demo.db", tmp_path / "empty.db", tmp_path / "书目.mrc"
    assert main(["--db", str(demo), "demo", "--volumes", "200", "--readers", "5"]) == 0
    assert main(["--db", str(demo), "export-marc", str(path), "--encoding", "gb18030"]) == 0
    assert main(["--db", str(empty), "init"]) == 0
    assert main(["--db", str(empty), "import-marc", str(path), "--json"]) == 0
    query = ("SELECT c.barcode, t.isbn, t.title, t.clc, t.call_number FROM copies c"
             " JOIN titles t ON t.id = c.title_id WHERE c.status NOT IN ('withdrawn', 'lost') ORDER BY c.barcode")
    before, after = (sqlite3.connect(db).execute(query).fetchall() for db in (demo, empty))
    assert len(before) >= 190 and [row[:4] for row in before] == [row[:4] for row in after]
    # The call numbers come back; a class alone (the demo's periodicals) gets the next 种次号 in it.
    assert all(new[4] == old[4] if "/" in old[4] else new[4].startswith(old[4] + "/") for old, new in zip(before, after))


def test_records_only_go_into_the_pool_without_titles_or_copies(db_path, tmp_path, capsys):
    import sqlite3

    path = tmp_path / "联合书目.iso"
    records = [m.cnmarc(f"书{n}", isbn=isbn(n), barcodes=(f"{n + 1:08d}",) if n else ()) for n in range(3)]
    path.write_bytes(b"".join(records))
    assert main(["--db", str(db_path), "import-marc", str(path), "--records-only", "--dry-run"]) == 0
    assert capsys.readouterr().out.strip() == "检查通过（未载入）：3 条记录，将载入书目库 3 条，0 条书目库已有。"
    assert main(["--db", str(db_path), "import-marc", str(path), "--records-only"]) == 0
    assert capsys.readouterr().out.strip() == "已载入书目库 3 条记录（共 3 条，0 条书目库已有）。"
    assert main(["--db", str(db_path), "import-marc", str(path), "--records-only", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "dry_run": False, "records": 3, "added": 0,
                                                   "duplicates": 3}
    con = sqlite3.connect(db_path)
    try:
        counts = [con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("pool_records", "titles",
                                                                                          "copies")]
        titles = sorted(row[0] for row in con.execute("SELECT title FROM pool_records"))
    finally:
        con.close()
    assert counts == [3, 0, 0] and titles == ["书0", "书1", "书2"]
    assert main(["--db", str(db_path), "pool", "lookup", isbn(1), "--json"]) == 0
    assert "书1" in capsys.readouterr().out


def test_records_only_with_a_bad_record_loads_none(db_path, tmp_path, capsys):
    import sqlite3

    path = tmp_path / "bad.iso"
    path.write_bytes(m.cnmarc("好", isbn=isbn(1)) + m.cnmarc("坏", isbn="9787500869352"))
    assert main(["--db", str(db_path), "import-marc", str(path), "--records-only"]) == 1
    assert "第 2 条记录，010 $a" in capsys.readouterr().err
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT count(*) FROM pool_records").fetchone()[0] == 0
    finally:
        con.close()


def test_a_records_details_come_back_from_import_marc_then_export_marc(db_path, tmp_path, capsys):
    from bookroom_desk.services.catalogue.marc_import import read_records

    path = tmp_path / "到书.iso"
    path.write_bytes(m.cnmarc("劳动关系研究", isbn=isbn(1)))
    assert main(["--db", str(db_path), "import-marc", str(path)]) == 0
    fields = ("title", "isbn", "edition", "publisher", "pages", "series", "summary", "subjects", "clc")
    (given,), _, _ = read_records(path.read_bytes())
    for suffix in (".iso", ".xml"):
        out = tmp_path / f"out{suffix}"
        assert main(["--db", str(db_path), "export-marc", str(out)]) == 0
        (back,), problems, _ = read_records(out.read_bytes())
        assert not problems
        assert {name: getattr(back, name) for name in fields} == {name: getattr(given, name) for name in fields}
    assert (given.edition, given.pages, given.series, given.subjects) == (
        "第2版", "312页", "职工书屋丛书", ["劳动关系", "劳动法"])
    capsys.readouterr()


def test_a_record_that_may_be_a_catalogued_title_is_decided_with_match(db_path, tmp_path, capsys):
    import sqlite3

    from bookroom_desk.services.catalogue import titles
    from bookroom_desk.services.catalogue.titles import TitleData
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.store.migrate import open_database

    db = open_database(f"sqlite:///{db_path}")
    with db.write() as session:
        kept = titles.create_title(session, TitleData(title="红楼梦", author="曹雪芹", publisher="中华书局",
                                                      pub_year=2018, clc="I242.4"), actor=OPERATOR).id
    db.dispose()
    path = tmp_path / "到书.iso"
    path.write_bytes(m.cnmarc("红楼梦", isbn=isbn(7), author="曹雪芹", publisher="岳麓书社", clc="I242.4",
                              barcodes=("00000101", "00000102")))
    assert main(["--db", str(db_path), "import-marc", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"（ID {kept}）" in err and "--match" in err
    assert main(["--db", str(db_path), "import-marc", str(path), "--match", f"1={kept}"]) == 0
    assert "其中新书目 0 种" in capsys.readouterr().out
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT count(*) FROM titles").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM copies WHERE title_id = ?", (kept,)).fetchone()[0] == 2
    finally:
        con.close()
