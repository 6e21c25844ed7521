"""The catalogue's speed goals: a 3,000-row delivery list imported, and search over 100,000 titles.

    python benchmarks/catalogue.py [--db big.db] [--titles 100000] [--rows 3000] [--rounds 9]

Targets: the import under 2 s (reading the .xlsx included); search p95 under 50 ms (the page of
results with its copy counts, as the title list asks for it). The large room is built once with
plain inserts (its search texts computed as the program computes them) when --db does not exist.
"""

from __future__ import annotations

import argparse
import io
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

CHARS = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行"
         "学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天"
         "政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立")
PUBLISHERS = ("中国工人出版社", "人民文学出版社", "机械工业出版社", "中国法制出版社", "商务印书馆", "中华书局")
CLASSES = ("D922.5", "I247.5", "TP311", "F272", "K825", "G252", "D412.6", "TU", "O4", "B84")
QUERIES = ("hlm", "红楼", "工人", "劳动", "学习", "zgg", "qwxz", "的一", "出版社", "中华书局", "D922.5/17",
           "9787100012345", "7100012345", "00012345", "z")


def isbn(n: int) -> str:
    body = f"97871{n:07d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def delivery_list(rows: int, rng: random.Random, offset: int = 0) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["全国工会职工书屋图书配送清单"])
    sheet.append(["序号", "国际标准书号", "正题名", "责任者", "出版者", "出版日期", "定价", "复本数", "中图分类号"])
    for i in range(rows):
        sheet.append([i + 1, isbn(offset + i), "".join(rng.choice(CHARS) for _ in range(rng.randint(4, 14))),
                      "".join(rng.choice(CHARS) for _ in range(3)), rng.choice(PUBLISHERS), "2024-05",
                      round(rng.uniform(20, 80), 1), rng.randint(1, 2), rng.choice(CLASSES)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def build(path: Path, titles: int, seed: int = 1) -> None:
    """A room with ``titles`` titles of one copy each, written with plain SQL."""
    from bookroom_desk.services.search import search_text
    from bookroom_desk.services.search_keys import pinyin_key
    from bookroom_desk.store.migrate import open_database

    open_database(f"sqlite:///{path}").dispose()
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    rows, copies = [], []
    for n in range(1, titles + 1):
        name = "".join(rng.choice(CHARS) for _ in range(rng.randint(4, 14)))
        author = "".join(rng.choice(CHARS) for _ in range(rng.randint(2, 3)))
        publisher, clc = rng.choice(PUBLISHERS), rng.choice(CLASSES)
        code, call = isbn(n), f"{clc}/{n}"
        pinyin = pinyin_key(name)
        rows.append((n, code, name, author, publisher, clc, n, call, "other", "book", pinyin, "",
                     "2025-01-01 00:00:00", search_text(name, author, publisher, code, clc, call, pinyin)))
        copies.append((n, f"{n:08d}", n, "available", "", "2025-01-01", "other", "", ""))
    con.executemany("INSERT INTO titles (id, isbn, title, author, publisher, clc, order_no, call_number, topic,"
                    " material, pinyin, notes, created_at, search_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO copies (id, barcode, title_id, status, volume_mark, acquired_on, source,"
                    " removed_reason, notes) VALUES (?,?,?,?,?,?,?,?,?)", copies)
    con.commit()
    con.close()


def measure_import(rows: int) -> float:
    from bookroom_desk.services import book_import
    from bookroom_desk.store.migrate import open_database

    data = delivery_list(rows, random.Random(2))
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'room.db'}")
        start = time.perf_counter()
        with db.write() as session:
            book_import.import_books(session, data, file_name="清单.xlsx")
        elapsed = time.perf_counter() - start
        db.dispose()
    return elapsed


def measure_search(path: Path, rounds: int) -> list[float]:
    from bookroom_desk.services import search
    from bookroom_desk.store.database import Database

    db = Database(f"sqlite:///{path}")
    timings = []
    for query in QUERIES:
        with db.read() as session:
            search.find_titles(session, query)  # warm the statement cache
        for _ in range(rounds):
            start = time.perf_counter()
            with db.read() as session:
                search.find_titles(session, query)
            timings.append((time.perf_counter() - start) * 1000)
    db.dispose()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "bookroom-catalogue-bench.db")
    parser.add_argument("--titles", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    imports = [measure_import(args.rows) for _ in range(3)]
    print(f"import of {args.rows} rows: best {min(imports):.2f} s, median {statistics.median(imports):.2f} s"
          f" (target 2 s)")
    if not args.db.exists():
        print(f"building {args.titles} titles in {args.db} ...", file=sys.stderr)
        build(args.db, args.titles)
    timings = sorted(measure_search(args.db, args.rounds))
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"search over {args.titles} titles: median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms"
          f" (target 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
