"""The consolidation workbook: 汇总 (a row per room and the total), 分类汇总, and 问题."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.custom import IntProperty, StringProperty

from bookroom_desk import __version__
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting.consolidation_result import Consolidation
from bookroom_desk.services.reporting.filing_format import PROGRAM, safe_file_part
from bookroom_desk.services.reporting.filing_sheets import CLASS_HEADER, FORMATS, TOPIC_HEADER, breakdown_row
from bookroom_desk.services.reporting.indicators import INDICATORS, Breakdown
from bookroom_desk.services.xlsx.streaming import SECTION_FONT, TOTAL_FILL, TOTAL_FONT, WARN_FILL, StreamSheet
from bookroom_desk.services.xlsx.workbook import DATE_FORMAT, save_workbook

SHEETS = ("汇总", "分类汇总", "问题")
FORMAT_VERSION = 2  # 2: the four rows of return format 2 (到馆人次, 阅览册次, 预约, 催还) as columns
PROP_FORMAT = "BookroomConsolidationFormat"
ROOM_COLUMNS = ("序号", "书屋名称", "所属工会", "服务职工人数")


def default_file_name(period: Period) -> str:
    return f"{safe_file_part(period.label)}_职工书屋统计汇总.xlsx"


def write_consolidation(result: Consolidation, path: Path | str) -> Path:
    workbook = Workbook(write_only=True)
    period = result.period
    assert period is not None  # consolidate_files writes only a consolidation with a period
    heading = f"{period.label} 职工书屋统计汇总"
    props = workbook.properties
    props.title, props.subject = heading, "职工书屋统计汇总"
    props.creator = f"{PROGRAM} {__version__}"
    props.keywords = f"职工书屋统计汇总; bookroom-desk-consolidation; format={FORMAT_VERSION}"
    workbook.custom_doc_props.append(IntProperty(name=PROP_FORMAT, value=FORMAT_VERSION))
    workbook.custom_doc_props.append(StringProperty(name="BookroomVersion", value=__version__))
    _summary(workbook, result, heading)
    _classes(workbook, result, heading)
    _problems(workbook, result, heading)
    return save_workbook(workbook, path)


def _summary(workbook: Workbook, result: Consolidation, heading: str) -> None:
    columns = len(ROOM_COLUMNS) + len(INDICATORS)
    sheet = StreamSheet(workbook, SHEETS[0],
                        (6, 24, 24, 12) + tuple(18 if i.key == "standard" else _width(i.label) for i in INDICATORS))
    sheet.print_setup(heading, landscape=True, title_rows="3:3")
    sheet.sheet.freeze_panes = "C4"
    sheet.title(f"{heading}（{len(result.returns)}个书屋）", columns)
    assert result.period is not None  # as in write_consolidation
    sheet.title(f"统计期间：{result.period.dates_text}", columns, font=SECTION_FONT)
    sheet.header(ROOM_COLUMNS + tuple(i.label for i in INDICATORS), height=48)
    formats = (None, None, None, "0") + tuple(
        DATE_FORMAT if i.key == "last_stocktake" else FORMATS[i.decimals] for i in INDICATORS)
    for number, item in enumerate(result.returns, start=1):
        values = item.indicators
        below = values["volumes"] < (values.get("minimum") or 0)
        sheet.append((number, item.room, item.union, item.workers_served, *(values[i.key] for i in INDICATORS)),
                     fill=WARN_FILL if below else None, formats=formats)
    total = result.total
    sheet.append(("合计", f"{len(result.returns)}个书屋", None, total.get("workers_served"),
                  *(total.get(i.key) for i in INDICATORS)), font=TOTAL_FONT, fill=TOTAL_FILL, formats=formats)
    sheet.blank()
    sheet.append(("注", "合计行中各项为各书屋之和；比率由合计的分子、分母重新计算（不是平均）；"
                        "藏书不足达标下限的书屋以红色标出。"))
    older = sum(1 for item in result.returns if item.format_version < 2)
    if older:
        sheet.append(("注", f"{older}个书屋的报表为格式1，没有到馆人次、阅览册次、预约（次）、催还（次）四项，"
                            "这些书屋留空，合计只计报了这些数的书屋。"))


def _width(label: str) -> float:
    from bookroom_desk.services.xlsx.workbook import display_width

    return max(9, min(12, display_width(label) // 2 + 2))


def _classes(workbook: Workbook, result: Consolidation, heading: str) -> None:
    sheet = StreamSheet(workbook, SHEETS[1], (10, 44, 14, 10, 16, 12, 18))
    sheet.print_setup(heading, landscape=True, title_rows="1:1")
    sheet.freeze_below(1)
    sheet.header(CLASS_HEADER[:2] + ("种数（各书屋之和）",) + CLASS_HEADER[3:])
    rows = [row for code, row in result.classes.items() if code]
    for row in rows:
        breakdown_row(sheet, row.key, row.name, row)
    unclassified = result.classes.get("")
    if unclassified is not None:
        breakdown_row(sheet, "", "未分类（无分类号）", unclassified)
        rows.append(unclassified)
    breakdown_row(sheet, "合计", "", Breakdown.total(rows), font=TOTAL_FONT, fill=TOTAL_FILL)
    sheet.blank()
    sheet.header(TOPIC_HEADER[:2] + ("种数（各书屋之和）",) + TOPIC_HEADER[3:])
    for number, row in enumerate(result.topics, start=1):
        breakdown_row(sheet, number, row.name, row, center=(0,))
    breakdown_row(sheet, "合计", "", Breakdown.total(result.topics), font=TOTAL_FONT, fill=TOTAL_FILL)


def _problems(workbook: Workbook, result: Consolidation, heading: str) -> None:
    sheet = StreamSheet(workbook, SHEETS[2], (6, 50, 70))
    sheet.print_setup(heading, landscape=False, title_rows="1:1")
    sheet.freeze_below(1)
    sheet.header(("序号", "文件", "原因"))
    for number, problem in enumerate(result.problems, start=1):
        sheet.append((number, problem.path.name, problem.reason_chinese), wrap=(1, 2))
    if not result.problems:
        sheet.append(("", "没有问题文件：所有文件均已计入汇总。"))
