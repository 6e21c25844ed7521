"""Oversized workbooks and CSV files are refused while they are read, quickly and in bounded memory."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.xlsx import limits
from bookroom_desk.services.xlsx.tabular import read_grid

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006"
TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def xlsx(rows: list[list[str]], declare_count: bool = True) -> bytes:
    """A workbook whose texts are shared strings, as Excel and WPS write them (openpyxl writes inline ones)."""
    strings: dict[str, int] = {}
    lines = []
    for number, row in enumerate(rows, start=1):
        cells = "".join(f'<c r="{chr(65 + column)}{number}" t="s"><v>{strings.setdefault(text, len(strings))}</v></c>'
                        for column, text in enumerate(row))
        lines.append(f'<row r="{number}">{cells}</row>')
    count = f' count="{len(strings)}" uniqueCount="{len(strings)}"' if declare_count else ""
    parts = {
        "[Content_Types].xml": (
            f'<Types xmlns="{PKG}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPE}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPE}.sharedStrings+xml"/></Types>'),
        "_rels/.rels": (f'<Relationships xmlns="{PKG}/relationships"><Relationship Id="r1" '
                        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                            '<sheet name="书单" sheetId="1" r:id="r1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PKG}/relationships">'
            f'<Relationship Id="r1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="r2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}"><sheetData>{"".join(lines)}</sheetData></worksheet>',
        "xl/sharedStrings.xml": (f'<sst xmlns="{MAIN}"{count}>'
                                 + "".join(f"<si><t>{text}</t></si>" for text in strings) + "</sst>"),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body.encode())
    return buffer.getvalue()


def refused(data: bytes, name: str) -> tuple[str, float, int]:
    """The refusal's message, the seconds it took and the peak memory traced on the way."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(InvalidInput) as caught:
            read_grid(data, name)
        return caught.value.message, time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_shared_string_workbook_reads():
    grid = read_grid(xlsx([["书名", "著者"], ["红楼梦", "曹雪芹"], ["西游记", "吴承恩"]]), "x.xlsx")
    assert grid.rows == [(1, ["书名", "著者"]), (2, ["红楼梦", "曹雪芹"]), (3, ["西游记", "吴承恩"])]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_cell_of_millions_of_characters_is_refused_at_reading(kind):
    huge = "书" * 3_000_000
    rows = [["书名", "著者"], ["红楼梦", "曹雪芹"], [huge, "某"]]
    data = xlsx(rows) if kind == "xlsx" else "\n".join(",".join(row) for row in rows).encode()
    message, seconds, peak = refused(data, f"big.{kind}")
    assert str(limits.MAX_CELL_CHARS) in message
    if kind == "csv":
        assert "第 3 行" in message
    assert seconds < 10 and peak < 200 * 1024 * 1024


def test_a_long_inline_string_is_refused_at_its_row(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELL_CHARS", 10)
    workbook = Workbook()  # openpyxl writes its texts as inline strings
    for row in (["书名"], ["短"], ["长" * 11]):
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(InvalidInput, match="第 3 行"):
        read_grid(buffer.getvalue(), "x.xlsx")


@pytest.mark.parametrize("declared", [True, False])
def test_too_many_shared_strings_are_refused_before_the_rows_are_read(monkeypatch, declared):
    monkeypatch.setattr(limits, "MAX_SHARED_STRINGS", 50)
    data = xlsx([["书名"], *([f"书{n}"] for n in range(100))], declare_count=declared)
    message, seconds, _peak = refused(data, "x.xlsx")
    assert "50" in message and "太大" in message and seconds < 10


def test_within_the_caps_a_workbook_reads(monkeypatch):
    monkeypatch.setattr(limits, "MAX_SHARED_STRINGS", 101)
    grid = read_grid(xlsx([["书名"], *([f"书{n}"] for n in range(100))], declare_count=False), "x.xlsx")
    assert len(grid.rows) == 101 and grid.rows[-1] == (101, ["书99"])


def test_too_many_rows_or_cells_in_a_sheet_are_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_SHEET_ROWS", 10)
    with pytest.raises(InvalidInput, match="太大"):
        read_grid(xlsx([["书名"], *([str(n)] for n in range(20))]), "x.xlsx")
    monkeypatch.setattr(limits, "MAX_SHEET_ROWS", 1_048_576)
    monkeypatch.setattr(limits, "MAX_ROW_CELLS", 5)
    with pytest.raises(InvalidInput, match="太大"):
        read_grid(xlsx([["书名"], [str(n) for n in range(10)]]), "x.xlsx")
