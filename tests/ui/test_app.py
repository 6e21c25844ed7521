"""The program as started from the command line: ready to scan, or ready for the log-in in a room with accounts."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from bookroom_desk.cli import main


def _start(db_path, data_dir) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BOOKROOM_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "bookroom_desk", "--db", str(db_path), "gui", "--quit-when-ready"],
                          env=env, capture_output=True, text=True, timeout=120)


def test_the_window_opens_ready_to_scan(tmp_path):
    assert main(["--db", str(tmp_path / "room.db"), "init"]) == 0  # a named path that does not exist is asked about
    started = _start(tmp_path / "room.db", tmp_path / "data")
    assert started.returncode == 0, started.stderr
    assert started.stdout.startswith("ready scanInput 职工书屋管理台")


def test_with_accounts_the_window_opens_at_the_log_in(tmp_path, monkeypatch):
    db_path = tmp_path / "room.db"
    monkeypatch.setattr("sys.stdin", io.StringIO("secret1\n"))
    assert main(["--db", str(db_path), "init"]) == 0
    assert main(["--db", str(db_path), "accounts", "add", "老李", "--role", "admin"]) == 0
    started = _start(db_path, tmp_path / "data")
    assert started.returncode == 0, started.stderr
    assert started.stdout.startswith("ready loginWho 职工书屋管理台")


def test_the_process_ends_with_the_room_closed_cleanly_and_released(tmp_path):
    from bookroom_desk.store import clean_close
    from bookroom_desk.ui.instance import SingleInstance

    db_path = tmp_path / "room.db"
    assert main(["--db", str(db_path), "init"]) == 0
    started = _start(db_path, tmp_path / "data")
    assert started.returncode == 0, started.stderr
    assert started.stdout.splitlines()[-1] == "quit"  # flushed before the process ended itself
    assert clean_close.trusted(db_path)  # the clean close recorded: the next start skips the full check
    assert not (tmp_path / "room.db-wal").exists()  # the room closed, its log folded back
    guard = SingleInstance(db_path)
    assert guard.acquire()  # the lock released
    guard.release()
