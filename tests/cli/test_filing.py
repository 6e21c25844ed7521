"""`bookroom-desk return`: a year, a quarter or a range into a file or a folder; bad options exit 1."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from bookroom_desk.cli import main
from bookroom_desk.services.reporting.filing_read import read_return
from bookroom_desk.store.migrate import open_database
from tests.support.filing_history import QUARTER_3_2026, RANGE_2025_11_TO_2026_02, YEAR_2025, build_history
from tests.support.office import needs_soffice, pdf_pages, to_pdf


@pytest.fixture
def room_db(tmp_path):
    path = tmp_path / "room.db"
    database = open_database(f"sqlite:///{path}")
    with database.write() as session:
        build_history(session)
    database.dispose()
    return str(path)


def test_a_year_into_a_named_file(room_db, tmp_path, capsys):
    out = tmp_path / "报表.xlsx"
    assert main(["--db", room_db, "return", "--year", "2025", "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "2025年" in text and str(out) in text
    assert read_return(out).indicators == YEAR_2025


def test_a_quarter_into_a_folder_takes_the_default_name(room_db, tmp_path, capsys):
    assert main(["--db", room_db, "return", "--year", "2026", "--quarter", "3", "-o", str(tmp_path)]) == 0
    path = tmp_path / "机务段职工书屋_2026年第3季度_统计报表.xlsx"
    assert str(path) in capsys.readouterr().out
    assert read_return(path).indicators == QUARTER_3_2026


def test_a_range_as_json(room_db, tmp_path, capsys):
    out = tmp_path / "r.xlsx"
    assert main(["--db", room_db, "return", "--from", "2025-11-01", "--to", "2026-02-28", "-o", str(out),
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == "2025-11-01至2026-02-28" and data["path"] == str(out)
    assert data["indicators"]["藏书总量（册）"] == RANGE_2025_11_TO_2026_02["volumes"]
    assert data["indicators"]["图书流通率（%）"] == 50.0


@pytest.mark.parametrize("options", [["--from", "2026-01-01"], ["--year", "2026", "--quarter", "2", "--to", "2026-05-01"]])
def test_incomplete_periods_exit_1_with_a_message(room_db, tmp_path, capsys, options):
    assert main(["--db", room_db, "return", *options, "-o", str(tmp_path / "x.xlsx")]) == 1
    assert "bookroom-desk:" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_no_period_means_this_year(room_db, tmp_path, capsys):
    assert main(["--db", room_db, "return", "-o", str(tmp_path / "x.xlsx")]) == 0
    assert "统计期间：2026年" in capsys.readouterr().out and (tmp_path / "x.xlsx").exists()


def test_a_bad_date_is_refused_by_the_parser(room_db, tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--db", room_db, "return", "--from", "2026-13-01", "--to", "2026-12-31", "-o", str(tmp_path / "x.xlsx")])
    err = capsys.readouterr().err
    assert caught.value.code == 2 and "2026-13-01" in err and "月份 13" in err


def test_no_appendix_leaves_the_list_of_new_copies_out(room_db, tmp_path, capsys):
    with_list, without = tmp_path / "全.xlsx", tmp_path / "简.xlsx"
    assert main(["--db", room_db, "return", "--year", "2026", "--quarter", "3", "-o", str(with_list)]) == 0
    assert main(["--db", room_db, "return", "--year", "2026", "--quarter", "3", "--no-appendix",
                 "-o", str(without)]) == 0
    assert load_workbook(with_list, read_only=True).sheetnames[-1] == "附表新增图书清单"
    names = load_workbook(without, read_only=True).sheetnames
    assert "附表新增图书清单" not in names and names[-1] == "十有自查"
    assert read_return(without).indicators == read_return(with_list).indicators == QUARTER_3_2026


@needs_soffice
def test_the_demo_room_s_return_prints_on_at_most_8_pages_without_the_appendix(tmp_path, capsys):
    """The demo room (3,200 copies, a year of loans) as LibreOffice prints it: the return proper fits 8 A4 pages,
    each numbered 第 n 页 共 N 页; the appendix adds its pages after them."""
    database = str(tmp_path / "demo.db")
    assert main(["--db", database, "demo"]) == 0
    out = tmp_path / "演示.xlsx"
    assert main(["--db", database, "return", "--no-appendix", "-o", str(out)]) == 0
    pages = pdf_pages(to_pdf(out, tmp_path))
    assert 7 <= len(pages) <= 8
    assert all(f"第{n}页共{len(pages)}页" in "".join(page.split()) for n, page in enumerate(pages, start=1))
    assert "填报单位（盖章）" in pages[0] and "报出日期" in pages[0]
    # Each chart prints on the page of its table (a page with the chart alone under a repeated header was the bug).
    for chart, header in (("各大类册数", "分类号"), ("各月借还", "月份")):
        page = next(page for page in pages if chart in page)
        assert header in page and "合计" in page, chart  # the table itself, down to its total, not a header alone
    # A table's header is never the last thing on a page: the rows under it follow on the same page.
    for page in pages:
        lines = [line.split() for line in page.splitlines() if line.strip() and "页共" not in "".join(line.split())]
        assert not (lines and lines[-1][0] in ("名次", "序号", "分类号", "月份", "条码") and len(lines[-1]) > 2)
