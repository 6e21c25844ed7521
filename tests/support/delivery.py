"""Delivery lists for import tests: valid ISBNs by number, and a list written as a workbook under a title row."""

from __future__ import annotations

import openpyxl
from stdnum import ean

from bookroom_desk.services.catalogue import holdings


def isbn(n: int) -> str:
    """A valid ISBN-13, different for each ``n`` below a million."""
    body = f"978711{n:06d}"
    return body + ean.calc_check_digit(body)


def write_list(path, header, rows) -> str:
    """A delivery list as suppliers send it: a title row, the header, then the rows; returns the path."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["某书屋图书配送清单"])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return str(path)


def volumes(db) -> int:
    """The room's volumes as the 3,000 standard counts them."""
    with db.read() as session:
        return holdings.standard(session).volumes
