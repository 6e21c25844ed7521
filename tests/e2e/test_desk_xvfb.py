"""End to end: the real program under Xvfb, a pile of scans typed at scanner speed by xdotool."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from bookroom_desk.services.common import clock
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Copy, Loan
from tests.support.desk_room import past_loan, small_room

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
                       reason="needs Xvfb and xdotool (apt-get install xvfb xdotool)"),
]

WINDOW_NAME = "职工书屋管理台"
PROBE = "00000003"  # lent before start; returned by the probe scan once the desk takes keys


def free_display(first: int = 140) -> int:
    for number in range(first, 400):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise RuntimeError("no free X display number")


def wait_for(predicate, timeout: float, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def state(db_path: Path) -> dict[str, tuple[str, bool]]:
    """{barcode: (card of the borrower, returned?)} for every loan made."""
    db = open_database(f"sqlite:///{db_path}")
    try:
        with db.read() as session:
            rows = session.execute(select(Copy.barcode, Loan.reader_id, Loan.returned_at)
                                   .join(Copy, Loan.copy_id == Copy.id).order_by(Loan.id)).all()
    finally:
        db.dispose()
    return {barcode: (reader_id, returned_at is not None) for barcode, reader_id, returned_at in rows}


def test_a_pile_of_scans_at_scanner_speed_is_all_recorded(tmp_path):
    db_path = tmp_path / "room.db"
    clock.set_clock(None)  # the program runs on the real clock; so do the loans made here
    db = open_database(f"sqlite:///{db_path}")
    with db.write() as session:
        room = small_room(session)
        today = clock.today()
        past_loan(session, PROBE, room.li, today - dt.timedelta(days=3), today + dt.timedelta(days=27))
    db.dispose()

    display = free_display()
    env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp_path / "config"),
               BOOKROOM_DATA_DIR=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path))
    env.pop("BOOKROOM_DB", None)
    xvfb = program = None
    try:
        for _attempt in range(5):  # another Xvfb may take the same free number at the same moment
            xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            socket = Path(f"/tmp/.X11-unix/X{display}")
            started = wait_for(lambda socket=socket, xvfb=xvfb: socket.exists() or xvfb.poll() is not None, 10)
            if started and xvfb.poll() is None:
                break
            stop(xvfb)
            display = free_display(display + 1)
            env["DISPLAY"] = f":{display}"
        assert xvfb.poll() is None, "Xvfb did not start"
        program = subprocess.Popen([sys.executable, "-m", "bookroom_desk", "--db", str(db_path), "gui"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

        def xdotool(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=20)

        window = wait_for(lambda: xdotool("search", "--name", WINDOW_NAME).stdout.split(), 30, 0.25)
        assert window, "the window did not appear: " + (program.stderr.read().decode() if program.poll() is not None else "")
        xdotool("search", "--name", WINDOW_NAME, "windowfocus", "--sync")

        # Wait until the scan field takes keys: scan the probe copy (a return) until it is recorded.
        for _ in range(20):
            xdotool("key", "Escape", "type", "--delay", "5", PROBE)
            xdotool("key", "Return")
            if wait_for(lambda: state(db_path).get(PROBE, (0, False))[1], 1.5):
                break
        assert state(db_path)[PROBE][1], "the desk never took the probe scan"

        # Back to back, no waiting on the program: Esc closes the reader, so the last two are returns.
        pile = ["R000001", "00000004", "00000005", "00000006", "R000002", "00000007", "00000008", "00000001",
                None, "00000004", "00000007"]
        for code in pile:
            if code is None:
                xdotool("key", "Escape")
            else:
                xdotool("type", "--delay", "5", code)  # `type` takes all its words as text: Return apart
                xdotool("key", "Return")

        expected = {PROBE: (room.li, True), "00000004": (room.zhang, True), "00000005": (room.zhang, False),
                    "00000006": (room.zhang, False), "00000007": (room.li, True), "00000008": (room.li, False),
                    "00000001": (room.li, False)}
        assert wait_for(lambda: state(db_path) == expected, 20, 0.2), state(db_path)
        assert program.poll() is None, "the program stopped while scanning"
    finally:
        stop(program)
        stop(xvfb)
    assert state(db_path) == expected  # all committed: nothing depended on a clean exit
