"""The sheets of the return, streamed into a write-only workbook in docs/return-format.md's order, laid out as a
printed form: a heading block (form name, 表号, 填报单位), ruled tables, A4 page setup with the header rows repeated,
a table kept on one page with its header where it fits, charts below their tables."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Border, Font, PatternFill, Side
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk import __version__
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.services.common.vocab import SOURCES
from bookroom_desk.services.reporting.filing_format import (
    APPENDIX,
    FOOTER,
    FORM_BASIS,
    FORM_NAME,
    FORM_NUMBERS,
    PROGRAM,
    SHEETS,
    SIGNATURES,
    ReturnData,
)
from bookroom_desk.services.reporting.filing_notes import caveats
from bookroom_desk.services.reporting.indicators import INDICATORS, Breakdown, counted_materials
from bookroom_desk.services.xlsx.streaming import (
    LINE_HEIGHT,
    SECTION_FONT,
    TOTAL_FILL,
    TOTAL_FONT,
    WARN_FILL,
    StreamSheet,
)
from bookroom_desk.services.xlsx.workbook import DATE_FORMAT, MONEY_FORMAT
from bookroom_desk.store.models import Copy, Title

FORMATS = {0: "0", 1: "0.0", 2: "0.00", None: None}
TODO_FILL = PatternFill("solid", fgColor="FFF4CC")
CLASS_HEADER = ("分类号", "类名", "种数", "册数", "本期新增（册）", "在借（册）", "本期借出（册次）")
TOPIC_HEADER = ("序号", "优先配备类别", "种数", "册数", "本期新增（册）", "在借（册）", "本期借出（册次）")
MONTH_HEADER = ("月份", "借出（册次）", "归还（册次）", "续借（次）", "借阅读者（人）")
NEW_COPIES_HEADER = ("条码", "书名", "著者", "出版社", "ISBN", "分类号", "来源", "价格", "入藏日期")
_COPY_BATCH = 2000


SIGN_LINE = Border(bottom=Side(style="thin", color="000000"))
SMALL_FONT = Font(size=9, color="666666")
#: A4 in points, and the margins setup_print and StreamSheet.print_setup set (inches).
_A4 = (595.0, 842.0)
_SIDE_MARGINS, _TOP_BOTTOM_MARGINS = 0.8 * 72, 1.4 * 72


def write_sheets(workbook: Workbook, session: Session, data: ReturnData,
                 progress: Progress) -> None:
    writers = [_basic, _classes, _lending, _new_copies, _activities, _stocktake, _self_check]
    assert len(writers) == len(SHEETS)
    names = list(SHEETS)
    if data.appendix:
        writers.append(_appendix)
        names.append(APPENDIX)
    for index, (name, writer) in enumerate(zip(names, writers)):
        writer(workbook, name, session, data)
        progress(index + 1, len(writers))


class FormSheet(StreamSheet):
    """A sheet of the printed return: ruled tables, A4, its page height known so a table can be kept whole."""

    def __init__(self, workbook: Workbook, name: str, widths, data: ReturnData, landscape: bool = False,
                 title_rows: str = "1:2", one_page: bool = False) -> None:
        super().__init__(workbook, name, widths, bordered=True)
        self.sheet.sheet_format.customHeight = True  # every row LINE_HEIGHT tall unless set: page breaks can be planned
        self.name, self.data, self.landscape = name, data, landscape
        self.print_setup(f"{data.room} {data.period.label}", landscape=landscape, title_rows=title_rows,
                         footer=FOOTER, one_page=one_page)
        first, last = (int(part) for part in title_rows.split(":"))
        self.repeated = (last - first + 1) * LINE_HEIGHT * 1.4  # the heading rows are taller than a line

    @property
    def width_points(self) -> float:
        return sum(width * 7 + 5 for width in self.widths) * 0.75  # characters -> pixels -> points

    @property
    def page_points(self) -> float:
        """The height of a printed page in the sheet's own points (fitting to width scales the sheet down)."""
        paper_width, paper_height = (_A4[1], _A4[0]) if self.landscape else _A4
        scale = min(1.0, (paper_width - _SIDE_MARGINS) / self.width_points)
        return (paper_height - _TOP_BOTTOM_MARGINS) / scale * 0.95 - self.repeated

    def heading(self, title: str | None = None) -> None:
        """Two rows: the form's name and the sheet's, then 表号, 填报单位 and the period (repeated on every page)."""
        columns = len(self.widths)
        self.height(24)
        self.title(title or f"{FORM_NAME}　{self.name}", columns)
        self.height(18)
        self.title(f"表号：{FORM_NUMBERS[self.name]}　　填报单位：{self.data.signatures.get('workplace') or self.data.room}"
                   f"　　统计期间：{self.data.period.dates_text}", columns, font=Font(size=10))

    def keep(self, rows: int, points: float = 0.0) -> None:
        """A page break here unless the next ``rows`` rows (and ``points`` more) fit on this page; a table longer
        than a page starts on a new one unless its header and three rows fit."""
        needed = rows * LINE_HEIGHT + points
        room = self.page_points - self.since_break
        if needed > room and (needed <= self.page_points or room < 5 * LINE_HEIGHT + points) and self.since_break:
            self.page_break()

    def chart(self, chart, gap: float = 6.0) -> None:
        """``chart`` in a row of its own below the table, as wide as the sheet (a row is never split by a page)."""
        chart.width = self.width_points / 72 * 2.54 - 0.6
        points = chart.height / 2.54 * 72 + gap
        self.keep(0, points)
        self.height(points)
        self.blank()
        self.sheet.add_chart(chart, f"A{self.row}")


