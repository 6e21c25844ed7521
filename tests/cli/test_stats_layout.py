"""`stats` as text: the values form one column, in Chinese and in English, padded with ASCII spaces."""

from __future__ import annotations

import json
import unicodedata

import pytest

from bookroom_desk import text
from bookroom_desk.cli import main


def columns(s: str) -> int:
    """The columns a terminal gives ``s``: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


@pytest.fixture(scope="module")
def demo_room(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("stats") / "room.db")
    assert main(["--db", db, "demo", "--volumes", "60", "--readers", "5"]) == 0
    return db


@pytest.fixture(autouse=True)
def chinese_afterwards():
    yield
    text.install(None)  # `--lang en` leaves the English translator installed


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_stats_values_line_up(demo_room, lang, capsys):
    capsys.readouterr()
    assert main(["--db", demo_room, "--lang", lang, "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert main(["--db", demo_room, "--lang", lang, "stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(figures)
    starts = set()
    for line, value in zip(lines, figures.values(), strict=True):
        value = str(value)
        assert line.endswith(f"  {value}"), line
        label = line[:-len(value)]
        assert "\u3000" not in line, f"full-width space in {line!r}"
        starts.add(columns(label))
    assert len(starts) == 1, f"values start at display columns {sorted(starts)}:\n" + "\n".join(lines)
    assert lines[0].startswith("Room " if lang == "en" else "书屋 ")
