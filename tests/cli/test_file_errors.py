"""What the commands say when a file cannot be read or written, and when --db names a file that is no room."""

from __future__ import annotations

import os

from bookroom_desk.cli import main


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
