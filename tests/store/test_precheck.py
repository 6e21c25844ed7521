"""SQLite's full check begun while the window's modules load: its verdict is the open's, used once, only when due."""

from __future__ import annotations

import hashlib

import pytest

from bookroom_desk.store import precheck, snapshots
from bookroom_desk.store.migrate import DamagedDatabase, close_database, open_database
from tests.support.helpers import add_title, corrupt_sqlite


@pytest.fixture
def room(tmp_path):
    path = tmp_path / "room.db"
    db = open_database(f"sqlite:///{path}")
    with db.write() as session:
        for n in range(300):
            add_title(session, f"书名{n}" * 20)
    db.dispose()  # no clean close: the next open checks in full
    return path


def test_a_check_begun_early_is_the_one_the_open_uses_and_only_once(room, checks):
    precheck.begin(f"sqlite:///{room}")
    open_database(f"sqlite:///{room}").dispose()
    assert checks == [room]
    open_database(f"sqlite:///{room}").dispose()  # not a clean close either: checked again, by the open itself
    assert checks == [room, room]


def test_damage_found_by_the_early_check_refuses_the_file_untouched(room, checks):
    corrupt_sqlite(room)
    digest = hashlib.sha256(room.read_bytes()).hexdigest()
    precheck.begin(f"sqlite:///{room}")
    with pytest.raises(DamagedDatabase):
        open_database(f"sqlite:///{room}")
    assert checks == [room]
    assert hashlib.sha256(room.read_bytes()).hexdigest() == digest


def test_nothing_is_begun_when_the_open_will_not_check_in_full(room, tmp_path, checks):
    close_database(open_database(f"sqlite:///{room}"))  # a clean close today
    checks.clear()
    precheck.begin(f"sqlite:///{room}")
    precheck.begin(f"sqlite:///{tmp_path / 'missing.db'}")
    precheck.begin("postgresql://desk@server/room")
    assert checks == [] and precheck._begun == {}


def test_a_check_that_failed_is_run_again_by_the_open(room, monkeypatch):
    calls = []

    def flaky(path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 1:
            raise MemoryError("no room for the check")
        return []

    monkeypatch.setattr(snapshots, "sqlite_problems", flaky)
    precheck.begin(f"sqlite:///{room}")
    assert precheck.problems(room) == []
    assert calls == [room, room]
