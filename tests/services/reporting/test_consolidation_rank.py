"""排名: the rooms ranked against the 3,000-volume standard and by use, the rooms short of it named, a chart below."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import consolidation_sheets
from bookroom_desk.services.reporting.consolidation import consolidate_files
from bookroom_desk.services.reporting.consolidation_rank import (
    STANDARD_VOLUMES,
    RankedRoom,
    rank_rooms,
    short_of_standard,
)
from bookroom_desk.services.reporting.filing_read import ReturnFile
from bookroom_desk.services.reporting.indicators import INDICATORS
from tests.services.reporting.test_consolidation import Q3, _room_return, as_version_1
from tests.support.office import needs_soffice, pdf_pages, to_pdf

DOC = (Path(__file__).resolve().parents[3] / "docs" / "return-format.md").read_text(encoding="utf-8")
LABEL = {i.key: i.label for i in INDICATORS}


def with_volumes(path, target, volumes):
    """The return at ``path`` edited to hold ``volumes`` (books of class I, the first priority kind, make up the
    difference): a room at the standard without building 3,000 copies."""
    workbook = load_workbook(path)
    sheet = workbook["基本情况"]
    rows = {cell.value: cell.row for cell in sheet["A"] if isinstance(cell.value, str)}
    periodicals = sheet.cell(rows[LABEL["periodicals"]], 2).value
    more = volumes - sheet.cell(rows[LABEL["volumes"]], 2).value
    sheet.cell(rows[LABEL["volumes"]], 2).value = volumes
    classes = workbook["藏书分类"]
    class_i = next(row for row in classes.iter_rows() if row[0].value == "I")
    first_kind = next(row for row in classes.iter_rows() if row[0].value == 1)
    for row in (class_i, first_kind):
        row[3].value += more
    sheet.cell(rows[LABEL["books"]], 2).value = volumes - periodicals
    sheet.cell(rows[LABEL["standard"]], 2).value = "达标"
    workbook.save(target)
    return target


@pytest.fixture(scope="module")
def four(tmp_path_factory):
    """Four rooms: 四号 holds 3,200 volumes; 一号 and 三号 (format 1, one copy more) are short with a participation
    rate; 二号 is short and gave no 服务职工人数."""
    folder = tmp_path_factory.mktemp("rank")
    one = _room_return(folder, "一号书屋")  # 3 borrowers of 50 workers: 6.0 %
    two = _room_return(folder, "二号书屋", workers=None)
    three = as_version_1(_room_return(folder, "三号书屋", workers=100, extra_copy=True), folder / "三号书屋_格式1.xlsx")
    four = with_volumes(_room_return(folder, "四号书屋", union="车辆段工会", workers=200), folder / "四号书屋_改.xlsx",
                        3200)
    result, path = consolidate_files([one, two, three, four], folder / "汇总.xlsx", Q3)
    assert not result.problems
    return result, path


def _table(sheet):
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = rows[2]
    body = [row for row in rows[3:] if isinstance(row[0], int)]
    return header, body, rows


def test_rooms_are_ranked_standard_first_then_participation(four):
    result, _ = four
    assert [(r.rank, r.room) for r in result.ranking] == [(1, "四号书屋"), (2, "一号书屋"), (3, "三号书屋"), (4, "二号书屋")]
    first, *_, last = result.ranking
    assert (first.volumes, first.shortfall, first.standard_rate, first.figures["participation_rate"]) == (
        3200, 0, 106.7, 1.5)
    assert last.figures["participation_rate"] is None and last.shortfall == STANDARD_VOLUMES - 6
    assert short_of_standard(result.ranking) == ["一号书屋", "三号书屋", "二号书屋"]


def test_the_ranking_sheet_lists_the_rooms_in_order_with_their_figures(four):
    _, path = four
    workbook = load_workbook(path)
    assert workbook.sheetnames == list(consolidation_sheets.SHEETS) == ["汇总", "排名", "分类汇总", "问题"]
    header, body, rows = _table(workbook["排名"])
    assert [h.replace("\n", "") for h in header] == [
        "名次", "书屋名称", "所属工会", LABEL["volumes"], "达标标准（册）", "达标率（%）", "差额（册）", "服务职工人数",
        LABEL["borrowers"], LABEL["participation_rate"], LABEL["readers"], LABEL["loans"], LABEL["loans_per_reader"],
        LABEL["activities"], LABEL["participants"], LABEL["visits"]]
    assert [row[:8] for row in body] == [
        [1, "四号书屋", "车辆段工会", 3200, 3000, 106.7, 0, 200],
        [2, "一号书屋", "机务段工会", 6, 3000, 0.2, 2994, 50],
        [3, "三号书屋", "机务段工会", 7, 3000, 0.2, 2993, 100],
        [4, "二号书屋", "机务段工会", 6, 3000, 0.2, 2994, None]]
    by_room = {row[1]: dict(zip(header[8:], row[8:])) for row in body}
    participation, visits = header[9], header[15]
    assert [by_room[room][participation] for room in ("四号书屋", "一号书屋", "三号书屋", "二号书屋")] == [
        1.5, 6, 3, None]
    assert by_room["一号书屋"][header[12]] == 1.33 and by_room["一号书屋"][header[13]] == 1
    assert by_room["一号书屋"][header[14]] == 20
    # 三号书屋 sent format 1, which has no 到馆人次: blank, never 0, and a note says so
    assert by_room["三号书屋"][visits] is None and by_room["一号书屋"][visits] == 13
    notes = [row[1] for row in rows if row[0] == "注"]
    assert any("1个书屋的报表为格式1，没有到馆人次" in note for note in notes)
    assert any("分母是服务职工人数，不是登记读者" in note for note in notes)
    assert any(note.startswith("排序：先列藏书达到3000册的书屋") for note in notes)
    assert any("二号书屋" in note and "未填服务职工人数" in note for note in notes)


def test_rooms_short_of_the_standard_are_highlighted_and_named(four):
    _, path = four
    sheet = load_workbook(path)["排名"]
    _, body, rows = _table(sheet)
    fills = {sheet.cell(n, 2).value: sheet.cell(n, 2).fill.fgColor.rgb for n in range(4, 4 + len(body))}
    assert {room for room, rgb in fills.items() if rgb.endswith("FCE4E4")} == {"一号书屋", "二号书屋", "三号书屋"}
    assert not fills["四号书屋"].endswith("FCE4E4")
    [line] = [row[0] for row in rows if isinstance(row[0], str) and row[0].startswith("未达到")]
    assert line == "未达到 3000 册的书屋：一号书屋、三号书屋、二号书屋（共3个）"


def test_every_cell_of_the_table_has_a_border_and_print_is_a4_landscape_fitted_to_width(four):
    _, path = four
    sheet = load_workbook(path)["排名"]
    for row in sheet.iter_rows(min_row=3, max_row=7, max_col=16):
        for cell in row:
            assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin", cell.coordinate
    assert sheet["H7"].value is None  # a blank (二号书屋's 服务职工人数) is bordered too
    setup = sheet.page_setup
    assert (setup.orientation, int(setup.paperSize), setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows.replace("$", "") == "3:3"
    assert sheet.freeze_panes == "C4"


def test_the_chart_shows_volumes_and_the_standard_below_the_table(four):
    _, path = four
    sheet = load_workbook(path)["排名"]
    [chart] = sheet._charts
    _, _, rows = _table(sheet)
    last_text = max(n for n, row in enumerate(rows, start=1) if any(v is not None for v in row))
    assert chart.anchor._from.row + 1 > last_text  # 0-based: the chart starts below the notes, never over them
    assert chart.anchor._from.col == 0
    kinds = sorted(type(c).__name__ for c in [chart, *getattr(chart, "_charts", [])])
    assert "BarChart" in kinds and "LineChart" in kinds
    refs = [s.val.numRef.f for part in chart._charts for s in part.series]
    assert refs == ["'排名'!$D$4:$D$7", "'排名'!$E$4:$E$7"]  # 藏书总量 and the 3,000 line, for the four rooms
    assert [s.tx.v for part in chart._charts for s in part.series] == ["藏书总量（册）", "达标标准（册）"]
    assert {s.cat.strRef.f for part in chart._charts for s in part.series} == {"'排名'!$B$4:$B$7"}  # the rooms' names
    assert chart.y_axis.scaling.min == 0 and chart.x_axis.delete is False and chart.y_axis.delete is False


def test_the_workbook_says_its_format_version_and_the_document_describes_it(four):
    _, path = four
    workbook = load_workbook(path)
    props = {p.name: p.value for p in workbook.custom_doc_props.props}
    assert props[consolidation_sheets.PROP_FORMAT] == consolidation_sheets.FORMAT_VERSION == 3
    section = DOC[DOC.index("## Consolidation"):DOC.index("## Versions")]
    for name in consolidation_sheets.SHEETS:
        assert f"**{name}**" in section, name
    assert f"`{consolidation_sheets.PROP_FORMAT}`" in section
    assert re.search(rf"^\| {consolidation_sheets.FORMAT_VERSION} \| issue 21 \| the 排名 sheet", section, re.M)
    assert f"now `{consolidation_sheets.FORMAT_VERSION}`" in section


def test_no_room_counted_writes_an_empty_ranking_without_a_chart(four, tmp_path):
    result, path = four
    first = result.returns[0].path
    empty, out = consolidate_files([first], tmp_path / "空.xlsx", Period.year(2025))
    assert empty.ranking == [] and len(empty.problems) == 1
    sheet = load_workbook(out)["排名"]
    assert sheet._charts == [] and any(row[0] == "没有计入的书屋。" for row in sheet.iter_rows(values_only=True))


def _return_file(room: str, volumes: int, participation: float | None, loans: float | None) -> ReturnFile:
    indicators = {i.key: None for i in INDICATORS}
    indicators.update(volumes=volumes, participation_rate=participation, loans_per_reader=loans)
    return ReturnFile(Path(f"{room}.xlsx"), 2, "0.1", Q3, room, "工会", None, None, indicators)


ROOMS = st.lists(st.tuples(st.sampled_from((0, 2999, 3000, 5000)), st.one_of(st.none(), st.sampled_from((0.0, 1.5, 8.0))),
                           st.sampled_from((None, 0.5, 2.0))), min_size=1, max_size=8)


@given(rooms=ROOMS)
def test_ranks_follow_the_documented_order_and_equal_rooms_share_one(rooms):
    returns = [_return_file(f"书屋{n:02d}", *figures) for n, figures in enumerate(rooms)]
    ranked = rank_rooms(returns)
    assert sorted(r.room for r in ranked) == sorted(r.room for r in returns)

    def key(room: RankedRoom) -> tuple:
        p, loans = room.figures["participation_rate"], room.figures["loans_per_reader"]
        return (room.volumes < 3000, p is None, -(p or 0), -room.volumes, loans is None, -(loans or 0))

    for position, room in enumerate(ranked):
        assert room.rank == 1 + sum(1 for other in ranked if key(other) < key(room))
        if position:
            before = ranked[position - 1]
            assert key(before) < key(room) or (key(before) == key(room) and before.room < room.room)
    short = short_of_standard(ranked)
    assert short == [r.room for r in ranked if r.volumes < 3000]
    assert all(r.shortfall == max(0, 3000 - r.volumes) for r in ranked)
    met = [r for r in ranked if r.volumes >= 3000]
    assert all(m.rank < s.rank for m in met for s in ranked if s.volumes < 3000)


@needs_soffice
def test_libreoffice_prints_the_ranking_on_one_page_with_its_chart(four, tmp_path):
    _, path = four
    pages = pdf_pages(to_pdf(path, tmp_path))
    assert len(pages) == 4
    ranking = pages[1]
    assert "职工书屋排名" in ranking and "未达到 3000 册的书屋：一号书屋、三号书屋、二号书屋" in ranking
    assert ranking.index("四号书屋") < ranking.index("一号书屋") < ranking.index("三号书屋")
    assert "各书屋藏书总量与" in ranking  # the chart's title: the chart is on the page

