"""The report library (报表): standard reports an administrator runs for a period, each a table, a note and a chart.

A report is registered once (:func:`register`) with its name (the command line's, e.g. ``loans-by-department``),
its title and what it is for, and a function giving a :class:`ReportTable` for a session and a period. The same
table is shown on the 报表 page, printed, saved as a PDF or a workbook, and printed by
``bookroom-desk report NAME`` (``--json`` gives its rows). A :class:`Report`'s texts are Chinese source strings
(context ``reports``, marked with QT_TRANSLATE_NOOP); a :class:`ReportTable` holds every text already translated
(:func:`tr`, at run time, in the language installed), so whoever shows it translates nothing. Values are plain
Python values (int, Decimal, date, str), formatted by whoever shows them, by the column's ``kind``.

An empty period, or a room with no readers, gives a table with no rows and a note that says why, never an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bookroom_desk.services.common.periods import Period
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "reports"

#: The kinds of column a report has: how a value is shown and summed.
TEXT, INT, MONEY, DATE, PERCENT, DECIMAL = "text", "int", "money", "date", "percent", "decimal"
KINDS = (TEXT, INT, MONEY, DATE, PERCENT, DECIMAL)

#: The kinds of chart the page draws beside a table.
BAR, LINE, PIE = "bar", "line", "pie"

Value = str | int | Decimal | dt.date | float | None
Row = tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its key, its heading (a Chinese source text, context ``reports``) and its kind."""

    key: str
    title: str  # translated
    kind: str = TEXT

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Chart:
    """A picture of the table: ``label`` is the column naming each bar or point, ``values`` the columns drawn."""

    kind: str
    label: str
    values: tuple[str, ...]
    title: str = ""  # translated; the report's title when empty


@dataclass(slots=True)
class ReportTable:
    """What a report gives for a period: rows of values in the columns' order, a total row where sums mean
    something, a note (why a table is empty, or how to read it) and a chart where a picture helps; every text
    translated."""

    name: str
    title: str
    period: Period
    columns: list[Column]
    rows: list[Row]
    total: Row | None = None
    note: str = ""
    chart: Chart | None = None

    def column(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def as_dicts(self) -> list[dict[str, Value]]:
        """The rows as {column key: value}, as ``--json`` prints them."""
        return [dict(zip((c.key for c in self.columns), row, strict=True)) for row in self.rows]


@dataclass(frozen=True, slots=True)
class Report:
    """A registered report: ``name`` for the command line, ``title`` and ``about`` shown on the page (Chinese
    source texts, context ``reports``), ``run`` making its table, and ``options`` it takes beside the period
    (name -> default, e.g. {"years": 3} for copies not lent in N years)."""

    name: str
    title: str
    about: str
    run: Callable[..., ReportTable]
    options: dict[str, Any] = field(default_factory=dict)
    group: str = ""  # a Chinese source text: the heading it is listed under (借阅, 读者, 藏书, 工作)


#: Every report, by name, as its module registered it; services.reporting.report_list imports them all.
REPORTS: dict[str, Report] = {}


def register(report: Report) -> Report:
    """Add ``report`` to the library (at import of its module); a name is registered once."""
    if report.name in REPORTS:
        raise ValueError(f"report {report.name!r} registered twice")
    REPORTS[report.name] = report
    return report


def tr(source: str, **params: Any) -> str:
    """A report's text in the language installed (``source`` marked with QT_TRANSLATE_NOOP("reports", ...))."""
    text = translate(CONTEXT, source)
    return text.format(**params) if params else text


def column(key: str, source: str, kind: str = TEXT) -> Column:
    """A column headed by ``source`` (marked QT_TRANSLATE_NOOP("reports", ...) where it is written) translated now."""
    return Column(key, tr(source), kind)


def in_english() -> bool:
    """Whether the reports speak English (for names kept in both languages, as the CLC's classes are)."""
    return tr(LANGUAGE) != LANGUAGE


LANGUAGE = QT_TRANSLATE_NOOP("reports", "中文")
