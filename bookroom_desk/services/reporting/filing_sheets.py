"""The seven sheets of the return, streamed into a write-only workbook in docs/return-format.md's order."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import PatternFill
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk import __version__
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.services.common.vocab import SOURCES
from bookroom_desk.services.reporting.filing_format import PROGRAM, SHEETS, ReturnData
from bookroom_desk.services.reporting.indicators import INDICATORS, Breakdown, counted_materials
from bookroom_desk.services.xlsx.streaming import SECTION_FONT, TOTAL_FILL, TOTAL_FONT, WARN_FILL, StreamSheet
from bookroom_desk.services.xlsx.workbook import DATE_FORMAT, MONEY_FORMAT
from bookroom_desk.store.models import Copy, Title

FORMATS = {0: "0", 1: "0.0", 2: "0.00", None: None}
TODO_FILL = PatternFill("solid", fgColor="FFF4CC")
CLASS_HEADER = ("分类号", "类名", "种数", "册数", "本期新增（册）", "在借（册）", "本期借出（册次）")
TOPIC_HEADER = ("序号", "优先配备类别", "种数", "册数", "本期新增（册）", "在借（册）", "本期借出（册次）")
MONTH_HEADER = ("月份", "借出（册次）", "归还（册次）", "续借（次）", "借阅读者（人）")
NEW_COPIES_HEADER = ("条码", "书名", "著者", "出版社", "ISBN", "分类号", "来源", "价格", "入藏日期")
_COPY_BATCH = 2000


def write_sheets(workbook: Workbook, session: Session, data: ReturnData,
                 progress: Progress) -> None:
    writers = (_basic, _classes, _lending, _new_copies, _activities, _stocktake, _self_check)
    assert len(writers) == len(SHEETS)
    for index, (name, writer) in enumerate(zip(SHEETS, writers)):
        writer(workbook, name, session, data)
        progress(index + 1, len(writers))


def _print(sheet: StreamSheet, data: ReturnData, landscape: bool = False, title_rows: str = "1:1") -> None:
    sheet.print_setup(f"{data.room} {data.period.label}", landscape=landscape, title_rows=title_rows)


def _basic(workbook, name, session, data: ReturnData) -> None:
    sheet = StreamSheet(workbook, name, (22, 42, 46))
    _print(sheet, data, title_rows="1:2")
    sheet.freeze_below(2)
    sheet.title(data.heading, 3)
    sheet.title(f"统计期间：{data.period.dates_text}", 3, font=SECTION_FONT)
    sheet.blank()
    sheet.header(("项目", "内容"))
    for label, value in data.profile:
        sheet.append((label, value), formats=(None, "0.0" if isinstance(value, float) else "0"))
    sheet.blank()
    sheet.header(("指标", "数值", "说明"))
    for indicator in INDICATORS:
        value = data.indicators[indicator.key]
        fill = WARN_FILL if indicator.key == "standard" and value != "达标" else None
        sheet.append((indicator.label, value, indicator.note), fill=fill,
                     formats=(None, DATE_FORMAT if indicator.key == "last_stocktake" else FORMATS[indicator.decimals]),
                     center=(1,))
    sheet.blank()
    sheet.append((f"填报日期：{clock.today().isoformat()}", f"由 {PROGRAM} {__version__} 生成"))


def breakdown_row(sheet: StreamSheet, first, name: str, row: Breakdown, **style) -> int:
    return sheet.append((first, name, *row.measures), **style)


def _classes(workbook, name, session, data: ReturnData) -> None:
    parts = data.breakdowns
    sheet = StreamSheet(workbook, name, (10, 44, 10, 10, 16, 12, 18))
    _print(sheet, data, landscape=True)
    sheet.freeze_below(1)
    sheet.header(CLASS_HEADER)
    for row in parts.classes:
        breakdown_row(sheet, row.key, row.name, row)
    last_class = sheet.row
    rows = list(parts.classes)
    if parts.unclassified and parts.unclassified.volumes + parts.unclassified.loans + parts.unclassified.acquired:
        breakdown_row(sheet, "", "未分类（无分类号）", parts.unclassified)
        rows.append(parts.unclassified)
    breakdown_row(sheet, "合计", "", Breakdown.total(rows), font=TOTAL_FONT, fill=TOTAL_FILL)
    sheet.blank()
    sheet.header(TOPIC_HEADER)
    for number, row in enumerate(parts.topics, start=1):
        breakdown_row(sheet, number, row.name, row, center=(0,))
    breakdown_row(sheet, "合计", "", Breakdown.total(parts.topics), font=TOTAL_FONT, fill=TOTAL_FILL)
    sheet.page_break()
    chart = BarChart()
    chart.type = "col"
    chart.title = "各大类册数"
    chart.y_axis.title = "册"
    chart.legend = None
    chart.add_data(Reference(sheet.sheet, min_col=4, min_row=1, max_row=last_class), titles_from_data=True)
    chart.set_categories(Reference(sheet.sheet, min_col=1, min_row=2, max_row=last_class))
    chart.width, chart.height = 24, 9
    sheet.sheet.add_chart(chart, f"A{sheet.row + 1}")


def _lending(workbook, name, session, data: ReturnData) -> None:
    parts, figures = data.breakdowns, data.indicators
    sheet = StreamSheet(workbook, name, (12, 44, 18, 16, 16))
    _print(sheet, data)
    sheet.freeze_below(1)
    sheet.header(MONTH_HEADER)
    for month in parts.months:
        sheet.append((month.label, month.loans, month.returns, month.renewals, month.borrowers))
    last_month = sheet.row
    sheet.append(("合计", sum(m.loans for m in parts.months), sum(m.returns for m in parts.months),
                  sum(m.renewals for m in parts.months), figures["borrowers"]), font=TOTAL_FONT, fill=TOTAL_FILL)
    sheet.append(("注：借阅读者的合计为本期的不同读者数，不是各月之和。",))
    sheet.blank()
    sheet.append((f"借阅最多的图书（前{len(parts.top_titles) or 20}种）",), font=SECTION_FONT)
    sheet.header(("名次", "书名", "著者", "索书号", "借出（册次）"))
    for top in parts.top_titles:
        sheet.append((top.rank, top.title, top.author, top.call_number, top.loans), wrap=(1,), center=(0,))
    if not parts.top_titles:
        sheet.append(("", "本期没有借阅"))
    sheet.blank()
    sheet.append(("各部门借阅",), font=SECTION_FONT)
    sheet.header(("序号", "部门", "登记读者（人）", "借阅读者（人）", "借出（册次）"))
    for number, row in enumerate(parts.departments, start=1):
        sheet.append((number, row.department, row.readers, row.borrowers, row.loans), center=(0,))
    sheet.page_break()
    chart = LineChart()
    chart.title = "各月借还"
    chart.y_axis.title = "册次"
    chart.add_data(Reference(sheet.sheet, min_col=2, max_col=5, min_row=1, max_row=last_month), titles_from_data=True)
    chart.set_categories(Reference(sheet.sheet, min_col=1, min_row=2, max_row=last_month))
    for series in chart.series:
        series.smooth = False  # a month's count is not a curve
    chart.width, chart.height = 24, 9
    sheet.sheet.add_chart(chart, f"A{sheet.row + 1}")


def _new_copies(workbook, name, session: Session, data: ReturnData) -> None:
    period = data.period
    sheet = StreamSheet(workbook, name, (12, 40, 20, 24, 16, 12, 10, 10, 12))
    _print(sheet, data, landscape=True)
    sheet.freeze_below(1)
    sheet.header(NEW_COPIES_HEADER)
    where = (Title.material.in_(counted_materials(session)), Copy.acquired_on >= period.start,
             Copy.acquired_on <= period.end)
    price = func.coalesce(Copy.price_paid, Title.price)
    stmt = (select(Copy.barcode, Title.title, Title.author, Title.publisher, Title.isbn, Title.clc, Copy.source,
                   price, Copy.acquired_on).join(Copy.title).where(*where).order_by(Copy.acquired_on, Copy.barcode)
            .execution_options(yield_per=_COPY_BATCH))
    for barcode, title, author, publisher, isbn, clc, source, paid, acquired_on in session.execute(stmt):
        sheet.append((barcode, title, author, publisher, isbn, clc, SOURCES.get(source, source), paid, acquired_on),
                     formats=(None,) * 7 + (MONEY_FORMAT, DATE_FORMAT))
    if sheet.row == 1:
        sheet.append(("", "本期没有新增图书"))
    sheet.blank()
    sheet.append(("按来源汇总",), font=SECTION_FONT)
    sheet.header(("来源", "册数", "金额（元）"))
    by_source = dict((source, (count, amount)) for source, count, amount in session.execute(
        select(Copy.source, func.count(Copy.id), func.coalesce(func.sum(price), 0)).join(Copy.title).where(*where)
        .group_by(Copy.source)).all())
    total_count = 0
    total_amount: float = 0
    for code, label in SOURCES.items():
        count, amount = by_source.pop(code, (0, 0))
        sheet.append((label, count, float(amount)), formats=(None, "0", MONEY_FORMAT))
        total_count, total_amount = total_count + count, total_amount + float(amount)
    for code, (count, amount) in by_source.items():  # codes the vocabulary does not know
        sheet.append((code, count, float(amount)), formats=(None, "0", MONEY_FORMAT))
        total_count, total_amount = total_count + count, total_amount + float(amount)
    sheet.append(("合计", total_count, round(total_amount, 2)), font=TOTAL_FONT, fill=TOTAL_FILL,
                 formats=(None, "0", MONEY_FORMAT))


def _activities(workbook, name, session, data: ReturnData) -> None:
    sheet = StreamSheet(workbook, name, (12, 36, 12, 10, 16, 40))
    _print(sheet, data, landscape=True)
    sheet.freeze_below(1)
    sheet.header(("日期", "名称", "类型", "参与人数", "组织者", "备注"))
    for row in data.activities:
        sheet.append((row.held_on, row.name, row.kind, row.participants, row.organiser, row.notes),
                     formats=(DATE_FORMAT,), wrap=(1, 5))
    if data.activities:
        sheet.append(("合计", f"共 {len(data.activities)} 次活动", None, sum(r.participants for r in data.activities)),
                     font=TOTAL_FONT, fill=TOTAL_FILL)
    else:
        sheet.append(("", "本期没有阅读活动记录"))


def _stocktake(workbook, name, session, data: ReturnData) -> None:
    result = data.stocktake
    sheet = StreamSheet(workbook, name, (16, 44, 18, 12))
    _print(sheet, data)
    sheet.freeze_below(1)
    sheet.header(("项目", "内容"))
    if result is None:
        sheet.append(("最近盘点", "尚无完成的盘点"))
        return
    for label, value in (("盘点名称", result.name or None), ("盘点范围", result.scope),
                         ("开始日期", result.started_on), ("结束日期", result.finished_on),
                         ("应盘（册）", result.expected), ("已核对（册）", result.verified),
                         ("缺失（册）", result.missing), ("错架（册）", result.misplaced)):
        sheet.append((label, value), formats=(None, DATE_FORMAT if label.endswith("日期") else "0"))
    sheet.blank()
    sheet.append(("缺失图书清单",), font=SECTION_FONT)
    sheet.header(("条码", "书名", "索书号", "书架"))
    for barcode, title, call_number, shelf in result.missing_copies:
        sheet.append((barcode, title, call_number, shelf), wrap=(1,))
    if not result.missing_copies:
        sheet.append(("", "没有缺失的图书" if not result.missing else "缺失图书的明细未记录"))


def _self_check(workbook, name, session, data: ReturnData) -> None:
    sheet = StreamSheet(workbook, name, (10, 26, 8, 50, 44))
    _print(sheet, data, landscape=True)
    sheet.freeze_below(1)
    sheet.header(("类别", "项目", "状态", "依据", "需补充"))
    for item in data.checks:
        fill = WARN_FILL if item.status == "无" else TODO_FILL if item.status == "待补充" else None
        sheet.append((item.group, item.item, item.status, item.evidence, item.missing), fill=fill, wrap=(3, 4))
