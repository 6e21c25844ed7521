"""Room work reports of the report library: the desk's work by whoever did it (loans, returns, duty hours), and
visits and in-room reading by day and by month."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common.actors import shown
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting.library import (
    BAR,
    DATE,
    DECIMAL,
    INT,
    LINE,
    Chart,
    Report,
    ReportTable,
    column,
    register,
    tr,
)
from bookroom_desk.services.reporting.period_facts import loans_made_in
from bookroom_desk.services.reporting.reports_loans import TOTAL
from bookroom_desk.services.roomwork.volunteers import hours_by_volunteer
from bookroom_desk.store.models import Loan, Loss
from bookroom_desk.store.models_reading import RoomRead, RoomVisit
from bookroom_desk.text import QT_TRANSLATE_NOOP

NOBODY = QT_TRANSLATE_NOOP("reports", "（未记录）")
NO_WORK = QT_TRANSLATE_NOOP("reports", "这段时间没有借还，也没有值班。")
WORK_NOTE = QT_TRANSLATE_NOOP("reports", "借出、还回按办理的人统计；值班时长只计已结束的班次。")
NO_VISITS = QT_TRANSLATE_NOOP("reports", "这段时间没有到馆和阅览登记。")
VISITS_NOTE = QT_TRANSLATE_NOOP("reports", "到馆人次 = 刷卡入馆 + 人数登记。")
WORK_GROUP = QT_TRANSLATE_NOOP("reports", "工作")


def _hours(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def work_by_volunteer(session: Session, period: Period) -> ReportTable:
    """Per person: loans lent and returns taken (by the name recorded on the loan), duty shifts and hours."""
    lent = dict(session.execute(select(Loan.lent_by, func.count(Loan.id)).where(loans_made_in(period))
                                .group_by(Loan.lent_by)).all())
    returned = dict(session.execute(
        select(Loan.returned_by, func.count(Loan.id))
        .where(Loan.returned_at >= period.start_at, Loan.returned_at < period.end_before,
               ~select(Loss.id).where(Loss.loan_id == Loan.id).exists())
        .group_by(Loan.returned_by)).all())
    duty: dict[str, tuple[int, float]] = {}  # by name, as loans record who lent: two of one name are one row
    for hours in hours_by_volunteer(session, period):
        shifts, hours_on = duty.get(hours.name, (0, 0.0))
        duty[hours.name] = (shifts + hours.shifts, hours_on + hours.total)
    rows: list[tuple[str, int, int, int, Decimal]] = []
    for name in set(lent) | set(returned) | set(duty):
        shifts, hours_on = duty.get(name, (0, 0.0))
        rows.append((shown(name) if name else tr(NOBODY), lent.get(name, 0), returned.get(name, 0), shifts,
                     _hours(hours_on)))
    rows.sort(key=lambda row: (-(row[1] + row[2]), -row[4], row[0]))
    total = (tr(TOTAL), sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows),
             _hours(sum(float(r[4]) for r in rows)))
    return ReportTable(
        "work-by-volunteer", tr(WORK_BY_VOLUNTEER.title), period,
        [column("name", QT_TRANSLATE_NOOP("reports", "姓名")),
         column("loans", QT_TRANSLATE_NOOP("reports", "借出册次"), INT),
         column("returns", QT_TRANSLATE_NOOP("reports", "还回册次"), INT),
         column("shifts", QT_TRANSLATE_NOOP("reports", "值班次数"), INT),
         column("hours", QT_TRANSLATE_NOOP("reports", "值班时长（小时）"), DECIMAL)],
        [tuple(row) for row in rows], total if rows else None, tr(WORK_NOTE) if rows else tr(NO_WORK),
        chart=Chart(BAR, "name", ("loans", "returns")))


def _use(session: Session, period: Period, by_day: bool) -> dict[tuple[int, ...], list[int]]:
    """(year, month[, day]) -> [card visits, head counts, reads], three GROUP BY queries on indexed ``at``."""
    found: dict[tuple[int, ...], list[int]] = {}

    def parts(column):
        keys = [extract("year", column), extract("month", column)]
        return [*keys, extract("day", column)] if by_day else keys

    for place, kind in ((0, "card"), (1, "count")):
        keys = parts(RoomVisit.at)
        stmt = (select(*keys, func.coalesce(func.sum(RoomVisit.head_count), 0))
                .where(RoomVisit.kind == kind, RoomVisit.at >= period.start_at, RoomVisit.at < period.end_before)
                .group_by(*keys))
        for *key, n in session.execute(stmt):
            found.setdefault(tuple(int(k) for k in key), [0, 0, 0])[place] += int(n)
    keys = parts(RoomRead.at)
    for *key, n in session.execute(select(*keys, func.count(RoomRead.id))
                                   .where(RoomRead.at >= period.start_at, RoomRead.at < period.end_before)
                                   .group_by(*keys)):
        found.setdefault(tuple(int(k) for k in key), [0, 0, 0])[2] += int(n)
    return found


def _use_table(name: str, title: str, period: Period, first, rows: list[tuple], chart: str) -> ReportTable:
    total = (tr(TOTAL), *(sum(r[i] for r in rows) for i in range(1, 5)))
    used = any(total[1:])
    return ReportTable(
        name, tr(title), period,
        [first,
         column("card_visits", QT_TRANSLATE_NOOP("reports", "刷卡入馆"), INT),
         column("head_counts", QT_TRANSLATE_NOOP("reports", "人数登记"), INT),
         column("visits", QT_TRANSLATE_NOOP("reports", "到馆人次"), INT),
         column("reads", QT_TRANSLATE_NOOP("reports", "阅览册次"), INT)],
        rows, total if rows else None, tr(VISITS_NOTE) if used else tr(NO_VISITS),
        chart=Chart(chart, first.key, ("visits", "reads")))


def visits_by_day(session: Session, period: Period) -> ReportTable:
    """Each day with a visit or a read: card visits, head counts, visits, copies read in the room."""
    found = _use(session, period, by_day=True)
    rows = [(dt.date(*key), cards, counts, cards + counts, reads)
            for key, (cards, counts, reads) in sorted(found.items())]
    return _use_table("visits-by-day", VISITS_BY_DAY.title, period,
                      column("day", QT_TRANSLATE_NOOP("reports", "日期"), DATE), rows, BAR)


def visits_by_month(session: Session, period: Period) -> ReportTable:
    """Every month the period touches (none left out, so the line has no gaps), as by day."""
    found = _use(session, period, by_day=False)
    rows = []
    for year, month in period.months():
        cards, counts, reads = found.get((year, month), (0, 0, 0))
        rows.append((f"{year}-{month:02d}", cards, counts, cards + counts, reads))
    if not any(any(r[1:]) for r in rows):
        rows = []
    return _use_table("visits-by-month", VISITS_BY_MONTH.title, period,
                      column("month", QT_TRANSLATE_NOOP("reports", "月份")), rows, LINE)


WORK_BY_VOLUNTEER = register(Report(
    "work-by-volunteer", QT_TRANSLATE_NOOP("reports", "志愿者工作量"),
    QT_TRANSLATE_NOOP("reports", "每位工作人员、志愿者办理的借出和还回册次，以及值班次数和时长。"),
    work_by_volunteer, group=WORK_GROUP))
VISITS_BY_DAY = register(Report(
    "visits-by-day", QT_TRANSLATE_NOOP("reports", "到馆与阅览（按日）"),
    QT_TRANSLATE_NOOP("reports", "每天的刷卡入馆、人数登记、到馆人次和室内阅览册次。"),
    visits_by_day, group=WORK_GROUP))
VISITS_BY_MONTH = register(Report(
    "visits-by-month", QT_TRANSLATE_NOOP("reports", "到馆与阅览（按月）"),
    QT_TRANSLATE_NOOP("reports", "每月的刷卡入馆、人数登记、到馆人次和室内阅览册次。"),
    visits_by_month, group=WORK_GROUP))

__all__ = ["VISITS_BY_DAY", "VISITS_BY_MONTH", "WORK_BY_VOLUNTEER", "visits_by_day", "visits_by_month",
           "work_by_volunteer"]
