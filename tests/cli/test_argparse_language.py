"""argparse's own texts (usage, headings, errors) follow the language: Chinese by default, English with --lang en."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

import pytest

from bookroom_desk import text
from bookroom_desk.cli import main

ENGLISH_WORDS = ("usage:", "error:", "options", "positional arguments", "show this help message and exit",
                 "the following arguments are required", "invalid choice", "choose from")


@pytest.fixture(autouse=True)
def chinese_afterwards():
    yield
    text.install(None)  # `--lang en` leaves the English translator installed


def exits(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(list(argv))
    out, err = capsys.readouterr()
    return caught.value.code, out, err


def no_english(shown: str) -> None:
    assert not [word for word in ENGLISH_WORDS if word in shown], shown


def heading(title: str, shown: str) -> bool:
    """Whether ``shown`` has the section ``title`` (argparse itself puts the colon after it)."""
    return re.search(f"^{title}[:：]$", shown, re.MULTILINE) is not None


def test_help_is_chinese(capsys):
    code, out, _ = exits(capsys, "--help")
    assert code == 0
    assert out.startswith("用法：bookroom-desk ")
    assert heading("选项", out) and "显示本帮助并退出" in out and "显示程序的版本号并退出" in out
    no_english(out)


def test_a_subcommand_help_is_chinese(capsys):
    code, out, _ = exits(capsys, "restore", "--help")
    assert code == 0
    assert out.startswith("用法：bookroom-desk restore ")
    assert heading("位置参数", out) and heading("选项", out)
    no_english(out)


def test_a_missing_argument_is_a_chinese_error(db_path, capsys):
    code, out, err = exits(capsys, "--db", str(db_path), "restore")
    assert code == 2 and out == ""
    assert err.startswith("用法：bookroom-desk restore ")
    assert "bookroom-desk restore：错误：缺少必需的参数：FILE" in err
    no_english(err)


def test_an_invalid_choice_is_a_chinese_error(capsys):
    code, _, err = exits(capsys, "frobnicate")
    assert code == 2
    assert "错误：参数 COMMAND：无效的选择：'frobnicate'（可选：'gui', 'init'" in err
    no_english(err)
    code, _, err = exits(capsys, "--lang", "fr", "stats")
    assert code == 2
    assert "参数 --lang：无效的选择：'fr'（可选：'zh_CN', 'en'）" in err
    no_english(err)


def test_an_unknown_option_is_a_chinese_error(capsys):
    code, _, err = exits(capsys, "stats", "--bogus")
    assert code == 2
    assert "错误：无法识别的参数：--bogus" in err
    no_english(err)


def test_the_console_command_speaks_chinese_by_default(tmp_path):
    done = subprocess.run([sys.executable, "-m", "bookroom_desk", "--db", str(tmp_path / "x.db"), "restore"],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.startswith("用法：") and "缺少必需的参数：FILE" in done.stderr
    no_english(done.stderr)


def test_english_stays_as_argparse_writes_it(db_path, capsys):
    code, out, _ = exits(capsys, "--lang", "en", "--help")
    assert code == 0
    assert out.startswith("usage: bookroom-desk ")
    assert heading("options", out) and "show this help message and exit" in out
    assert "show program's version number and exit" in out
    assert "用法" not in out and "选项" not in out
    code, out, _ = exits(capsys, "--lang", "en", "restore", "--help")
    assert heading("positional arguments", out) and "位置参数" not in out
    code, _, err = exits(capsys, "--lang", "en", "--db", str(db_path), "restore")
    assert code == 2
    assert err.startswith("usage: bookroom-desk restore ")
    assert "bookroom-desk restore: error: the following arguments are required: FILE" in err
    code, _, err = exits(capsys, "--lang", "en", "frobnicate")
    assert code == 2
    assert "error: argument COMMAND: invalid choice: 'frobnicate' (choose from 'gui', 'init'" in err
    assert "错误" not in err and "无效" not in err


def test_other_parsers_in_the_process_keep_argparse_english(capsys):
    exits(capsys, "--help")
    other = argparse.ArgumentParser(prog="other")
    assert other.format_help().startswith("usage: other")
    assert "show this help message and exit" in other.format_help()


def test_an_abbreviated_lang_still_chooses_english_for_the_command(tmp_path, capsys):
    assert main(["--la", "en", "--db", str(tmp_path / "typo.db"), "stats"]) == 1
    assert "There is no room database" in capsys.readouterr().err
