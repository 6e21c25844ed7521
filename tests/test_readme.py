"""The README says what the program does: every `stats --json` key, every command's period options."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from bookroom_desk.services.reporting.statistics import KeyFigures

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _row(command: str) -> str:
    (line,) = [line for line in README.splitlines() if line.startswith(f"| `bookroom-desk {command}")]
    return line


def test_every_stats_key_is_listed():
    listed = set(re.findall(r"`(\w+)`", _row("stats").split("JSON keys:", 1)[1]))
    assert {f.name for f in dataclasses.fields(KeyFigures)} <= listed


def test_return_and_consolidate_give_the_same_period_options():
    for command in ("return", "consolidate", "report"):
        row = _row(command)
        assert "--year Y" in row and "--quarter N" in row and "--from D --to D" in row, command
