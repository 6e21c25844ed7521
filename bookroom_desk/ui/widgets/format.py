"""Numbers and dates in the chosen language's format (QLocale.setDefault is set by i18n)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale


def fmt_int(value: int) -> str:
    return QLocale().toString(int(value))


def date_format() -> str:
    """The language's short date format with a four-digit year (en: 11/24/2026, zh_CN: 2026/11/24)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def fmt_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())
