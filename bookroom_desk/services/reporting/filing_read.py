"""Reading a return back (for consolidation): the format version decides the reader; damage is named."""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common.periods import Period, from_dates
from bookroom_desk.services.reporting import filing_format
from bookroom_desk.services.reporting.indicators import INDICATORS, Breakdown
from bookroom_desk.services.reporting.return_checks import ReturnNonsense, check_indicators, count, finite, visible_text
from bookroom_desk.services.roomwork.profile import FIELDS
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Indicators that may be blank in a return (rates without a denominator, no stocktake yet).
MAY_BE_BLANK = {"renewal_rate", "participation_rate", "loans_per_reader", "circulation_rate", "last_stocktake",
                "stocktake_missing"}
TEXT_INDICATORS = {"standard"}
_DATES_RE = re.compile(r"(\d{4}-\d{2}-\d{2})\s*至\s*(\d{4}-\d{2}-\d{2})")


class ReturnUnreadable(BookroomError):
    """A file that cannot be consolidated; the message says why."""


@dataclass
class ReturnFile:
    """What consolidation needs from one room's return."""

    path: Path
    format_version: int
    program_version: str
    period: Period
    room: str
    union: str
    workers_served: int | None
    lent_copies: int | None
    indicators: dict[str, Any]  # numbers, dates, text or None, by indicator
    classes: dict[str, Breakdown] = field(default_factory=dict)  # A–Z, and "" for 未分类
    topics: list[Breakdown] = field(default_factory=list)  # in the return's order


def read_return(path: Path | str) -> ReturnFile:
    """Read the return at ``path``; raises ReturnUnreadable naming what is wrong with it (a figure that cannot be
    true included: return_checks.py)."""
    path = Path(path)
    try:
        workbook = _open(path)
    except FileNotFoundError:
        raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "找不到文件。")) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "文件已损坏，或不是 Excel 工作簿（.xlsx）。")) from exc
    except Exception as exc:  # openpyxl raises many kinds on a damaged part
        raise ReturnUnreadable(QT_TRANSLATE_NOOP(
            "BookroomError", "文件已损坏，无法读取：{detail}"), detail=str(exc)[:200] or type(exc).__name__) from exc
    try:
        props = {prop.name: prop.value for prop in workbook.custom_doc_props.props}
        version = props.get(filing_format.PROP_FORMAT)
        if version is None:
            raise ReturnUnreadable(QT_TRANSLATE_NOOP(
                "BookroomError", "不是职工书屋统计报表：文件中没有报表格式标记。"))
        reader = READERS.get(int(version)) if str(version).isdigit() else None
        if reader is None:
            raise ReturnUnreadable(QT_TRANSLATE_NOOP(
                "BookroomError", "报表格式版本“{version}”不受本程序支持，请升级程序。"), version=version)
        try:
            return reader(path, workbook, props)
        except ReturnUnreadable:
            raise
        except ReturnNonsense as exc:
            raise ReturnUnreadable(exc.text, **exc.params) from None
        except Exception as exc:  # a damaged sheet part shows itself only while reading rows
            raise ReturnUnreadable(QT_TRANSLATE_NOOP(
                "BookroomError", "文件已损坏，无法读取：{detail}"), detail=str(exc)[:200] or type(exc).__name__) from exc
    finally:
        workbook.close()


class _SheetsReader(ExcelReader):
    """openpyxl's reader, but making only the sheets consolidation reads.

    A read-only sheet is parsed whole on opening when it has no size record, and write-only
    workbooks (the returns) write none: skipping the long sheets keeps 200 returns fast.
    """

    wanted = filing_format.SHEETS[:2]

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if sheet.name in self.wanted and rel.target in self.valid_files and "chartsheet" not in rel.Type:
                self.wb._sheets.append(ReadOnlyWorksheet(self.wb, sheet.name, rel.target, self.shared_strings))


def _open(path: Path):
    reader = _SheetsReader(path, read_only=True, data_only=True)
    with warnings.catch_warnings():  # the print titles of the sheets not made have nowhere to go
        warnings.filterwarnings("ignore", message="Defined names for sheet index")
        reader.read()
    return reader.wb


def _sheet_rows(workbook, name: str) -> list[tuple]:
    if name not in workbook.sheetnames:
        raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "缺少工作表“{sheet}”。"), sheet=name)
    return [tuple(row) for row in workbook[name].iter_rows(values_only=True)]


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _number(value, label: str, may_be_blank: bool):
    if value is None or value == "":
        if may_be_blank:
            return None
        raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "“{label}”没有数值。"), label=label)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "“{label}”的数值“{value}”不是数字。"),
                               label=label, value=value)
    finite(value, label)
    return int(value) if float(value).is_integer() and not isinstance(value, float) else value


def _period(props: dict, rows: list[tuple]) -> Period:
    try:
        return from_dates(dt.date.fromisoformat(props[filing_format.PROP_START]),
                          dt.date.fromisoformat(props[filing_format.PROP_END]))
    except (KeyError, TypeError, ValueError, BookroomError):
        pass
    for row in rows[:3]:
        if match := _DATES_RE.search(_text(row[0] if row else "")):
            try:
                return from_dates(dt.date.fromisoformat(match.group(1)), dt.date.fromisoformat(match.group(2)))
            except (ValueError, BookroomError):
                break
    raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "无法识别报表的统计期间。"))


