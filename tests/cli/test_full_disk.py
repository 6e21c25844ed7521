"""A full disk at each step that writes: one readable message, a non-zero exit, no traceback, nothing half-written."""

from __future__ import annotations

import errno
import gc
import json
import shutil
import sqlite3
import sys
import zipfile

import openpyxl
import pytest

from bookroom_desk import files
from bookroom_desk.cli import main
from bookroom_desk.errors import DatabaseError
from bookroom_desk.services.catalogue import search
from bookroom_desk.store import faults, snapshots


def _enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def _sqlite_full(*_args, **_kwargs):
    raise sqlite3.OperationalError("database or disk is full")


#: Where the disk fills up: as a written file is flushed (every file passes there), in the middle of a
#: zip (workbooks, zip backups), in SQLite's backup step (backups, the safety backup before an import).
FAULTS = {
    "flush": lambda mp: mp.setattr(files, "_flush_to_disk", _enospc),
    "zip": lambda mp: mp.setattr(zipfile.ZipFile, "writestr", _enospc),
    "sqlite": lambda mp: mp.setattr(snapshots, "copy_pages", _sqlite_full),
}


@pytest.fixture(scope="module")
def base_room(tmp_path_factory):
    """A small room with titles, readers, a finished stocktake, a return and a backup, built once."""
    folder = tmp_path_factory.mktemp("room")
    db = str(folder / "room.db")
    book = openpyxl.Workbook()
    book.active.append(["书名", "作者", "册数", "分类号", "书架"])
    for i in range(5):
        book.active.append([f"书{i}", "某", 2, "I247", "A01"])
    book.save(folder / "list.xlsx")
    (folder / "roster.csv").write_text("姓名,工号\n张三,E1\n李四,\n", encoding="utf-8")
    (folder / "scans.txt").write_text("SJ-A01\n00000001\n00000002\n", encoding="utf-8")
    (folder / "more.csv").write_text("书名,分类号\n新书,I247\n", encoding="utf-8")
    assert main(["--db", db, "init"]) == 0
    for argv in (["import-books", str(folder / "list.xlsx")], ["import-readers", str(folder / "roster.csv")],
                 ["stocktake", "load", str(folder / "scans.txt"), "--finish"],
                 ["return", "--year", "2026", "-o", str(folder / "return.xlsx")],
                 ["backup", "-o", str(folder / "saved.db")]):
        assert main(["--db", db, *argv]) == 0
    shutil.rmtree(folder / "backups")
    return folder


@pytest.fixture
def room(base_room, tmp_path, capsys, qapp):  # qapp: labels paint with Qt
    folder = tmp_path / "room"
    shutil.copytree(base_room, folder)
    capsys.readouterr()
    return folder


def _files(folder) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")
            if p.is_file() and not p.name.endswith(("-wal", "-shm"))}


def _stats(folder, capsys) -> dict:
    capsys.readouterr()
    assert main(["--db", str(folder / "room.db"), "stats", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _run_with_full_disk(room, capsys, monkeypatch, fault: str, argv: list[str]) -> tuple[int, str, list]:
    """Run one command with the disk full at ``fault``; (exit code, stderr, exceptions raised in finalisers)."""
    unraisable: list = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    with monkeypatch.context() as patch:
        FAULTS[fault](patch)
        code = main(["--db", str(room / "room.db"), *argv])
        gc.collect()  # a zip left open would complain here ("Exception ignored in ...")
    return code, capsys.readouterr().err, unraisable


def _out(room):
    return room / "out"


COMMANDS = {
    "export-catalogue": (lambda r: ["export-catalogue", str(_out(r) / "目录.xlsx")], ("flush", "zip")),
    "reader export": (lambda r: ["reader", "export", "R000001", "-o", str(_out(r) / "reader.json")], ("flush",)),
    "return": (lambda r: ["return", "--year", "2026", "-o", str(_out(r) / "return.xlsx")], ("flush", "zip")),
    "consolidate": (lambda r: ["consolidate", str(r / "return.xlsx"), "-o", str(_out(r) / "sum.xlsx")],
                    ("flush", "zip")),
    "stocktake report": (lambda r: ["stocktake", "report", str(_out(r) / "stocktake.xlsx")], ("flush", "zip")),
    "labels": (lambda r: ["labels", "books", "--all", "-o", str(_out(r) / "labels.pdf")], ("flush",)),
    "backup": (lambda r: ["backup", "-o", str(_out(r) / "backup.db")], ("flush", "sqlite")),
    "restore": (lambda r: ["restore", str(r / "saved.db")], ("flush", "sqlite")),
    "import-books": (lambda r: ["import-books", str(r / "more.csv")], ("flush", "sqlite")),
    "import-readers": (lambda r: ["import-readers", str(r / "roster.csv"), "--again"], ("flush", "sqlite")),
}
CASES = [(name, fault) for name, (_, faults_) in COMMANDS.items() for fault in faults_]


@pytest.mark.parametrize(("name", "fault"), CASES, ids=[f"{n}-{f}" for n, f in CASES])
def test_a_full_disk_gives_one_message_and_leaves_nothing_behind(room, capsys, monkeypatch, name, fault):
    _out(room).mkdir()
    before_files, before_stats = _files(room), _stats(room, capsys)
    code, err, unraisable = _run_with_full_disk(room, capsys, monkeypatch, fault, COMMANDS[name][0](room))
    assert code != 0
    assert "Traceback" not in err and "Exception ignored" not in err and not unraisable
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bookroom-desk: 磁盘已满"), err
    assert _files(room) == before_files  # no *.partial, tmp*.xlsx, *.restoring, empty file or scratch folder
    assert _stats(room, capsys) == before_stats


def test_the_message_is_english_with_lang_en(room, capsys, monkeypatch):
    _out(room).mkdir()
    code, err, _ = _run_with_full_disk(room, capsys, monkeypatch, "sqlite",
                                       ["--lang", "en", "backup", "-o", str(_out(room) / "b.db")])
    assert code == 1 and "disk is full" in err.lower() and "磁盘" not in err


def test_search_keys_failing_after_the_import_was_saved_say_so(room, capsys, monkeypatch):
    """The import is committed; a full disk while its search keys are worked out does not make it a failure."""
    def full(*_args, **_kwargs):
        raise DatabaseError(faults.MESSAGES[faults.SQLITE_FULL])

    monkeypatch.setattr(search, "KEYS_INLINE_MAX", 0)  # a small list keyed after the commit, as a big one is
    monkeypatch.setattr(search, "store_keys", full)
    volumes = _stats(room, capsys)["volumes"]
    assert main(["--db", str(room / "room.db"), "import-books", str(room / "more.csv")]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip().startswith("已导入 1 行：1 种（其中新书目 1 种）、1 册，批次")
    assert "导入已保存，但检索" in captured.err and "磁盘已满" in captured.err and "Traceback" not in captured.err
    assert _stats(room, capsys)["volumes"] == volumes + 1
    # Run again, the saved import is not doubled: the list is known.
    assert main(["--db", str(room / "room.db"), "import-books", str(room / "more.csv")]) == 1
    err = capsys.readouterr().err
    assert "已在 2026-11-24 10:30 导入过（批次 3" in err and "--again" in err
    assert _stats(room, capsys)["volumes"] == volumes + 1
