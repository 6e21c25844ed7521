"""The loan reports (services/reporting/reports_loans.py), each against the same figures counted by plain SQL:
by reader category, the top readers and titles, and loans by CLC class against the volumes held."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import text

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import report_list as library
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.models import Title
from tests.support.desk_room import past_loan, small_room

YEAR = Period.year(2026)
IN_YEAR = "l.out_at >= '2026-01-01' AND l.out_at < '2027-01-01'"


@pytest.fixture
def demo(session):
    build_demo(session, volumes=400, readers=40, years=2, seed=3)
    return session


def test_loans_by_category_against_a_direct_count(demo):
    table = library.run(demo, "loans-by-category", YEAR)
    counted = dict(demo.execute(text(
        "SELECT c.name, count(*) FROM loans l JOIN readers r ON r.id = l.reader_id"
        f" JOIN reader_categories c ON c.id = r.category_id WHERE {IN_YEAR} GROUP BY c.name")).all())
    shown = {row["category"]: row["loans"] for row in table.as_dicts() if row["loans"]}
    assert shown == counted and counted
    assert table.total is not None and table.total[3] == sum(counted.values())
    loans = [row[3] for row in table.rows]
    assert loans == sorted(loans, reverse=True)


def test_the_top_readers_against_a_direct_count(demo):
    table = library.run(demo, "loans-by-reader", YEAR, top=5)
    counted = demo.execute(text(
        f"SELECT r.card, count(*) AS n FROM loans l JOIN readers r ON r.id = l.reader_id WHERE {IN_YEAR}"
        " GROUP BY r.id, r.card ORDER BY n DESC, r.card LIMIT 5")).all()
    assert [(row["card"], row["loans"]) for row in table.as_dicts()] == [tuple(r) for r in counted]
    assert [row["rank"] for row in table.as_dicts()] == [1, 2, 3, 4, 5]
    everyone = demo.scalar(text(f"SELECT count(DISTINCT reader_id) FROM loans l WHERE {IN_YEAR}"))
    assert f"共 {everyone} 名" in table.note
    assert len(library.run(demo, "loans-by-reader", YEAR).rows) == min(50, everyone)  # the default top


def test_the_top_titles_against_a_direct_count(demo):
    table = library.run(demo, "loans-by-title", YEAR, top=10)
    counted = demo.execute(text(
        "SELECT c.title_id, count(*) AS n, count(DISTINCT l.copy_id) FROM loans l JOIN copies c ON c.id = l.copy_id"
        f" WHERE {IN_YEAR} GROUP BY c.title_id ORDER BY n DESC")).all()
    assert [row["loans"] for row in table.as_dicts()] == [n for _, n, _ in counted[:10]]
    first = demo.get(Title, counted[0][0]) if counted[0][1] > counted[1][1] else None
    if first is not None:  # a title alone at the top is first
        assert table.rows[0][1] == first.title and table.rows[0][5] == counted[0][2]


def test_loans_by_class_against_holdings_and_loans_counted_directly(demo):
    period = Period.year(2025)
    table = library.run(demo, "loans-by-class", period)
    held = dict(demo.execute(text(
        "SELECT upper(substr(t.clc, 1, 1)), count(*) FROM copies c JOIN titles t ON t.id = c.title_id"
        " WHERE c.acquired_on <= '2025-12-31' AND (c.status NOT IN ('withdrawn', 'lost')"
        " OR c.removed_on > '2025-12-31') GROUP BY 1")).all())
    lent = dict(demo.execute(text(
        "SELECT upper(substr(t.clc, 1, 1)), count(*) FROM loans l JOIN copies c ON c.id = l.copy_id"
        " JOIN titles t ON t.id = c.title_id WHERE l.out_at >= '2025-01-01' AND l.out_at < '2026-01-01'"
        " GROUP BY 1")).all())
    rows = {row["class"].split()[0]: row for row in table.as_dicts()}
    assert len(table.rows) == 22 and list(rows)[0] == "A" and list(rows)[-1] == "Z"  # every class, in order
    for letter, row in rows.items():
        assert (row["volumes"], row["loans"]) == (held.get(letter, 0), lent.get(letter, 0)), letter
        if row["volumes"]:
            assert row["turnover"] == (Decimal(row["loans"]) / row["volumes"]).quantize(Decimal("0.01"))
    assert table.total is not None and table.total[1:3] == (sum(held.values()), sum(lent.values()))


def test_an_unclassified_title_is_a_row_of_its_own(session):
    room = small_room(session)
    session.execute(text("UPDATE titles SET clc = '' WHERE title = '机械制图'"))
    past_loan(session, "00000009", room.zhang, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
    table = library.run(session, "loans-by-class", YEAR)
    assert table.rows[-1] == ("（未分类）", 1, 1, Decimal("1.00")) and len(table.rows) == 23


def test_an_anonymised_loan_counts_for_its_own_category_row(session):
    room = small_room(session)
    loan = past_loan(session, "00000004", room.li, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
    loan.reader_id, loan.anon_key, loan.anon_department = None, 7, "财务科"
    session.flush()
    table = library.run(session, "loans-by-category", YEAR)
    assert ("（读者信息已匿名）", 0, 1, 1, None) in table.rows


@pytest.mark.parametrize("name", ["loans-by-category", "loans-by-reader", "loans-by-title"])
def test_an_empty_period_says_there_were_no_loans(session, name):
    small_room(session)
    table = library.run(session, name, Period.year(2020))
    assert all(not row[-2] for row in table.rows) and table.note == "这段时间没有借阅。"
