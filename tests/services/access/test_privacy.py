"""Privacy: old loans anonymised and a reader erased with every statistic unchanged; a reader's data exported."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import NotFound, Refused
from bookroom_desk.services.access import accounts, audit, privacy
from bookroom_desk.services.common import clock, permissions, settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import filing, statistics
from bookroom_desk.services.upkeep import consistency
from bookroom_desk.store.models import Loan, Reader
from bookroom_desk.store.models_access import AuditEntry
from tests.support.filing_history import READER_NAMES, build_history

STARS = re.compile(r"阅读之星候选 \d+ 人")
LATER = dt.datetime(2028, 6, 1, 9)
PERIODS = (Period.year(2025), Period.year(2026), Period.quarter(2026, 3), Period.quarter(2025, 4),
           Period.between(dt.date(2025, 11, 1), dt.date(2026, 2, 28)))


def without_stars(found: list) -> list:
    """The figures with the self-check's count of 阅读之星 candidates taken out.

    Reading stars name people, so a year whose loans are anonymised has none to name: the one
    thing anonymising changes on purpose. Every figure of the return itself stays.
    """
    stripped = []
    for item in found:
        if "checks" in item:
            item = dict(item, checks=[dict(c, evidence=STARS.sub("", c["evidence"])) for c in item["checks"]])
        stripped.append(item)
    return stripped


def figures(session) -> list:
    """The key figures and, for each period, everything a return shows (indicators, breakdowns, self-check)."""
    found = [statistics.key_figures(session).as_dict()]
    for period in PERIODS:
        found.append(dataclasses.asdict(filing.collect(session, period)))
    return found


@pytest.fixture
def history(db):
    with db.write() as session:
        build = build_history(session)
        return {"loans": {k: loan.id for k, loan in build["loans"].items()},
                "readers": {k: reader.id for k, reader in build["readers"].items()}}


def test_nothing_is_anonymised_while_the_room_keeps_history(db, history):
    with db.write() as session:
        assert privacy.history_years(session) == 0
        assert privacy.pending_count(session) == 0
        with pytest.raises(Refused, match="没有设定借阅记录保留年数"):
            privacy.anonymise_old_loans(session, actor=OPERATOR)


def test_old_loans_are_anonymised_by_whole_years_and_every_statistic_stays_exact(db, history):
    clock.set_clock(clock.fixed(LATER))
    with db.read() as session:
        before = figures(session)
    with db.write() as session:
        settings.set_value(session, privacy.HISTORY_YEARS, 1, actor=OPERATOR)
        assert privacy.pending_count(session) == 9
        assert privacy.anonymise_old_loans(session, actor="老李") == 9
    with db.read() as session:
        after = figures(session)
        loans = {loan.id: loan for loan in session.scalars(select(Loan))}
        kept = [k for k, i in history["loans"].items() if loans[i].reader_id is not None]
        keys = {loans[history["loans"][k]].anon_key for k in (1, 3, 5)}  # reader 1's 2025 loans
        departments = {loans[i].anon_department for i in history["loans"].values() if loans[i].reader_id is None}
        entry = session.scalar(select(AuditEntry).where(AuditEntry.kind == "privacy"))
    assert without_stars(after) == without_stars(before)
    # Reader 1 still has a loan of 2026 out: that year of theirs waits; everything else is anonymised.
    assert sorted(kept) == [8]
    assert len(keys) == 1 and None not in keys
    assert departments == {"检修车间", "运用车间", "技术科"}
    assert (entry.actor, entry.detail) == ("老李", "匿名化 1 年前的借阅记录 9 笔")
    with db.read() as session:  # an anonymised loan is not a broken one: `check` still passes
        assert consistency.violations(session) == []
    with db.write() as session:  # nothing more to do
        assert privacy.anonymise_old_loans(session, actor="老李") == 0


def test_a_reader_is_erased_keeping_every_statistic(db, history):
    with db.read() as session:
        before = figures(session)
    with db.write() as session:
        assert privacy.erase_reader(session, "R000003", actor="老李") == 3
    with db.read() as session:
        after = figures(session)
        reader = session.get(Reader, history["readers"][3])
        left = session.scalar(select(func.count(Loan.id)).where(Loan.reader_id == reader.id))
        entry = session.scalar(select(AuditEntry).where(AuditEntry.kind == "privacy"))
        log = " ".join(line.detail for line in audit.all_lines(session))
    assert without_stars(after) == without_stars(before)
    assert (reader.name, reader.employee_no, reader.phone, reader.notes, reader.pinyin) == ("", "", "", "", "")
    assert reader.card == f"#{reader.id}" and privacy.is_erased(reader)
    assert (reader.department, reader.registered_on) == ("检修车间", dt.date(2026, 1, 10))  # still counted
    assert left == 0
    assert entry.detail == f"删除读者 #{reader.id} 的个人信息（3 笔借阅已匿名化）"  # the card is gone from the log too
    assert "读者丙某" not in log and not any(name in log for name in READER_NAMES)
    with db.read() as session, pytest.raises(NotFound):
        privacy.reader_data(session, "R000003", actor=OPERATOR)


def test_a_reader_with_books_out_is_not_erased(db, history):
    with db.write() as session, pytest.raises(Refused, match="还有 1 册未还"):
        privacy.erase_reader(session, "R000001", actor=OPERATOR)
    with db.read() as session:
        assert session.get(Reader, history["readers"][1]).name == "读者甲某"


def test_a_readers_data_is_exported_as_json_with_their_loans(db, history, tmp_path):
    with db.write() as session:
        path = privacy.export_reader(session, "r000001", tmp_path / "reader.json", actor="老李")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["card"], data["name"], data["department"]) == ("R000001", "读者甲某", "检修车间")
    assert [loan["barcode"] for loan in data["loans"]] == ["00000001", "00000003", "00000008", "00000002"]
    assert data["loans"][-1]["returned_at"] is None
    with db.read() as session:
        assert session.scalar(select(AuditEntry.detail).where(AuditEntry.kind == "privacy")) == "导出读者 R000001 的个人信息"


def test_only_an_administrator_exports_erases_or_anonymises(db, history):
    with db.write() as session:
        accounts.add_account(session, "老李", permissions.ADMIN, "secret1", actor=OPERATOR)
        accounts.add_account(session, "小王", permissions.VOLUNTEER, "246810", actor="老李")
    for action in (lambda s: privacy.reader_data(s, "R000001", actor="小王"),
                   lambda s: privacy.erase_reader(s, "R000003", actor="小王"),
                   lambda s: privacy.anonymise_old_loans(s, years=1, actor="小王")):
        with db.write() as session, pytest.raises(Refused, match="只有管理员"):
            action(session)
