"""`init` creates a room; every other command refuses a --db path that does not exist, creating nothing."""

from __future__ import annotations

import pytest

from bookroom_desk.cli import main


@pytest.mark.parametrize("command", [["stats"], ["check"], ["export-catalogue", "out.xlsx"], ["accounts", "list"]])
def test_a_mistyped_db_path_is_refused_and_creates_nothing(tmp_path, capsys, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "typo" / "room.db"
    assert main(["--db", str(missing), *command]) == 1
    err = capsys.readouterr().err
    assert "没有这个书屋数据库" in err and str(missing) in err and "init" in err
    assert not missing.parent.exists()


def test_the_refusal_in_english_names_init(tmp_path, capsys):
    missing = tmp_path / "typo.db"
    assert main(["--lang", "en", "--db", str(missing), "stats"]) == 1
    err = capsys.readouterr().err
    assert "There is no room database" in err and "init" in err
    assert not missing.exists()


def test_init_creates_an_empty_room_and_its_folder(tmp_path, capsys):
    path = tmp_path / "new" / "folder" / "room.db"
    assert main(["--db", str(path), "init"]) == 0
    assert path.is_file() and str(path) in capsys.readouterr().out
    assert main(["--db", str(path), "stats", "--json"]) == 0
    assert '"volumes": 0' in capsys.readouterr().out


def test_init_never_overwrites(tmp_path, capsys):
    path = tmp_path / "room.db"
    assert main(["--db", str(path), "demo", "--volumes", "10", "--readers", "2"]) == 0
    size = path.stat().st_size
    assert main(["--db", str(path), "init"]) == 1
    assert "已有文件" in capsys.readouterr().err and path.stat().st_size == size
