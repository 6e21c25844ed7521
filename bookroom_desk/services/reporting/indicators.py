"""The 基本情况 indicators of a period, counted from history in SQL (the return and the dashboard share them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common import settings
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.common.vocab import PERIODICAL_MATERIALS
from bookroom_desk.services.reporting import filing_sources
from bookroom_desk.services.reporting.period_facts import PeriodFacts, period_facts
from bookroom_desk.services.roomwork.profile import get_profile
from bookroom_desk.store.models import Reader
from bookroom_desk.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Indicator:
    """One row of the indicator table: key, its fixed label, and what it means (说明)."""

    key: str
    label: str
    note: str
    decimals: int | None = 0  # None: text or date; 1 or 2: a rate
    since: int = 1  # the return format version that first has this row (a return of an older one leaves it blank)


#: The indicator table of 基本情况, in order, labels exactly as docs/return-format.md fixes them (the return writes them
#: in Chinese; the dashboard shows them translated, context "indicators").
INDICATORS: tuple[Indicator, ...] = (
    Indicator("volumes", QT_TRANSLATE_NOOP("indicators", "藏书总量（册）"),
              QT_TRANSLATE_NOOP("indicators", "期末馆藏（未剔除、未遗失），计入达标的文献类型")),
    Indicator("books", QT_TRANSLATE_NOOP("indicators", "其中：图书（册）"), QT_TRANSLATE_NOOP("indicators", "期末馆藏中的图书")),
    Indicator("periodicals", QT_TRANSLATE_NOOP("indicators", "其中：报刊（册）"),
              QT_TRANSLATE_NOOP("indicators", "期末馆藏中的期刊、报纸合订本")),
    Indicator("titles", QT_TRANSLATE_NOOP("indicators", "藏书种数（种）"),
              QT_TRANSLATE_NOOP("indicators", "期末馆藏的不同书目数")),
    Indicator("minimum", QT_TRANSLATE_NOOP("indicators", "达标下限（册）"),
              QT_TRANSLATE_NOOP("indicators", "职工书屋基本标准：图书不少于3000册")),
    Indicator("standard", QT_TRANSLATE_NOOP("indicators", "达标情况"),
              QT_TRANSLATE_NOOP("indicators", "藏书总量与达标下限相比"), None),
    Indicator("acquired", QT_TRANSLATE_NOOP("indicators", "本期新增（册）"), QT_TRANSLATE_NOOP("indicators", "本期入藏的册数")),
    Indicator("removed", QT_TRANSLATE_NOOP("indicators", "本期剔除（册）"),
              QT_TRANSLATE_NOOP("indicators", "本期剔除或遗失的册数")),
    Indicator("renewal_rate", QT_TRANSLATE_NOOP("indicators", "藏书更新率（%）"),
              QT_TRANSLATE_NOOP("indicators", "本期新增 ÷ 藏书总量 × 100"), 1),
    Indicator("readers", QT_TRANSLATE_NOOP("indicators", "登记读者（人）"),
              QT_TRANSLATE_NOOP("indicators", "期末已登记且未离职的读者")),
    Indicator("borrowers", QT_TRANSLATE_NOOP("indicators", "本期借阅读者（人）"),
              QT_TRANSLATE_NOOP("indicators", "本期有借阅的不同读者")),
    Indicator("participation_rate", QT_TRANSLATE_NOOP("indicators", "职工参与率（%）"),
              QT_TRANSLATE_NOOP("indicators", "本期借阅读者 ÷ 服务职工人数 × 100；人数未填时空白"), 1),
    Indicator("loans", QT_TRANSLATE_NOOP("indicators", "本期借出（册次）"), QT_TRANSLATE_NOOP("indicators", "本期借出的次数")),
    Indicator("returns", QT_TRANSLATE_NOOP("indicators", "本期归还（册次）"), QT_TRANSLATE_NOOP("indicators", "本期归还的次数")),
    Indicator("renewals", QT_TRANSLATE_NOOP("indicators", "本期续借（次）"), QT_TRANSLATE_NOOP("indicators", "本期续借的次数")),
    Indicator("visits", QT_TRANSLATE_NOOP("indicators", "到馆人次"),
              QT_TRANSLATE_NOOP("indicators", "本期刷证入馆的人次与登记的到馆人数之和"), since=2),
    Indicator("reads_in_room", QT_TRANSLATE_NOOP("indicators", "阅览册次"),
              QT_TRANSLATE_NOOP("indicators", "本期在书屋内阅览登记的册次（不外借）"), since=2),
    Indicator("holds", QT_TRANSLATE_NOOP("indicators", "预约（次）"),
              QT_TRANSLATE_NOOP("indicators", "本期读者预约图书的次数"), since=2),
    Indicator("notices", QT_TRANSLATE_NOOP("indicators", "催还（次）"),
              QT_TRANSLATE_NOOP("indicators", "本期发出的催还通知次数"), since=2),
    Indicator("loans_per_reader", QT_TRANSLATE_NOOP("indicators", "人均借阅（册次）"),
              QT_TRANSLATE_NOOP("indicators", "本期借出 ÷ 登记读者"), 2),
    Indicator("circulation_rate", QT_TRANSLATE_NOOP("indicators", "图书流通率（%）"),
              QT_TRANSLATE_NOOP("indicators", "本期借出过的不同册数 ÷ 藏书总量 × 100"), 1),
    Indicator("overdue", QT_TRANSLATE_NOOP("indicators", "逾期未还（册）"),
              QT_TRANSLATE_NOOP("indicators", "期末（或今天，取较早者）仍未归还且已过应还日期")),
    Indicator("activities", QT_TRANSLATE_NOOP("indicators", "阅读活动（次）"),
              QT_TRANSLATE_NOOP("indicators", "本期举办的阅读活动")),
    Indicator("participants", QT_TRANSLATE_NOOP("indicators", "活动参与（人次）"),
              QT_TRANSLATE_NOOP("indicators", "本期阅读活动参与人数之和")),
    Indicator("volunteers", QT_TRANSLATE_NOOP("indicators", "志愿者（人）"),
              QT_TRANSLATE_NOOP("indicators", "期末在册的阅读推广志愿者")),
    Indicator("duty_hours", QT_TRANSLATE_NOOP("indicators", "值班时长（小时）"),
              QT_TRANSLATE_NOOP("indicators", "本期已结束的值班时长之和"), 1),
    Indicator("last_stocktake", QT_TRANSLATE_NOOP("indicators", "最近盘点日期"),
              QT_TRANSLATE_NOOP("indicators", "期末前最近一次完成的盘点的结束日期"), None),
    Indicator("stocktake_missing", QT_TRANSLATE_NOOP("indicators", "盘点缺失（册）"),
              QT_TRANSLATE_NOOP("indicators", "该次盘点发现缺失的册数")),
)


@dataclass
class Indicators:
    """The values of one room's indicators for one period, plus the parts the rates come from."""

    values: dict[str, object]
    workers_served: int | None = None
    lent_copies: int = 0  # distinct copies lent: the numerator of 图书流通率

    def __getitem__(self, key: str):
        return self.values[key]

    def as_dict(self) -> dict:
        return {**self.values, "workers_served": self.workers_served, "lent_copies": self.lent_copies}


