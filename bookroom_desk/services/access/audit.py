"""The audit log: who did what and when, read from one table and the records the room already keeps.

Decision: lending, returning and renewing are already recorded with who and when (``loans.lent_by``,
``returned_by``, ``renewals.by``), withdrawals in ``copy_events`` and imports in
``import_batches``. The log presents those as they are (so nothing is written twice, and the
desk's undo stays exact) together with the ``audit_log`` table, where common.audit_log.record writes what has
no other record: setting changes, accounts, log-ins, restores, privacy actions, head counts. Readers appear by
card number only, never by name; an anonymised loan shows no card.
"""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, exists, func, literal, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from bookroom_desk import files
from bookroom_desk.services.common.actors import shown
from bookroom_desk.store.models import Copy, CopyEvent, ImportBatch, Loan, Loss, Reader, Renewal
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "audit"
KINDS = {
    "lend": QT_TRANSLATE_NOOP("audit", "借出"),
    "return": QT_TRANSLATE_NOOP("audit", "归还"),
    "renew": QT_TRANSLATE_NOOP("audit", "续借"),
    "withdraw": QT_TRANSLATE_NOOP("audit", "剔除与恢复"),
    "import": QT_TRANSLATE_NOOP("audit", "导入"),
    "setting": QT_TRANSLATE_NOOP("audit", "设置"),
    "account": QT_TRANSLATE_NOOP("audit", "账户"),
    "login": QT_TRANSLATE_NOOP("audit", "登录"),
    "restore": QT_TRANSLATE_NOOP("audit", "恢复备份"),
    "privacy": QT_TRANSLATE_NOOP("audit", "个人信息"),
    "labels": QT_TRANSLATE_NOOP("audit", "打印标签"),
    "renumber": QT_TRANSLATE_NOOP("audit", "重编索书号"),
    "override": QT_TRANSLATE_NOOP("audit", "管理员放行"),
    "head_count": QT_TRANSLATE_NOOP("audit", "到馆人数"),
}
#: Copy events shown as withdrawals (剔除, 遗失, 恢复).
WITHDRAW_EVENTS = ("withdrawn", "lost", "reinstated")
_NO_CARD = QT_TRANSLATE_NOOP("audit", "（已匿名）")
_TEXTS = {
    "lend": QT_TRANSLATE_NOOP("audit", "图书 {barcode} 借给读者证 {card}"),
    "return": QT_TRANSLATE_NOOP("audit", "图书 {barcode} 由读者证 {card} 归还"),
    "renew": QT_TRANSLATE_NOOP("audit", "图书 {barcode}（读者证 {card}）续借至 {due}"),
    "override": QT_TRANSLATE_NOOP("audit", "图书 {barcode} 放行借给读者证 {card}，原因：{reason}"),
    "withdrawn": QT_TRANSLATE_NOOP("audit", "图书 {barcode} 剔除：{detail}"),
    "lost": QT_TRANSLATE_NOOP("audit", "图书 {barcode} 登记遗失：{detail}"),
    "reinstated": QT_TRANSLATE_NOOP("audit", "图书 {barcode} 恢复入藏：{detail}"),
    "books": QT_TRANSLATE_NOOP("audit", "导入图书清单 {file}（{rows} 行）"),
    "readers": QT_TRANSLATE_NOOP("audit", "导入读者名单 {file}（{rows} 行）"),
}


@dataclass(frozen=True)
class AuditLine:
    """One line of the log as shown and exported."""

    at: dt.datetime
    kind: str
    actor: str
    detail: str

    @property
    def kind_label(self) -> str:
        return translate(CONTEXT, KINDS.get(self.kind, self.kind))


@dataclass(frozen=True)
class AuditFilter:
    """Which lines to show: kinds (empty = all) and days ``start``..``end`` (both included, None = open)."""

    kinds: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None

    def wants(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def within(self, column):
        conditions = []
        if self.start is not None:
            conditions.append(column >= dt.datetime.combine(self.start, dt.time()))
        if self.end is not None:
            conditions.append(column < dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time()))
        return and_(literal(True), *conditions)


