"""Every command that writes a file the user names: a missing folder is refused (never created), and the name's
suffix must say what the file holds (issue 18)."""

from __future__ import annotations

import sqlite3
import string
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk import files
from bookroom_desk.cli import main
from bookroom_desk.commands.common import output_path


def _tree(folder) -> set[str]:
    """Every file and folder under ``folder`` (the database's -wal/-shm aside)."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if not p.name.endswith(("-wal", "-shm"))}


#: command line (after --db) for each command, writing to ``out`` (a file path)
COMMANDS = {
    "export-catalogue": lambda out: ["export-catalogue", str(out)],
    "return": lambda out: ["return", "--year", "2026", "-o", str(out)],
    "consolidate": lambda out: ["consolidate", str(out.parent / "a.xlsx"), "-o", str(out)],
    "stocktake report": lambda out: ["stocktake", "report", str(out)],
    "labels": lambda out: ["labels", "shelves", "-o", str(out)],
    "reader export": lambda out: ["reader", "export", "R000001", "-o", str(out)],
    "backup": lambda out: ["backup", "-o", str(out)],
    "notices": lambda out: ["notices", "-o", str(out)],
    "report": lambda out: ["report", "asset-ledger", "--year", "2026", "-o", str(out)],
}
SUFFIX = {"export-catalogue": ".xlsx", "return": ".xlsx", "consolidate": ".xlsx", "stocktake report": ".xlsx",
          "labels": ".pdf", "reader export": ".json", "backup": ".zip",
          "notices": ".pdf", "report": ".xlsx"}
WRONG = {"export-catalogue": "目录.csv", "return": "报表.txt", "consolidate": "汇总.csv", "stocktake report": "盘点.pdf",
         "labels": "labels.png", "reader export": "reader.txt", "backup": "backup.bak",
         "notices": "催还.txt", "report": "报表.csv"}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_missing_folder_is_refused_naming_it_and_nothing_is_created(name, db_path, tmp_path, capsys):
    missing = tmp_path / "no-such-folder" / "sub"
    before = _tree(tmp_path)
    assert main(["--db", str(db_path), *COMMANDS[name](missing / f"out{SUFFIX[name]}")]) == 1
    err = capsys.readouterr().err
    assert f"文件夹“{missing}”不存在" in err and "也没有新建这个文件夹" in err, err
    assert _tree(tmp_path) == before  # no folder, no file, no partial


@pytest.mark.parametrize("name", COMMANDS)
def test_a_name_whose_suffix_is_not_what_is_written_is_refused(name, db_path, tmp_path, capsys):
    before = _tree(tmp_path)
    assert main(["--db", str(db_path), *COMMANDS[name](tmp_path / WRONG[name])]) == 1
    err = capsys.readouterr().err
    assert f"“{WRONG[name]}”的扩展名不对" in err and SUFFIX[name] in err, err
    assert _tree(tmp_path) == before


@pytest.mark.parametrize("name", ["return", "consolidate", "backup"])
def test_a_named_folder_must_exist_and_is_not_created(name, db_path, tmp_path, capsys):
    folder = tmp_path / "usb"
    before = _tree(tmp_path)
    argv = COMMANDS[name](folder / "x.xlsx")
    argv[argv.index(str(folder / "x.xlsx"))] = str(folder) + "/"
    assert main(["--db", str(db_path), *argv]) == 1
    err = capsys.readouterr().err
    assert f"文件夹“{folder}”不存在，什么也没有保存" in err, err
    assert _tree(tmp_path) == before


def test_the_refusals_are_english_with_lang_en(db_path, tmp_path, capsys):
    assert main(["--lang", "en", "--db", str(db_path), "export-catalogue", str(tmp_path / "x.csv")]) == 1
    err = capsys.readouterr().err
    assert "has the wrong extension" in err and ".xlsx" in err and "扩展名" not in err
    assert main(["--lang", "en", "--db", str(db_path), "export-catalogue", str(tmp_path / "gone" / "x.xlsx")]) == 1
    err = capsys.readouterr().err
    assert f'The folder "{tmp_path / "gone"}" does not exist' in err and "not created" in err and "文件夹" not in err


def test_backup_named_zip_is_a_zip_even_without_photos_and_restores(db_path, tmp_path, capsys):
    target = tmp_path / "backup.zip"
    assert main(["--db", str(db_path), "backup", "-o", str(target)]) == 0
    assert zipfile.is_zipfile(target)
    with zipfile.ZipFile(target) as archive:
        assert "bookroom.db" in archive.namelist()
    capsys.readouterr()
    assert main(["--db", str(db_path), "restore", str(target)]) == 0
    assert "已从" in capsys.readouterr().out


def test_backup_named_db_without_photos_is_the_sqlite_file(db_path, tmp_path):
    target = tmp_path / "BACKUP.DB"  # any case
    assert main(["--db", str(db_path), "backup", "-o", str(target)]) == 0
    assert not zipfile.is_zipfile(target)
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM titles").fetchone() == (0,)
    conn.close()


def test_backup_named_db_of_a_room_with_photos_is_refused_naming_zip(db_path, tmp_path, capsys, monkeypatch):
    from bookroom_desk.services.upkeep import backups

    photo = db_path.parent / "photos" / "1" / "a.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8\xff\xd9")
    monkeypatch.setattr(backups, "_photo_paths", lambda _snapshot: ["photos/1/a.jpg"])  # the room has one photo
    before = _tree(tmp_path)
    assert main(["--db", str(db_path), "backup", "-o", str(tmp_path / "b.db")]) == 1
    err = capsys.readouterr().err
    assert "有 1 张活动照片" in err and "“b.db”的扩展名应为 .zip" in err, err
    assert _tree(tmp_path) == before


def test_the_default_backup_still_makes_the_rooms_own_backups_folder(db_path, capsys):
    folder = db_path.parent / "backups"
    assert not folder.exists()
    assert main(["--db", str(db_path), "backup"]) == 0
    assert len(list(folder.iterdir())) == 1


_NAME = st.text(string.ascii_letters + string.digits + "_-中文书屋", min_size=1, max_size=12)
_SUFFIX = st.text(string.ascii_letters + string.digits, min_size=0, max_size=5).map(lambda s: "." + s if s else "")
_ALLOWED = st.lists(st.sampled_from([".xlsx", ".zip", ".db", ".pdf", ".json", ".csv"]), min_size=1, max_size=3,
                    unique=True).map(tuple)


@given(name=_NAME, suffix=_SUFFIX, allowed=_ALLOWED)
def test_output_path_takes_exactly_the_allowed_suffixes_in_any_case(tmp_path_factory, name, suffix, allowed):
    folder = tmp_path_factory.getbasetemp()
    path = folder / f"{name}{suffix}"
    if suffix.lower() in allowed:
        assert output_path(path, allowed) == path
    else:
        with pytest.raises(files.WrongSuffix) as refused:
            output_path(path, allowed)
        assert refused.value.params == {"name": path.name, "suffixes": "/".join(allowed)}
        assert all(s in refused.value.message for s in allowed)
    assert not path.exists()


@given(name=_NAME, allowed=_ALLOWED)
def test_output_path_refuses_a_missing_folder_whatever_the_name(tmp_path_factory, name, allowed):
    missing = tmp_path_factory.getbasetemp() / "never-made" / name
    with pytest.raises(files.FolderMissing) as refused:
        output_path(missing / f"{name}{allowed[0]}", allowed)
    assert refused.value.params["folder"] == str(missing)
    assert not missing.parent.exists()
