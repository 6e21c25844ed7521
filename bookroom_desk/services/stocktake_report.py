"""The stocktake report as .xlsx: a summary sheet, then one sheet per result list (user text kept as text)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from bookroom_desk.services import vocab, xlsx
from bookroom_desk.services.room import room_name
from bookroom_desk.services.stocktake import get_stocktake, scope_shelves
from bookroom_desk.services.stocktake_results import (CATEGORIES, CATEGORY_HINTS, actions_done, category_label,
                                                      outlook, reconcile, rows)
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "stocktake_report"
_T = QT_TRANSLATE_NOOP
COLUMNS = (_T(CONTEXT, "条码"), _T(CONTEXT, "书名"), _T(CONTEXT, "索书号"), _T(CONTEXT, "所属书架"),
           _T(CONTEXT, "找到的书架"), _T(CONTEXT, "现在状态"), _T(CONTEXT, "扫描次数"))
WIDTHS = (12, 40, 16, 10, 12, 10, 10)
APPLIED = {
    "checked_in": _T(CONTEXT, "办理归还（册）"),
    "brought_back": _T(CONTEXT, "恢复在架（册）"),
    "marked_missing": _T(CONTEXT, "标记缺失（册）"),
    "moved": _T(CONTEXT, "移架（册）"),
    "to_reshelve": _T(CONTEXT, "待人工归架（册）"),
}


def _t(text: str) -> str:
    return translate(CONTEXT, text)


def write_report(session: Session, stocktake_id: int, path: Path | str,
                 progress: Callable[[int, int], None] | None = None) -> Path:
    """Write the report of a stocktake (open or finished) to ``path``, through a temporary file."""
    stocktake = get_stocktake(session, stocktake_id)
    counts = reconcile(session, stocktake)
    look = outlook(session, stocktake)
    workbook, sheet = xlsx.new_workbook(_t(_T(CONTEXT, "汇总")))
    room = room_name(session)
    scope = _t(_T(CONTEXT, "全部书架")) if stocktake.all_shelves else "、".join(
        shelf.code for shelf in scope_shelves(session, stocktake))
    s, after = look.standard, look.after
    lines = [
        (_t(_T(CONTEXT, "书屋")), room),
        (_t(_T(CONTEXT, "盘点")), f"#{stocktake.id}"),
        (_t(_T(CONTEXT, "范围")), scope),
        (_t(_T(CONTEXT, "开始")), stocktake.started_at),
        (_t(_T(CONTEXT, "开始人")), stocktake.started_by),
        (_t(_T(CONTEXT, "结束")), stocktake.finished_at or _t(_T(CONTEXT, "进行中"))),
        (_t(_T(CONTEXT, "结束人")), stocktake.finished_by),
        (_t(_T(CONTEXT, "备注")), stocktake.notes),
        ("", None),
        (_t(_T(CONTEXT, "应在架（册）")), counts.expected),
        (_t(_T(CONTEXT, "已扫描（条码）")), counts.scanned),
    ]
    lines += [(category_label(category), getattr(counts, category)) for category in CATEGORIES]
    lines += [
        ("", None),
        (_t(_T(CONTEXT, "达标标准（册）")), s.minimum),
        (_t(_T(CONTEXT, "计入达标的藏书（册）")), s.volumes),
        (_t(_T(CONTEXT, "其中图书（册）")), s.books),
        (_t(_T(CONTEXT, "其中报刊（册）")), s.periodicals),
        (_t(_T(CONTEXT, "超出（+）或尚差（-）（册）")), s.volumes - s.minimum),
        (_t(_T(CONTEXT, "若核销缺失图书，将减少（册）")), look.missing),
        (_t(_T(CONTEXT, "核销后藏书（册）")), after.volumes),
        (_t(_T(CONTEXT, "核销后超出（+）或尚差（-）（册）")), after.volumes - after.minimum),
    ]
    applied = actions_done(stocktake).get("applied")
    if applied:
        lines.append(("", None))
        lines += [(_t(text), applied.get(key, 0)) for key, text in APPLIED.items()]
    xlsx.write_header(sheet, [_t(_T(CONTEXT, "项目")), _t(_T(CONTEXT, "数值"))])
    sheet.auto_filter.ref = None
    for label, value in lines:
        xlsx.append_row(sheet, [label, value])
    xlsx.set_column_widths(sheet, (36, 30))
    title = _t(_T(CONTEXT, "{room} 盘点报告 #{id}")).format(room=room, id=stocktake.id)
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
    offset = 0
    while True:
        page = rows(session, stocktake, category, offset, 5000)
        for r in page:
            status = vocab.label(vocab.COPY_STATUSES, r.status) if r.status else ""
            xlsx.append_row(sheet, [r.barcode, r.title, r.call_number, r.home_shelf, r.found_shelf, status,
                                    r.scans or None])
        offset += len(page)
        if len(page) < 5000:
            break
    xlsx.set_column_widths(sheet, WIDTHS)
    header = _t(_T(CONTEXT, "{title}：{list}")).format(title=title, list=category_label(category))
    xlsx.setup_print(sheet, header, landscape=True, title_rows="2:2")
