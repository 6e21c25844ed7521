"""汇总: three rooms' returns summed, rates recomputed from the summed parts, every bad file reported."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import consolidation, filing, filing_format
from bookroom_desk.services.reporting.consolidation import consolidate_files
from bookroom_desk.services.reporting.filing_read import ReturnUnreadable, read_return
from bookroom_desk.services.reporting.indicators import INDICATORS
from bookroom_desk.store.migrate import open_database
from tests.support.filing_history import FORMULA_TITLE, build_history
from tests.support.helpers import add_copy, add_title
from tests.support.office import needs_soffice, pdf_pages, to_pdf

Q3 = Period.quarter(2026, 3)
SUMMARY_TOTAL = {
    "volumes": 19, "books": 16, "periodicals": 3, "titles": 13, "minimum": None, "standard": "达标1个，未达标2个",
    "acquired": 7, "removed": 6, "renewal_rate": 36.8, "readers": 9, "borrowers": 9,
    "participation_rate": 4.0,  # (3 + 3) ÷ (50 + 100): room B has no workers served
    "loans": 12, "returns": 3, "renewals": 3, "visits": 39, "reads_in_room": 6, "holds": 3, "notices": 3,
    "loans_per_reader": 1.33,
    "circulation_rate": 63.2,  # (4 + 4 + 4) ÷ 19; the average of the rooms' rates would be 63.5
    "overdue": 3, "activities": 3, "participants": 60, "volunteers": 6, "duty_hours": 13.5, "last_stocktake": None,
    "stocktake_missing": 3,
}


def _room_return(folder, name, union="机务段工会", workers=50, extra_copy=False, period=Q3, minimum=None):
    database = open_database(f"sqlite:///{folder / (name + period.label + '.db')}")
    try:
        with database.write() as session:
            build_history(session, name=name, union=union, workers=workers)
            if extra_copy:
                add_copy(session, "00000099", add_title(session, "工会知识", clc="D4", topic="politics"),
                         acquired_on=dt.date(2026, 8, 1))
            if minimum is not None:
                settings.set_value(session, settings.MINIMUM_VOLUMES, minimum, actor=OPERATOR)
        with database.read() as session:
            return filing.write_return(session, period, folder)
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def rooms(tmp_path_factory):
    folder = tmp_path_factory.mktemp("returns")
    a = _room_return(folder, "一号书屋")
    b = _room_return(folder, "二号书屋", workers=None)
    c = _room_return(folder, "三号书屋", union=FORMULA_TITLE, workers=100, extra_copy=True, minimum=5)
    b_2025 = _room_return(folder, "二号书屋", workers=None, period=Period.year(2025))
    return folder, a, b, c, b_2025


@pytest.fixture
def bad_files(tmp_path, rooms):
    _, a, *_ = rooms
    plain = tmp_path / "通讯录.xlsx"
    workbook = Workbook()
    workbook.active.append(["姓名", "电话"])
    workbook.save(plain)
    damaged = tmp_path / "损坏.xlsx"
    damaged.write_bytes(a.read_bytes()[:4000])
    duplicate = tmp_path / "一号书屋_重复.xlsx"
    shutil.copy(a, duplicate)
    return plain, damaged, duplicate


def test_three_returns_sum_and_rates_are_recomputed(rooms, tmp_path):
    _, a, b, c, _ = rooms
    result, path = consolidate_files([a, b, c], tmp_path / "汇总.xlsx")
    assert result.period == Q3 and [r.room for r in result.returns] == ["一号书屋", "二号书屋", "三号书屋"]
    assert result.problems == []
    expected = dict(SUMMARY_TOTAL, workers_served=150)
    assert result.total == expected
    sheet = load_workbook(path)["汇总"]
    header = [cell.value for cell in sheet[3]]
    assert header[:4] == ["序号", "书屋名称", "所属工会", "服务职工人数"]
    assert header[4:] == [i.label for i in INDICATORS]
    total_row = [cell.value for cell in sheet[7]]
    assert total_row[0] == "合计" and total_row[3] == 150
    assert dict(zip((i.key for i in INDICATORS), total_row[4:])) == SUMMARY_TOTAL
    room_rows = [[cell for cell in sheet[n]] for n in (4, 5, 6)]
    assert [row[1].value for row in room_rows] == ["一号书屋", "二号书屋", "三号书屋"]
    below = [row[1].fill.fgColor.rgb.endswith("FCE4E4") for row in room_rows]
    assert below == [True, True, False]  # rooms below their 3,000 minimum are highlighted
    assert room_rows[2][2].value == FORMULA_TITLE and room_rows[2][2].data_type == "s"


def test_class_sheet_sums_the_rooms(rooms, tmp_path):
    _, a, b, c, _ = rooms
    _, path = consolidate_files([a, b, c], tmp_path)
    assert path.name == "2026年第3季度_职工书屋统计汇总.xlsx"
    rows = [tuple(r) for r in load_workbook(path)["分类汇总"].iter_rows(values_only=True)]
    by_code = {r[0]: r for r in rows[1:23]}
    assert list(by_code) == list("ABCDEFGHIJKNOPQRSTUVXZ")
    assert by_code["I"][2:] == (3, 6, 3, 3, 6) and by_code["D"][2:] == (4, 4, 1, 0, 0)
    assert rows[23][1] == "未分类（无分类号）" and rows[23][3] == 3
    assert rows[24][0] == "合计" and rows[24][3] == 19
    kinds = {r[1]: r for r in rows[26:] if isinstance(r[0], int)}
    assert kinds["职工思想政治教育"][3] == 4 and sum(r[3] for r in kinds.values()) == 19


def test_bad_files_are_reported_never_skipped(rooms, bad_files, tmp_path, capsys):
    _, a, b, c, b_2025 = rooms
    plain, damaged, duplicate = bad_files
    result, path = consolidate_files([a, plain, b, damaged, c, duplicate, b_2025], tmp_path / "out.xlsx")
    assert len(result.returns) == 3
    reasons = {p.path.name: p.reason for p in result.problems}
    assert list(reasons) == ["通讯录.xlsx", "损坏.xlsx", "一号书屋_重复.xlsx", b_2025.name]
    assert "不是职工书屋统计报表" in reasons["通讯录.xlsx"]
    assert "损坏" in reasons["损坏.xlsx"]
    assert "同一书屋" in reasons["一号书屋_重复.xlsx"] and a.name in reasons["一号书屋_重复.xlsx"]
    assert "2025年" in reasons[b_2025.name] and "2026年第3季度" in reasons[b_2025.name]
    rows = [tuple(r) for r in load_workbook(path)["问题"].iter_rows(values_only=True)]
    assert rows[0] == ("序号", "文件", "原因")
    assert [(r[1], r[2]) for r in rows[1:]] == list(reasons.items())


def test_a_folder_stands_for_its_returns_and_the_majority_period_wins(rooms, tmp_path):
    folder, *_ = rooms
    result, path = consolidate_files([folder], tmp_path / "out.xlsx")
    assert result.period == Q3 and len(result.returns) == 3
    assert [p.reason for p in result.problems if "2025年" in p.reason]
    chosen, _ = consolidate_files([folder], tmp_path / "y.xlsx", period=Period.year(2025))
    assert [r.room for r in chosen.returns] == ["二号书屋"] and len(chosen.problems) == 3


def test_a_newer_format_is_refused_by_name(rooms, tmp_path):
    _, a, *_ = rooms
    workbook = load_workbook(a)
    for prop in workbook.custom_doc_props.props:
        if prop.name == filing_format.PROP_FORMAT:
            prop.value = filing_format.FORMAT_VERSION + 1
    newer = tmp_path / "newer.xlsx"
    workbook.save(newer)
    with pytest.raises(ReturnUnreadable) as caught:
        read_return(newer)
    assert f"版本“{filing_format.FORMAT_VERSION + 1}”" in caught.value.message


def as_version_1(path, target):
    """The return at ``path`` as the program wrote it before format 2: the four service rows gone, the version 1."""
    new_rows = {i.label for i in INDICATORS if i.since >= 2}
    workbook = load_workbook(path)
    sheet = workbook[filing_format.SHEETS[0]]
    for row in sorted((cell.row for cell in sheet["A"] if cell.value in new_rows), reverse=True):
        sheet.delete_rows(row)
    for prop in workbook.custom_doc_props.props:
        if prop.name == filing_format.PROP_FORMAT:
            prop.value = 1
    workbook.save(target)
    return target


def as_version_2(path, target):
    """The return at ``path`` as format 2 laid it out: no heading block above the tables, no signature lines, the
    list of new copies on 新增图书 (here: the appendix dropped), the version 2."""
    workbook = load_workbook(path)
    basic = workbook[filing_format.SHEETS[0]]
    basic.delete_rows(3)  # the 表号 line
    signatures = [cell.row for cell in basic["A"] if str(cell.value or "").endswith("：")]
    for row in sorted(signatures, reverse=True):
        basic.delete_rows(row)
    for name in filing_format.SHEETS[1:]:
        workbook[name].delete_rows(1, 2)
    del workbook[filing_format.APPENDIX]
    for prop in workbook.custom_doc_props.props:
        if prop.name == filing_format.PROP_FORMAT:
            prop.value = 2
    workbook.save(target)
    return target


def test_returns_of_format_1_2_and_3_are_consolidated_together(rooms, tmp_path):
    """Rooms on three program versions: each file is read by its own version, and the sums are those of three
    rooms on the newest one."""
    _, a, b, c, _ = rooms
    old = as_version_1(b, tmp_path / "二号书屋_格式1.xlsx")
    middle = as_version_2(c, tmp_path / "三号书屋_格式2.xlsx")
    assert [read_return(path).format_version for path in (old, middle, a)] == [1, 2, 3]
    assert read_return(middle).indicators == read_return(c).indicators
    result, path = consolidate_files([a, old, middle], tmp_path / "汇总.xlsx", Q3)
    assert not result.problems and len(result.returns) == 3
    newest, _ = consolidate_files([a, b, c], tmp_path / "汇总3.xlsx", Q3)
    for key, value in newest.total.items():
        if key in consolidation.SINCE_V2:
            assert result.total[key] == value - read_return(b).indicators[key], key  # room B sent format 1
        else:
            assert result.total[key] == value, key


def test_returns_of_format_1_and_2_are_consolidated_together(rooms, tmp_path):
    """A room still on an older program sends format 1: its service rows are blank, not 0, and the totals sum
    the rooms that report them; everything else sums as before."""
    _, a, b, c, _ = rooms
    old = as_version_1(b, tmp_path / "二号书屋_旧版.xlsx")
    back = read_return(old)
    assert back.format_version == 1 and back.indicators["visits"] is None and back.indicators["loans"] == 4
    result, path = consolidate_files([a, old, c], tmp_path / "汇总.xlsx", Q3)
    assert not result.problems
    assert (result.total["visits"], result.total["reads_in_room"], result.total["holds"], result.total["notices"]) == (
        26, 4, 2, 2)
    assert result.total["loans"] == SUMMARY_TOTAL["loans"]
    sheet = load_workbook(path)["汇总"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in rows if row and row[0] == "序号")
    visits = header.index("到馆人次")
    by_room = {row[1]: row[visits] for row in rows if row and isinstance(row[0], int)}
    assert by_room == {"一号书屋": 13, "二号书屋": None, "三号书屋": 13}
    assert any(row[0] == "注" and "1个书屋的报表为格式1" in str(row[1]) for row in rows)


def test_only_format_1_returns_leave_the_service_totals_blank(rooms, tmp_path):
    _, a, b, *_ = rooms
    result, _ = consolidate_files([as_version_1(a, tmp_path / "a1.xlsx"), as_version_1(b, tmp_path / "b1.xlsx")],
                                  tmp_path / "汇总.xlsx", Q3)
    assert result.total["visits"] is None and result.total["loans"] == 8


def test_nothing_readable_and_no_period_is_an_error_naming_the_files(tmp_path):
    junk = tmp_path / "a.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(InvalidInput) as caught:
        consolidate_files([junk], tmp_path / "out.xlsx")
    assert "a.xlsx" in caught.value.message
    with pytest.raises(InvalidInput):
        consolidation.consolidate([])


@hyp_settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000))
def test_any_bytes_are_read_or_refused_with_a_reason(tmp_path, data):
    path = tmp_path / "any.xlsx"
    path.write_bytes(data)
    with pytest.raises(ReturnUnreadable) as caught:
        read_return(path)
    assert caught.value.message


@hyp_settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(row=st.integers(3, 45), value=st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")),
                                                                 max_size=8), st.integers(-5, 10**6),
                                               st.floats(allow_nan=False, allow_infinity=False)))
def test_an_edited_return_is_read_or_refused_with_a_reason(rooms, tmp_path, row, value):
    _, a, *_ = rooms
    workbook = load_workbook(a)
    workbook["基本情况"].cell(row=row, column=2).value = value
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)
    try:
        back = read_return(edited)
    except ReturnUnreadable as exc:
        assert exc.message
    else:
        assert back.room and back.period == Q3


def test_a_damaged_sheet_inside_a_valid_zip_is_reported(rooms, tmp_path):
    _, a, *_ = rooms
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(a) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[:200] if item.filename == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(ReturnUnreadable):
        read_return(broken)


@needs_soffice
def test_libreoffice_opens_the_consolidation_one_page_per_sheet(rooms, bad_files, tmp_path):
    _, a, b, c, _ = rooms
    _, path = consolidate_files([a, b, c, *bad_files], tmp_path / "汇总.xlsx")
    pages = pdf_pages(to_pdf(path, tmp_path))
    assert len(pages) == 4  # 汇总, 排名, 分类汇总, 问题
    assert "合计" in pages[0] and "一号书屋" in pages[0]
    assert "未达到 3000 册的书屋" in pages[1]
    assert "通讯录.xlsx" in pages[3]
    assert FORMULA_TITLE in pages[0].replace("\n", "") or "HYPERLINK" in pages[0]


def test_problems_show_in_the_chosen_language_but_the_sheet_stays_chinese(rooms, bad_files, tmp_path):
    from bookroom_desk import text

    _, a, *_ = rooms
    plain, _, duplicate = bad_files
    text.install(lambda context, source: f"[en] {source}")  # the fixture puts Chinese back afterwards
    result, path = consolidate_files([a, plain, duplicate], tmp_path / "out.xlsx")
    assert all(p.reason.startswith("[en] ") for p in result.problems)
    rows = [tuple(r) for r in load_workbook(path)["问题"].iter_rows(values_only=True)][1:]
    assert [r[2] for r in rows] == [p.reason_chinese for p in result.problems]
    assert not any("[en]" in r[2] for r in rows) and "同一书屋" in rows[1][2]


def test_a_same_room_return_under_the_same_file_name_names_the_other_by_its_full_path(rooms, tmp_path):
    _, a, b, *_ = rooms
    elsewhere = tmp_path / "另一个文件夹"
    elsewhere.mkdir()
    copy = elsewhere / a.name
    shutil.copy(a, copy)
    result, _ = consolidate_files([a, b, copy], tmp_path / "out.xlsx")
    assert [r.path for r in result.returns] == [a, b]
    [problem] = result.problems
    assert problem.path == copy and "同一书屋" in problem.reason and f"“{a}”" in problem.reason
    rows = [tuple(r) for r in load_workbook(tmp_path / "out.xlsx")["问题"].iter_rows(values_only=True)]
    assert str(a) in rows[1][2]


def test_a_same_room_return_under_another_name_is_named_by_its_file_name(rooms, bad_files, tmp_path):
    _, a, b, *_ = rooms
    *_, duplicate = bad_files
    result, _ = consolidate_files([a, b, duplicate], tmp_path / "out.xlsx")
    [problem] = result.problems
    assert f"“{a.name}”" in problem.reason and str(a.parent) not in problem.reason


def test_one_file_given_twice_is_counted_once_and_said_so(rooms, tmp_path):
    _, a, b, *_ = rooms
    result, _ = consolidate_files([a, b, a], tmp_path / "out.xlsx")
    assert [r.path for r in result.returns] == [a, b]
    [problem] = result.problems
    assert problem.path == a and "给了两次" in problem.reason