def _basic(workbook, name, session, data: ReturnData) -> None:
    sheet = FormSheet(workbook, name, (22, 34, 54), data, title_rows="1:3", one_page=True)
    sheet.freeze_below(3)
    sheet.height(26)
    sheet.title(data.heading, 3)
    sheet.title(f"统计期间：{data.period.dates_text}", 3, font=SECTION_FONT)
    sheet.append((f"表号：{FORM_NUMBERS[name]}", FORM_BASIS,
                  f"填报单位：{data.signatures.get('workplace') or data.room}"), font=Font(size=10), border=False)
    sheet.blank()
    sheet.header(("项目", "内容"))
    for label, value in data.profile:
        sheet.append((label, value), formats=(None, "0.0" if isinstance(value, float) else "0"), wrap=(1,))
    sheet.blank()
    sheet.header(("指标", "数值", "说明"))
    why = caveats(data.indicators)
    for indicator in INDICATORS:
        value = data.indicators[indicator.key]
        fill = WARN_FILL if indicator.key == "standard" and value != "达标" else None
        note = f"{indicator.note}\n{why[indicator.key]}" if indicator.key in why else indicator.note
        sheet.append((indicator.label, value, note), fill=fill, wrap=(2,),
                     formats=(None, DATE_FORMAT if indicator.key == "last_stocktake" else FORMATS[indicator.decimals]),
                     center=(1,))
    sheet.blank()
    for label, key in SIGNATURES:
        value = clock.today() if label == "报出日期" else data.signatures.get(key) if key else None
        sheet.height(24)
        sheet.append((f"{label}：", sheet.cell(value, border=SIGN_LINE, number_format=DATE_FORMAT)), border=False)
    sheet.blank()
    sheet.append((f"由 {PROGRAM} {__version__} 生成",), font=SMALL_FONT, border=False)


def breakdown_row(sheet: StreamSheet, first, name: str, row: Breakdown, **style) -> int:
    return sheet.append((first, name, *row.measures), **style)


def _classes(workbook, name, session, data: ReturnData) -> None:
    parts = data.breakdowns
    sheet = FormSheet(workbook, name, (9, 40, 9, 9, 14, 11, 16), data, one_page=True)
    sheet.freeze_below(3)
    sheet.heading()
    first = sheet.header(CLASS_HEADER, height=30)
    for row in parts.classes:
        breakdown_row(sheet, row.key, row.name, row)
    last_class = sheet.row
    rows = list(parts.classes)
    if parts.unclassified and parts.unclassified.volumes + parts.unclassified.loans + parts.unclassified.acquired:
        breakdown_row(sheet, "", "未分类（无分类号）", parts.unclassified)
        rows.append(parts.unclassified)
    breakdown_row(sheet, "合计", "", Breakdown.total(rows), font=TOTAL_FONT, fill=TOTAL_FILL)
    sheet.blank()
    sheet.header(TOPIC_HEADER, height=30)
    for number, row in enumerate(parts.topics, start=1):
        breakdown_row(sheet, number, row.name, row, center=(0,))
    breakdown_row(sheet, "合计", "", Breakdown.total(parts.topics), font=TOTAL_FONT, fill=TOTAL_FILL)
    sheet.blank()
    chart = BarChart()
    chart.type = "col"
    chart.title = "各大类册数"
    chart.y_axis.title = "册"
    chart.legend = None
    chart.add_data(Reference(sheet.sheet, min_col=4, min_row=first, max_row=last_class), titles_from_data=True)
    chart.set_categories(Reference(sheet.sheet, min_col=1, min_row=first + 1, max_row=last_class))
    chart.height = 8
    sheet.chart(chart)


