"""`bookroom-desk calendar`: the opening calendar set and shown, and the due date of a loan made on a day."""

from __future__ import annotations

import json

from sqlalchemy import select

from bookroom_desk.cli import main
from bookroom_desk.services.common import opening_week
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import ReaderCategory
from bookroom_desk.store.models_access import AuditEntry


def _run(db_path, *argv) -> int:
    return main(["--db", str(db_path), "calendar", *argv])


def _json(db_path, capsys, *argv) -> dict:
    assert _run(db_path, *argv, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_a_room_with_no_calendar_is_shown_open_every_day(db_path, capsys):
    assert _json(db_path, capsys) == {"open_days": [1, 2, 3, 4, 5, 6, 7], "hours": {}, "opening_hours_text": "每天",
                                      "closed": []}
    assert _run(db_path) == 0
    out = capsys.readouterr().out
    assert "开放日：每天" in out and "停馆日期：无" in out


def test_days_hours_and_closures_are_set_and_shown(db_path, capsys):
    shown = _json(db_path, capsys, "--open-days", "1-5", "--hours", "11:30-13:30,17:00-19:00",
                  "--closed", "2026-10-01:2026-10-07", "2027-01-01", "--reason", "法定节假日")
    hours = ["11:30-13:30", "17:00-19:00"]
    assert shown == {
        "open_days": [1, 2, 3, 4, 5],
        "hours": {"1": hours, "2": hours, "3": hours, "4": hours, "5": hours},
        "opening_hours_text": "周一至周五 11:30–13:30、17:00–19:00",
        "closed": [{"id": 1, "first": "2026-10-01", "last": "2026-10-07", "days": 7, "reason": "法定节假日"},
                   {"id": 2, "first": "2027-01-01", "last": "2027-01-01", "days": 1, "reason": "法定节假日"}],
    }
    assert _run(db_path) == 0
    out = capsys.readouterr().out
    assert "开放日：周一至周五" in out and "开放时间：周一至周五 11:30–13:30、17:00–19:00" in out
    assert "停馆日期（2 段，共 8 天）" in out and "2026-10-01 至 2026-10-07  法定节假日" in out
    db = open_database(f"sqlite:///{db_path}")
    with db.read() as session:
        actors = set(session.scalars(select(AuditEntry.actor)))
        assert actors == {OPERATOR}
        assert opening_week.week(session).open_days == frozenset(range(1, 6))
    db.dispose()


def test_open_days_keep_the_hours_every_day_had(db_path, capsys):
    _json(db_path, capsys, "--open-days", "1-5", "--hours", "9:00-12:00")
    shown = _json(db_path, capsys, "--open-days", "1-6")
    assert shown["opening_hours_text"] == "周一至周六 9:00–12:00"
    shown = _json(db_path, capsys, "--hours", "")
    assert (shown["open_days"], shown["hours"], shown["opening_hours_text"]) == ([1, 2, 3, 4, 5, 6], {}, "周一至周六")


def test_reopen_after_closing_in_the_same_command(db_path, capsys):
    shown = _json(db_path, capsys, "--closed", "2026-07-01:2026-08-31", "--reopen", "2026-07-20:2026-07-31")
    assert [(c["first"], c["last"]) for c in shown["closed"]] == [("2026-07-01", "2026-07-19"),
                                                                 ("2026-08-01", "2026-08-31")]
    shown = _json(db_path, capsys, "--reopen", "2026-07-01:2026-08-31")
    assert shown["closed"] == []


def test_the_due_date_of_a_loan_made_on_a_day(db_path, capsys):
    _json(db_path, capsys, "--open-days", "1-5", "--closed", "2027-01-01")
    assert _run(db_path, "due", "2026-12-02") == 0
    out = capsys.readouterr().out
    assert "2026-12-02 借出的书应于 2027-01-04 归还" in out and "职工" in out and "30 天" in out
    due = _json(db_path, capsys, "due", "2026-12-02")
    assert due == {"start": "2026-12-02", "due": "2027-01-04", "category": "职工", "loan_days": 30,
                   "count_open_days": False}


def test_the_due_date_for_a_category_counting_open_days(db_path, capsys):
    db = open_database(f"sqlite:///{db_path}")
    with db.write() as session:
        session.add(ReaderCategory(name="临时人员", loan_days=10, max_loans=2, renewals=0, overdue_blocks=True,
                                   loan_days_open=True))
    db.dispose()
    _json(db_path, capsys, "--open-days", "1-5")
    due = _json(db_path, capsys, "due", "2026-11-24", "--category", "临时人员")
    assert (due["due"], due["loan_days"], due["count_open_days"]) == ("2026-12-08", 10, True)
    assert _run(db_path, "due", "2026-11-24", "--category", "临时人员") == 0
    assert "10 个开放日" in capsys.readouterr().out
    assert _run(db_path, "due", "2026-11-24", "--category", "外来人员") == 1
    assert "没有名为“外来人员”的读者类别" in capsys.readouterr().err


def test_every_weekday_closed_is_refused_and_nothing_is_stored(db_path, capsys):
    assert _run(db_path, "--closed", "2026-12-31", "--open-days", "") == 1
    assert "每一天都不开放" in capsys.readouterr().err
    assert _json(db_path, capsys)["closed"] == []


def test_bad_input_is_refused_naming_it_and_nothing_is_stored(db_path, capsys):
    for argv, said in ((["--closed", "2026-10-07:2026-10-01"], "结束日期早于开始日期"),
                       (["--closed", "2026-02-30"], "2026-02-30"),
                       (["--open-days", "1-8"], "1-8"),
                       (["--hours", "13:30-11:30"], "13:30-11:30"),
                       (["--open-days", "1-5", "--closed", "2026-12-31", "--reopen", "2027-01-05:2027-01-01"], "早于"),
                       (["due", "2026-13-01"], "月份")):
        assert _run(db_path, *argv) == 1, argv
        assert said in capsys.readouterr().err, argv
    shown = _json(db_path, capsys)
    assert (shown["open_days"], shown["closed"]) == ([1, 2, 3, 4, 5, 6, 7], [])


def test_in_english(db_path, capsys):
    _json(db_path, capsys, "--open-days", "1-5", "--hours", "9:00-12:00", "--closed", "2026-10-01:2026-10-07")
    assert main(["--lang", "en", "--db", str(db_path), "calendar"]) == 0
    out = capsys.readouterr().out
    assert "Open days: Mon–Fri" in out and "Opening hours: Mon–Fri 9:00–12:00" in out
    assert "2026-10-01 to 2026-10-07" in out
    assert main(["--lang", "en", "--db", str(db_path), "calendar", "due", "2026-09-01"]) == 0
    assert "falls due on 2026-10-08" in capsys.readouterr().out
    assert main(["--lang", "en", "--db", str(db_path), "calendar", "--open-days", ""]) == 1
    err = capsys.readouterr().err
    assert "every day" in err.lower() and "，" not in err



def test_closed_dates_are_imported_from_a_list_all_or_nothing(db_path, capsys, tmp_path):
    bad = tmp_path / "closed.txt"
    bad.write_text("2026-10-01:2026-10-07,国庆节\n2026-13-01\n下周\n", encoding="utf-8")
    assert _run(db_path, "--import", str(bad)) == 1
    err = capsys.readouterr().err
    assert "文件中有 2 处问题，未导入任何数据。" in err
    assert "第 2 行，日期：" in err and "第 3 行，日期：“下周”不是日期或日期范围" in err
    assert _json(db_path, capsys)["closed"] == []
    good = tmp_path / "closed.csv"
    good.write_text("2026-10-01:2026-10-07,国庆节\n2026-12-31\n", encoding="utf-8")
    shown = _json(db_path, capsys, "--import", str(good))
    assert [(c["first"], c["last"], c["reason"]) for c in shown["closed"]] == [
        ("2026-10-01", "2026-10-07", "国庆节"), ("2026-12-31", "2026-12-31", "")]
