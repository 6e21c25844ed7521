"""Holdings reports of the report library: copies not lent in years (剔旧清单), acquisitions by source and by
batch with their amounts, and the asset ledger (财产登记簿)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import cast

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.common.vocab import COPY_STATUSES, NOT_HOLDINGS, SOURCES
from bookroom_desk.services.reporting.library import (
    BAR,
    DATE,
    INT,
    MONEY,
    PIE,
    Chart,
    Report,
    ReportTable,
    Row,
    column,
    register,
    tr,
)
from bookroom_desk.services.reporting.period_facts import overdue_reference, scanned
from bookroom_desk.services.reporting.reports_loans import TOTAL
from bookroom_desk.store.models import Copy, ImportBatch, Loan, Shelf, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

NOT_LENT_NOTE = QT_TRANSLATE_NOOP("reports", "{day} 前入藏、{day} 以来没有借出过的在藏图书，共 {count} 册；"
                                             "最后借出为空的从未借出。")
ALL_LENT = QT_TRANSLATE_NOOP("reports", "{day} 前入藏的在藏图书自那以后都借出过。")
NONE_THAT_OLD = QT_TRANSLATE_NOOP("reports", "没有 {day} 前入藏的在藏图书。")
NO_ACQUISITIONS = QT_TRANSLATE_NOOP("reports", "这段时间没有新入藏的图书。")
AMOUNT_NOTE = QT_TRANSLATE_NOOP("reports", "金额为实付价，没有实付价的按定价计。")
LEDGER_NOTE = QT_TRANSLATE_NOOP("reports", "截至 {end} 登记的全部 {count} 册，按登记号（条码）排列，其中在藏 {held} 册；"
                                          "合计为在藏图书的金额。金额为实付价，没有实付价的按定价计。")
NO_ACCESSIONS = QT_TRANSLATE_NOOP("reports", "这一天以前还没有登记入藏的图书。")
NO_BATCH = QT_TRANSLATE_NOOP("reports", "（未经批次）")
HOLDINGS_GROUP = QT_TRANSLATE_NOOP("reports", "藏书")


def _amount():
    """SQL: what a copy cost: the price paid, else its title's price."""
    return func.coalesce(Copy.price_paid, Title.price)


def _money(value) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))


def _acquired_in(period: Period):
    return (Copy.acquired_on >= period.start) & (Copy.acquired_on <= period.end)


def copies_not_lent(session: Session, period: Period, years: int = 3) -> ReportTable:
    """Copies in the holdings, acquired before the day ``years`` back from the period's end (or today), that no
    loan took out since: weeding candidates in shelf order, with the last day each was lent, if ever."""
    years = max(1, int(years))
    reference = overdue_reference(period)
    since = _years_back(reference, years)
    since_at = dt.datetime.combine(since, dt.time())
    # Two passes over the loans, no sort of them all: those lent since (read straight through: scanned),
    # then the last loan of the few copies left. (Grouping every loan by copy took 0.75 s of 1,000,000.)
    lent_since = select(Loan.copy_id).where(scanned(Loan.out_at) >= since_at)
    # A CTE used twice: computed once (SQLite 3.35+ and PostgreSQL materialise it).
    candidates = (select(Copy.id.label("id")).where(Copy.status.not_in(NOT_HOLDINGS), Copy.acquired_on < since,
                                                    Copy.id.not_in(lent_since)).cte("candidates"))
    last = (select(Loan.copy_id.label("copy_id"), func.max(Loan.out_at).label("last"))
            .where(Loan.copy_id.in_(select(candidates.c.id))).group_by(Loan.copy_id).subquery())
    stmt = (select(Shelf.code, Title.call_number, Copy.volume_mark, Copy.barcode, Title.title, Title.author,
                   Copy.acquired_on, last.c.last)
            .select_from(Copy).join(Title, Title.id == Copy.title_id).outerjoin(Shelf, Shelf.id == Copy.shelf_id)
            .outerjoin(last, last.c.copy_id == Copy.id).where(Copy.id.in_(select(candidates.c.id)))
            .order_by(Title.shelf_key, Title.id, Copy.volume_key, Copy.barcode))
    rows: list[Row] = [(shelf or "", " ".join(p for p in (call, mark) if p), barcode, title, author or "", acquired,
             _day(lent)) for shelf, call, mark, barcode, title, author, acquired, lent in session.execute(stmt)]
    day = since.isoformat()
    if rows:
        note = tr(NOT_LENT_NOTE, day=day, count=len(rows))
    else:
        old = session.scalar(select(func.count(Copy.id)).where(Copy.status.not_in(NOT_HOLDINGS), Copy.acquired_on < since))
        note = tr(ALL_LENT, day=day) if old else tr(NONE_THAT_OLD, day=day)
    return ReportTable(
        "copies-not-lent", tr(COPIES_NOT_LENT.title), period,
        [column("shelf", QT_TRANSLATE_NOOP("reports", "书架")),
         column("call_number", QT_TRANSLATE_NOOP("reports", "索书号")),
         column("barcode", QT_TRANSLATE_NOOP("reports", "条码")),
         column("title", QT_TRANSLATE_NOOP("reports", "题名")),
         column("author", QT_TRANSLATE_NOOP("reports", "责任者")),
         column("acquired_on", QT_TRANSLATE_NOOP("reports", "入藏日期"), DATE),
         column("last_lent", QT_TRANSLATE_NOOP("reports", "最后借出"), DATE)],
        rows, None, note)


