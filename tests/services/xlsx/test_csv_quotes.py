"""A stray quote in a CSV is refused at the row it opens on; it never swallows the rows below it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bookroom_desk.errors import ImportRejected
from bookroom_desk.services.catalogue import book_import
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.readers.roster_import import import_roster
from bookroom_desk.services.xlsx.tabular import read_grid
from bookroom_desk.store.models import Reader, Title

ROSTER = '姓名,工号\n甲,E11\n"乙,E12\n丙,E13\n丁,E14\n戊,E15\n'


def test_a_roster_with_a_stray_quote_imports_nothing_and_names_the_row(db):
    with db.write() as session, pytest.raises(ImportRejected) as caught:
        import_roster(session, ROSTER.encode(), file_name="r.csv", actor=OPERATOR)
    assert [p.row for p in caught.value.problems] == [3]
    assert "引号" in caught.value.problems[0].message
    with db.read() as session:
        assert session.scalar(select(func.count(Reader.id))) == 0


def test_a_delivery_list_with_a_quote_left_open_to_the_end_imports_nothing(db):
    data = "书名,数量\n红楼梦,1\n西游记,1\n\"水浒传,1\n三国演义,1\n".encode()
    with db.write() as session, pytest.raises(ImportRejected) as caught:
        book_import.import_books(session, data, file_name="l.csv", actor=OPERATOR)
    assert [p.row for p in caught.value.problems] == [4]
    with db.read() as session:
        assert session.scalar(select(func.count(Title.id))) == 0


def test_a_quoted_cell_on_two_lines_without_a_separator_is_still_one_cell():
    grid = read_grid('书名,备注\n红楼梦,"上册\n下册"\n西游记,\n'.encode(), "l.csv")
    assert grid.rows == [(1, ["书名", "备注"]), (2, ["红楼梦", "上册\n下册"]), (4, ["西游记"])]


def test_a_quote_closed_then_followed_by_text_is_refused_at_its_row():
    with pytest.raises(ImportRejected) as caught:
        read_grid('书名,数量\n红楼梦,1\n"西游"记,1\n'.encode(), "l.csv")
    assert [p.row for p in caught.value.problems] == [3]


names = st.text(alphabet="红楼梦西游记abc 1", min_size=1, max_size=8).map(str.strip).filter(bool)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(names, min_size=2, max_size=8), st.data())
def test_a_stray_quote_anywhere_at_a_cell_start_is_refused_at_its_row(titles, data):
    lines = ["书名,数量", *(f"{title},1" for title in titles)]
    row = data.draw(st.integers(min_value=2, max_value=len(lines)))  # 1-based file row of a data line
    column = data.draw(st.integers(min_value=0, max_value=1))
    cells = lines[row - 1].split(",")
    cells[column] = '"' + cells[column]
    lines[row - 1] = ",".join(cells)
    text = "\n".join(lines) + "\n"
    with pytest.raises(ImportRejected) as caught:
        read_grid(text.encode(), "l.csv")
    assert [p.row for p in caught.value.problems] == [row]


@pytest.mark.parametrize("at", [0, 5000, 30000])
def test_a_control_character_is_treated_the_same_wherever_it_stands(at):
    rows = ["书名,数量"] + [f"书{n},1" for n in range(6000)]
    position = next(i for i, line in enumerate(rows) if sum(len(r) + 1 for r in rows[:i]) >= at)
    rows[position] = rows[position].replace("书", "书\x07", 1) if position else "书\x07名,数量"
    grid = read_grid("\n".join(rows).encode(), "l.csv")
    assert len(grid.rows) == 6001 and not any("\x07" in cell for _, cells in grid.rows for cell in cells)


def test_the_refusal_names_the_row_in_its_own_message():
    with pytest.raises(ImportRejected) as caught:
        read_grid(ROSTER.encode(), "r.csv")
    assert "第 3 行" in caught.value.message
