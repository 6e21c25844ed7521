"""Checks shared by the room-work records: required text, counts, dates; messages name the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.entry import entry_text
from bookroom_desk.text import QT_TRANSLATE_NOOP


def required_text(value: str | None, field: str, title: str, limit: int | Any) -> str:
    """``value`` stripped; refused when blank or longer than ``limit`` characters.

    Every refusal carries ``field`` (the form field's key) so a form can show it beside that field.
    """
    text = limited_text(value, field, title, limit)
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请填写“{title}”。"), title=title, field=field)
    return text


def limited_text(value: str | None, field: str, title: str, limit: int | Any | None = None) -> str:
    """``value`` stripped of blanks and invisible marks; refused past ``limit`` (a number or a model's column)."""
    return entry_text(value, title, limit, squeeze=False, field=field)


def count(value, field: str, title: str, maximum: int = 1_000_000) -> int:
    """A whole number from 0 to ``maximum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{title}”应为整数。"), title=title, field=field)
    if value < 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{title}”不能是负数。"), title=title, field=field)
    if value > maximum:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{title}”不能超过 {maximum}。"),
                           title=title, maximum=maximum, field=field)
    return value


def past_date(value, field: str, title: str) -> dt.date:
    """A date from 1990 up to today (records are of things that have happened)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请填写“{title}”。"), title=title, field=field)
    if value > clock.today():
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{title}”{value}晚于今天。"),
                           title=title, value=value.isoformat(), field=field)
    if value.year < 1990:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{title}”{value}不合理。"),
                           title=title, value=value.isoformat(), field=field)
    return value


def year(value, field: str = "year") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1990 <= value <= 2200:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "年份“{value}”不合理。"), value=value, field=field)
    return value


def choice(vocabulary: dict[str, str], code: str, field: str, title: str) -> str:
    if code not in vocabulary:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{title}”没有“{value}”这一项。"),
                           title=title, value=code, field=field)
    return code


def parse_date(text: str) -> dt.date | None:
    """A typed date: 2026-11-24, 2026/11/24, 2026.11.24, 20261124 or 2026年11月24日; None if not one."""
    raw = (text or "").strip()
    for ch in "/.年月":
        raw = raw.replace(ch, "-")
    raw = raw.rstrip("日").strip("-")
    if len(raw) == 8 and raw.isdigit():
        raw = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    parts = raw.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def typed_date(text: str, field: str, title: str) -> dt.date:
    """The date typed in a form; refused, naming the field, when blank or not a date."""
    raw = (text or "").strip()
    if not raw:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请填写“{title}”。"), title=title, field=field)
    value = parse_date(raw)
    if value is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{value}”不是有效的日期，请按 2026-11-24 的格式填写。"),
                           value=raw, field=field)
    return value


def typed_count(text: str, field: str, title: str) -> int:
    """A whole number typed in a form (blank is 0); negatives pass through for :func:`count` to refuse."""
    raw = (text or "").strip().replace(",", "").replace("，", "")
    if not raw:
        return 0
    try:
        return int(raw)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{title}”应为整数。"), title=title, field=field) from None


def typed_time(text: str, field: str, title: str) -> dt.time:
    """A time of day typed as 17:30, 1730 or 17：30; refused, naming the field, otherwise."""
    raw = (text or "").strip().replace("：", ":")
    if raw.isdigit() and len(raw) in (3, 4):
        raw = f"{raw[:-2]}:{raw[-2:]}"
    hours, _, minutes = raw.partition(":")
    if not raw:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请填写“{title}”。"), title=title, field=field)
    try:
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{value}”不是有效的时间，请按 17:30 的格式填写。"),
                           value=raw, field=field) from None
