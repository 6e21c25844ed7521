"""The annual return of the benchmark room (the export), and consolidating 200 returns made from it.

Both run through the TaskRunner, as the reports page runs them, so the GUI thread's longest gap
is measured too. Targets: the return under 5 s, 200 returns consolidated under 10 s.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import zipfile
from pathlib import Path

from benchmarks import pg
from benchmarks.common import Figure, repeated_task


def _refs(text: str) -> str:
    """``text`` as the XML character references a workbook writer may put instead of UTF-8."""
    return "".join(ch if ch.isascii() else f"&#{ord(ch)};" for ch in text)


def many_returns(source: Path, folder: Path, count: int) -> None:
    """``count`` copies of one return, each naming another room (as if from ``count`` rooms)."""
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for n in range(count):
        with zipfile.ZipFile(folder / f"room{n:03d}.xlsx", "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in parts.items():
                for old, new in (("基准书屋", f"书屋{n:03d}"), (_refs("基准书屋"), _refs(f"书屋{n:03d}"))):
                    data = data.replace(old.encode(), new.encode())
                target.writestr(name, data)


def bench(path: Path | str, runs: int, count: int, consolidate: bool = True) -> list[Figure]:
    """The two figures (``path``: the room's file or a PostgreSQL URL); ``consolidate=False`` leaves out the
    consolidation, which reads only the returns' files."""
    from bookroom_desk.services.common.periods import Period
    from bookroom_desk.services.reporting import filing
    from bookroom_desk.services.reporting.consolidation import consolidate_files
    from bookroom_desk.store.database import Database

    db = Database(pg.url_of(path))
    folder = Path(tempfile.mkdtemp(prefix="bookroom-bench-returns-"))
    target = folder / "return.xlsx"
    period = Period.year(dt.date.today().year - 1)

    def annual(progress):
        with db.read() as session:
            return filing.write_return(session, period, target, progress=progress)

    return_s, return_gap = repeated_task(annual, runs)
    db.dispose()
    annual_figure = Figure.of(f"annual return {period.start.year} (.xlsx export)", "s", return_s, 3.0, gap_ms=return_gap)
    if not consolidate:
        shutil.rmtree(folder, ignore_errors=True)
        return [annual_figure]
    many = folder / "returns"
    many.mkdir()
    many_returns(target, many, count)

    def consolidation(progress):
        result, _ = consolidate_files([many], folder / "all.xlsx", progress=progress)
        if len(result.returns) != count:
            raise SystemExit(f"consolidated {len(result.returns)} of {count}: {result.problems[:3]}")

    cons_s, cons_gap = repeated_task(consolidation, runs)
    shutil.rmtree(folder, ignore_errors=True)
    return [annual_figure,
            Figure.of(f"consolidating {count} returns", "s", cons_s, 10.0, gap_ms=cons_gap)]
