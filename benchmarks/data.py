"""The benchmark room: titles, copies on shelves, readers and years of loans, bulk-inserted.

    python -m benchmarks.data PATH [--size full|small]

The schema comes from the program's own migrations; the rows go in with sqlite3 executemany
(search keys computed as the program computes them), so the full room (100,000 copies, 20,000
readers, 1,000,000 loans) is built in well under a minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.catalogue import CHARS, CLASSES, PUBLISHERS, isbn

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
         "秀兰", "霞", "平", "刚", "桂英", "建国", "建华", "志强", "海燕", "红梅", "春生", "国庆")
TOPICS = ("politics", "skills", "labour_law", "culture", "social_science", "other")
SOURCES = ("distribution", "procurement", "donation", "purchase", "other")
SHELVES = 40
OPEN_LOANS_PER_READER = 1


@dataclass(frozen=True)
class Size:
    """How big a benchmark room is."""

    titles: int
    copies: int
    readers: int
    loans: int
    open_loans: int


SIZES = {
    "full": Size(titles=50_000, copies=100_000, readers=20_000, loans=1_000_000, open_loans=3_000),
    "small": Size(titles=500, copies=1_000, readers=200, loans=5_000, open_loans=30),
}


def _fast(con: sqlite3.Connection) -> None:
    # Building a throw-away file: no journal and no fsync (the program itself uses WAL and FULL).
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -200000")


def _titles(con: sqlite3.Connection, size: Size, rng: random.Random) -> None:
    from bookroom_desk.services.catalogue.search import search_text
    from bookroom_desk.services.catalogue.search_keys import pinyin_key
    from bookroom_desk.services.catalogue.shelf_order import shelf_key

    rows, counters = [], {}
    # Titles are two to four words from a pool; a title's pinyin joins its words' keys (computing
    # keys per word keeps the build quick, and only a polyphone read across two words differs).
    words = ["".join(rng.choice(CHARS) for _ in range(rng.randint(2, 4))) for _ in range(6000)]
    word_keys = {word: (pinyin_key(word) + " ").split(" ")[:2] for word in words}
    authors = ["".join(rng.choice(CHARS) for _ in range(rng.randint(2, 3))) for _ in range(2000)]
    for n in range(1, size.titles + 1):
        chosen = rng.sample(words, rng.randint(2, 4))
        name, author = "".join(chosen), rng.choice(authors)
        publisher, clc = rng.choice(PUBLISHERS), rng.choice(CLASSES)
        order = counters[clc] = counters.get(clc, 0) + 1
        code, call = isbn(n), f"{clc}/{order}"
        full = "".join(word_keys[w][0] for w in chosen)
        initials = "".join(word_keys[w][1] or word_keys[w][0] for w in chosen)
        pinyin = full if full == initials else f"{full} {initials}"
        rows.append((n, code, name, author, publisher, 2010 + n % 16, f"{20 + n % 60}.00", clc, order, call,
                     TOPICS[n % len(TOPICS)], "book" if n % 20 else "periodical", pinyin,
                     "2018-01-01 00:00:00", search_text(name, author, publisher, code, clc, call, pinyin),
                     shelf_key(call)))
    # The full-text index is filled in one pass after the rows, not row by row by its trigger.
    trigger = con.execute("SELECT sql FROM sqlite_master WHERE name = 'titles_search_insert'").fetchone()
    if trigger:
        con.execute("DROP TRIGGER titles_search_insert")
    con.executemany("INSERT INTO titles (id, isbn, title, author, publisher, pub_year, price, clc, order_no,"
                    " call_number, topic, material, pinyin, notes, created_at, search_text, shelf_key)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'',?,?,?)", rows)
    if trigger:
        con.execute("INSERT INTO title_search (title_search) VALUES ('rebuild')")
        con.execute(trigger[0])
    con.executemany("INSERT INTO call_number_counters (clc, last_number) VALUES (?, ?)", counters.items())


def _copies(con: sqlite3.Connection, size: Size, rng: random.Random, first: dt.date, days: int) -> list[str]:
    """Inserts the copies; returns their statuses (index = id - 1)."""
    statuses, rows = [], []
    for i in range(1, size.copies + 1):
        acquired = first + dt.timedelta(days=rng.randint(0, days - 1))
        status, removed, reason = "available", None, ""
        if rng.random() < 0.04:
            status = rng.choice(("withdrawn", "lost"))
            removed, reason = (acquired + dt.timedelta(days=rng.randint(1, 300))).isoformat(), "基准数据"
        statuses.append(status)
        title = i if i <= size.titles else rng.randint(1, size.titles)
        rows.append((i, f"{i:08d}", title, 1 + i % SHELVES, status, acquired.isoformat(), rng.choice(SOURCES),
                     removed, reason))
    con.executemany("INSERT INTO copies (id, barcode, title_id, shelf_id, status, volume_mark, acquired_on, source,"
                    " removed_on, removed_reason, notes) VALUES (?,?,?,?,?,'',?,?,?,?,'')", rows)
    return statuses


def _readers(con: sqlite3.Connection, size: Size, rng: random.Random, first: dt.date) -> None:
    from bookroom_desk.services.catalogue.search_keys import pinyin_key

    rows = []
    for i in range(1, size.readers + 1):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        rows.append((i, f"R{i:06d}", name, f"E{i:05d}", f"第{i % 40 + 1}车间", first.isoformat(), pinyin_key(name)))
    con.executemany("INSERT INTO readers (id, card, name, employee_no, department, phone, category_id, status,"
                    " registered_on, pinyin, notes) VALUES (?,?,?,?,?,'',1,'active',?,?,'')", rows)


def _loans(con: sqlite3.Connection, size: Size, rng: random.Random, statuses: list[str], first: dt.date,
           today: dt.date) -> None:
    """Past loans in time order, all returned; then one open loan for each of the first readers."""
    start = dt.datetime.combine(first, dt.time(9))
    span = (dt.datetime.combine(today, dt.time(9)) - dt.timedelta(days=60) - start).total_seconds()
    closed = size.loans - size.open_loans
    lendable = [i + 1 for i, s in enumerate(statuses) if s == "available"]
    r, n_lendable, day, minute = rng.random, len(lendable), dt.timedelta(days=1), dt.timedelta(minutes=1)
    month = 30 * day

    def closed_rows():
        for i in range(1, closed + 1):
            out = start + dt.timedelta(seconds=span * i / closed + 3600 * r())
            back = out + day * (1 + int(40 * r())) + minute * int(600 * r())
            yield (i, lendable[int(n_lendable * r())], 1 + int(size.readers * r()), out.isoformat(" "),
                   (out.date() + month).isoformat(), back.isoformat(" "))

    # A million rows go in faster with the loans' indexes built afterwards, each in one sorted pass.
    indexes = [sql for (sql,) in con.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'loans'"
                                             " AND sql IS NOT NULL")]
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'loans'"
                               " AND sql IS NOT NULL").fetchall():
        con.execute(f"DROP INDEX {name}")
    con.executemany("INSERT INTO loans (id, copy_id, reader_id, out_at, due_on, returned_at, renewals, lent_by,"
                    " returned_by) VALUES (?,?,?,?,?,?,0,'','')", closed_rows())
    for sql in indexes:
        con.execute(sql)
    on_loan = rng.sample(lendable, size.open_loans)
    now = dt.datetime.combine(today, dt.time(9))
    rows = []
    for n, copy_id in enumerate(on_loan):
        out = now - dt.timedelta(days=rng.randint(1, 45), minutes=rng.randint(0, 600))
        rows.append((closed + n + 1, copy_id, n + 1, out.isoformat(" "), (out.date() + dt.timedelta(days=30)).isoformat()))
    con.executemany("INSERT INTO loans (id, copy_id, reader_id, out_at, due_on, returned_at, renewals, lent_by,"
                    " returned_by) VALUES (?,?,?,?,?,NULL,0,'','')", rows)
    con.executemany("UPDATE copies SET status = 'on_loan' WHERE id = ?", [(c,) for c in on_loan])


def current(path: Path) -> bool:
    """Whether the room at ``path`` has the program's newest schema (an older one is built again)."""
    from bookroom_desk.store.migrate import head_revision

    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    except sqlite3.Error:
        return False
    finally:
        con.close()


