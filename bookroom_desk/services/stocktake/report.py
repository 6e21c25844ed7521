"""The stocktake report as .xlsx: a summary sheet, then one sheet per result list (user text kept as text)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from bookroom_desk.services.common import vocab
from bookroom_desk.services.common.actors import shown
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.services.stocktake.counting import get_stocktake, scope_shelves
from bookroom_desk.services.stocktake.results import (
    CATEGORIES,
    CATEGORY_HINTS,
    actions_done,
    category_label,
    outlook,
    reconcile,
    rows,
)
from bookroom_desk.services.xlsx import workbook as xlsx
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_list, translate

CONTEXT = "stocktake_report"
COLUMNS = (
    QT_TRANSLATE_NOOP("stocktake_report", "条码"),
    QT_TRANSLATE_NOOP("stocktake_report", "书名"),
    QT_TRANSLATE_NOOP("stocktake_report", "索书号"),
    QT_TRANSLATE_NOOP("stocktake_report", "所属书架"),
    QT_TRANSLATE_NOOP("stocktake_report", "找到的书架"),
    QT_TRANSLATE_NOOP("stocktake_report", "现在状态"),
    QT_TRANSLATE_NOOP("stocktake_report", "扫描次数"),
)
WIDTHS = (12, 40, 16, 10, 12, 10, 10)
APPLIED = {
    "checked_in": QT_TRANSLATE_NOOP("stocktake_report", "办理归还（册）"),
    "brought_back": QT_TRANSLATE_NOOP("stocktake_report", "恢复在架（册）"),
    "marked_missing": QT_TRANSLATE_NOOP("stocktake_report", "标记缺失（册）"),
    "moved": QT_TRANSLATE_NOOP("stocktake_report", "移架（册）"),
    "to_reshelve": QT_TRANSLATE_NOOP("stocktake_report", "待人工归架（册）"),
}
LABELS = {
    "summary": QT_TRANSLATE_NOOP("stocktake_report", "汇总"),
    "title": QT_TRANSLATE_NOOP("stocktake_report", "{room} 盘点报告 #{id}"),
    "list_title": QT_TRANSLATE_NOOP("stocktake_report", "{title}：{list}"),
    "item": QT_TRANSLATE_NOOP("stocktake_report", "项目"),
    "value": QT_TRANSLATE_NOOP("stocktake_report", "数值"),
    "all_shelves": QT_TRANSLATE_NOOP("stocktake_report", "全部书架"),
    "open": QT_TRANSLATE_NOOP("stocktake_report", "进行中"),
    "room": QT_TRANSLATE_NOOP("stocktake_report", "书屋"),
    "stocktake": QT_TRANSLATE_NOOP("stocktake_report", "盘点"),
    "scope": QT_TRANSLATE_NOOP("stocktake_report", "范围"),
    "started": QT_TRANSLATE_NOOP("stocktake_report", "开始"),
    "started_by": QT_TRANSLATE_NOOP("stocktake_report", "开始人"),
    "finished": QT_TRANSLATE_NOOP("stocktake_report", "结束"),
    "finished_by": QT_TRANSLATE_NOOP("stocktake_report", "结束人"),
    "notes": QT_TRANSLATE_NOOP("stocktake_report", "备注"),
    "expected": QT_TRANSLATE_NOOP("stocktake_report", "应在架（册）"),
    "scanned": QT_TRANSLATE_NOOP("stocktake_report", "已扫描（条码）"),
    "minimum": QT_TRANSLATE_NOOP("stocktake_report", "达标标准（册）"),
    "volumes": QT_TRANSLATE_NOOP("stocktake_report", "计入达标的藏书（册）"),
    "books": QT_TRANSLATE_NOOP("stocktake_report", "其中图书（册）"),
    "periodicals": QT_TRANSLATE_NOOP("stocktake_report", "其中报刊（册）"),
    "margin": QT_TRANSLATE_NOOP("stocktake_report", "超出（+）或尚差（-）（册）"),
    "would_go": QT_TRANSLATE_NOOP("stocktake_report", "若核销缺失图书，将减少（册）"),
    "after": QT_TRANSLATE_NOOP("stocktake_report", "核销后藏书（册）"),
    "after_margin": QT_TRANSLATE_NOOP("stocktake_report", "核销后超出（+）或尚差（-）（册）"),
}


def _t(text: str) -> str:
    return translate(CONTEXT, text)


def write_report(session: Session, stocktake_id: int, path: Path | str,
                 progress: Progress | None = None) -> Path:
    """Write the report of a stocktake (open or finished) to ``path``, through a temporary file."""
    stocktake = get_stocktake(session, stocktake_id)
    counts = reconcile(session, stocktake)
    look = outlook(session, stocktake)
    workbook, sheet = xlsx.new_workbook(_t(LABELS["summary"]))
    room = room_name(session)
    scope = _t(LABELS["all_shelves"]) if stocktake.all_shelves else join_list(
        shelf.code for shelf in scope_shelves(session, stocktake))
    s, after = look.standard, look.after
    lines = [
        ("room", room), ("stocktake", f"#{stocktake.id}"), ("scope", scope), ("started", stocktake.started_at),
        ("started_by", shown(stocktake.started_by)), ("finished", stocktake.finished_at or _t(LABELS["open"])),
        ("finished_by", shown(stocktake.finished_by)), ("notes", stocktake.notes), ("", None),
        ("expected", counts.expected), ("scanned", counts.scanned),
    ]
    lines = [(_t(LABELS[key]) if key else "", value) for key, value in lines]
    lines += [(category_label(category), getattr(counts, category)) for category in CATEGORIES]
    lines += [("", None)] + [(_t(LABELS[key]), value) for key, value in (
        ("minimum", s.minimum), ("volumes", s.volumes), ("books", s.books), ("periodicals", s.periodicals),
        ("margin", s.volumes - s.minimum), ("would_go", look.missing), ("after", after.volumes),
        ("after_margin", after.volumes - after.minimum))]
    applied = actions_done(stocktake).get("applied")
    if applied:
        lines.append(("", None))
        lines += [(_t(text), applied.get(key, 0)) for key, text in APPLIED.items()]
    xlsx.write_header(sheet, [_t(LABELS["item"]), _t(LABELS["value"])])
    sheet.auto_filter.ref = None
    for label, value in lines:
        xlsx.append_row(sheet, [label, value])
    xlsx.set_column_widths(sheet, (36, 30))
    title = _t(LABELS["title"]).format(room=room, id=stocktake.id)
    xlsx.setup_print(sheet, title)
    for done, category in enumerate(CATEGORIES, start=1):
        _list_sheet(workbook, session, stocktake, category, title)
        if progress:
            progress(done, len(CATEGORIES))
    return xlsx.save_workbook(workbook, path)


def _list_sheet(workbook, session: Session, stocktake, category: str, title: str) -> None:
    sheet = workbook.create_sheet(xlsx.sheet_title(category_label(category)))
    xlsx.write_text(sheet.cell(row=1, column=1), translate("stocktake", CATEGORY_HINTS[category]))
    xlsx.write_header(sheet, [_t(text) for text in COLUMNS], row=2)
    for r in rows(session, stocktake, category, limit=None):  # one query: the list sorted once
        status = vocab.label(vocab.COPY_STATUSES, r.status) if r.status else ""
        xlsx.append_row(sheet, [r.barcode, r.title, r.call_number, r.home_shelf, r.found_shelf, status,
                                r.scans or None])
    xlsx.set_column_widths(sheet, WIDTHS)
    header = _t(LABELS["list_title"]).format(title=title, list=category_label(category))
    xlsx.setup_print(sheet, header, landscape=True, title_rows="2:2")
