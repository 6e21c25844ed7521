"""Finishing a stocktake: nothing changes until the results are applied; then write-off after the grace period."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bookroom_desk.errors import Refused
from bookroom_desk.services.common import clock, settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.stocktake import collector
from bookroom_desk.services.stocktake import counting as st_service
from bookroom_desk.services.stocktake.finish import Actions, finish, write_off, write_off_candidates
from bookroom_desk.services.stocktake.results import outlook, reconcile, rows
from bookroom_desk.store.models import Copy, CopyEvent, Loan
from bookroom_desk.store.models_stocktake import Stocktake
from tests.conftest import NOW
from tests.support.stocktake_room import COPIES, EXPECTED_COUNTS, SCANS, build_room, shelf_of, status_of


@pytest.fixture
def counted(db):
    with db.write() as session:
        room = build_room(session)
        stocktake_id = st_service.start(session, [room["A01"], room["A02"]], actor=OPERATOR).id
        collector.load_codes(session, stocktake_id, "\n".join(SCANS), actor=OPERATOR)
    return stocktake_id


def statuses(db) -> dict[str, str]:
    with db.read() as session:
        return {barcode: status_of(session, barcode) for barcode, *_ in COPIES}


def test_counting_changes_nothing_in_the_catalogue(db, counted):
    assert statuses(db) == {barcode: status for barcode, _shelf, status, _m in COPIES}


def test_safe_finish_checks_in_brings_back_marks_missing_and_lists_misplaced(db, counted):
    with db.write() as session:
        applied = finish(session, counted, actor="管理员")
    assert applied.as_dict() == {"checked_in": 1, "brought_back": 3, "marked_missing": 2, "moved": 0,
                                 "to_reshelve": 2}
    now = statuses(db)
    assert now["00000004"] == "available"  # on loan but found: checked in
    assert (now["00000006"], now["00000007"], now["00000008"]) == ("available",) * 3  # brought back
    assert (now["00000002"], now["00000009"], now["00000015"]) == ("missing",) * 3
    assert (now["00000005"], now["00000010"], now["00000011"]) == ("on_loan", "repair", "processing")
    with db.read() as session:
        assert shelf_of(session, "00000003") == "A01" and shelf_of(session, "00000012") == "B01"
        loan = session.scalar(select(Loan).join(Copy).where(Copy.barcode == "00000004"))
        assert loan.returned_at == NOW and loan.returned_by == "管理员"
        withdrawn = session.scalar(select(Copy).where(Copy.barcode == "00000006"))
        assert withdrawn.removed_on is None and withdrawn.removed_reason == ""
        kinds = {(c, k) for c, k in session.execute(
            select(Copy.barcode, CopyEvent.kind).join(Copy, CopyEvent.copy_id == Copy.id))}
        assert {("00000002", "missing"), ("00000015", "missing"), ("00000006", "reinstated"),
                ("00000008", "reinstated")} <= kinds
        assert ("00000009", "missing") not in kinds  # already 缺失: no new event
        stocktake = session.get(Stocktake, counted)
        assert stocktake.finished_at == NOW and stocktake.finished_by == "管理员"
        # The results stay as they were counted, though the catalogue has changed since.
        assert reconcile(session, stocktake).as_dict() == EXPECTED_COUNTS
        assert [r.barcode for r in rows(session, stocktake, "missing")] == ["00000002", "00000009", "00000015"]
        assert [r.barcode for r in rows(session, stocktake, "on_loan_found")] == ["00000004"]
        assert sorted(r.barcode for r in rows(session, stocktake, "verified")) == [
            "00000001", "00000008", "00000011", "00000013"]
        assert len(rows(session, stocktake, "unknown")) == 2
        assert outlook(session).missing == 3


def test_misplaced_copies_can_be_moved_to_the_shelf_they_were_found_on(db, counted):
    with db.write() as session:
        applied = finish(session, counted, Actions(check_in=False, bring_back=False, mark_missing=False,
                                                   misplaced="move"), actor=OPERATOR)
        assert shelf_of(session, "00000003") == "A02" and shelf_of(session, "00000012") == "A02"
        assert status_of(session, "00000004") == "on_loan" and status_of(session, "00000002") == "available"
    assert applied.moved == 2 and applied.checked_in == applied.marked_missing == 0


def test_finishing_twice_is_refused(db, counted):
    with db.write() as session:
        finish(session, counted, actor=OPERATOR)
    with pytest.raises(Refused), db.write() as session:
        finish(session, counted, actor=OPERATOR)


def test_write_off_waits_for_the_grace_period_then_withdraws_with_the_reason(db, counted):
    with db.write() as session:
        finish(session, counted, actor=OPERATOR)
        settings.set_value(session, settings.STOCKTAKE_GRACE_DAYS, 30, actor=OPERATOR)
    with db.read() as session:
        # 00000009 was 缺失 before, with no date recorded: it may go now; the others in 30 days.
        assert [r.barcode for r, _ in write_off_candidates(session)] == ["00000009"]
        later = [(r.barcode, since) for r, since in write_off_candidates(session, NOW.date() + dt.timedelta(days=31))]
        ids = [r.copy_id for r, _ in write_off_candidates(session, NOW.date() + dt.timedelta(days=31))]
    assert later == [("00000002", NOW.date()), ("00000009", None), ("00000015", NOW.date())]
    with pytest.raises(Refused), db.write() as session:
        write_off(session, ids, actor=OPERATOR)  # today the grace period has not passed for two of them
    assert statuses(db)["00000009"] == "missing"  # all or nothing
    clock.set_clock(clock.fixed(NOW + dt.timedelta(days=31)))
    with db.write() as session:
        before = outlook(session)
        assert write_off(session, ids, actor="管理员") == 3
    with db.read() as session:
        gone = session.scalars(select(Copy).where(Copy.id.in_(ids))).all()
        assert {(c.status, c.removed_reason, c.removed_on) for c in gone} == {
            ("withdrawn", "盘点缺失", (NOW + dt.timedelta(days=31)).date())}
        after = outlook(session)
    assert after.standard.volumes == before.after.volumes == before.standard.volumes - 3
    assert after.missing == 0


def test_the_desk_working_during_a_stocktake_is_respected(db, counted):
    """A copy lent after it was scanned keeps its loan; one back from loan after counting began is not missing."""
    from tests.support.stocktake_room import add_loan

    with db.write() as session:
        # 00000001 was scanned at 10:30; at 11:00 it is lent at the desk.
        add_loan(session, "00000001", out=NOW + dt.timedelta(minutes=30))
        # 00000002 (not scanned: missing) was on loan and came back at 10:45, after its shelf was counted.
        add_loan(session, "00000002", out=NOW - dt.timedelta(days=3), back=NOW + dt.timedelta(minutes=15))
    with db.read() as session:
        stocktake = session.get(Stocktake, counted)
        counts = reconcile(session, stocktake)
        assert [r.barcode for r in rows(session, stocktake, "missing")] == ["00000009", "00000015"]
        assert sorted(r.barcode for r in rows(session, stocktake, "on_loan_found")) == ["00000001", "00000004"]
        assert outlook(session, stocktake).missing == 2
    assert counts.missing == 2
    with db.write() as session:
        applied = finish(session, counted, actor=OPERATOR)
    assert applied.checked_in == 1 and applied.marked_missing == 1  # 00000004 only; 00000015 only
    now = statuses(db)
    assert now["00000001"] == "on_loan" and now["00000004"] == "available" and now["00000002"] == "available"