def _lending(workbook, name, session, data: ReturnData) -> None:
    parts, figures = data.breakdowns, data.indicators
    sheet = FormSheet(workbook, name, (12, 44, 18, 16, 16), data)
    sheet.freeze_below(3)
    sheet.heading()
    first = sheet.header(MONTH_HEADER)
    for month in parts.months:
        sheet.append((month.label, month.loans, month.returns, month.renewals, month.borrowers))
    last_month = sheet.row
    sheet.append(("合计", sum(m.loans for m in parts.months), sum(m.returns for m in parts.months),
                  sum(m.renewals for m in parts.months), figures["borrowers"]), font=TOTAL_FONT, fill=TOTAL_FILL)
    sheet.append(("注：借阅读者的合计为本期的不同读者数，不是各月之和。",), border=False)
    chart = LineChart()
    chart.title = "各月借还"
    chart.y_axis.title = "册次"
    chart.add_data(Reference(sheet.sheet, min_col=2, max_col=5, min_row=first, max_row=last_month),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet.sheet, min_col=1, min_row=first + 1, max_row=last_month))
    for series in chart.series:
        series.smooth = False  # a month's count is not a curve
    chart.height = 7.5
    sheet.chart(chart)
    sheet.blank()
    sheet.keep(3 + max(len(parts.top_titles), 1))
    sheet.append((f"借阅最多的图书（前{len(parts.top_titles) or 20}种）",), font=SECTION_FONT)
    sheet.header(("名次", "书名", "著者", "索书号", "借出（册次）"))
    for top in parts.top_titles:
        sheet.append((top.rank, top.title, top.author, top.call_number, top.loans), wrap=(1, 2), center=(0,))
    if not parts.top_titles:
        sheet.append(("", "本期没有借阅"))
    sheet.blank()
    sheet.keep(3 + max(len(parts.departments), 1))
    sheet.append(("各部门借阅",), font=SECTION_FONT)
    sheet.header(("序号", "部门", "登记读者（人）", "借阅读者（人）", "借出（册次）"))
    for number, row in enumerate(parts.departments, start=1):
        sheet.append((number, row.department, row.readers, row.borrowers, row.loans), center=(0,), wrap=(1,))
    if not parts.departments:
        sheet.append(("", "没有部门记录"))


def _new_copies_where(session: Session, data: ReturnData):
    period = data.period
    return (Title.material.in_(counted_materials(session)), Copy.acquired_on >= period.start,
            Copy.acquired_on <= period.end)


_PRICE = func.coalesce(Copy.price_paid, Title.price)


def _new_copies(workbook, name, session: Session, data: ReturnData) -> None:
    """The summary by source (the list itself is the appendix, which a return may leave out)."""
    sheet = FormSheet(workbook, name, (24, 14, 18, 34), data, title_rows="1:3")
    sheet.freeze_below(3)
    sheet.heading()
    sheet.header(("来源", "册数", "金额（元）", "占本期新增（%）"))
    by_source = dict((source, (count, amount)) for source, count, amount in session.execute(
        select(Copy.source, func.count(Copy.id), func.coalesce(func.sum(_PRICE), 0)).join(Copy.title)
        .where(*_new_copies_where(session, data)).group_by(Copy.source)).all())
    rows = [(label, *by_source.pop(code, (0, 0))) for code, label in SOURCES.items()]
    rows += [(code, count, amount) for code, (count, amount) in by_source.items()]  # codes the vocabulary lacks
    total_count = sum(count for _, count, _ in rows)
    for label, count, amount in rows:
        share = round(count * 100 / total_count, 1) if total_count else None
        sheet.append((label, count, float(amount), share), formats=(None, "0", MONEY_FORMAT, "0.0"))
    sheet.append(("合计", total_count, round(sum(float(amount) for *_, amount in rows), 2),
                  100.0 if total_count else None), font=TOTAL_FONT, fill=TOTAL_FILL,
                 formats=(None, "0", MONEY_FORMAT, "0.0"))
    sheet.blank()
    sheet.append(("注：逐册明细见附表新增图书清单。" if data.appendix else "注：本报表未附新增图书的逐册明细。",),
                 border=False)


