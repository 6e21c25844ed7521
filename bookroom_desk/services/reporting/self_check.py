"""The 十有 self-check and the four conditions of the basic standard, decided from the room's records.

Each item is 有 (``yes``), 无 (``no``) or 待补充 (``unknown``: the program cannot know, or the
record that would show it is not filled in). The rules, decided here once (the return's 十有自查
sheet is built from :func:`self_check`):

- 标牌: the profile's 统一标牌 box ticked -> 有; not ticked -> 待补充 (unticked may mean "not recorded").
- 3,000 册: holdings at the period's end (acquired by then, not yet withdrawn or lost, of the
  counted material types) at least the room's minimum -> 有, else 无.
- 数字阅读服务: platform filled in the profile -> 有 (how workers get access is asked for if blank);
  blank -> 待补充.
- 借阅制度 / 管理有制度: the rules text filled -> 有, else 待补充.
- 建设有场地: area and seats both above 0 -> 有; either 0 -> 无; either blank -> 待补充.
- 使用有计划: plan items for the years the period touches -> 有, none -> 无.
- 阅读有组织: an active reading group (founded by the period's end) or an active volunteer -> 有, else 无.
- 学习有成果: at least one 征文 or 知识竞赛 activity in the period -> 有; otherwise 待补充 (results
  such as skills won are not in the data); the reading stars found are given as evidence.
- 藏书有更新: copies acquired in the period -> 有, none -> 无.
- 日常有人管: ended duty shifts in the period -> 有; none but loans made -> 待补充 (someone lent them);
  neither -> 无.
- 定期有活动: at least one activity in every quarter of the period that has ended; the current
  quarter counts only once it has an activity. No quarter ended yet: 有 if any activity, else 待补充.
- 活动有特色: featured activities in the period -> 有, else 无.
- 长期有作用: needs the workers served; 有 when distinct borrowers reach PARTICIPATION_MINIMUM of
  them and loans were made in at least half of the period's elapsed months; else 无.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, extract, func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common import clock, settings
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting.period_facts import PeriodFacts, borrower, held_at
from bookroom_desk.services.roomwork import (
    activities,
    plan,
    volunteers,
)
from bookroom_desk.services.roomwork import (
    groups as reading_groups,
)
from bookroom_desk.services.roomwork import (
    stars as reading_stars,
)
from bookroom_desk.services.roomwork.profile import get_profile
from bookroom_desk.store.models import Copy, Loan, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "selfcheck"
YES, NO, UNKNOWN = "yes", "no", "unknown"
STATES: dict[str, str] = {
    YES: QT_TRANSLATE_NOOP("selfcheck", "有"),
    NO: QT_TRANSLATE_NOOP("selfcheck", "无"),
    UNKNOWN: QT_TRANSLATE_NOOP("selfcheck", "待补充"),
}
#: Joins the evidence phrases of an item.
SEPARATOR = QT_TRANSLATE_NOOP("selfcheck", "；")
#: Share of the workers served who must borrow in the period for 长期有作用.
PARTICIPATION_MINIMUM = 0.10

#: How workers reach the digital reading service (the profile holds only the platform's name).
DIGITAL_ACCESS = settings.declare("digital_access", str, "", QT_TRANSLATE_NOOP("settings", "数字阅读服务开通方式"))

CONDITIONS: dict[str, str] = {
    "nameplate": QT_TRANSLATE_NOOP("selfcheck", "统一制式的标牌"),
    "volumes": QT_TRANSLATE_NOOP("selfcheck", "配备图书不少于3000册"),
    "digital": QT_TRANSLATE_NOOP("selfcheck", "数字阅读服务"),
    "rules": QT_TRANSLATE_NOOP("selfcheck", "规范的图书借阅及管理制度"),
}
TEN: dict[str, str] = {
    "site": QT_TRANSLATE_NOOP("selfcheck", "建设有场地"),
    "rules": QT_TRANSLATE_NOOP("selfcheck", "管理有制度"),
    "plan": QT_TRANSLATE_NOOP("selfcheck", "使用有计划"),
    "organised": QT_TRANSLATE_NOOP("selfcheck", "阅读有组织"),
    "results": QT_TRANSLATE_NOOP("selfcheck", "学习有成果"),
    "renewal": QT_TRANSLATE_NOOP("selfcheck", "藏书有更新"),
    "staffed": QT_TRANSLATE_NOOP("selfcheck", "日常有人管"),
    "regular": QT_TRANSLATE_NOOP("selfcheck", "定期有活动"),
    "featured": QT_TRANSLATE_NOOP("selfcheck", "活动有特色"),
    "lasting": QT_TRANSLATE_NOOP("selfcheck", "长期有作用"),
}


@dataclass(frozen=True)
class Phrase:
    """A translatable sentence (Chinese source, context "selfcheck") and the values of its fields."""

    source: str = ""
    params: dict = field(default_factory=dict)

    @property
    def chinese(self) -> str:
        return self.source.format(**self.params)

    def __str__(self) -> str:
        return translate(CONTEXT, self.source).format(**self.params) if self.source else ""


@dataclass(frozen=True)
class CheckItem:
    """One line of the self-check: which item, its state, the evidence found and what is missing."""

    group: str  # "condition" (basic standard) or "ten" (十有)
    key: str
    title_source: str
    state: str
    evidence: tuple[Phrase, ...] = ()
    missing: Phrase = Phrase()

    @property
    def title(self) -> str:
        return translate(CONTEXT, self.title_source)

    @property
    def state_label(self) -> str:
        return translate(CONTEXT, STATES[self.state])

    @property
    def evidence_text(self) -> str:
        return translate(CONTEXT, SEPARATOR).join(str(p) for p in self.evidence)

    @property
    def evidence_chinese(self) -> str:
        return SEPARATOR.join(p.chinese for p in self.evidence)


@dataclass(frozen=True)
class SelfCheck:
    """The self-check of a period: the four basic conditions, then the ten items."""

    period: Period
    conditions: tuple[CheckItem, ...]
    items: tuple[CheckItem, ...]

    @property
    def all(self) -> tuple[CheckItem, ...]:
        return self.conditions + self.items

    def counts(self) -> dict[str, int]:
        return {state: sum(1 for i in self.all if i.state == state) for state in STATES}


def _p(source: str, **params) -> Phrase:
    return Phrase(source, params)


def holdings_at(session: Session, end: dt.date) -> int:
    """Counted copies held at the end of ``end``: acquired by then and not withdrawn or lost by then."""
    counted = settings.get(session, settings.COUNTED_MATERIALS)
    return session.scalar(select(func.count(Copy.id)).join(Copy.title).where(
        held_at(end), Title.material.in_(counted))) or 0


def self_check(session: Session, period: Period, today: dt.date | None = None,
               period_facts: PeriodFacts | None = None) -> SelfCheck:
    """Every condition and item for ``period``, from the records (see the module's rules).

    ``period_facts``: the period's facts when the caller has read them (the return), so the loans
    are not read again."""
    today = today or clock.today()
    facts = _Facts(session, period, today, period_facts)
    conditions = tuple(CheckItem("condition", key, CONDITIONS[key], *rule(facts)) for key, rule in (
        ("nameplate", _nameplate), ("volumes", _volumes), ("digital", _digital), ("rules", _rules)))
    items = tuple(CheckItem("ten", key, TEN[key], *rule(facts)) for key, rule in (
        ("site", _site), ("rules", _rules), ("plan", _plan), ("organised", _organised), ("results", _results),
        ("renewal", _renewal), ("staffed", _staffed), ("regular", _regular), ("featured", _featured),
        ("lasting", _lasting)))
    return SelfCheck(period, conditions, items)


class _Facts:
    """What the rules look at, read once."""

    def __init__(self, session: Session, period: Period, today: dt.date, facts: PeriodFacts | None) -> None:
        self.session, self.period, self.today = session, period, today
        self.profile = get_profile(session)
        self.access = settings.get(session, DIGITAL_ACCESS).strip()
        self.activity = activities.totals(session, period)
        if facts is not None:  # loans per borrower and month: the same counts, already read
            self.loans = sum(count for _who, _year, _month, count in facts.reader_months)
            self.borrowers = len({who for who, *_ in facts.reader_months if who is not None})
            self.loan_months = {(year, month) for _who, year, month, _count in facts.reader_months}
            return
        in_period = and_(Loan.out_at >= period.start_at, Loan.out_at < period.end_before)
        self.loans, self.borrowers = session.execute(
            select(func.count(Loan.id), func.count(func.distinct(borrower()))).where(in_period)).one()
        year, month = extract("year", Loan.out_at), extract("month", Loan.out_at)  # months in SQL, not 100,000 rows
        self.loan_months = {(int(y), int(m)) for y, m in session.execute(select(year, month).where(in_period).distinct())}


def _nameplate(f: _Facts):
    if f.profile.nameplate:
        return YES, (_p(QT_TRANSLATE_NOOP("selfcheck", "书屋信息中已登记悬挂统一标牌")),)
    return UNKNOWN, (), _p(QT_TRANSLATE_NOOP("selfcheck", "悬挂全总统一制式标牌后，在书屋信息中勾选“统一标牌”"))


def _volumes(f: _Facts):
    minimum = settings.get(f.session, settings.MINIMUM_VOLUMES)
    held = holdings_at(f.session, f.period.end)
    evidence = (_p(QT_TRANSLATE_NOOP("selfcheck", "期末馆藏 {volumes} 册（达标下限 {minimum} 册）"),
                   volumes=held, minimum=minimum),)
    if held >= minimum:
        return YES, evidence
    return NO, evidence, _p(QT_TRANSLATE_NOOP("selfcheck", "还差 {count} 册"), count=minimum - held)


def _digital(f: _Facts):
    platform = (f.profile.digital_service or "").strip()
    if not platform:
        return UNKNOWN, (), _p(QT_TRANSLATE_NOOP("selfcheck", "在书屋档案中填写数字阅读服务平台和职工开通方式"))
    evidence = [_p(QT_TRANSLATE_NOOP("selfcheck", "平台：{platform}"), platform=platform)]
    if f.access:
        evidence.append(_p(QT_TRANSLATE_NOOP("selfcheck", "开通方式：{access}"), access=f.access))
        return YES, tuple(evidence)
    return YES, tuple(evidence), _p(QT_TRANSLATE_NOOP("selfcheck", "补充职工开通方式"))


def _rules(f: _Facts):
    text = (f.profile.rules_text or "").strip()
    if text:
        return YES, (_p(QT_TRANSLATE_NOOP("selfcheck", "已录入借阅制度（{chars} 字）"), chars=len(text)),)
    return UNKNOWN, (), _p(QT_TRANSLATE_NOOP("selfcheck", "在书屋档案中录入借阅及管理制度"))


def _site(f: _Facts):
    area, seats = f.profile.area_m2, f.profile.seats
    if area is None or seats is None:
        return UNKNOWN, (), _p(QT_TRANSLATE_NOOP("selfcheck", "在书屋信息中填写面积和座位数"))
    evidence = (_p(QT_TRANSLATE_NOOP("selfcheck", "面积 {area} ㎡，座位 {seats} 个"), area=area, seats=seats),)
    if area > 0 and seats > 0:
        return YES, evidence
    return NO, evidence, _p(QT_TRANSLATE_NOOP("selfcheck", "需要固定的场地和座位"))


def _plan(f: _Facts):
    years = sorted({f.period.start.year, f.period.end.year})
    rows = [row for year in years for row in plan.plan_for_year(f.session, year)]
    if not rows:
        return NO, (), _p(QT_TRANSLATE_NOOP("selfcheck", "在“年度计划”中录入本年度阅读计划"))
    return YES, (_p(QT_TRANSLATE_NOOP("selfcheck", "年度计划 {count} 项，已落实 {done} 项"),
                    count=len(rows), done=sum(1 for r in rows if r.done)),)


def _organised(f: _Facts):
    groups = len(reading_groups.active_groups(f.session, f.period.end))
    helpers = len(volunteers.active_volunteers(f.session, f.period.end))
    evidence = (_p(QT_TRANSLATE_NOOP("selfcheck", "读书会、兴趣小组 {groups} 个，志愿者 {volunteers} 人"),
                   groups=groups, volunteers=helpers),)
    if groups or helpers:
        return YES, evidence
    return NO, evidence, _p(QT_TRANSLATE_NOOP("selfcheck", "成立读书会或兴趣小组，或登记阅读推广志愿者"))


def _results(f: _Facts):
    stars = reading_stars.reading_stars(f.session, f.period, limit=10)
    evidence = (_p(QT_TRANSLATE_NOOP("selfcheck", "征文、知识竞赛 {count} 次"), count=f.activity.result_kinds),
                _p(QT_TRANSLATE_NOOP("selfcheck", "阅读之星候选 {count} 人"), count=len(stars)))
    if f.activity.result_kinds:
        return YES, evidence
    return UNKNOWN, evidence, _p(QT_TRANSLATE_NOOP(
        "selfcheck", "记录征文、知识竞赛等成果活动，或补充职工读书成才的成果材料"))


def _renewal(f: _Facts):
    # The same count as the return's 本期新增: copies of the counted material types.
    counted = settings.get(f.session, settings.COUNTED_MATERIALS)
    acquired = f.session.scalar(select(func.count(Copy.id)).join(Copy.title).where(
        Copy.acquired_on.between(f.period.start, f.period.end), Title.material.in_(counted))) or 0
    evidence = (_p(QT_TRANSLATE_NOOP("selfcheck", "本期新增 {count} 册"), count=acquired),)
    if acquired:
        return YES, evidence
    return NO, evidence, _p(QT_TRANSLATE_NOOP("selfcheck", "本期没有新增藏书"))


def _staffed(f: _Facts):
    shifts = volunteers.shift_count(f.session, f.period)
    hours = volunteers.duty_hours(f.session, f.period)
    if shifts:
        return YES, (_p(QT_TRANSLATE_NOOP("selfcheck", "{count} 次值班，共 {hours} 小时"), count=shifts,
                        hours=f"{hours:.1f}"),)
    missing = _p(QT_TRANSLATE_NOOP("selfcheck", "在“志愿者与值班”中登记值班"))
    if f.loans:
        return UNKNOWN, (_p(QT_TRANSLATE_NOOP("selfcheck", "没有值班记录，但有借阅 {count} 册次"), count=f.loans),), missing
    return NO, (_p(QT_TRANSLATE_NOOP("selfcheck", "没有值班记录，也没有借阅")),), missing


def _quarters(period: Period) -> list[tuple[int, int, dt.date]]:
    """(year, quarter, last day) of each quarter the period touches."""
    out: list[tuple[int, int, dt.date]] = []
    for year, month in period.months():
        quarter = (month - 1) // 3 + 1
        if not out or out[-1][:2] != (year, quarter):
            last = Period.quarter(year, quarter).end
            out.append((year, quarter, last))
    return out


def _regular(f: _Facts):
    counts = f.activity.by_quarter
    evidence = [_p(QT_TRANSLATE_NOOP("selfcheck", "本期阅读活动 {count} 次，参与 {people} 人次"),
                   count=f.activity.count, people=f.activity.participants)]
    ended = [(y, q) for y, q, last in _quarters(f.period) if last < f.today]
    if not ended:
        if f.activity.count:
            return YES, tuple(evidence)
        return UNKNOWN, tuple(evidence), _p(QT_TRANSLATE_NOOP("selfcheck", "本季度尚未结束，还没有活动记录"))
    empty = [(y, q) for y, q in ended if not counts.get((y, q))]
    if not empty:
        return YES, tuple(evidence)
    names = "、".join(f"{y}Q{q}" for y, q in empty)
    return NO, tuple(evidence), _p(QT_TRANSLATE_NOOP("selfcheck", "每季度至少一次活动；没有活动的季度：{quarters}"),
                                   quarters=names)


def _featured(f: _Facts):
    if f.activity.featured:
        names = "、".join(activities.featured_names(f.session, f.period))
        return YES, (_p(QT_TRANSLATE_NOOP("selfcheck", "特色活动 {count} 次：{names}"), count=f.activity.featured,
                        names=names),)
    return NO, (_p(QT_TRANSLATE_NOOP("selfcheck", "特色活动 0 次")),), _p(QT_TRANSLATE_NOOP(
        "selfcheck", "开展有特色的活动，并在活动记录中勾选“特色活动”"))


def _lasting(f: _Facts):
    workers = f.profile.workers_served
    evidence = [_p(QT_TRANSLATE_NOOP("selfcheck", "本期借阅 {loans} 册次，借阅职工 {borrowers} 人"),
                   loans=f.loans, borrowers=f.borrowers),
                _p(QT_TRANSLATE_NOOP("selfcheck", "活动参与 {people} 人次"), people=f.activity.participants)]
    if not workers:
        return UNKNOWN, tuple(evidence), _p(QT_TRANSLATE_NOOP("selfcheck", "在书屋信息中填写服务职工人数"))
    share = f.borrowers / workers
    evidence.append(_p(QT_TRANSLATE_NOOP("selfcheck", "借阅职工占服务职工 {workers} 人的 {percent}%"),
                       workers=workers, percent=f"{share * 100:.1f}"))
    elapsed = [m for m in f.period.months() if dt.date(*m, 1) <= f.today]
    steady = len(f.loan_months) * 2 >= len(elapsed)
    if share >= PARTICIPATION_MINIMUM and steady:
        return YES, tuple(evidence)
    return NO, tuple(evidence), _p(QT_TRANSLATE_NOOP(
        "selfcheck", "借阅职工达到服务职工的 {percent}%，且半数以上月份有借阅"), percent=int(PARTICIPATION_MINIMUM * 100))