def _sources(flt: AuditFilter):
    """(kind, time column, select of (at, actor, a, b, c, id)) for every source the filter asks for."""
    # The selects differ in their column types; each reads (at, actor, a, b, c, id).
    sources: list[tuple[str, InstrumentedAttribute[Any], Select[*tuple[Any, ...]]]] = []
    card = func.coalesce(Reader.card, "")
    if flt.wants("lend"):
        sources.append(("lend", Loan.out_at, select(Loan.out_at, Loan.lent_by, Copy.barcode, card, literal(""), Loan.id)
                        .join(Copy, Copy.id == Loan.copy_id).outerjoin(Reader, Reader.id == Loan.reader_id)))
    if flt.wants("return"):
        sources.append(("return", Loan.returned_at,
                        select(Loan.returned_at, Loan.returned_by, Copy.barcode, card, literal(""), Loan.id)
                        .join(Copy, Copy.id == Loan.copy_id).outerjoin(Reader, Reader.id == Loan.reader_id)
                        .where(Loan.returned_at.is_not(None), ~exists().where(Loss.loan_id == Loan.id))))
    if flt.wants("override"):  # a loan lent past a refusal: kept on the loan, so an undone loan takes it away
        sources.append(("override", Loan.out_at,
                        select(Loan.out_at, Loan.override_by, Copy.barcode, card, Loan.override_reason, Loan.id)
                        .join(Copy, Copy.id == Loan.copy_id).outerjoin(Reader, Reader.id == Loan.reader_id)
                        .where(Loan.override_by.is_not(None))))
    if flt.wants("renew"):
        sources.append(("renew", Renewal.at, select(Renewal.at, Renewal.by, Copy.barcode, card, Renewal.new_due_on, Renewal.id)
                        .join(Loan, Loan.id == Renewal.loan_id).join(Copy, Copy.id == Loan.copy_id)
                        .outerjoin(Reader, Reader.id == Loan.reader_id)))
    if flt.wants("withdraw"):
        sources.append(("withdraw", CopyEvent.at, select(CopyEvent.at, CopyEvent.by, Copy.barcode, CopyEvent.kind,
                                                         CopyEvent.detail, CopyEvent.id)
                        .join(Copy, Copy.id == CopyEvent.copy_id).where(CopyEvent.kind.in_(WITHDRAW_EVENTS))))
    if flt.wants("import"):
        sources.append(("import", ImportBatch.created_at,
                        select(ImportBatch.created_at, ImportBatch.created_by, ImportBatch.kind, ImportBatch.file_name,
                               ImportBatch.rows, ImportBatch.id).where(ImportBatch.kind.in_(("books", "readers")))))
    table_kinds = [k for k in KINDS if k not in ("lend", "return", "renew", "withdraw", "import", "override")
                   and flt.wants(k)]
    if table_kinds:
        sources.append(("table", AuditEntry.at, select(AuditEntry.at, AuditEntry.actor, AuditEntry.kind,
                                                       AuditEntry.detail, literal(""), AuditEntry.id)
                        .where(AuditEntry.kind.in_(table_kinds))))
    return [(kind, column, stmt.where(flt.within(column))) for kind, column, stmt in sources]


def _line(kind: str, row) -> AuditLine:
    at, actor, a, b, c, _id = row
    who = shown(actor or "")
    if kind in ("lend", "return", "renew", "override"):
        params = {"barcode": a, "card": b or translate(CONTEXT, _NO_CARD), "due": c, "reason": c}
        return AuditLine(at, kind, who, translate(CONTEXT, _TEXTS[kind]).format(**params))
    if kind == "withdraw":
        return AuditLine(at, kind, who, translate(CONTEXT, _TEXTS[b]).format(barcode=a, detail=c or "—"))
    if kind == "import":
        return AuditLine(at, kind, who, translate(CONTEXT, _TEXTS[a]).format(file=b or "—", rows=c))
    return AuditLine(at, a, who, b)


def count(session: Session, flt: AuditFilter = AuditFilter()) -> int:
    return sum(session.scalar(select(func.count()).select_from(stmt.subquery())) for _k, _c, stmt in _sources(flt))


def lines(session: Session, flt: AuditFilter = AuditFilter(), offset: int = 0, limit: int = 100) -> list[AuditLine]:
    """Newest first: each source's newest ``offset + limit`` rows (by its time index), merged."""
    wanted = offset + limit
    streams = []
    for rank, (kind, column, stmt) in enumerate(_sources(flt)):
        id_column = list(stmt.selected_columns)[-1]
        rows = session.execute(stmt.order_by(column.desc(), id_column.desc()).limit(wanted)).all()
        streams.append([((row[0], rank, row[-1]), _line(kind, row)) for row in rows])
    # One fixed order, so pages put together give the whole log: time, then source, then row.
    merged = heapq.merge(*streams, key=lambda keyed: keyed[0], reverse=True)
    return [line for _key, line in merged][offset:wanted]


def all_lines(session: Session, flt: AuditFilter = AuditFilter()) -> list[AuditLine]:
    return lines(session, flt, 0, max(1, count(session, flt)))


SHEET = QT_TRANSLATE_NOOP("audit", "操作记录")
HEADERS = (QT_TRANSLATE_NOOP("audit", "时间"), QT_TRANSLATE_NOOP("audit", "类别"),
           QT_TRANSLATE_NOOP("audit", "操作人"), QT_TRANSLATE_NOOP("audit", "内容"))


def _rows(found: list[AuditLine]):
    for line in found:
        yield [line.at.replace(microsecond=0), line.kind_label, line.actor, line.detail]


def export_xlsx(session: Session, path: Path | str, flt: AuditFilter = AuditFilter()) -> int:
    """Write the filtered log to a workbook; returns how many lines."""
    # openpyxl loaded here, not at import: the window imports this module at start (0.14 s)
    from bookroom_desk.services.xlsx.workbook import (
        append_row,
        new_workbook,
        save_workbook,
        set_column_widths,
        write_header,
    )

    found = all_lines(session, flt)
    workbook, sheet = new_workbook(translate(CONTEXT, SHEET))
    write_header(sheet, [translate(CONTEXT, h) for h in HEADERS])
    for row in _rows(found):
        append_row(sheet, row)
    set_column_widths(sheet, (18, 12, 14, 70))
    save_workbook(workbook, path)
    return len(found)


def export_csv(session: Session, path: Path | str, flt: AuditFilter = AuditFilter()) -> int:
    """The same as CSV (UTF-8 with BOM, so Excel opens it in Chinese); cells that look like formulas are quoted."""
    found = all_lines(session, flt)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([translate(CONTEXT, h) for h in HEADERS])
    for at, kind, actor, detail in _rows(found):
        writer.writerow([at.isoformat(sep=" "), kind, *(_safe(v) for v in (actor, detail))])
    with files.atomic_write(path) as temporary:
        temporary.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return len(found)


def _safe(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
