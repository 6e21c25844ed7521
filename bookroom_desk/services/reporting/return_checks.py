"""What a return read back must make sense as, before it is summed: each figure in its range and within its whole.

A room's program writes returns that pass; a file edited by hand, or made up, may hold a negative
count, a 其中 part larger than its total, a number too large to be one (Excel's ``1e400`` is read as
infinity) or a room name carrying invisible characters, so that one room counts twice. Each check
names the figure and the value, and the file goes to the 问题 sheet with that reason.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.reporting.indicators import INDICATORS
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Figures that are counts: whole numbers, never below 0.
COUNTS = ("volumes", "books", "periodicals", "titles", "minimum", "acquired", "removed", "readers", "borrowers",
          "loans", "returns", "renewals", "visits", "reads_in_room", "holds", "notices", "overdue", "activities",
          "participants", "volunteers", "stocktake_missing")
#: Figures that are amounts or rates: never below 0.
NON_NEGATIVE = ("duty_hours", "renewal_rate", "participation_rate", "loans_per_reader", "circulation_rate")
#: Rates that cannot pass 100 % by their definition (copies lent out of the copies held).
PERCENT = ("circulation_rate",)
#: Parts (其中) and the whole they belong to: each part, and the parts together, at most the whole.
PARTS = {"volumes": ("books", "periodicals")}
#: Figures at most another one (the titles held are at most the copies held).
AT_MOST = {"titles": "volumes"}

_LABELS = {indicator.key: indicator.label for indicator in INDICATORS}


class ReturnNonsense(BookroomError):
    """A figure of a return that cannot be true; the message names it."""


def visible_text(text: str) -> str:
    """``text`` as it reads: NFKC-folded, without zero-width and bidi controls (or any format or control
    character), blanks squeezed to one and none around it. Two room names that read the same compare equal."""
    folded = unicodedata.normalize("NFKC", text)
    kept = "".join(" " if ch.isspace() else ch for ch in folded if unicodedata.category(ch) not in ("Cf", "Cc", "Cs")
                   or ch.isspace())
    return " ".join(kept.split())


def finite(value: Any, label: str) -> None:
    """Refuse a number that is not one (infinity, NaN), whatever the figure."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ReturnNonsense(QT_TRANSLATE_NOOP("BookroomError", "“{label}”的数值“{value}”不是有限的数。"),
                             label=label, value=value)


def count(value: Any, label: str) -> int:
    """``value`` as a count (a whole number, 0 or more; 12.0 reads as 12)."""
    finite(value, label)
    if isinstance(value, float):
        if not value.is_integer():
            raise ReturnNonsense(QT_TRANSLATE_NOOP("BookroomError", "“{label}”是 {value}，应为整数。"),
                                 label=label, value=value)
        value = int(value)
    if value < 0:
        raise ReturnNonsense(QT_TRANSLATE_NOOP("BookroomError", "“{label}”是 {value}，不能小于 0。"),
                             label=label, value=value)
    return value


def check_indicators(values: dict[str, Any]) -> dict[str, Any]:
    """The indicators with counts as whole numbers; ReturnNonsense for the first figure that cannot be true."""
    checked = dict(values)
    for key, value in values.items():
        if value is None or isinstance(value, str):
            continue
        label = _LABELS.get(key, key)
        if key in COUNTS:
            checked[key] = count(value, label)
        elif isinstance(value, (int, float)):
            finite(value, label)
            if key in NON_NEGATIVE and value < 0:
                raise ReturnNonsense(QT_TRANSLATE_NOOP("BookroomError", "“{label}”是 {value}，不能小于 0。"),
                                     label=label, value=value)
            if key in PERCENT and value > 100:
                raise ReturnNonsense(QT_TRANSLATE_NOOP("BookroomError", "“{label}”是 {value}，应在 0 到 100 之间。"),
                                     label=label, value=value)
    for whole, parts in PARTS.items():
        total = checked.get(whole)
        present = [(part, checked[part]) for part in parts if checked.get(part) is not None]
        if total is None:
            continue
        for part, value in present:
            if value > total:
                raise ReturnNonsense(QT_TRANSLATE_NOOP("BookroomError", "“{part}”（{value}）大于“{whole}”（{total}）。"),
                                     part=_LABELS[part], value=value, whole=_LABELS[whole], total=total)
        if len(present) > 1 and sum(v for _, v in present) > total:
            raise ReturnNonsense(QT_TRANSLATE_NOOP("BookroomError", "“{parts}”合计 {value}，大于“{whole}”（{total}）。"),
                                 parts="”“".join(_LABELS[p] for p, _ in present), value=sum(v for _, v in present),
                                 whole=_LABELS[whole], total=total)
    for small, large in AT_MOST.items():
        if checked.get(small) is not None and checked.get(large) is not None and checked[small] > checked[large]:
            raise ReturnNonsense(QT_TRANSLATE_NOOP("BookroomError", "“{part}”（{value}）大于“{whole}”（{total}）。"),
                                 part=_LABELS[small], value=checked[small], whole=_LABELS[large], total=checked[large])
    return checked
