"""The catalogue: search by kind of query beside its plain-SQL floor, and delivery lists imported.

Targets: search p95 under 50 ms (the page of results with its copy counts, as the title list asks
for it); a 3,000-row list imported under 2 s and a 100,000-row one under 20 s (reading the .xlsx
included), with the GUI thread never held more than 50 ms, and the 100,000 new titles found by pinyin
and a 2-character substring within 30 s of the import's start (a scan's write p95 under 50 ms while
their keys are worked out); the 100,000-row list again, without its
ISBNs, into the room it made (every row matched by title, author, publisher and year: copies added,
no title made) under 20 s too.
"""

from __future__ import annotations

import io
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, captured_sql, sqlite_floor, through_task_runner, timed

CHARS = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行"
         "学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天"
         "政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立")
PUBLISHERS = ("中国工人出版社", "人民文学出版社", "机械工业出版社", "中国法制出版社", "商务印书馆", "中华书局")
CLASSES = ("D922.5", "I247.5", "TP311", "F272", "K825", "G252", "D412.6", "TU", "O4", "B84")


def isbn(n: int) -> str:
    body = f"97871{n:07d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def delivery_list(rows: int, rng: random.Random, offset: int = 0, isbns: bool = True) -> bytes:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("配送清单")
    sheet.append(["全国工会职工书屋图书配送清单"])
    sheet.append(["序号", "国际标准书号", "正题名", "责任者", "出版者", "出版日期", "定价", "复本数", "中图分类号"])
    for i in range(rows):
        sheet.append([i + 1, isbn(offset + i) if isbns else "",
                      "".join(rng.choice(CHARS) for _ in range(rng.randint(4, 14))),
                      "".join(rng.choice(CHARS) for _ in range(3)), rng.choice(PUBLISHERS), "2024-05",
                      round(rng.uniform(20, 80), 1), rng.randint(1, 2), rng.choice(CLASSES)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SEARCHES = {
    "Chinese substring": ("工人", "劳动", "学习", "的一", "中华书局"),
    "pinyin initials": ("hlm", "zgg", "qwxz", "gr", "xx"),
    "ISBN": (isbn(12345), isbn(33333)[3:12] + "X", isbn(40001), "9787100012345"),
}


def search_figures(path: Path, rounds: int, url: str | None = None, floor=None) -> list[Figure]:
    """Each kind of query: the program's first page of results (with copy counts), and its SQL replayed by hand:
    in plain sqlite3 on the file at ``path``, or (``url`` and ``floor``, benchmarks.pg) on PostgreSQL."""
    from bookroom_desk.services.catalogue import search
    from bookroom_desk.store.database import Database

    db = Database(url or f"sqlite:///{path}")
    replay = floor or (lambda statements, rounds: sqlite_floor(path, statements, rounds))
    figures = []
    for kind, queries in SEARCHES.items():
        timings, floors = [], []
        for query in queries:
            with captured_sql(db.engine) as statements, db.read() as session:
                search.find_titles(session, query)  # also warms the statement cache
            for _ in range(rounds):
                def work(query: str = query) -> None:
                    with db.read() as session:
                        search.find_titles(session, query)
                timings.append(timed(work))
            floors.extend(replay(statements, rounds))
        figures.append(Figure.of(f"search: {kind}", "ms", timings, 50.0, floor=statistics.median(floors)))
    db.dispose()
    return figures


def import_figures(rows: int, runs: int) -> list[Figure]:
    """A delivery list of ``rows`` rows imported into a new room through the TaskRunner (reading the .xlsx included).

    A list of more new titles than ``search.KEYS_INLINE_MAX`` leaves their search keys to the
    window's background work (ui/search_keys.py): that is timed too, after each import, as the
    window runs it (on the task pool, a short write per batch). "Searchable" is the time from the
    import's start until its new titles are found by pinyin and by a 2-character substring (the
    import, then the keys; checked on a sample of the new titles, by :func:`_found_by_keys`).
    """
    from bookroom_desk.services.catalogue import book_import, search
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.store.migrate import open_database

    data = delivery_list(rows, random.Random(2))
    folder = Path(tempfile.mkdtemp(prefix="bookroom-bench-import-"))

    from bookroom_desk.ui.search_keys import SearchKeys

    seconds, worst, keying, keying_worst, writes, searchable = [], 0.0, [], 0.0, [], []
    keying_cpu: list[float] = []
    worker_cpu: list[float] = []
    for n in range(runs):
        db = open_database(f"sqlite:///{folder / f'room{n}.db'}")
        children = _children_cpu()

        def work(progress, db=db):
            with db.write() as session:
                return book_import.import_books(session, data, file_name="清单.xlsx", progress=progress, actor=OPERATOR)

        elapsed, gap = through_task_runner(work)
        seconds.append(elapsed)
        worst = max(worst, gap)
        with db.read() as session:
            pending = search.unkeyed_count(session)
        if pending:
            volunteer = _DeskBeside(db, writes)
            cpu = time.process_time()
            elapsed, gap = through_task_runner(
                lambda progress, db=db: search.key_titles(db.read, db.write, progress, rest=SearchKeys.REST),
                write=False, beside=volunteer.act)
            volunteer.check()
            keying_cpu.append(time.process_time() - cpu)
            worker_cpu.append(_children_cpu() - children)  # the key worker, ended (and waited for) with the keying
            keying.append(elapsed)
            keying_worst = max(keying_worst, gap)
        if _found_by_keys(db, rows):
            searchable.append(seconds[-1] + (keying[-1] if pending else 0.0))
        db.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    figures = [Figure.of(f"import of {rows:,} rows (.xlsx)", "s", seconds, 2.0 if rows <= 3000 else 20.0,
                         gap_ms=worst)]
    if keying:
        figures.append(Figure.of(f"then search keys of its {pending:,} titles (background)", "s", keying,
                                 gap_ms=keying_worst, note=f"CPU {statistics.median(keying_cpu):.1f} s (the process, "
                                 f"rests {SearchKeys.REST:g} × each batch, {search.KEY_BATCH} titles a batch), and "
                                 f"{statistics.median(worker_cpu):.1f} s the key worker's process (from the import's "
                                 "plan on)"))
        figures.append(Figure.of("a desk scan meanwhile, to screen (card, check-out, check-in in turn, every 150 ms)",
                                 "ms", writes, 50.0, note=f"{len(writes)} scans, longest {max(writes):.0f} ms"))
    if rows > search.KEYS_INLINE_MAX:
        figures.append(Figure.of("import then searchable (pinyin and 2-char)", "s", searchable or [float("inf")],
                                 30.0, note="" if len(searchable) == runs else
                                 f"{runs - len(searchable)} of {runs} runs: new titles not found by their keys"))
    return figures


class _DeskBeside:
    """A volunteer at the real desk page while the keys are worked out: a reader's card, a book lent to them,
    the reader closed and the book taken back, one scan every 150 ms (each timed into ``timings``)."""

    def __init__(self, db, timings: list[float]) -> None:
        from sqlalchemy import select

        from benchmarks.desk import real_desk
        from bookroom_desk.services.readers import records
        from bookroom_desk.store.models import Copy

        with db.write() as session:
            self.card = records.register(session, name="值班测试读者").card
            self.codes = list(session.scalars(select(Copy.barcode).order_by(Copy.id).limit(400)))
        self.page, self.scan = real_desk(db)
        self.timings, self.step = timings, 0

    def act(self) -> None:
        phase, code = self.step % 3, self.codes[(self.step // 3) % len(self.codes)]
        if phase == 0:
            self.timings.append(self.scan(self.card))
        elif phase == 1:
            self.timings.append(self.scan(code))  # lent
        else:
            self.page.close_reader()
            self.timings.append(self.scan(code))  # taken back
        self.step += 1

    def check(self) -> None:
        from benchmarks.desk import put_away

        done = [r.action for r in self.page.controller.counter.done]
        put_away(self.page)
        if done.count("lent") < self.step // 3 or done.count("returned") < (self.step - 2) // 3:
            raise SystemExit(f"the desk's scans beside the keying were refused: {done[-6:]}")


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the key worker), where the system tells it."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _found_by_keys(db, rows: int, sample: int = 20) -> bool:
    """Whether the newest ``sample`` titles (the list's last rows) are each found by the full pinyin and the
    initials of their title and by a 2-character piece of it."""
    from sqlalchemy import select

    from bookroom_desk.services.catalogue import search
    from bookroom_desk.services.catalogue.search_keys import pinyin_key
    from bookroom_desk.store.models import Title

    with db.read() as session:
        newest = session.execute(select(Title.id, Title.title).order_by(Title.id.desc()).limit(min(sample, rows)))
        for title_id, title in newest.all():
            full, _, initials = pinyin_key(title).partition(" ")
            for query in (full, initials or full, title[-3:-1]):
                if title_id not in search.matching_ids(session, query, limit=None):
                    return False
    return True


def matching_figures(rows: int, runs: int) -> list[Figure]:
    """The list of ``rows`` rows imported, then the same list without ISBNs imported into that room, timed.

    Each row of the second list is matched by its normalised title, author, publisher and year (one pass
    over the room's titles); the random titles repeat now and then, so a few rows are unclear and decided
    as new titles.
    """
    from sqlalchemy import func, select

    from bookroom_desk.services.catalogue import book_import
    from bookroom_desk.services.catalogue.import_matches import Decisions
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.store.migrate import open_database
    from bookroom_desk.store.models import Title

    first, again = delivery_list(rows, random.Random(2)), delivery_list(rows, random.Random(2), isbns=False)
    folder = Path(tempfile.mkdtemp(prefix="bookroom-bench-match-"))
    seconds, worst, made = [], 0.0, 0
    for n in range(runs):
        db = open_database(f"sqlite:///{folder / f'room{n}.db'}")
        with db.write() as session:
            book_import.import_books(session, first, file_name="清单.xlsx", actor=OPERATOR)

        def work(progress, db=db):
            with db.write() as session:
                return book_import.import_books(session, again, file_name="清单2.xlsx", progress=progress,
                                                actor=OPERATOR, decisions=Decisions(rest_new=True))

        elapsed, gap = through_task_runner(work)
        seconds.append(elapsed)
        worst = max(worst, gap)
        with db.read() as session:
            made = session.scalar(select(func.count(Title.id))) - rows
        db.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    return [Figure.of(f"the {rows:,} rows again without ISBN, matched in a room of {rows:,} titles", "s", seconds,
                      20.0, gap_ms=worst, note=f"{made} titles made (unclear, decided as new)")]
