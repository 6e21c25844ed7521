"""Nothing left behind in the temporary folder or beside the room: not by the tests, not by a SIGTERM.

A SIGTERM (a shutdown, a service manager, a test's clean-up) ends the command or the window as a normal
exit would: the write under way rolled back, its partial files, lock and local socket removed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bookroom_desk import files
from bookroom_desk.store.migrate import open_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")

ROOT = Path(__file__).resolve().parents[1]


def _environment(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """The program's environment with a private, empty temporary folder (returned too)."""
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    env = dict(os.environ, TMPDIR=str(scratch), QT_QPA_PLATFORM="offscreen", BOOKROOM_DATA_DIR=str(tmp_path / "data"),
               PYTHONPATH=str(ROOT))
    env.pop("BOOKROOM_DB", None)
    env.pop("XDG_RUNTIME_DIR", None)  # Qt would fall back on <TMPDIR>/runtime-<user>: none must be made
    return env, scratch


def _wait_for(predicate, timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())


def _terminate(process: subprocess.Popen) -> tuple[int, str]:
    """SIGTERM, then the exit code and stderr (killed, and the test failed, if it did not exit within 20 s)."""
    process.send_signal(signal.SIGTERM)
    try:
        _out, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
        pytest.fail(f"still running 20 s after SIGTERM: {err}")
    return process.returncode, err


def _check(db_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bookroom_desk", "--db", str(db_path), "check"], env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_sigterm_during_demo_leaves_a_whole_room_and_nothing_else(tmp_path):
    env, scratch = _environment(tmp_path)
    room = tmp_path / "room"
    room.mkdir()
    db_path = room / "r.db"
    process = subprocess.Popen([sys.executable, "-m", "bookroom_desk", "--db", str(db_path), "demo", "--volumes",
                                "20000"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert _wait_for(lambda: db_path.exists() or process.poll() is not None, 60), "the demo never made its database"
    time.sleep(1.5)  # migrated; the demo's rows are being written
    assert process.poll() is None, "the demo ended before the SIGTERM: " + process.stderr.read()

    code, err = _terminate(process)

    assert code > 0, f"killed by the signal ({code}) rather than exiting"
    assert "Traceback" not in err, err
    assert sorted(p.name for p in room.iterdir()) == ["r.db"]  # no partial file, journal or WAL
    checked = _check(db_path, env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert list(scratch.iterdir()) == []


def test_a_sigterm_closes_the_window_and_leaves_no_lock_or_socket(tmp_path):
    env, scratch = _environment(tmp_path)
    room = tmp_path / "room"
    room.mkdir()
    db_path = room / "r.db"
    open_database(f"sqlite:///{db_path}").dispose()
    process = subprocess.Popen([sys.executable, "-m", "bookroom_desk", "--db", str(db_path)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Up: the lock taken beside the room and the local socket that raises the window listening.
    assert _wait_for(lambda: any(p.name.startswith("bookroom-desk-") for p in scratch.iterdir())
                     or process.poll() is not None, 60), "the window never started serving"
    assert process.poll() is None, "the window closed by itself: " + process.stderr.read()
    assert (room / "r.db.lock").exists()

    started = time.monotonic()
    code, err = _terminate(process)

    assert time.monotonic() - started < 10
    assert code > 0, f"killed by the signal ({code}) rather than exiting"
    assert "Traceback" not in err, err
    assert list(scratch.iterdir()) == []  # the socket removed
    assert not (room / "r.db.lock").exists()
    assert not [p for p in room.iterdir() if files.LEFTOVER_FILE.match(p.name) or p.name.endswith(("-wal", "-shm"))]
    checked = _check(db_path, env)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_sigterm_inside_a_command_unwinds_its_writes(tmp_path):
    """In-process: the handler turns SIGTERM into SystemExit, atomic_write removes its partial file, and the
    previous handler is back afterwards."""
    from bookroom_desk import stopping

    before = signal.getsignal(signal.SIGTERM)
    target = tmp_path / "out.txt"
    with pytest.raises(SystemExit) as exited, stopping.exit_on_terminate():
        with files.atomic_write(target) as temporary:
            temporary.write_text("half", encoding="utf-8")
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # interrupted at once
    assert exited.value.code == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_test_run_leaves_only_pytests_own_folder_in_the_temporary_folder(tmp_path):
    env, scratch = _environment(tmp_path)
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/test_files.py::test_a_write_replaces_the_file_only_when_whole"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert sorted(p.name for p in scratch.iterdir() if not p.name.startswith("pytest-of-")) == []
