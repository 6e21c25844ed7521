"""The `bookroom-desk` command: version, demo, stats, errors, and where the database is."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bookroom_desk import __version__
from bookroom_desk.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"bookroom-desk {__version__}"


def test_module_and_console_script_agree():
    out = subprocess.run([sys.executable, "-m", "bookroom_desk", "--version"], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == f"bookroom-desk {__version__}"


def test_demo_then_stats_json_agree(tmp_path, capsys):
    db = str(tmp_path / "room.db")
    assert main(["--db", db, "demo", "--volumes", "600", "--readers", "50"]) == 0
    assert "600" in capsys.readouterr().out
    assert main(["--db", db, "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) >= {"room", "volumes", "books", "periodicals", "titles", "minimum", "shortfall", "on_loan",
                            "overdue", "readers", "loans_this_year", "returns_this_year", "new_volumes_this_year",
                            "activities_this_year", "participants_this_year", "volunteers", "duty_hours_this_year",
                            "notices_this_year"}
    assert figures["volumes"] == 600 and figures["minimum"] == 3000
    assert figures["shortfall"] == max(0, 3000 - figures["volumes"]) == 2400
    assert figures["books"] + figures["periodicals"] == figures["volumes"]
    assert figures["room"] == "机务段职工书屋"
    assert 0 < figures["overdue"] <= figures["on_loan"]
    assert figures["activities_this_year"] > 0 and figures["participants_this_year"] > 0
    assert figures["volunteers"] == 4 and figures["duty_hours_this_year"] > 0


def test_default_demo_meets_the_standard(tmp_path, capsys):
    db = str(tmp_path / "room.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["volumes"] >= 3000 and figures["shortfall"] == 0 and figures["readers"] > 250


def test_demo_refuses_a_room_with_data(tmp_path, capsys):
    db = str(tmp_path / "room.db")
    main(["--db", db, "demo", "--volumes", "60", "--readers", "5"])
    capsys.readouterr()
    assert main(["--db", db, "demo"]) == 1
    assert "已经有数据" in capsys.readouterr().err


def test_bad_option_value_exits_nonzero(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(tmp_path / "x.db"), "demo", "--volumes", "-3"])
    assert caught.value.code == 2
    assert "正整数" in capsys.readouterr().err


def test_environment_variable_chooses_the_database(tmp_path, monkeypatch, capsys):
    path = tmp_path / "env.db"
    monkeypatch.setenv("BOOKROOM_DB", str(path))
    assert main(["stats", "--json"]) == 1  # a named room that does not exist is refused, like --db
    assert not path.exists()
    assert main(["init"]) == 0
    capsys.readouterr()
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["volumes"] == 0
    assert path.exists()


def test_default_database_lives_in_the_user_data_folder(capsys):
    from bookroom_desk.config import default_database_path

    assert main(["stats"]) == 0
    assert "达标下限" in capsys.readouterr().out
    assert default_database_path().exists()


def test_refused_database_gives_a_clear_message(tmp_path, capsys):
    path = tmp_path / "broken.db"
    path.write_bytes(b"not a database at all" * 100)
    assert main(["--db", str(path), "stats"]) == 1
    err = capsys.readouterr().err
    assert "不是书屋数据库文件" in err and "损坏" not in err


def test_english_messages(tmp_path, capsys):
    path = tmp_path / "broken.db"
    path.write_bytes(b"not a database at all" * 100)
    assert main(["--lang", "en", "--db", str(path), "stats"]) == 1
    err = capsys.readouterr().err
    assert "is not a Bookroom database" in err and "damaged" not in err
