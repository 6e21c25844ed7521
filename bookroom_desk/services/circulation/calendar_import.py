"""Closed dates imported from a list: an .xlsx, .csv or .txt file with one date or range per line.

Each line (a row of the file) is ``date[,reason]`` or ``first:last[,reason]``: in a workbook the first cell
holds the date or range and the second the reason (a date cell counts as the date it shows). Dates are
written 2026-10-01 (2026/10/01 and 2026.10.01 are read too); a range may also be written with 至 or ~.
A first row headed 日期 / date is a header and is skipped.

All or nothing: when any line is wrong, nothing is stored and every wrong line is listed (ImportRejected
with its RowProblems); else each closure is stored with :func:`closures.close` (administrators only,
audited; one stored already is not stored twice).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from bookroom_desk.errors import BookroomError, ImportRejected, InvalidInput
from bookroom_desk.services.common import closures, permissions
from bookroom_desk.services.common.periods import read_date
from bookroom_desk.services.xlsx.problems import RowProblem
from bookroom_desk.services.xlsx.tabular import fold, read_grid
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

DATE_COLUMN = QT_TRANSLATE_NOOP("BookroomError", "日期")
REASON_COLUMN = QT_TRANSLATE_NOOP("BookroomError", "原因")
_HEADERS = frozenset({"日期", "停馆日期", "闭馆日期", "date", "dates", "closeddates", "closeddate"})
_RANGE_SPLIT = re.compile(r"\s*(?:[:：~～]|至|到|--)\s*")
_DATE_MARKS = re.compile(r"[/.]")
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_REASON_SPLIT = re.compile(r"[,，\t]")
NOT_A_DATE = QT_TRANSLATE_NOOP(
    "BookroomError", "“{value}”不是日期或日期范围：请写成 2026-10-01 或 2026-10-01:2026-10-07。")


@dataclass(frozen=True)
class ListedClosure:
    """One line of the list: its row in the file, the closed days and the reason."""

    row: int
    first: dt.date
    last: dt.date
    reason: str


def _date(text: str, line: str) -> dt.date:
    text = _DATE_MARKS.sub("-", text.strip())
    if _DATE_SHAPE.fullmatch(text) is None:
        raise InvalidInput(NOT_A_DATE, value=line)
    return read_date(text)  # says what is wrong with the month or the day


def parse_line(text: str, reason: str = "") -> tuple[dt.date, dt.date, str]:
    """One line, ``date[,reason]`` or ``first:last[,reason]`` (InvalidInput when it is wrong)."""
    text = (text or "").strip()
    if not reason:
        text, _, reason = (part.strip() for part in _partition(text))
    parts = _RANGE_SPLIT.split(text)
    if len(parts) > 2 or not all(parts):
        raise InvalidInput(NOT_A_DATE, value=text)
    first = _date(parts[0], text)
    last = _date(parts[1], text) if len(parts) == 2 else first
    if last < first:
        raise closures.BackwardsRange(first, last)
    first, last = closures.parse_range(f"{first.isoformat()}:{last.isoformat()}")
    reason = " ".join(reason.split())
    if len(reason) > closures.REASON_LIMIT:
        raise closures.ReasonTooLong(closures.REASON_LIMIT)
    return first, last, reason


def _partition(text: str) -> tuple[str, str, str]:
    match = _REASON_SPLIT.search(text)
    return (text, "", "") if match is None else (text[:match.start()], match.group(0), text[match.end():])


def _is_header(cells: Sequence[str]) -> bool:
    return bool(cells) and fold(cells[0]) in _HEADERS


def parse_rows(rows: Sequence[tuple[int, Sequence[str]]]) -> tuple[list[ListedClosure], list[RowProblem]]:
    """The closures the rows (file row number, cells) give, and a problem for every wrong row."""
    listed: list[ListedClosure] = []
    problems: list[RowProblem] = []
    for index, (number, cells) in enumerate(rows):
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if index == 0 and _is_header(cells):
            continue
        reason = " ".join(cell for cell in cells[1:] if cell)
        try:
            first, last, reason = parse_line(cells[0], reason)
        except BookroomError as exc:
            problems.append(RowProblem.from_error(number, translate("BookroomError", DATE_COLUMN), exc))
            continue
        listed.append(ListedClosure(number, first, last, reason))
    return listed, problems


def read_list(source: Path | str | bytes, file_name: str | None = None) -> list[ListedClosure]:
    """The closures of a list file; ImportRejected listing every wrong line, or InvalidInput for an unreadable file."""
    grid = read_grid(source, file_name)
    listed, problems = parse_rows(grid.rows)
    if problems:
        raise ImportRejected(problems)
    if not listed:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "文件“{name}”中没有任何日期。"), name=grid.file_name)
    return listed


def import_list(session: Session, source: Path | str | bytes, file_name: str | None = None, *,
                actor: str) -> list[closures.ClosedRange]:
    """Store the closed dates of a list (administrators only): all of them, or none when any line is wrong."""
    permissions.require(session, actor, "settings")
    listed = read_list(source, file_name)
    return [closures.close(session, item.first, item.last, item.reason, actor=actor) for item in listed]