def _years_back(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _day(moment: dt.datetime | str | None) -> dt.date | None:
    if moment is None:
        return None
    if isinstance(moment, str):  # an aggregate over a DateTime column comes back as text from SQLite
        moment = dt.datetime.fromisoformat(moment)
    return moment.date()


def acquisitions_by_source(session: Session, period: Period) -> ReportTable:
    """Copies acquired in the period per source (配送中心, 捐赠…): titles, volumes and their amount."""
    stmt = (select(Copy.source, func.count(func.distinct(Copy.title_id)), func.count(Copy.id), func.sum(_amount()))
            .join(Title, Title.id == Copy.title_id).where(_acquired_in(period)).group_by(Copy.source))
    found = {source: (titles, volumes, _money(amount)) for source, titles, volumes, amount in session.execute(stmt)}
    order = list(SOURCES) + sorted(set(found) - set(SOURCES))
    rows = [(translate("vocab", SOURCES[key]) if key in SOURCES else key, *found[key]) for key in order if key in found]
    titles = session.scalar(select(func.count(func.distinct(Copy.title_id))).where(_acquired_in(period))) or 0
    total = (tr(TOTAL), titles, sum(v for _, v, _ in found.values()), _money(sum(a for _, _, a in found.values())))
    return ReportTable(
        "acquisitions-by-source", tr(ACQUISITIONS_BY_SOURCE.title), period,
        [column("source", QT_TRANSLATE_NOOP("reports", "来源")),
         column("titles", QT_TRANSLATE_NOOP("reports", "种数"), INT),
         column("volumes", QT_TRANSLATE_NOOP("reports", "册数"), INT),
         column("amount", QT_TRANSLATE_NOOP("reports", "金额（元）"), MONEY)],
        cast(list[Row], rows), total if rows else None, tr(AMOUNT_NOTE) if rows else tr(NO_ACQUISITIONS),
        chart=Chart(PIE, "source", ("volumes",)))


def acquisitions_by_batch(session: Session, period: Period) -> ReportTable:
    """Copies acquired in the period per import batch (and those entered one by one), oldest batch first."""
    stmt = (select(Copy.batch_id, func.count(func.distinct(Copy.title_id)), func.count(Copy.id), func.sum(_amount()))
            .join(Title, Title.id == Copy.title_id).where(_acquired_in(period)).group_by(Copy.batch_id))
    found = {batch: (titles, volumes, _money(amount)) for batch, titles, volumes, amount
             in session.execute(stmt)}
    batches = {b.id: b for b in session.scalars(select(ImportBatch).where(
        ImportBatch.id.in_([key for key in found if key is not None])))}
    rows: list[tuple[str, dt.date | None, str, str, str, int, int, Decimal]] = []
    for key in sorted(found, key=lambda k: (k is None, k or 0)):
        titles, volumes, amount = found[key]
        batch = batches.get(key) if key is not None else None
        if batch is None:
            rows.append((tr(NO_BATCH), None, "", "", "", titles, volumes, amount))
            continue
        source = translate("vocab", SOURCES[batch.source]) if batch.source in SOURCES else batch.source
        rows.append((str(batch.id), batch.received_on or batch.created_at.date(), source, batch.supplier,
                     batch.file_name, titles, volumes, amount))
    total = (tr(TOTAL), None, "", "", "", sum(r[5] for r in rows), sum(r[6] for r in rows),
             _money(sum(r[7] for r in rows)))
    return ReportTable(
        "acquisitions-by-batch", tr(ACQUISITIONS_BY_BATCH.title), period,
        [column("batch", QT_TRANSLATE_NOOP("reports", "批次")),
         column("received_on", QT_TRANSLATE_NOOP("reports", "到书日期"), DATE),
         column("source", QT_TRANSLATE_NOOP("reports", "来源")),
         column("supplier", QT_TRANSLATE_NOOP("reports", "供书单位")),
         column("file", QT_TRANSLATE_NOOP("reports", "文件")),
         column("titles", QT_TRANSLATE_NOOP("reports", "种数"), INT),
         column("volumes", QT_TRANSLATE_NOOP("reports", "册数"), INT),
         column("amount", QT_TRANSLATE_NOOP("reports", "金额（元）"), MONEY)],
        cast(list[Row], rows), total if rows else None, tr(AMOUNT_NOTE) if rows else tr(NO_ACQUISITIONS),
        chart=Chart(BAR, "batch", ("volumes",)))


def asset_ledger(session: Session, period: Period) -> ReportTable:
    """财产登记簿 as it stood at the period's end: every copy accessioned by then, in accession order (the barcode
    is the accession number), with its price, source and batch, and when and why it left the holdings if it had
    by then. The total is the amount of the copies still held at the end; the note counts both."""
    removed = Copy.status.in_(NOT_HOLDINGS) & (Copy.removed_on.is_(None) | (Copy.removed_on <= period.end))
    stmt = (select(Copy.barcode, Title.title, Title.author, Title.call_number, _amount(), Copy.acquired_on,
                   Copy.source, Copy.batch_id, case((removed, Copy.removed_on)), case((removed, Copy.status)),
                   Copy.removed_reason)
            .join(Title, Title.id == Copy.title_id).where(Copy.acquired_on <= period.end).order_by(Copy.barcode))
    sources = {key: translate("vocab", label) for key, label in SOURCES.items()}
    statuses = {key: translate("vocab", label) for key, label in COPY_STATUSES.items()}
    rows: list[tuple[str, str, str, str, Decimal | None, dt.date, str, str, dt.date | None, str]] = []
    held = Decimal(0)
    held_count = 0
    for barcode, title, author, call, amount, acquired, source, batch, gone, status, why in session.execute(stmt):
        reason = (why or statuses.get(status, status)) if status is not None else ""
        money = _money(amount) if amount is not None else None
        if status is None:
            held_count += 1
            held += money or 0
        rows.append((barcode, title, author or "", call or "", money, acquired, sources.get(source, source),
                     "" if batch is None else str(batch), gone, reason))
    total = (tr(TOTAL), "", "", "", _money(held), None, "", "", None, "")
    return ReportTable(
        "asset-ledger", tr(ASSET_LEDGER.title), period,
        [column("accession", QT_TRANSLATE_NOOP("reports", "登记号")),
         column("title", QT_TRANSLATE_NOOP("reports", "题名")),
         column("author", QT_TRANSLATE_NOOP("reports", "责任者")),
         column("call_number", QT_TRANSLATE_NOOP("reports", "索书号")),
         column("price", QT_TRANSLATE_NOOP("reports", "金额（元）"), MONEY),
         column("acquired_on", QT_TRANSLATE_NOOP("reports", "入藏日期"), DATE),
         column("source", QT_TRANSLATE_NOOP("reports", "来源")),
         column("batch", QT_TRANSLATE_NOOP("reports", "批次")),
         column("removed_on", QT_TRANSLATE_NOOP("reports", "注销日期"), DATE),
         column("removed_reason", QT_TRANSLATE_NOOP("reports", "注销原因"))],
        cast(list[Row], rows), total if rows else None,
        tr(LEDGER_NOTE, end=period.end.isoformat(), count=len(rows), held=held_count) if rows else tr(NO_ACCESSIONS))


COPIES_NOT_LENT = register(Report(
    "copies-not-lent", QT_TRANSLATE_NOOP("reports", "剔旧清单（多年未借）"),
    QT_TRANSLATE_NOOP("reports", "几年来（默认 3 年）没有借出过的在藏图书，按排架顺序，附入藏日期和最后借出日期。"),
    copies_not_lent, {"years": 3}, group=HOLDINGS_GROUP))
ACQUISITIONS_BY_SOURCE = register(Report(
    "acquisitions-by-source", QT_TRANSLATE_NOOP("reports", "新书入藏（按来源）"),
    QT_TRANSLATE_NOOP("reports", "这段时间入藏的图书按来源统计种数、册数和金额。"),
    acquisitions_by_source, group=HOLDINGS_GROUP))
ACQUISITIONS_BY_BATCH = register(Report(
    "acquisitions-by-batch", QT_TRANSLATE_NOOP("reports", "新书入藏（按批次）"),
    QT_TRANSLATE_NOOP("reports", "这段时间入藏的图书按导入批次统计种数、册数和金额。"),
    acquisitions_by_batch, group=HOLDINGS_GROUP))
ASSET_LEDGER = register(Report(
    "asset-ledger", QT_TRANSLATE_NOOP("reports", "财产登记簿"),
    QT_TRANSLATE_NOOP("reports", "截至期末登记入藏的每一册：登记号、题名、金额、入藏日期、来源、批次，"
                                 "以及注销日期和原因；合计为在藏图书的金额。"),
    asset_ledger, group=HOLDINGS_GROUP))

__all__ = ["ACQUISITIONS_BY_BATCH", "ACQUISITIONS_BY_SOURCE", "ASSET_LEDGER", "COPIES_NOT_LENT",
           "acquisitions_by_batch", "acquisitions_by_source", "asset_ledger", "copies_not_lent"]
