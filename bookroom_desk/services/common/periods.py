"""The period a return covers: a year, a quarter, or a date range, with its fixed Chinese label."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP

YEAR, QUARTER, RANGE = "year", "quarter", "range"
_QUARTER_RE = re.compile(r"^(\d{4})年第([1-4])季度$")
_YEAR_RE = re.compile(r"^(\d{4})年$")
_RANGE_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})至(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Period:
    """Dates ``start``..``end`` (both included); ``kind`` says how it was chosen."""

    kind: str
    start: dt.date
    end: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        _check_year(year)
        return cls(YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        _check_year(year)
        if quarter not in (1, 2, 3, 4):
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "季度应为 1 到 4，而不是“{value}”。"), value=quarter)
        first = dt.date(year, 3 * quarter - 2, 1)
        return cls(QUARTER, first, _month_end(year, 3 * quarter))

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        if end < start:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "结束日期 {end} 早于开始日期 {start}。"),
                               start=start.isoformat(), end=end.isoformat())
        _check_year(start.year)
        _check_year(end.year)
        return cls(RANGE, start, end)

    @property
    def label(self) -> str:
        """2026年, 2026年第1季度 or 2026-01-01至2026-03-31 (the return's fixed wording)."""
        if self.kind == YEAR:
            return f"{self.start.year}年"
        if self.kind == QUARTER:
            return f"{self.start.year}年第{(self.start.month - 1) // 3 + 1}季度"
        return self.dates_text

    @property
    def dates_text(self) -> str:
        return f"{self.start.isoformat()}至{self.end.isoformat()}"

    @property
    def start_at(self) -> dt.datetime:
        """The first moment of the period."""
        return dt.datetime.combine(self.start, dt.time())

    @property
    def end_before(self) -> dt.datetime:
        """The first moment after the period (datetimes are compared ``< end_before``)."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time())

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        months, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def same_dates(self, other: Period) -> bool:
        return (self.start, self.end) == (other.start, other.end)


def parse_label(label: str) -> Period:
    """The period a label names (the inverse of :attr:`Period.label`)."""
    text = label.strip()
    if match := _YEAR_RE.match(text):
        return Period.year(int(match.group(1)))
    if match := _QUARTER_RE.match(text):
        return Period.quarter(int(match.group(1)), int(match.group(2)))
    if match := _RANGE_RE.match(text):
        try:
            return Period.between(dt.date.fromisoformat(match.group(1)), dt.date.fromisoformat(match.group(2)))
        except ValueError:
            pass
    raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{value}”不是报表期间。"), value=label)


def from_dates(start: dt.date, end: dt.date) -> Period:
    """The period with these dates, named as a year or quarter when it is exactly one."""
    if start.month == 1 and start.day == 1 and end == dt.date(start.year, 12, 31):
        return Period.year(start.year)
    if start.day == 1 and start.month % 3 == 1 and end == _month_end(start.year, start.month + 2):
        return Period.quarter(start.year, (start.month - 1) // 3 + 1)
    return Period.between(start, end)


_DATE = re.compile(r"\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\s*")


def read_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD; a wrong one is refused saying what is wrong (the form, the month or the day)."""
    match = _DATE.fullmatch(text or "")
    if match is None or int(match.group(1)) < 1:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "日期“{value}”应写成 2026-11-24 的样子（年-月-日）。"),
                           value=text)
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "日期“{value}”的月份 {month} 不对：月份应在 1 到 12 之间。"),
                           value=text, month=month)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError",
                                             "日期“{value}”的日 {day} 不对：{year} 年 {month} 月只有 {last} 天。"),
                           value=text, day=day, year=year, month=month, last=last)
    return dt.date(year, month, day)


def from_options(year: int | None, quarter: int | None = None, start: dt.date | None = None,
                 end: dt.date | None = None) -> Period:
    """The period of the command line: --year [--quarter N | --from D --to D]."""
    if start is not None or end is not None:
        if start is None or end is None or quarter is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "日期范围需要同时给出开始和结束日期（且不能同时指定季度）。"))
        return Period.between(start, end)
    if year is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请指定年份。"))
    return Period.quarter(year, quarter) if quarter is not None else Period.year(year)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return following - dt.timedelta(days=1)


def _check_year(year: int) -> None:
    if not 1900 <= year <= 2200:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "年份“{value}”不合理。"), value=year)
