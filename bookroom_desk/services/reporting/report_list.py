"""The report library's list: every report module imported, so each has registered; look one up and run it.

Add a module of reports to the imports below (services.reporting.library says what a report is).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import (  # noqa: F401  (each registers its reports)
    reports_catalogue,
    reports_loans,
    reports_readers,
    reports_work,
)
from bookroom_desk.services.reporting.library import REPORTS, Report, ReportTable
from bookroom_desk.text import QT_TRANSLATE_NOOP

UNKNOWN = QT_TRANSLATE_NOOP("BookroomError", "没有名为“{name}”的报表。可用的报表：{names}")


def reports() -> list[Report]:
    """Every report, in the order registered (grouped as the page lists them)."""
    return list(REPORTS.values())


def find(name: str) -> Report:
    try:
        return REPORTS[name]
    except KeyError:
        raise InvalidInput(UNKNOWN, name=name, names="、".join(REPORTS)) from None


def run(session: Session, name: str, period: Period, **options: Any) -> ReportTable:
    """The report ``name`` for ``period``; unknown options are refused, missing ones take their defaults."""
    report = find(name)
    unknown = set(options) - set(report.options)
    if unknown:
        raise ValueError(f"report {name!r} takes no option {sorted(unknown)}")
    return report.run(session, period, **{**report.options, **options})