def _appendix(workbook, name, session: Session, data: ReturnData) -> None:
    sheet = FormSheet(workbook, name, (12, 40, 20, 24, 16, 12, 10, 10, 12), data, landscape=True, title_rows="1:3")
    sheet.freeze_below(3)
    sheet.heading(f"{FORM_NAME}　附表　新增图书清单")
    sheet.header(NEW_COPIES_HEADER)
    stmt = (select(Copy.barcode, Title.title, Title.author, Title.publisher, Title.isbn, Title.clc, Copy.source,
                   _PRICE, Copy.acquired_on).join(Copy.title).where(*_new_copies_where(session, data))
            .order_by(Copy.acquired_on, Copy.barcode).execution_options(yield_per=_COPY_BATCH))
    listed = sheet.row
    for barcode, title, author, publisher, isbn, clc, source, paid, acquired_on in session.execute(stmt):
        sheet.append((barcode, title, author, publisher, isbn, clc, SOURCES.get(source, source), paid, acquired_on),
                     formats=(None,) * 7 + (MONEY_FORMAT, DATE_FORMAT))
    if sheet.row == listed:
        sheet.append(("", "本期没有新增图书"))


def _activities(workbook, name, session, data: ReturnData) -> None:
    sheet = FormSheet(workbook, name, (12, 36, 12, 10, 16, 40), data, landscape=True, title_rows="1:3")
    sheet.freeze_below(3)
    sheet.heading()
    sheet.header(("日期", "名称", "类型", "参与人数", "组织者", "备注"))
    for row in data.activities:
        sheet.append((row.held_on, row.name, row.kind, row.participants, row.organiser, row.notes),
                     formats=(DATE_FORMAT,), wrap=(1, 4, 5))
    if data.activities:
        sheet.append(("合计", f"共 {len(data.activities)} 次活动", None, sum(r.participants for r in data.activities)),
                     font=TOTAL_FONT, fill=TOTAL_FILL)
    else:
        sheet.append(("", "本期没有阅读活动记录"))


def _stocktake(workbook, name, session, data: ReturnData) -> None:
    result = data.stocktake
    sheet = FormSheet(workbook, name, (16, 44, 18, 12), data)
    sheet.freeze_below(3)
    sheet.heading()
    sheet.header(("项目", "内容"))
    if result is None:
        sheet.append(("最近盘点", "尚无完成的盘点"))
        return
    for label, value in (("盘点名称", result.name or None), ("盘点范围", result.scope),
                         ("开始日期", result.started_on), ("结束日期", result.finished_on),
                         ("应盘（册）", result.expected), ("已核对（册）", result.verified),
                         ("缺失（册）", result.missing), ("错架（册）", result.misplaced)):
        sheet.append((label, value), formats=(None, DATE_FORMAT if label.endswith("日期") else "0"), wrap=(1,))
    sheet.blank()
    sheet.keep(3 + max(len(result.missing_copies), 1))
    sheet.append(("缺失图书清单",), font=SECTION_FONT)
    sheet.header(("条码", "书名", "索书号", "书架"))
    for barcode, title, call_number, shelf in result.missing_copies:
        sheet.append((barcode, title, call_number, shelf), wrap=(1,))
    if not result.missing_copies:
        sheet.append(("", "没有缺失的图书" if not result.missing else "缺失图书的明细未记录"))


def _self_check(workbook, name, session, data: ReturnData) -> None:
    sheet = FormSheet(workbook, name, (10, 24, 8, 62, 40), data, landscape=True, title_rows="1:3")
    sheet.freeze_below(3)
    sheet.heading()
    sheet.header(("类别", "项目", "状态", "依据", "需补充"))
    for item in data.checks:
        fill = WARN_FILL if item.status == "无" else TODO_FILL if item.status == "待补充" else None
        sheet.append((item.group, item.item, item.status, item.evidence, item.missing), fill=fill, wrap=(1, 3, 4),
                     center=(2,))
