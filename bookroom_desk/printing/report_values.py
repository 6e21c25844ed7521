"""A report table's values as text, by column kind, the same on screen and on paper (QtCore only).

Money has two decimals, a percent is in percentage points (12.5 is 12.5%), a decimal keeps its own places, a date is
written yyyy-MM-dd; numbers take the language's digit grouping. A missing number is a dash.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QLocale

from bookroom_desk.services.reporting.library import DECIMAL, INT, MONEY, PERCENT, Value

#: The kinds shown right-aligned and drawn in a chart.
NUMERIC = frozenset((INT, MONEY, PERCENT, DECIMAL))
MISSING = "—"


def _places(value: Decimal | float | int) -> int:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return 0 if isinstance(value, int) else 2


def cell_text(kind: str, value: Value) -> str:
    """``value`` of a column of ``kind`` as shown."""
    if value is None:
        return MISSING if kind in NUMERIC else ""
    if isinstance(value, str):
        return value
    locale = QLocale()
    if isinstance(value, dt.date):
        return value.isoformat()
    if kind == INT:
        return locale.toString(int(value))
    if kind == MONEY:
        return locale.toString(float(value), "f", 2)
    if kind == PERCENT:
        return locale.toString(float(value), "f", max(1, _places(value))) + "%"
    if kind == DECIMAL:
        return locale.toString(float(value), "f", _places(value))
    return str(value)


def number(value: Value) -> float:
    """A value as a number for a chart (0 when it is missing or not a number)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return 0.0
    return float(value)


def sort_key(value: Value) -> tuple[int, object]:
    """Orders a column's values: missing ones first, then numbers, dates or texts among themselves."""
    if value is None:
        return (0, 0)
    if isinstance(value, int | float | Decimal):
        return (1, float(value))
    if isinstance(value, dt.date):
        return (2, value.toordinal())
    return (3, str(value))
