"""Fixing a delivery list in the import wizard: edit a cell of the checked table, or save the bad rows apart.

The list still imports all or nothing; these let the volunteer mend what stopped it without leaving the
wizard (an edited cell is checked again with the whole table), or hand the bad rows to whoever keeps the
list, in a workbook with the file's own headers and a 问题 column, to correct and load again.
"""

from __future__ import annotations

from pathlib import Path

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.catalogue.import_plan import ImportPlan
from bookroom_desk.services.xlsx import tabular, workbook
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_phrases, labelled

PROBLEMS_HEADER = QT_TRANSLATE_NOOP("import_fixes", "问题")  # the caller passes it translated


def edit_cell(table: tabular.Table, row_number: int, field_name: str, text: str) -> None:
    """Put ``text`` into the cell of file row ``row_number`` that holds ``field_name`` (the grid is changed in place)."""
    column = table.mapping.get(field_name)
    if column is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "这一项没有对应文件中的列，不能在这里修改。"))
    for number, cells in table.grid.rows:
        if number == row_number:
            if len(cells) <= column:
                cells.extend([""] * (column + 1 - len(cells)))
            cells[column] = text.strip()
            return
    raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "文件中没有第 {row} 行。"), row=row_number)


def save_bad_rows(plan: ImportPlan, path: Path | str, problems_header: str = PROBLEMS_HEADER) -> int:
    """Write the rows with problems, under the file's header and with why, to a workbook; returns how many."""
    bad = set(plan.bad_rows)
    if not bad:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "没有有问题的行可以保存。"))
    reasons: dict[int, list[str]] = {}
    for problem in plan.problems:
        reasons.setdefault(problem.row, []).append(labelled(problem.column, problem.message) if problem.column
                                                    else problem.message)
    table = plan.table
    book, sheet = workbook.new_workbook(Path(path).stem)
    width = max([len(table.headers)] + [len(cells) for number, cells in table.data_rows() if number in bad])
    headers = list(table.headers) + [""] * (width - len(table.headers))
    workbook.write_header(sheet, headers + [problems_header])
    rows = [list(cells) + [""] * (width - len(cells)) + [join_phrases(reasons.get(number, []))]
            for number, cells in table.data_rows() if number in bad]
    for row in rows:
        workbook.append_row(sheet, row)
    workbook.fit_column_widths(sheet, [headers + [problems_header], *rows])
    workbook.save_workbook(book, path)
    return len(rows)
