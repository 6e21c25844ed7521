"""The digest that notices a list imported twice: the same rows give it whatever the file, other rows do not."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bookroom_desk.services.common.repeats import fingerprint
from bookroom_desk.services.xlsx.tabular import read_grid

# No separator a CSV reader may sniff (a one-column "0;" is two cells to it): the digest is about formats.
cells = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
                              exclude_characters=",;|\t"), max_size=12)
tables = st.lists(st.lists(cells, min_size=1, max_size=4), min_size=1, max_size=6).filter(
    lambda rows: any(any(cell.strip() for cell in row) for row in rows))


def _xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    for line in book.active.iter_rows():
        for cell in line:
            cell.data_type = "s"  # text as typed: openpyxl would make "=0" a formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _digest(data: bytes, name: str) -> str:
    return fingerprint(row for _, row in read_grid(data, name).rows)


@settings(max_examples=40, deadline=None)
@given(tables)
def test_the_same_rows_give_the_same_digest_as_xlsx_or_csv(rows):
    rows = [[cell if cell.strip() else "" for cell in row] for row in rows]
    assert _digest(_xlsx(rows), "a.xlsx") == _digest(_csv(rows), "a.csv")
    assert fingerprint(rows) == fingerprint([[*row, "", " "] for row in rows])  # blanks at a row's end do not count


@given(tables, st.integers(min_value=0, max_value=5), cells.filter(str.strip))
def test_a_changed_cell_changes_the_digest(rows, index, text):
    row = rows[index % len(rows)]
    changed = [list(r) for r in rows]
    changed[index % len(rows)] = [row[0].strip() + text.strip() + "x", *row[1:]]
    assert fingerprint(changed) != fingerprint(rows)
