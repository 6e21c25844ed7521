"""Fixing a delivery list before it imports: a cell edited in the preview, and the bad rows saved apart."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.catalogue import book_import, import_fixes
from bookroom_desk.services.catalogue.book_import import ALIASES, REQUIRED
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.xlsx import tabular
from bookroom_desk.store.models import Copy
from tests.support.delivery import isbn


def _table(rows) -> tabular.Table:
    grid = tabular.Grid("list.csv", [(1, ["书号", "题名", "复本数", "中图分类号"])]
                        + [(n + 2, list(cells)) for n, cells in enumerate(rows)])
    return tabular.locate(grid, ALIASES, REQUIRED)


def _bad_table() -> tabular.Table:
    return _table([[isbn(1), "好书", "1", "I247"], ["9787111000008", "坏书号", "2", "I247"], [isbn(3), "坏分类", "1", "W1"]])


def test_an_edited_cell_is_checked_again_and_the_whole_list_imports(db):
    table = _bad_table()
    with db.read() as session:
        assert book_import.plan_import(session, table).bad_rows == [3, 4]
    import_fixes.edit_cell(table, 3, "isbn", f" {isbn(2)} ")
    import_fixes.edit_cell(table, 4, "clc", "TP3")
    with db.write() as session:
        book_import.import_table(session, table, actor=OPERATOR)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Copy)) == 4


def test_a_field_without_a_column_or_a_row_not_in_the_file_is_refused(db):
    table = _bad_table()
    with pytest.raises(InvalidInput, match="没有对应"):
        import_fixes.edit_cell(table, 3, "author", "某人")
    with pytest.raises(InvalidInput, match="第 99 行"):
        import_fixes.edit_cell(table, 99, "isbn", isbn(1))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_text_typed_into_a_cell_changes_only_that_cell(text):
    table = _bad_table()
    before = [list(cells) for _, cells in table.grid.rows]
    import_fixes.edit_cell(table, 3, "title", text)
    after = [list(cells) for _, cells in table.grid.rows]
    before[2][1] = text.strip()
    assert after == before


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12), min_size=4, max_size=4))
def test_the_bad_rows_saved_apart_read_back_cell_for_cell(db, tmp_path_factory, title_cells):
    rows = [[isbn(1), "好书", "1", "I247"], ["9787111000008", *title_cells[1:]]]
    table = _table(rows)
    with db.read() as session:
        plan = book_import.plan_import(session, table)
    path = tmp_path_factory.mktemp("bad") / "bad.xlsx"
    assert import_fixes.save_bad_rows(plan, path) == 1
    read = tabular.read_grid(path).rows
    assert read[0][1] == ["书号", "题名", "复本数", "中图分类号", "问题"]
    assert [c.strip() for c in read[1][1][:4]] == [c.strip() for c in rows[1]][: len(read[1][1][:4])]
    assert "校验位" in read[1][1][-1]


def test_no_bad_rows_no_file(db, tmp_path):
    with db.read() as session:
        plan = book_import.plan_import(session, _table([[isbn(1), "好书", "1", "I247"]]))
    with pytest.raises(InvalidInput):
        import_fixes.save_bad_rows(plan, tmp_path / "none.xlsx")
    assert not (tmp_path / "none.xlsx").exists()
