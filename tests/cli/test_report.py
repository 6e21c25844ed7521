"""`bookroom-desk report`: --list, a report as a text table, as JSON, into a workbook; an unknown name, an option
the report does not take and a file type it cannot write exit 1 with a message; an empty period is a note."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bookroom_desk.cli import main
from bookroom_desk.commands.report import text_table
from bookroom_desk.commands.stats import display_width
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import report_list
from bookroom_desk.services.reporting.library import INT, Column, ReportTable
from bookroom_desk.store.migrate import open_database
from tests.support.desk_room import past_loan, small_room


@pytest.fixture
def room_db(tmp_path):
    path = tmp_path / "room.db"
    database = open_database(f"sqlite:///{path}")
    with database.write() as session:
        room = small_room(session)
        past_loan(session, "00000004", room.zhang, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
        past_loan(session, "00000005", room.zhang, dt.date(2026, 4, 1), dt.date(2026, 4, 20))
        past_loan(session, "00000006", room.li, dt.date(2026, 4, 1), dt.date(2026, 4, 20))
    database.dispose()
    return str(path)


def test_list_names_every_report_with_its_title(room_db, capsys):
    assert main(["--db", room_db, "report", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(report_list.reports())
    assert lines[0].split() == ["loans-by-department", "各部门借阅排行"]


def test_list_as_json(room_db, capsys):
    assert main(["--db", room_db, "report", "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"name": "copies-not-lent", "title": "剔旧清单（多年未借）", "group": "藏书", "options": {"years": 3}} in listed


def test_a_report_as_a_text_table(room_db, capsys):
    assert main(["--db", room_db, "report", "loans-by-department", "--year", "2026"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "各部门借阅排行" and out[1] == "期间：2026年（2026-01-01至2026-12-31）"
    header, rule, first = out[3], out[4], out[5]
    assert header.split() == ["部门", "读者数", "借书人数", "借阅册次", "人均册次"]
    assert first.split()[0] == "检修车间" and first.split()[3] == "2"
    assert display_width(rule) >= display_width(first)
    assert out[-1].split()[0] == "合计" and out[-1].split()[3] == "3"


def test_a_report_as_json_with_an_option(room_db, capsys):
    assert main(["--db", room_db, "report", "loans-by-reader", "--from", "2026-03-01", "--to", "2026-04-30",
                 "--top", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "loans-by-reader" and data["period"] == "2026-03-01至2026-04-30"
    assert data["rows"] == [{"rank": 1, "card": "R000001", "name": "张伟", "department": "检修车间", "loans": 2,
                             "copies": 2}]
    assert data["columns"][4] == {"key": "loans", "title": "借阅册次", "kind": "int"}
    assert "前 1 名" in data["note"] and data["total"] is None


def test_a_report_into_a_workbook(room_db, tmp_path, capsys):
    out = tmp_path / "部门.xlsx"
    assert main(["--db", room_db, "report", "loans-by-department", "--year", "2026", "--quarter", "2",
                 "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value.endswith("各部门借阅排行　2026年第2季度") and sheet["A2"].value == "部门"
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]}
    assert rows["检修车间"][3] == 1 and rows["财务科"][3] == 1 and rows["合计"][3] == 2


def test_a_report_as_a_pdf(room_db, tmp_path, capsys, qapp):  # qapp: the tests' QApplication, not the CLI's own
    from tests.printing.test_slip import pdf_text

    out = tmp_path / "部门.pdf"
    assert main(["--db", room_db, "report", "loans-by-department", "--year", "2026", "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    text = "".join(pdf_text(out).split())
    assert "借阅排行" in text and "检修" in text and "财务科" in text and "合计4230.75" in text  # (pdftotext reads 门 as ⻔)


def test_an_empty_period_prints_its_note(room_db, capsys):
    assert main(["--db", room_db, "report", "loans-by-reader", "--year", "2020", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rows"] == [] and data["note"] == "这段时间没有借阅。"
    assert main(["--db", room_db, "report", "loans-by-reader", "--year", "2020"]) == 0
    text = capsys.readouterr().out
    assert "（没有数据）" in text and text.rstrip().endswith("这段时间没有借阅。")


def test_an_unknown_name_exits_1_listing_the_names(room_db, capsys):
    assert main(["--db", room_db, "report", "loans-by-nothing"]) == 1
    err = capsys.readouterr().err
    assert "loans-by-nothing" in err and "loans-by-department" in err and "asset-ledger" in err


@pytest.mark.parametrize("options, words", [
    (["loans-by-class", "--top", "5"], "--top"),
    (["copies-not-lent", "--years", "0"], "--years"),
    (["asset-ledger", "-o", "ledger.csv"], ".xlsx"),
    ([], "--list"),
])
def test_what_cannot_be_done_exits_1_with_a_message(room_db, tmp_path, capsys, options, words):
    options = [str(tmp_path / o) if o.endswith(".csv") else o for o in options]
    assert main(["--db", room_db, "report", *options]) == 1
    assert words in capsys.readouterr().err
    assert not (tmp_path / "ledger.csv").exists()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="书屋ab 12（）", max_size=8), st.integers(0, 10**6)), max_size=6))
def test_the_text_table_lines_up_by_display_width(rows):
    table = ReportTable("t", "T", Period.year(2026), [Column("name", "名称"), Column("n", "册数", INT)],
                        [(name.strip() or "x", n) for name, n in rows], ("合计", sum(n for _, n in rows)), "")
    lines = text_table(table).splitlines()[3:]
    rule = lines[1]
    numbered = [line for line in lines[2:] if not line.startswith("-") and line != "（没有数据）"]
    assert len(numbered) == len(rows) + 1 and numbered[-1].startswith("合计")
    assert all(display_width(line) == display_width(rule) for line in numbered)  # the numbers end where the rule does


def test_a_report_in_english(room_db, capsys):
    assert main(["--lang", "en", "--db", room_db, "report", "loans-by-class", "--year", "2026"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Loans and holdings by CLC class" and out[3].split()[:2] == ["CLC", "class"]
    assert out[5].startswith("A Marxism") and out[-1].startswith("Holdings are the volumes held")
