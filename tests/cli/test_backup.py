"""`bookroom-desk backup`, `restore` and `check`: round trip, broken files named, a damaged database offered its backup."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path

from bookroom_desk.cli import main
from bookroom_desk.services.common.actors import OPERATOR
from tests.support.helpers import corrupt_sqlite


def _stats(db, capsys):
    capsys.readouterr()
    assert main(["--db", str(db), "stats", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _demo(path, capsys):
    assert main(["--db", str(path), "demo", "--volumes", "300", "--readers", "30"]) == 0
    capsys.readouterr()


def test_backup_then_restore_gives_identical_stats(tmp_path, capsys):
    room = tmp_path / "room.db"
    _demo(room, capsys)
    before = _stats(room, capsys)
    (tmp_path / "usb").mkdir()  # a named folder is never created
    assert main(["--db", str(room), "backup", "-o", str(tmp_path / "usb") + "/", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["ok"] and made["file"].startswith(str(tmp_path / "usb"))
    assert main(["--db", str(room), "check"]) == 0
    conn = sqlite3.connect(room)
    conn.execute("DELETE FROM renewals")
    conn.execute("DELETE FROM loans")
    conn.execute("UPDATE copies SET status = 'available' WHERE status = 'on_loan'")
    conn.commit()
    conn.close()
    assert _stats(room, capsys) != before
    assert main(["--db", str(room), "restore", made["file"]]) == 0
    out = capsys.readouterr().out
    assert "已从" in out and "pre-restore" in out
    conn = sqlite3.connect(room)  # recorded in the restored room's log, by the PC's operator
    ((actor, detail),) = conn.execute("SELECT actor, detail FROM audit_log WHERE kind = 'restore'").fetchall()
    conn.close()
    assert actor == OPERATOR and re.fullmatch(re.escape(Path(made["file"]).name) + r"（\d{4}-\d\d-\d\d \d\d:\d\d）", detail)
    assert _stats(room, capsys) == before
    assert main(["--db", str(room), "check"]) == 0
    assert "数据库完好" in capsys.readouterr().out


def test_check_names_broken_rules_and_exits_1(tmp_path, capsys):
    room = tmp_path / "room.db"
    _demo(room, capsys)
    conn = sqlite3.connect(room)
    barcode = conn.execute("SELECT barcode FROM copies WHERE status = 'available' LIMIT 1").fetchone()[0]
    conn.execute("UPDATE copies SET status = 'on_loan' WHERE barcode = ?", (barcode,))
    conn.execute("INSERT INTO stocktake_scans (stocktake_id, barcode, copy_id, at, source, by, seq)"
                 " VALUES (999, 'X1', 999999, '2026-11-24 10:00:00', 'scanner', '', 1)")
    conn.commit()
    conn.close()
    assert main(["--db", str(room), "check"]) == 1
    err = capsys.readouterr().err
    assert "状态为借出、却没有未还借阅记录的册" in err and barcode in err
    assert "外键检查未通过" in err and "stocktake_scans" in err
    assert main(["--db", str(room), "check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and "on_loan_without_loan" in {r["rule"] for r in report["rules"]}


def test_a_damaged_database_is_found_not_written_and_the_newest_good_backup_named(tmp_path, capsys):
    room = tmp_path / "room.db"
    _demo(room, capsys)
    assert main(["--db", str(room), "backup"]) == 0
    capsys.readouterr()
    corrupt_sqlite(room)
    digest = hashlib.sha256(room.read_bytes()).hexdigest()
    backups = sorted((tmp_path / "backups").iterdir())
    assert main(["--db", str(room), "check"]) == 1
    err = capsys.readouterr().err
    assert "已损坏" in err and f'bookroom-desk restore "{backups[-1]}"' in err
    assert main(["--db", str(room), "stats"]) == 1
    err = capsys.readouterr().err
    assert "已损坏" in err and "未作任何改动" in err and str(backups[-1]) in err
    assert hashlib.sha256(room.read_bytes()).hexdigest() == digest
    assert sorted((tmp_path / "backups").iterdir()) == backups
    assert main(["--db", str(room), "restore", str(backups[-1])]) == 0
    capsys.readouterr()
    assert main(["--db", str(room), "check"]) == 0


def test_restoring_a_file_that_is_not_a_backup_fails_clearly(tmp_path, capsys):
    room = tmp_path / "room.db"
    _demo(room, capsys)
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really")
    assert main(["--db", str(room), "restore", str(junk)]) == 1
    assert "未作任何改动" in capsys.readouterr().err
    assert main(["--db", str(room), "check"]) == 0


def test_restore_is_refused_while_a_window_has_the_room_open(tmp_path, capsys):
    from bookroom_desk.ui.instance import SingleInstance

    room = tmp_path / "room.db"
    _demo(room, capsys)
    (tmp_path / "usb").mkdir()  # a named folder is never created
    assert main(["--db", str(room), "backup", "-o", str(tmp_path / "usb") + "/", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    digest = hashlib.sha256(room.read_bytes()).hexdigest()
    window = SingleInstance(room)  # the lock a window holds while it is open
    assert window.acquire()
    try:
        assert main(["--db", str(room), "restore", made["file"]]) == 1
        assert "窗口正打开着这个数据库" in capsys.readouterr().err
        assert hashlib.sha256(room.read_bytes()).hexdigest() == digest
    finally:
        window.release()
    assert main(["--db", str(room), "restore", made["file"]]) == 0


def test_restore_of_a_file_that_is_no_room_exits_1_and_every_command_still_works(tmp_path, capsys):
    room = tmp_path / "room.db"
    _demo(room, capsys)
    before = _stats(room, capsys)
    fake = tmp_path / "usb" / "fake.db"
    fake.parent.mkdir()
    conn = sqlite3.connect(fake)
    for table in ("titles", "copies", "readers", "loans"):
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.execute("INSERT INTO alembic_version VALUES ('0006')")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(room.read_bytes()).hexdigest()
    assert main(["--db", str(room), "restore", str(fake)]) == 1
    err = capsys.readouterr().err
    assert "fake.db" in err and "未作任何改动" in err and "Traceback" not in err
    assert hashlib.sha256(room.read_bytes()).hexdigest() == digest
    assert not [p.name for p in tmp_path.iterdir() if "restoring" in p.name]
    assert _stats(room, capsys) == before
