"""Importing a MARC file: 10,000 CNMARC records (GB18030, two copies each) into a new room, reading included.

Target: 10,000 records in 5 s or less, the file read, every record checked as a delivery list row and
written, with the GUI thread never held more than 50 ms (through the TaskRunner as the wizard runs it).
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

from benchmarks.catalogue import CHARS, CLASSES, PUBLISHERS, isbn
from benchmarks.common import Figure, through_task_runner


def marc_file(records: int, rng: random.Random) -> bytes:
    """``records`` CNMARC records in GB18030 (100 $a "0120"), two copies each in 905 $b."""
    from decimal import Decimal

    from bookroom_desk.services.catalogue.marc.mapping import MarcRecord
    from bookroom_desk.services.catalogue.marc.writing import cnmarc_record, write_iso2709

    items = (MarcRecord(title="".join(rng.choice(CHARS) for _ in range(rng.randint(4, 14))), isbn=isbn(n),
                        price=Decimal(rng.randint(2000, 8000)) / 100,
                        responsibility="".join(rng.choice(CHARS) for _ in range(3)) + "著",
                        publisher=rng.choice(PUBLISHERS), place="北京", year="2024", clc=rng.choice(CLASSES),
                        subjects=["职工教育"], holdings=[f"{2 * n + 1:08d}", f"{2 * n + 2:08d}"])
             for n in range(records))
    return write_iso2709((cnmarc_record(item, encoding="gb18030") for item in items), "gb18030")


def bench(records: int, runs: int) -> list[Figure]:
    from bookroom_desk.services.catalogue.marc_import import import_marc
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.store.migrate import open_database

    data = marc_file(records, random.Random(3))
    folder = Path(tempfile.mkdtemp(prefix="bookroom-bench-marc-"))
    seconds, worst = [], 0.0
    for n in range(runs):
        db = open_database(f"sqlite:///{folder / f'room{n}.db'}")

        def work(progress, db=db):
            with db.write() as session:
                return import_marc(session, data, file_name="到书.iso", progress=progress, actor=OPERATOR)

        elapsed, gap = through_task_runner(work)
        seconds.append(elapsed)
        worst = max(worst, gap)
        db.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    return [Figure.of(f"import of {records:,} MARC records (.iso, GB18030)", "s", seconds, 5.0, gap_ms=worst)]
