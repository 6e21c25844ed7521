"""Launch to ready-to-scan: start the real program on a demo room until the scan field has focus.

    python benchmarks/launch.py [--runs 10] [--db demo.db]

Builds the demo room first when the database does not exist. Each run is a new process (the
interpreter's start-up included), offscreen unless DISPLAY is set. Target: p95 under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
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
        out = subprocess.run([sys.executable, "-m", "bookroom_desk", "--db", str(db), "gui", "--quit-when-ready"],
                             env=env, capture_output=True, text=True, timeout=60)
        elapsed = time.perf_counter() - start
        if "ready scanInput" not in out.stdout:
            raise SystemExit(f"the program did not get ready:\n{out.stdout}\n{out.stderr}")
        times.append(elapsed)
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "bookroom-bench-demo.db")
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run([sys.executable, "-m", "bookroom_desk", "--db", str(args.db), "demo"], check=True)
    measure(args.db, 1)  # warm the file cache and compile translations once
    times = measure(args.db, args.runs)
    print(f"launch to ready-to-scan over {args.runs} runs: median {statistics.median(times):.3f} s, "
          f"p95 {percentile(times, 0.95):.3f} s, max {max(times):.3f} s (target 1.5 s)")


if __name__ == "__main__":
    main()