def build(path: Path, size: Size | str = "full", seed: int = 1, today: dt.date | None = None) -> float:
    """Build the room at ``path`` (replaced if present); returns the seconds it took."""
    from bookroom_desk.store.migrate import open_database

    size = SIZES[size] if isinstance(size, str) else size
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    open_database(f"sqlite:///{path}").dispose()
    today = today or dt.date.today()
    first = dt.date(today.year - 7, 1, 1)
    rng = random.Random(seed)
    con = sqlite3.connect(path, isolation_level=None)
    _fast(con)
    con.execute("BEGIN")
    con.execute("INSERT INTO room_profile (id, name, union_name, workplace, address, contact, phone, opening_hours,"
                " nameplate, digital_service, rules_text, workers_served) VALUES (1, '基准书屋', '基准工会', '基准单位',"
                " '', '', '', '', 1, '电子职工书屋', '借阅制度', 5000)")
    con.executemany("INSERT INTO shelves (id, code, name, class_from, class_to, notes) VALUES (?, ?, ?, '', '', '')",
                    [(n, f"A{n:02d}", f"A{n:02d}") for n in range(1, SHELVES + 1)])
    _titles(con, size, rng)
    statuses = _copies(con, size, rng, first, (today - first).days - 90)
    _readers(con, size, rng, first)
    _loans(con, size, rng, statuses, first, today)
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.execute("PRAGMA journal_mode = WAL")  # as the program leaves its files
    con.close()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    args = parser.parse_args(argv)
    seconds = build(args.path, args.size)
    print(f"built {args.path} ({args.size}) in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
