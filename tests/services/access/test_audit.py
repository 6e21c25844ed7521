"""The audit log: desk work, withdrawals and imports read where they are kept, the rest recorded; paged, filtered, exported."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from bookroom_desk.services.access import audit, privacy
from bookroom_desk.services.access.audit import AuditFilter
from bookroom_desk.services.catalogue import copies
from bookroom_desk.services.circulation import desk, renewals
from bookroom_desk.services.common import audit_log, clock, settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import ImportBatch
from tests.support.desk_room import small_room


def _desk_day(session):
    room = small_room(session)
    clock.set_clock(clock.fixed(dt.datetime(2026, 11, 20, 9)))
    desk.check_out(session, room.zhang, "00000004", actor="小王")
    clock.set_clock(clock.fixed(dt.datetime(2026, 11, 21, 9)))
    desk.check_in(session, "00000004", actor="小刘")
    clock.set_clock(clock.fixed(dt.datetime(2026, 11, 22, 9)))
    desk.check_out(session, room.li, "00000005", actor="小王")
    loan_id = desk.check_out(session, room.li, "00000006", actor="小王").steps[0].loan_id
    clock.set_clock(clock.fixed(dt.datetime(2026, 11, 23, 9)))
    copies.withdraw(session, "00000007", "破损严重", actor="老李")
    renewals.renew(session, loan_id, actor="小刘")
    session.add(ImportBatch(kind="readers", file_name="=名单.xlsx", created_at=dt.datetime(2026, 11, 23, 10),
                            created_by="老李", rows=12))
    clock.set_clock(clock.fixed(dt.datetime(2026, 11, 24, 8)))
    settings.set_value(session, settings.MINIMUM_VOLUMES, 2000, actor="老李")
    audit_log.record(session, "restore", "从备份 bookroom-2026-11-20.db 恢复", "老李")
    session.flush()
    return room


def test_every_kind_of_work_shows_newest_first_with_who_and_card_numbers_only(session):
    _desk_day(session)
    found = [(line.at, line.kind, line.actor, line.detail) for line in audit.lines(session)]
    assert found == [
        (dt.datetime(2026, 11, 24, 8), "restore", "老李", "从备份 bookroom-2026-11-20.db 恢复"),
        (dt.datetime(2026, 11, 24, 8), "setting", "老李", "minimum_volumes: 3000 → 2000"),
        (dt.datetime(2026, 11, 23, 10), "import", "老李", "导入读者名单 =名单.xlsx（12 行）"),
        (dt.datetime(2026, 11, 23, 9), "withdraw", "老李", "图书 00000007 剔除：破损严重"),
        (dt.datetime(2026, 11, 23, 9), "renew", "小刘", "图书 00000006（读者证 R000002）续借至 2026-12-23"),
        (dt.datetime(2026, 11, 22, 9), "lend", "小王", "图书 00000006 借给读者证 R000002"),
        (dt.datetime(2026, 11, 22, 9), "lend", "小王", "图书 00000005 借给读者证 R000002"),
        (dt.datetime(2026, 11, 21, 9), "return", "小刘", "图书 00000004 由读者证 R000001 归还"),
        (dt.datetime(2026, 11, 20, 9), "lend", "小王", "图书 00000004 借给读者证 R000001"),
    ]
    assert audit.count(session) == 9
    text = " ".join(line.detail for line in audit.lines(session))
    assert "张伟" not in text and "李娜" not in text


def test_filtered_by_kind_and_days(session):
    _desk_day(session)
    lends = audit.lines(session, AuditFilter(kinds=("lend", "return")))
    assert [line.kind for line in lends] == ["lend", "lend", "return", "lend"]
    days = AuditFilter(start=dt.date(2026, 11, 21), end=dt.date(2026, 11, 22))
    assert [(line.at.day, line.kind) for line in audit.lines(session, days)] == [(22, "lend"), (22, "lend"), (21, "return")]
    assert audit.count(session, days) == 3


@hyp_settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=1, max_value=10))
def test_pages_put_together_give_the_whole_log(session, size):
    if not audit.count(session):
        _desk_day(session)
    whole = audit.lines(session, limit=100)
    paged = []
    for offset in range(0, len(whole), size):
        paged.extend(audit.lines(session, offset=offset, limit=size))
    assert paged == whole


def test_export_to_xlsx_and_csv_keeps_text_as_text(session, tmp_path):
    _desk_day(session)
    assert audit.export_xlsx(session, tmp_path / "log.xlsx") == 9
    sheet = load_workbook(tmp_path / "log.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("时间", "类别", "操作人", "内容")
    assert ("导入", "老李", "导入读者名单 =名单.xlsx（12 行）") in [r[1:] for r in rows]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert audit.export_csv(session, tmp_path / "log.csv", AuditFilter(kinds=("setting",))) == 1
    with open(tmp_path / "log.csv", encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [["时间", "类别", "操作人", "内容"],
                                            ["2026-11-24 08:00:00", "设置", "老李", "minimum_volumes: 3000 → 2000"]]


def test_an_anonymised_loan_shows_no_card(session):
    room = small_room(session)
    desk.check_out(session, room.zhang, "00000004", actor="小王")
    clock.set_clock(clock.fixed(dt.datetime(2026, 11, 24, 11)))
    desk.check_in(session, "00000004", actor="小王")
    privacy.erase_reader(session, "R000001", actor=OPERATOR)
    details = [line.detail for line in audit.lines(session, AuditFilter(kinds=("lend", "return")))]
    assert details == ["图书 00000004 由读者证 （已匿名） 归还", "图书 00000004 借给读者证 （已匿名）"]


def test_a_full_disk_leaves_no_half_written_log_export(session, tmp_path, monkeypatch):
    import errno

    from bookroom_desk import files

    _desk_day(session)

    def full(_path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_flush_to_disk", full)
    out = tmp_path / "out"
    out.mkdir()
    for write in (audit.export_csv, audit.export_xlsx):
        with pytest.raises(files.WriteFailed, match="磁盘已满"):
            write(session, out / "log")
    assert list(out.iterdir()) == []
