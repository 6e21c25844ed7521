"""汇总: many rooms' returns of one period combined; every file left out is listed with its reason."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common.bulk import collector_paused
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.services.reporting.consolidation_rank import rank_rooms
from bookroom_desk.services.reporting.consolidation_result import Consolidation, Problem
from bookroom_desk.services.reporting.consolidation_sheets import default_file_name, write_consolidation
from bookroom_desk.services.reporting.filing_read import ReturnFile, ReturnUnreadable, read_return
from bookroom_desk.services.reporting.indicators import INDICATORS, Breakdown, rate
from bookroom_desk.services.reporting.return_checks import visible_text
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_phrases, labelled

#: Indicators summed over rooms; the rates are recomputed from the summed parts.
SUMMED = ("volumes", "books", "periodicals", "titles", "acquired", "removed", "readers", "borrowers", "loans",
          "returns", "renewals", "visits", "reads_in_room", "holds", "notices", "overdue", "activities",
          "participants", "volunteers", "duty_hours", "stocktake_missing")
#: Rows a return of format version 1 does not have: blank for that room, and its total sums the rooms that have them.
SINCE_V2 = tuple(i.key for i in INDICATORS if i.since >= 2)



def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; a folder stands for the .xlsx files in it (Excel's ~$ lock files aside)."""
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.is_file() and p.suffix.lower() == ".xlsx" and not p.name.startswith("~$")))
        else:
            found.append(path)
    return found


def consolidate(paths: Iterable[Path | str], period: Period | None = None, progress: Progress | None = None,
                exclude: Path | None = None) -> Consolidation:
    """Read every file, keep the returns of one period (``period``, or the most common one) and one per room."""
    files = [p for p in expand_paths(paths) if exclude is None or p.resolve() != exclude.resolve()]
    if not files:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "没有可汇总的文件。"))
    step = progress or (lambda done, total: None)
    read: list[ReturnFile] = []
    problems: list[Problem] = []
    with collector_paused():
        for index, path in enumerate(files):
            try:
                read.append(read_return(path))
            except ReturnUnreadable as exc:
                problems.append(Problem(path, exc.text, exc.params))
            # A workbook read leaves cycles (sheets and their workbook). Collected now, while young, they never
            # reach the old generation, so no full collection (tens of ms holding the interpreter) runs meanwhile.
            gc.collect(1)
            step(index + 1, len(files) + 1)
    if period is None and read:
        counts = Counter((r.period.start, r.period.end) for r in read)
        best = max(counts.values())
        period = next(r.period for r in read if counts[(r.period.start, r.period.end)] == best)
    result = Consolidation(period)
    seen: dict[tuple[str, str], ReturnFile] = {}
    for item in read:
        assert period is not None  # given, or the most common one when there are returns
        if not item.period.same_dates(period):
            problems.append(Problem(item.path, QT_TRANSLATE_NOOP(
                "BookroomError", "统计期间是{found}，不是本次汇总的{expected}。"),
                {"found": item.period.label, "expected": period.label}))
            continue
        key = (visible_text(item.room), visible_text(item.union))  # as read: NFKC, no invisible characters
        if key in seen:
            problems.append(_repeated(item, seen[key].path))
            continue
        seen[key] = item
        result.returns.append(item)
    order = {path: index for index, path in enumerate(files)}
    result.problems = sorted(problems, key=lambda p: order.get(p.path, 0))
    result.total = totals(result.returns)
    result.classes, result.topics = class_totals(result.returns)
    result.ranking = rank_rooms(result.returns)
    step(len(files) + 1, len(files) + 1)
    return result


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return one.absolute() == other.absolute()


def _repeated(item: ReturnFile, counted: Path) -> Problem:
    """A second return of a room already counted (from ``counted``): named by its file name, or by its full
    path when the two files share one name (in two folders), or said to be the same file given twice."""
    if _same_file(item.path, counted):
        return Problem(item.path, QT_TRANSLATE_NOOP("BookroomError", "同一个文件给了两次，只计入一次。"))
    other = str(counted) if counted.name.casefold() == item.path.name.casefold() else counted.name
    return Problem(item.path, QT_TRANSLATE_NOOP("BookroomError", "与“{other}”是同一书屋（{room}）的报表，未重复计入。"),
                   {"other": other, "room": item.room})


def lent_copies(item: ReturnFile) -> int:
    """The numerator of 图书流通率: stored in the return, else worked back from the rounded rate."""
    if item.lent_copies is not None:
        return item.lent_copies
    circulation, volumes = item.indicators.get("circulation_rate"), item.indicators.get("volumes") or 0
    return round(circulation * volumes / 100) if circulation is not None else 0


def totals(items: list[ReturnFile]) -> dict[str, Any]:
    """The total row: sums, and rates recomputed from the summed parts (never averaged)."""
    total: dict[str, Any] = {key: None for key in (i.key for i in INDICATORS)}
    for key in SUMMED:
        present = [item.indicators[key] for item in items if item.indicators.get(key) is not None]
        if not present and key in ("stocktake_missing", *SINCE_V2):
            continue  # no room has taken stock, or no return of format 2: blank, as in the returns
        total[key] = round(sum(present), 1) if key == "duty_hours" else sum(present)
    met = sum(1 for item in items if item.indicators["volumes"] >= (item.indicators.get("minimum") or 0))
    total["standard"] = f"达标{met}个，未达标{len(items) - met}个"
    total["renewal_rate"] = rate(total["acquired"], total["volumes"], 1)
    known = [item for item in items if item.workers_served]
    served = sum(i.workers_served or 0 for i in known)  # `or 0` only for mypy: known ones are never None
    total["participation_rate"] = rate(sum(i.indicators["borrowers"] for i in known), served, 1) if known else None
    total["loans_per_reader"] = rate(total["loans"], total["readers"], 2, scale=1)
    total["circulation_rate"] = rate(sum(lent_copies(i) for i in items), total["volumes"], 1)
    total["workers_served"] = served if known else None
    return total


def class_totals(items: list[ReturnFile]) -> tuple[dict[str, Breakdown], list[Breakdown]]:
    """藏书分类 summed over the rooms: by class letter, and by priority kind (by name, in first-seen order)."""
    from bookroom_desk.services.catalogue import clc

    classes = {top.code: Breakdown(top.code, top.name) for top in clc.top_classes()}
    topics: dict[str, Breakdown] = {}
    for item in items:
        for code, row in item.classes.items():
            target = classes.setdefault(code, Breakdown(code, row.name or "未分类"))
            target.add(row)
        for row in item.topics:
            topics.setdefault(row.name, Breakdown(row.name, row.name)).add(row)
    return classes, list(topics.values())


def consolidate_files(paths: Iterable[Path | str], output: Path | str, period: Period | None = None,
                      progress: Progress | None = None) -> tuple[Consolidation, Path]:
    """Consolidate and write the workbook at ``output`` (a folder gets the default name)."""
    output = Path(output)
    step = progress or (lambda done, total: None)
    result = consolidate(paths, period, lambda done, total: step(done * 9, total * 10),
                         exclude=output if output.suffix else None)
    if result.period is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "所选文件中没有可读的统计报表：{reasons}"),
                           reasons=join_phrases(labelled(p.path.name, p.reason) for p in result.problems))
    target = output / default_file_name(result.period) if output.is_dir() else output
    path = write_consolidation(result, target)
    step(10, 10)
    return result, path