def rate(numerator: float | None, denominator: float | None, decimals: int, scale: int = 100) -> float | None:
    """numerator ÷ denominator × scale rounded half up, or None when the denominator is unknown or 0."""
    if numerator is None or not denominator:
        return None
    from decimal import ROUND_HALF_UP, Decimal

    value = Decimal(numerator) * scale / Decimal(denominator)
    return float(value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def standard_text(volumes: int, minimum: int) -> str:
    """达标 or 差N册."""
    return "达标" if volumes >= minimum else f"差{minimum - volumes}册"


def counted_materials(session: Session) -> list[str]:
    return list(settings.get(session, settings.COUNTED_MATERIALS))


def registered_at(end: dt.date):
    """SQL condition: a reader was registered and had not left at the end of ``end``."""
    return and_(Reader.registered_on <= end,
                or_(and_(Reader.left_on.is_(None), Reader.status != "left"), Reader.left_on > end))


def compute(session: Session, period: Period, facts: PeriodFacts | None = None) -> Indicators:
    """Every indicator of 基本情况 for ``period``, from the stored history."""
    facts = facts or period_facts(session, period)
    counted = set(counted_materials(session))
    groups = [g for g in facts.copies if g.material in counted]
    volumes = sum(g.held for g in groups)
    acquired = sum(g.acquired for g in groups)
    minimum = settings.get(session, settings.MINIMUM_VOLUMES)
    readers = session.scalar(select(func.count(Reader.id)).where(registered_at(period.end))) or 0
    loans = sum(n for *_, n in facts.reader_months)
    borrowers = len({reader for reader, *_ in facts.reader_months})
    lent_copies = sum(t.copies_lent for t in facts.titles if t.material in counted)
    workers = get_profile(session).workers_served
    room_work = filing_sources.room_work_figures(session, period)
    service = filing_sources.service_figures(session, period)
    stocktake = filing_sources.last_stocktake(session, period.end)
    values = {
        "volumes": volumes,
        "books": sum(g.held for g in groups if g.material == "book"),
        "periodicals": sum(g.held for g in groups if g.material in PERIODICAL_MATERIALS),
        "titles": sum(g.titles_held for g in groups),
        "minimum": minimum,
        "standard": standard_text(volumes, minimum),
        "acquired": acquired,
        "removed": sum(g.removed for g in groups),
        "renewal_rate": rate(acquired, volumes, 1),
        "readers": readers,
        "borrowers": borrowers,
        "participation_rate": rate(borrowers, workers, 1),
        "loans": loans,
        "returns": sum(facts.returns_by_month.values()),
        "renewals": sum(facts.renewals_by_month.values()),
        "visits": service.visits,
        "reads_in_room": service.reads_in_room,
        "holds": service.holds,
        "notices": service.notices,
        "loans_per_reader": rate(loans, readers, 2, scale=1),
        "circulation_rate": rate(lent_copies, volumes, 1),
        "overdue": sum(g.overdue for g in facts.open),
        "activities": room_work.activities,
        "participants": room_work.participants,
        "volunteers": room_work.volunteers,
        "duty_hours": room_work.duty_hours,
        "last_stocktake": stocktake.finished_on if stocktake else None,
        "stocktake_missing": stocktake.missing if stocktake else None,
    }
    return Indicators(values, workers_served=workers, lent_copies=lent_copies)


@dataclass
class Breakdown:
    """One row of 藏书分类 (a CLC class or a priority kind)."""

    key: str
    name: str
    titles: int = 0
    volumes: int = 0
    acquired: int = 0
    on_loan: int = 0
    loans: int = 0

    MEASURES = ("titles", "volumes", "acquired", "on_loan", "loans")

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def measures(self) -> tuple[int, ...]:
        return tuple(getattr(self, name) for name in self.MEASURES)

    def add(self, other: Breakdown) -> None:
        for name in self.MEASURES:
            setattr(self, name, getattr(self, name) + (getattr(other, name) or 0))

    @classmethod
    def total(cls, rows) -> Breakdown:
        """A 合计 row: the sum of ``rows``."""
        result = cls("", "合计")
        for row in rows:
            result.add(row)
        return result


@dataclass
class MonthRow:
    """One month of 借阅统计."""

    year: int
    month: int
    loans: int = 0
    returns: int = 0
    renewals: int = 0
    borrowers: int = 0

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class TopTitle:
    """One of the most-lent titles (a title, never a reader)."""

    rank: int
    title: str
    author: str
    call_number: str
    loans: int


@dataclass
class DepartmentRow:
    """Readers and loans of one department (部门)."""

    department: str
    readers: int = 0
    borrowers: int = 0
    loans: int = 0


@dataclass
class Breakdowns:
    """Everything 藏书分类 and 借阅统计 show, for the return and the dashboard alike."""

    classes: list[Breakdown] = field(default_factory=list)
    unclassified: Breakdown | None = None
    topics: list[Breakdown] = field(default_factory=list)
    months: list[MonthRow] = field(default_factory=list)
    top_titles: list[TopTitle] = field(default_factory=list)
    departments: list[DepartmentRow] = field(default_factory=list)

