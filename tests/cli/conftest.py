"""The commands' tests: a `db_path` that holds an empty room (made by `init`), since commands refuse a missing one."""

from __future__ import annotations

import pytest

from bookroom_desk.cli import main


@pytest.fixture
def db_path(tmp_path, capsys):
    path = tmp_path / "room.db"
    assert main(["--db", str(path), "init"]) == 0
    capsys.readouterr()
    return path
