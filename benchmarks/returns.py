"""The annual return of a large room, and consolidating many returns: time and peak memory.

    python benchmarks/returns.py [--db big.db] [--copies 100000] [--loans 1000000] [--returns 200]

Builds the room first when the database does not exist (plain SQL inserts, a few minutes for
the default size). Each measurement runs in a new process so its peak memory is its own.
Targets: the annual return under 5 s and 300 MB; 200 returns consolidated under 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

YEAR = 2025
_MEASURE_RETURN = """
import resource, sys, time
from bookroom_desk.services import returns
from bookroom_desk.services.periods import Period
from bookroom_desk.store.migrate import open_database
db = open_database("sqlite:///" + sys.argv[1])
start = time.perf_counter()
with db.read() as session:
    returns.write_return(session, Period.year(int(sys.argv[3])), sys.argv[2])
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
_MEASURE_CONSOLIDATION = """
import resource, sys, time
from bookroom_desk.services.consolidate import consolidate_files
start = time.perf_counter()
result, _ = consolidate_files([sys.argv[1]], sys.argv[2])
assert len(result.returns) == int(sys.argv[3]), result.problems[:3]
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def build(path: Path, copies: int, loans: int, seed: int = 1) -> None:
    """A room with ``copies`` copies over eight years and ``loans`` loans spread over them."""
    from bookroom_desk.store.migrate import open_database

    open_database(f"sqlite:///{path}").dispose()
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO room_profile (id, name, union_name, workplace, address, contact, phone, opening_hours,"
                " nameplate, digital_service, rules_text, workers_served) VALUES"
                " (1, '基准书屋', '基准工会', '', '', '', '', '', 1, '电子职工书屋', '借阅制度', 5000)")
    category = con.execute("SELECT id FROM reader_categories ORDER BY id").fetchone()
    if category is None:
        con.execute("INSERT INTO reader_categories (id, name, loan_days, max_loans, renewals, overdue_blocks)"
                    " VALUES (1, '职工', 30, 5, 1, 1)")
    titles = max(1, copies * 3 // 10)
    con.executemany(
        "INSERT INTO titles (id, title, author, publisher, clc, topic, material, created_at, search_text,"
        " call_number, pinyin, notes, price) VALUES (?, ?, ?, '出版社', ?, ?, ?, '2018-01-01 00:00:00', '', '', '', '',"
        " '25.00')",
        [(i, f"书名{i}", f"著者{i % 500}", rng.choice("ABCDEFGHIJKNOPQRSTUVXZ") + str(rng.randint(1, 999)),
          rng.choice(("politics", "skills", "labour_law", "culture", "social_science", "other")),
          "book" if i % 20 else "periodical") for i in range(1, titles + 1)])
    first = dt.date(YEAR - 7, 1, 1)

    def copy_rows():
        for i in range(1, copies + 1):
            acquired = first + dt.timedelta(days=rng.randint(0, 8 * 365 - 1))
            status, removed = "available", None
            if rng.random() < 0.04:
                status = rng.choice(("withdrawn", "lost"))
                removed = (acquired + dt.timedelta(days=rng.randint(1, 300))).isoformat()
            yield i, f"{i:08d}", rng.randint(1, titles), status, acquired.isoformat(), removed

    con.executemany("INSERT INTO copies (id, barcode, title_id, status, acquired_on, source, removed_on,"
                    " volume_mark, removed_reason, notes) VALUES (?, ?, ?, ?, ?, 'distribution', ?, '', '', '')",
                    copy_rows())
    readers = max(1, copies // 20)
    con.executemany("INSERT INTO readers (id, card, name, department, category_id, status, registered_on,"
                    " employee_no, phone, pinyin, notes) VALUES (?, ?, ?, ?, 1, 'active', ?, '', '', '', '')",
                    [(i, f"R{i:06d}", f"读者{i}", f"部门{i % 40}", first.isoformat()) for i in range(1, readers + 1)])

    def loan_rows():
        for i in range(1, loans + 1):
            out = dt.datetime(YEAR - 7, 1, 1) + dt.timedelta(minutes=rng.randint(0, 8 * 365 * 24 * 60))
            back = out + dt.timedelta(days=rng.randint(1, 40))
            yield (i, rng.randint(1, copies), rng.randint(1, readers), out.isoformat(" "),
                   (out.date() + dt.timedelta(days=30)).isoformat(), back.isoformat(" "))

    con.executemany("INSERT INTO loans (id, copy_id, reader_id, out_at, due_on, returned_at, renewals, lent_by,"
                    " returned_by) VALUES (?, ?, ?, ?, ?, ?, 0, '', '')", loan_rows())
    con.commit()
    con.close()


def many_returns(source: Path, folder: Path, count: int) -> None:
    """``count`` copies of one return, each naming another room (as if from ``count`` rooms)."""
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for n in range(count):
        with zipfile.ZipFile(folder / f"room{n:03d}.xlsx", "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in parts.items():
                if name in ("xl/worksheets/sheet1.xml", "docProps/custom.xml"):
                    data = data.replace("基准书屋".encode(), f"书屋{n:03d}".encode())
                target.writestr(name, data)


def run(code: str, *args: str) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, timeout=600)
    seconds, megabytes = out.stdout.split()
    return float(seconds), float(megabytes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "bookroom-returns-bench.db")
    parser.add_argument("--copies", type=int, default=100_000)
    parser.add_argument("--loans", type=int, default=1_000_000)
    parser.add_argument("--returns", type=int, default=200)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"building {args.db} ({args.copies} copies, {args.loans} loans)…", flush=True)
        build(args.db, args.copies, args.loans)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "return.xlsx"
        seconds, megabytes = run(_MEASURE_RETURN, str(args.db), str(target), str(YEAR))
        print(f"annual return: {seconds:.2f} s, peak {megabytes:.0f} MB (targets 5 s, 300 MB)")
        returns_folder = Path(folder) / "returns"
        returns_folder.mkdir()
        many_returns(target, returns_folder, args.returns)
        seconds, megabytes = run(_MEASURE_CONSOLIDATION, str(returns_folder), str(Path(folder) / "all.xlsx"),
                                 str(args.returns))
        print(f"consolidating {args.returns} returns: {seconds:.2f} s, peak {megabytes:.0f} MB (target 10 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
