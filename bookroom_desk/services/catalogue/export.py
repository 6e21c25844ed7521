"""Exporting the catalogue to .xlsx for checking by hand: a sheet of titles and a sheet of copies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common import vocab
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.services.xlsx import workbook as xlsx
from bookroom_desk.store.models import Copy, ImportBatch, Shelf, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

_T = "catalogue_export"
TITLE_COLUMNS = (
    (QT_TRANSLATE_NOOP("catalogue_export", "ISBN"), 16), (QT_TRANSLATE_NOOP("catalogue_export", "书名"), 36),
    (QT_TRANSLATE_NOOP("catalogue_export", "著者"), 18),
    (QT_TRANSLATE_NOOP("catalogue_export", "出版社"), 20), (QT_TRANSLATE_NOOP("catalogue_export", "出版年"), 8),
    (QT_TRANSLATE_NOOP("catalogue_export", "定价"), 9),
    (QT_TRANSLATE_NOOP("catalogue_export", "分类号"), 11), (QT_TRANSLATE_NOOP("catalogue_export", "索书号"), 14),
    (QT_TRANSLATE_NOOP("catalogue_export", "图书类别"), 18), (QT_TRANSLATE_NOOP("catalogue_export", "文献类型"), 10),
    (QT_TRANSLATE_NOOP("catalogue_export", "馆藏（册）"), 10), (QT_TRANSLATE_NOOP("catalogue_export", "在架（册）"), 10),
    (QT_TRANSLATE_NOOP("catalogue_export", "借出（册）"), 10), (QT_TRANSLATE_NOOP("catalogue_export", "备注"), 20),
    # The record's details (MARC 205, 215, 225, 606, 330), after the columns lists have always had.
    (QT_TRANSLATE_NOOP("catalogue_export", "版次"), 10), (QT_TRANSLATE_NOOP("catalogue_export", "页数"), 10),
    (QT_TRANSLATE_NOOP("catalogue_export", "丛书"), 20), (QT_TRANSLATE_NOOP("catalogue_export", "主题词"), 24),
    (QT_TRANSLATE_NOOP("catalogue_export", "内容提要"), 40),
)
COPY_COLUMNS = (
    (QT_TRANSLATE_NOOP("catalogue_export", "条码号"), 12), (QT_TRANSLATE_NOOP("catalogue_export", "索书号"), 14),
    (QT_TRANSLATE_NOOP("catalogue_export", "书名"), 36),
    (QT_TRANSLATE_NOOP("catalogue_export", "ISBN"), 16), (QT_TRANSLATE_NOOP("catalogue_export", "书架"), 8),
    (QT_TRANSLATE_NOOP("catalogue_export", "状态"), 8),
    (QT_TRANSLATE_NOOP("catalogue_export", "入藏日期"), 12), (QT_TRANSLATE_NOOP("catalogue_export", "来源"), 10),
    (QT_TRANSLATE_NOOP("catalogue_export", "价格"), 9), (QT_TRANSLATE_NOOP("catalogue_export", "批次"), 20),
    (QT_TRANSLATE_NOOP("catalogue_export", "注销日期"), 12), (QT_TRANSLATE_NOOP("catalogue_export", "注销原因"), 20),
    (QT_TRANSLATE_NOOP("catalogue_export", "备注"), 20),
)
_CHUNK = 2000


@dataclass(frozen=True)
class ExportResult:
    """What was written."""

    path: Path
    titles: int
    copies: int


def _sheet(workbook, title: str, columns, header: str, first: bool):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = xlsx.sheet_title(translate(_T, title))
    xlsx.write_header(sheet, [translate(_T, name) for name, _ in columns])
    xlsx.set_column_widths(sheet, [width for _, width in columns])
    xlsx.setup_print(sheet, header, landscape=True)
    return sheet


def export_catalogue(session: Session, path: Path | str,
                     progress: Progress | None = None) -> ExportResult:
    """Write every title and every copy (withdrawn and lost too, marked) to ``path``."""
    total = (session.scalar(select(func.count(Title.id))) or 0) + (session.scalar(select(func.count(Copy.id))) or 0)
    done = 0
    room = room_name(session)
    workbook = Workbook()
    heading = translate(_T, QT_TRANSLATE_NOOP("catalogue_export", "{room} 藏书目录（书目）"))
    titles = _sheet(workbook, QT_TRANSLATE_NOOP("catalogue_export", "书目"), TITLE_COLUMNS,
                    heading.format(room=room).strip(), True)
    counts = (select(Copy.title_id,
                     func.sum(case((Copy.status.not_in(vocab.NOT_HOLDINGS), 1), else_=0)).label("holdings"),
                     func.sum(case((Copy.status == vocab.AVAILABLE, 1), else_=0)).label("on_shelf"),
                     func.sum(case((Copy.status == vocab.ON_LOAN, 1), else_=0)).label("on_loan"))
              .group_by(Copy.title_id).subquery())
    stmt = (select(Title, counts.c.holdings, counts.c.on_shelf, counts.c.on_loan)
            .outerjoin(counts, counts.c.title_id == Title.id).order_by(Title.shelf_key, Title.id)
            .execution_options(yield_per=_CHUNK))
    title_count = 0
    for title, holdings, on_shelf, on_loan in session.execute(stmt):
        xlsx.append_row(titles, [
            title.isbn or "", title.title, title.author, title.publisher, title.pub_year, title.price, title.clc,
            title.call_number, vocab.label(vocab.TOPICS, title.topic), vocab.label(vocab.MATERIALS, title.material),
            int(holdings or 0), int(on_shelf or 0), int(on_loan or 0), title.notes, title.edition, title.pages,
            title.series, title.subjects, title.summary])
        title_count += 1
        done += 1
        if progress and done % _CHUNK == 0:
            progress(done, total)
    heading = translate(_T, QT_TRANSLATE_NOOP("catalogue_export", "{room} 藏书目录（每册）"))
    copies = _sheet(workbook, QT_TRANSLATE_NOOP("catalogue_export", "图书"), COPY_COLUMNS,
                    heading.format(room=room).strip(), False)
    stmt = (select(Copy, Title.call_number, Title.title, Title.isbn, Shelf.code, ImportBatch)
            .join(Title, Copy.title_id == Title.id).outerjoin(Shelf, Copy.shelf_id == Shelf.id)
            .outerjoin(ImportBatch, Copy.batch_id == ImportBatch.id).order_by(Copy.barcode)
            .execution_options(yield_per=_CHUNK))
    copy_count = 0
    for copy, call_number, name, isbn, shelf, batch in session.execute(stmt):
        xlsx.append_row(copies, [
            copy.barcode, call_number, name, isbn or "", shelf or "", vocab.label(vocab.COPY_STATUSES, copy.status),
            copy.acquired_on, vocab.label(vocab.SOURCES, copy.source), copy.price_paid, _batch_label(batch),
            copy.removed_on, copy.removed_reason, copy.notes])
        copy_count += 1
        done += 1
        if progress and done % _CHUNK == 0:
            progress(done, total)
    saved = xlsx.save_workbook(workbook, path)
    if progress:
        progress(total, total)
    return ExportResult(saved, title_count, copy_count)


def _batch_label(batch: ImportBatch | None) -> str:
    if batch is None:
        return ""
    day = batch.received_on.isoformat() if batch.received_on else ""
    return " ".join(part for part in (f"#{batch.id}", day, batch.file_name or batch.supplier) if part)
