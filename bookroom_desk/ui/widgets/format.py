"""Numbers and dates in the chosen language's format."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale


def fmt_int(value: int) -> str:
    return QLocale().toString(int(value))


def fmt_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)
