"""Launch to ready-to-scan: start the real program on the benchmark room until the scan field has focus.

Each run is a new process (the interpreter's start-up included), offscreen unless DISPLAY is set.
Target: p95 under 1.5 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(db: Path, runs: int) -> list[float]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
    env.setdefault("BOOKROOM_DATA_DIR", tempfile.mkdtemp(prefix="bookroom-bench-"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "bookroom_desk", "--db", str(db), "gui", "--quit-when-ready"],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready = None
        for line in process.stdout:  # timed to the moment it says so: closing (its backup) comes after
            if line.startswith("ready scanInput"):
                ready = time.perf_counter() - start
                break
        out, err = process.communicate(timeout=120)
        if ready is None:
            raise SystemExit(f"the program did not get ready:\n{out}\n{err}")
        times.append(ready)
    return times
