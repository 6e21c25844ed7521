"""What the commands say when a file cannot be read or written, and when --db names a file that is no room."""

from __future__ import annotations

import os

from bookroom_desk.cli import main
from tests.support.helpers import corrupt_sqlite


def test_a_missing_file_is_said_in_chinese(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "import-books", str(tmp_path / "missing.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "没有这个文件" in err and "missing.xlsx" in err
    assert os.strerror(2) not in err and "No such file" not in err


def test_a_missing_file_is_said_in_english(db_path, tmp_path, capsys):
    assert main(["--lang", "en", "--db", str(db_path), "import-books", str(tmp_path / "missing.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "No such file" in err and "missing.xlsx" in err and "没有" not in err


def test_a_folder_given_as_a_file_is_said_in_chinese(db_path, tmp_path, capsys):
    folder = tmp_path / "书目"
    folder.mkdir()
    assert main(["--db", str(db_path), "import-books", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "是一个文件夹" in err and os.strerror(21) not in err


def test_a_missing_scanner_file_is_said_in_chinese(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "stocktake", "load", str(tmp_path / "scans.txt")]) == 1
    err = capsys.readouterr().err
    assert "没有这个文件" in err and os.strerror(2) not in err


def test_a_picture_given_as_the_database_is_said_to_be_no_database(tmp_path, capsys):
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert main(["--db", str(picture), "stats"]) == 1
    err = capsys.readouterr().err
    assert "不是书屋数据库文件" in err and str(picture) in err and "损坏" not in err and "restore" not in err
    assert main(["--lang", "en", "--db", str(picture), "stats"]) == 1
    err = capsys.readouterr().err
    assert "is not a Bookroom database" in err and "damaged" not in err


def test_a_damaged_room_database_is_still_said_to_be_damaged(db_path, capsys):
    corrupt_sqlite(db_path)
    assert main(["--db", str(db_path), "stats"]) == 1
    err = capsys.readouterr().err
    assert "已损坏" in err and "不是书屋数据库文件" not in err
    assert main(["--lang", "en", "--db", str(db_path), "stats"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "is not a Bookroom database" not in err