def _read_v1(path: Path, workbook, props: dict) -> ReturnFile:
    return _read(1, path, workbook, props)


def _read_v2(path: Path, workbook, props: dict) -> ReturnFile:
    """Version 2 is version 1 with four rows more in 基本情况 (到馆人次, 阅览册次, 预约（次）, 催还（次））."""
    return _read(2, path, workbook, props)


def _read_v3(path: Path, workbook, props: dict) -> ReturnFile:
    """Version 3 is version 2 laid out as a printed form: a heading block above each sheet's tables, signature lines
    below 基本情况's, the list of new copies an appendix; the figures are read by their labels as before."""
    return _read(3, path, workbook, props)


def _read(version: int, path: Path, workbook, props: dict) -> ReturnFile:
    basic = _sheet_rows(workbook, filing_format.SHEETS[0])
    by_label: dict[str, object] = {}
    for row in basic:
        label = _text(row[0]) if row else ""
        if label and label not in by_label:
            by_label[label] = row[1] if len(row) > 1 else None
    values: dict[str, object] = {}
    for indicator in INDICATORS:
        if indicator.since > version:
            values[indicator.key] = None  # not in a return of this version: blank, never read as 0
            continue
        if indicator.label not in by_label:
            raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "“基本情况”中缺少指标“{label}”。"),
                                   label=indicator.label)
        value = by_label[indicator.label]
        if indicator.key in TEXT_INDICATORS:
            values[indicator.key] = _text(value)
        elif indicator.key == "last_stocktake":
            values[indicator.key] = value.date() if isinstance(value, dt.datetime) else value or None
        else:
            values[indicator.key] = _number(value, indicator.label, indicator.key in MAY_BE_BLANK)
    values = check_indicators(values)
    volumes = values["volumes"]
    assert isinstance(volumes, int)  # a count, never blank: checked just above
    # As it reads: a zero-width space or a bidi control must not make the same room a second one.
    room = visible_text(_text(by_label.get(FIELDS["name"]))) or visible_text(_text(props.get(filing_format.PROP_ROOM)))
    if not room:
        raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "报表中没有书屋名称。"))
    workers = by_label.get(FIELDS["workers_served"])
    if isinstance(workers, (int, float)) and not isinstance(workers, bool):
        workers = count(workers, FIELDS["workers_served"])
    lent = props.get(filing_format.PROP_LENT_COPIES)
    if isinstance(lent, int) and not 0 <= lent <= volumes:
        raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "报表记录的借出册数 {value} 不在 0 到藏书总量 {total} 之间。"),
                               value=lent, total=volumes)
    classes, topics = _read_classes(_sheet_rows(workbook, filing_format.SHEETS[1]))
    # 藏书分类 counts the same holdings as 藏书总量, by class and by priority kind: each table adds up to it.
    for rows in (classes.values(), topics):
        if rows and sum(row.volumes for row in rows) != volumes:
            raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "“藏书分类”各类册数之和 {value} 与藏书总量 {total} 不符。"),
                                   value=sum(row.volumes for row in rows), total=volumes)
    return ReturnFile(
        path=path, format_version=version, program_version=_text(props.get(filing_format.PROP_VERSION)),
        period=_period(props, basic), room=room, union=visible_text(_text(by_label.get(FIELDS["union_name"]))),
        workers_served=int(workers) if isinstance(workers, (int, float)) and not isinstance(workers, bool) else None,
        lent_copies=int(lent) if isinstance(lent, int) else None,
        indicators=values, classes=classes, topics=topics)


def _read_classes(rows: list[tuple]) -> tuple[dict[str, Breakdown], list[Breakdown]]:
    """The class table (letters A–Z, 未分类) and the priority-kind table (numbered rows) of 藏书分类."""
    classes: dict[str, Breakdown] = {}
    topics: list[Breakdown] = []
    in_topics = False
    for row in rows:
        row = tuple(row) + (None,) * (7 - len(row))
        first, name = _text(row[0]), _text(row[1])
        if first == "序号":
            in_topics = True
            continue
        if first in ("分类号", "合计") or not (first or name):
            continue
        measures = {}
        for key, value in zip(Breakdown.MEASURES, row[2:7]):
            label = f"{filing_format.SHEETS[1]} {first or name}"
            measures[key] = count(_number(value if value is not None else 0, label, False), label)
        if in_topics and isinstance(row[0], (int, float)):
            topics.append(Breakdown(name, name, **measures))
        elif not in_topics and re.fullmatch(r"[A-Z]", first):
            classes[first] = Breakdown(first, name, **measures)
        elif not in_topics and name.startswith("未分类"):
            classes[""] = Breakdown("", "未分类", **measures)
    if len([key for key in classes if key]) == 0:
        raise ReturnUnreadable(QT_TRANSLATE_NOOP("BookroomError", "“藏书分类”中没有分类数据。"))
    return classes, topics


#: Format version -> reader. Keep every old reader when the format changes.
READERS = {1: _read_v1, 2: _read_v2, 3: _read_v3}
