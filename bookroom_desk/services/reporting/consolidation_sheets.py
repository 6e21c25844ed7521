"""The consolidation workbook: 汇总 (a row per room and the total), 排名, 分类汇总, and 问题."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.packaging.custom import IntProperty, StringProperty
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from bookroom_desk import __version__
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting.consolidation_rank import FIGURES, STANDARD_VOLUMES, lacking, short_of_standard
from bookroom_desk.services.reporting.consolidation_result import Consolidation
from bookroom_desk.services.reporting.filing_format import PROGRAM, safe_file_part
from bookroom_desk.services.reporting.filing_sheets import CLASS_HEADER, FORMATS, TOPIC_HEADER, breakdown_row
from bookroom_desk.services.reporting.indicators import INDICATORS, Breakdown
from bookroom_desk.services.xlsx.streaming import SECTION_FONT, TOTAL_FILL, TOTAL_FONT, WARN_FILL, StreamSheet
from bookroom_desk.services.xlsx.workbook import DATE_FORMAT, display_width, save_workbook

SHEETS = ("汇总", "排名", "分类汇总", "问题")
#: 2: the four rows of return format 2 (到馆人次, 阅览册次, 预约, 催还) as columns; 3: the 排名 sheet.
FORMAT_VERSION = 3
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
    _ranking(workbook, result, heading)
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
    return max(9, min(12, display_width(label) // 2 + 2))


_LABELS = {indicator.key: indicator.label for indicator in INDICATORS}
_DECIMALS = {indicator.key: indicator.decimals for indicator in INDICATORS}
RANK_COLUMNS = ("名次", "书屋名称", "所属工会", _LABELS["volumes"], "达标标准（册）", "达标率（%）", "差额（册）",
                "服务职工人数", *(_LABELS[key] for key in FIGURES[1:]))
RANK_WIDTHS = (6, 24, 20) + (10,) * (len(RANK_COLUMNS) - 3)
RANK_ORDER_NOTE = ("排序：先列藏书达到{standard}册的书屋，再列未达到的；每组内按职工参与率从高到低（未填服务职工人数的书屋"
                   "没有参与率，排在有参与率的书屋之后），再按藏书总量、人均借阅从多到少；这几项都相同的书屋名次相同。")


def _ranking(workbook: Workbook, result: Consolidation, heading: str) -> None:
    """排名: the rooms in rank order (consolidation_rank), the rooms short of the standard named, a chart below."""
    ranked, columns = result.ranking, len(RANK_COLUMNS)
    sheet = StreamSheet(workbook, SHEETS[1], RANK_WIDTHS, bordered=True)
    sheet.print_setup(heading, landscape=True, title_rows="3:3")
    sheet.sheet.freeze_panes = "C4"
    sheet.title(f"{heading.replace('统计汇总', '排名')}（{len(ranked)}个书屋）", columns)
    assert result.period is not None  # as in write_consolidation
    sheet.title(f"统计期间：{result.period.dates_text}", columns, font=SECTION_FONT)
    sheet.header(tuple(title.replace("（", "\n（", 1) for title in RANK_COLUMNS), height=48)  # units on their line
    formats = (None, None, None, "0", "0", "0.0", "0", "0") + tuple(FORMATS[_DECIMALS[key]] for key in FIGURES[1:])
    first = sheet.row + 1
    for room in ranked:
        sheet.append((room.rank, room.room, room.union, room.volumes, STANDARD_VOLUMES, room.standard_rate,
                      room.shortfall, room.workers_served, *(room.figures[key] for key in FIGURES[1:])),
                     fill=WARN_FILL if room.short else None, formats=formats, center=(0,))
    last = sheet.row
    sheet.blank()
    short = short_of_standard(ranked)
    if not ranked:
        line = "没有计入的书屋。"
    elif short:
        line = f"未达到 {STANDARD_VOLUMES} 册的书屋：{'、'.join(short)}（共{len(short)}个）"
    else:
        line = f"所有书屋均已达到 {STANDARD_VOLUMES} 册。"
    _merged_line(sheet, "", line, font=TOTAL_FONT)
    for note in _rank_notes(result):
        _merged_line(sheet, "注", note)
    if ranked:
        _rank_chart(sheet, first, last)


def _merged_line(sheet: StreamSheet, label: str, text: str, font: Font | None = None) -> None:
    """``label`` in A and ``text`` wrapped across the next columns to the last (or from A when there is no label),
    the row as tall as its lines (merged cells do not grow by themselves): nothing runs past the printed width."""
    first = 2 if label else 1
    room = sum(RANK_WIDTHS[first - 1:]) - 2
    lines = max(1, -(-display_width(text) // int(room * 1.15)))  # Chinese prints a little narrower than 2 units
    sheet.sheet.row_dimensions[sheet.row + 1].height = 15 * lines + 3
    row = sheet.append((label, text) if label else (text,), font=font, wrap=(first - 1,), fit_height=False)
    sheet.sheet.merged_cells.add(f"{get_column_letter(first)}{row}:{get_column_letter(len(RANK_WIDTHS))}{row}")


def _rank_notes(result: Consolidation) -> list[str]:
    ranked = result.ranking
    notes = [RANK_ORDER_NOTE.format(standard=STANDARD_VOLUMES),
             f"达标标准为职工书屋基本标准{STANDARD_VOLUMES}册，各书屋一律按此衡量（不用书屋自设的达标下限）；"
             f"达标率 = 藏书总量 ÷ {STANDARD_VOLUMES} × 100，差额 = {STANDARD_VOLUMES} − 藏书总量；未达到的书屋以红色标出。",
             "职工参与率取自各书屋报表：本期借阅读者 ÷ 服务职工人数 × 100（分母是服务职工人数，不是登记读者）。"]
    unfilled = [room.room for room in ranked if room.figures["participation_rate"] is None]
    if unfilled:
        notes.append(f"未填服务职工人数、职工参与率留空的书屋：{'、'.join(unfilled)}。")
    for version, keys in lacking(ranked).items():
        rooms = sum(1 for room in ranked if room.format_version == version)
        notes.append(f"{rooms}个书屋的报表为格式{version}，没有{'、'.join(_LABELS[key] for key in keys)}，这些书屋留空。")
    return notes


def _rank_chart(sheet: StreamSheet, first: int, last: int) -> None:
    """Volumes per room as bars, the standard as a line; placed two rows below the notes, never over the table."""
    bars = BarChart()
    bars.type = "col"
    bars.title = f"各书屋藏书总量与{STANDARD_VOLUMES}册标准"
    bars.y_axis.title = "册"
    bars.add_data(Reference(sheet.sheet, min_col=4, min_row=first, max_row=last))
    names = AxDataSource(strRef=StrRef(f=f"'{SHEETS[1]}'!$B${first}:$B${last}"))  # text, not numbers: room names
    line = LineChart()
    line.add_data(Reference(sheet.sheet, min_col=5, min_row=first, max_row=last))
    standard = line.series[0]
    standard.graphicalProperties.line.solidFill = "C00000"
    standard.graphicalProperties.line.width = 25400  # 2 pt
    standard.smooth = False
    # Named here: the header cells break their units onto a second line, which a legend would show.
    bars.series[0].tx, standard.tx = SeriesLabel(v=RANK_COLUMNS[3]), SeriesLabel(v=RANK_COLUMNS[4])
    bars.series[0].cat = standard.cat = names
    bars.y_axis.scaling.min = 0  # bars measured from 0, not from near the standard
    bars.x_axis.delete = bars.y_axis.delete = False  # openpyxl leaves it unsaid, and Excel then hides the axes
    bars += line
    bars.legend.position = "b"
    bars.width, bars.height = min(34.0, max(24.0, 1.6 * (last - first + 1) + 8)), 10.0
    sheet.sheet.add_chart(bars, f"A{sheet.row + 2}")


def _classes(workbook: Workbook, result: Consolidation, heading: str) -> None:
    sheet = StreamSheet(workbook, SHEETS[2], (10, 44, 14, 10, 16, 12, 18))
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
    sheet = StreamSheet(workbook, SHEETS[3], (6, 50, 70))
    sheet.print_setup(heading, landscape=False, title_rows="1:1")
    sheet.freeze_below(1)
    sheet.header(("序号", "文件", "原因"))
    for number, problem in enumerate(result.problems, start=1):
        sheet.append((number, problem.path.name, problem.reason_chinese), wrap=(1, 2))
    if not result.problems:
        sheet.append(("", "没有问题文件：所有文件均已计入汇总。"))
