"""The 基本情况 indicators and the breakdowns, against figures counted by hand on a two-year history.

The working for 2026 Q3 (2026-07-01..2026-09-30), as an example of how the expected values came:
holdings at 09-30 are c1, c2, c5, c6, c7, c9 (c3 withdrawn 2025, c4 lost 08-10, c10 withdrawn 09-30,
c8 is 音像) = 6 volumes, 5 books, 1 periodical, titles 平凡的世界, 中国工人, 电工基础, 无分类书 = 4;
acquired c7 and c10 = 2; removed c4 and c10 = 2; 2 / 6 = 33.3%; readers r1, r3, r5 (r2 left 03-01)
= 3; loans L7–L10 = 4 by r3, r1, r5 = 3 borrowers, 3 / 50 workers = 6.0%; returned in the quarter
L7 only = 1; renewals 1; 4 / 3 = 1.33; copies lent c1, c2, c7, c9 = 4 / 6 = 66.7%; open at the
end and past due: L8 (due 09-14) = 1; activity 08-01 with 20; volunteers joined by then and active
= 2; duty 2.5 h + 2 h of the night shift up to midnight = 4.5 h; stocktake finished 06-30, 1 missing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import breakdowns, period_facts
from bookroom_desk.services.reporting.indicators import INDICATORS, compute, rate, standard_text
from tests.support.filing_history import QUARTER_3_2026, RANGE_2025_11_TO_2026_02, YEAR_2025, build_history


@pytest.mark.parametrize("period, expected", [
    (Period.year(2025), YEAR_2025),
    (Period.quarter(2026, 3), QUARTER_3_2026),
    (Period.between(dt.date(2025, 11, 1), dt.date(2026, 2, 28)), RANGE_2025_11_TO_2026_02),
], ids=["year", "quarter", "range"])
def test_every_indicator_equals_the_hand_count(session, period, expected):
    build_history(session)
    figures = compute(session, period)
    assert figures.values == expected
    assert [i.key for i in INDICATORS] == list(expected)


def test_the_parts_of_the_rates_are_kept(session):
    build_history(session)
    figures = compute(session, Period.quarter(2026, 3))
    assert (figures.workers_served, figures.lent_copies) == (50, 4)


def test_the_labels_are_exactly_those_of_the_return_format():
    assert [i.label for i in INDICATORS] == [
        "藏书总量（册）", "其中：图书（册）", "其中：报刊（册）", "藏书种数（种）", "达标下限（册）", "达标情况",
        "本期新增（册）", "本期剔除（册）", "藏书更新率（%）", "登记读者（人）", "本期借阅读者（人）", "职工参与率（%）",
        "本期借出（册次）", "本期归还（册次）", "本期续借（次）", "到馆人次", "阅览册次", "预约（次）", "催还（次）",
        "人均借阅（册次）", "图书流通率（%）", "逾期未还（册）",
        "阅读活动（次）", "活动参与（人次）", "志愿者（人）", "值班时长（小时）", "最近盘点日期", "盘点缺失（册）"]


def test_an_empty_room_shows_zeros_and_blank_rates(session):
    figures = compute(session, Period.year(2026))
    assert figures["volumes"] == 0 and figures["loans"] == 0 and figures["standard"] == "差3000册"
    for key in ("renewal_rate", "participation_rate", "loans_per_reader", "circulation_rate", "last_stocktake"):
        assert figures[key] is None


def test_participation_is_blank_when_workers_served_is_unknown(session):
    build_history(session, workers=None)
    assert compute(session, Period.year(2025))["participation_rate"] is None


def test_counted_materials_follow_the_room_setting(session):
    build_history(session)
    settings.set_value(session, settings.COUNTED_MATERIALS, ["book", "periodical", "newspaper", "audiovisual"],
                       actor=OPERATOR)
    figures = compute(session, Period.year(2025))
    assert (figures["volumes"], figures["acquired"], figures["circulation_rate"]) == (5, 5, 100.0)


def test_overdue_of_a_period_not_yet_ended_is_judged_today(session, fixed_clock):
    build_history(session)
    # 2026: today is 11-24; L8 is still out and was due 09-14.
    assert compute(session, Period.year(2026))["overdue"] == 1
    assert period_facts.overdue_reference(Period.year(2026)) == dt.date(2026, 11, 24)


def test_rates_round_half_up_and_need_a_denominator():
    assert rate(1, 8, 1) == 12.5 and rate(1, 3, 2, scale=1) == 0.33 and rate(2, 3, 2, scale=1) == 0.67
    assert rate(1, 16, 2) == 6.25 and rate(1, 0, 1) is None and rate(1, None, 1) is None
    assert standard_text(3000, 3000) == "达标" and standard_text(2999, 3000) == "差1册"


def test_class_and_topic_breakdowns_of_the_quarter(session):
    build_history(session)
    parts = breakdowns.breakdowns(session, Period.quarter(2026, 3))
    assert [row.key for row in parts.classes] == list("ABCDEFGHIJKNOPQRSTUVXZ")
    by_class = {row.key: (row.titles, row.volumes, row.acquired, row.on_loan, row.loans) for row in parts.classes}
    assert by_class["I"] == (1, 2, 1, 1, 2)
    assert by_class["D"] == (1, 1, 0, 0, 0)
    assert by_class["T"] == (1, 2, 1, 1, 1)
    assert sum(by_class[k][1] for k in by_class) == 5
    u = parts.unclassified
    assert (u.titles, u.volumes, u.acquired, u.on_loan, u.loans) == (1, 1, 0, 1, 1)
    assert next(r for r in parts.classes if r.key == "I").name == "文学"
    topics = {row.key: (row.titles, row.volumes, row.acquired, row.on_loan, row.loans) for row in parts.topics}
    assert list(topics) == ["politics", "skills", "labour_law", "culture", "social_science", "other"]
    assert topics == {"politics": (1, 1, 0, 0, 0), "skills": (1, 2, 1, 1, 1), "labour_law": (0, 0, 0, 0, 0),
                      "culture": (1, 2, 1, 1, 2), "social_science": (0, 0, 0, 0, 0), "other": (1, 1, 0, 1, 1)}


def test_months_titles_and_departments_of_the_quarter(session):
    build_history(session)
    parts = breakdowns.breakdowns(session, Period.quarter(2026, 3))
    assert [(m.label, m.loans, m.returns, m.renewals, m.borrowers) for m in parts.months] == [
        ("2026-07", 1, 0, 0, 1), ("2026-08", 1, 1, 0, 1), ("2026-09", 2, 0, 1, 2)]
    assert [(t.rank, t.title, t.loans) for t in parts.top_titles] == [
        (1, "平凡的世界", 2), (2, "无分类书", 1), (3, "电工基础", 1)]
    assert [(d.department, d.readers, d.borrowers, d.loans) for d in parts.departments] == [
        ("检修车间", 2, 2, 3), ("技术科", 1, 1, 1)]


def test_months_of_a_range_span_the_year_end(session):
    build_history(session)
    parts = breakdowns.breakdowns(session, Period.between(dt.date(2025, 11, 1), dt.date(2026, 2, 28)))
    assert [(m.label, m.loans, m.returns) for m in parts.months] == [
        ("2025-11", 1, 0), ("2025-12", 2, 1), ("2026-01", 0, 2), ("2026-02", 1, 0)]
    assert sum(m.loans for m in parts.months) == compute(
        session, Period.between(dt.date(2025, 11, 1), dt.date(2026, 2, 28)))["loans"]


def test_departments_count_readers_at_the_end_only(session):
    build_history(session)
    parts = breakdowns.breakdowns(session, Period.year(2025))
    # at 2025-12-31: r1 检修车间, r2 运用车间; r4 (no department) had left
    assert {d.department: d.readers for d in parts.departments} == {"检修车间": 1, "运用车间": 1}
    assert breakdowns.NO_DEPARTMENT not in {d.department for d in parts.departments}
