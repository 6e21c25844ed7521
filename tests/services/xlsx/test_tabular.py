"""Reading tabular files: encodings, header search, mapping overrides, and junk refused cleanly."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookroom_desk.errors import BookroomError, InvalidInput
from bookroom_desk.services.xlsx import limits, tabular
from bookroom_desk.services.xlsx.problems import RowProblem
from bookroom_desk.services.xlsx.tabular import fold, read_grid, read_table

ALIASES = {
    "isbn": ["ISBN", "书号", "国际标准书号"],
    "title": ["书名", "题名", "正题名"],
    "quantity": ["数量", "册数", "复本数"],
}


def xlsx_bytes(rows, sheets=None) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for name, extra in (sheets or {}).items():
        other = workbook.create_sheet(name)
        for row in extra:
            other.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CSV_TEXT = "书屋配送清单\n\n国际标准书号,正题名,复本数\n9787111213826,红楼梦,2\n978-7-5063-3403-6,平凡的世界,1\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_in_each_encoding_finds_header_below_a_title(encoding):
    table = read_table(CSV_TEXT.encode(encoding), ALIASES, required=["title"], file_name="清单.csv")
    assert table.header_row == 3
    assert table.mapping == {"isbn": 0, "title": 1, "quantity": 2}
    assert list(table.records()) == [
        (4, {"isbn": "9787111213826", "title": "红楼梦", "quantity": "2"}),
        (5, {"isbn": "978-7-5063-3403-6", "title": "平凡的世界", "quantity": "1"}),
    ]
    assert table.column_title("isbn") == "国际标准书号"


def test_xlsx_numbers_and_dates_read_as_people_see_them(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_bytes(xlsx_bytes([
        ["配送清单"],
        [],
        [" 书　号 ", "书名（必填）", "册数", "出版日期", "定价"],
        [9787111213826, "红楼梦", 3.0, dt.datetime(2020, 5, 1), 39.8],
    ]))
    table = read_table(path, {**ALIASES, "year": ["出版日期"], "price": ["定价"]}, required=["title"])
    assert table.header_row == 3
    assert list(table.records()) == [
        (4, {"isbn": "9787111213826", "title": "红楼梦", "quantity": "3", "year": "2020-05-01", "price": "39.8"})]


def test_first_sheet_with_data_is_used():
    data = xlsx_bytes([], sheets={"清单": [["书名"], ["红楼梦"]]})
    table = read_table(data, ALIASES, required=["title"], file_name="x.xlsx")
    assert table.grid.sheet == "清单"
    assert [r for _, r in table.records()] == [{"title": "红楼梦"}]


def test_fold_ignores_blanks_width_case_and_notes():
    assert fold(" 书 名* ") == fold("书名（必填）") == fold("书名") == "书名"
    assert fold("ＩＳＢＮ") == fold("isbn") == "isbn"


def test_mapping_override_by_header_text_and_index():
    data = "编号,名称,数量\nA1,红楼梦,2\n".encode()
    with pytest.raises(InvalidInput, match="找不到表头"):
        read_table(data, ALIASES, required=["title"])
    loose = read_table(data, ALIASES, required=["title"], strict=False)
    assert loose.missing == ["title"] and loose.header_row == 1
    table = read_table(data, ALIASES, required=["title"], mapping={"title": "名称", "isbn": 0})
    assert list(table.records()) == [(2, {"quantity": "2", "title": "红楼梦", "isbn": "A1"})]
    unmapped = read_table(data, ALIASES, required=["title"], mapping={"title": 1, "quantity": None})
    assert "quantity" not in unmapped.mapping
    with pytest.raises(InvalidInput, match="没有“书名”这一列"):
        read_table(data, ALIASES, mapping={"title": "书名"})


def test_header_row_can_be_fixed():
    data = "书名\n红楼梦\n书名\n西游记\n".encode()
    table = read_table(data, ALIASES, required=["title"], header_row=3)
    assert list(table.records()) == [(4, {"title": "西游记"})]


def test_row_numbers_count_multiline_cells_and_blank_lines():
    data = '书名,数量\n"上\n下",1\n\n西游记,2\n'.encode()
    table = read_table(data, ALIASES, required=["title"])
    assert [n for n, _ in table.records()] == [2, 5]


@pytest.mark.parametrize("data, message", [
    (b"", "是空的"),
    (b"   \n\n", "是空的"),
    (b",,,\n,,\n", "没有任何数据"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
    (b"PK\x03\x04garbage", "无法读取"),
    (b"\x00\x01\x02binary", "无法读取"),
    ("红楼梦,曹雪芹\n".encode(), "找不到表头"),
])
def test_unusable_files_give_clear_errors(data, message):
    with pytest.raises(InvalidInput, match=message):
        read_table(data, ALIASES, required=["title"], file_name="x")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InvalidInput, match="无法打开文件"):
        read_grid(tmp_path / "nope.xlsx")


def test_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InvalidInput, match="无法读取"):
        read_grid(buffer.getvalue(), "x.xlsx")


def test_broken_sheet_xml_is_a_clear_error():
    good = xlsx_bytes([["书名"], ["红楼梦"]])
    source = zipfile.ZipFile(io.BytesIO(good))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                body = body[: len(body) // 2]
            archive.writestr(item, body)
    with pytest.raises(InvalidInput):
        read_grid(buffer.getvalue(), "x.xlsx")


def test_too_many_rows_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 3)
    data = ("书名\n" + "书\n" * 40).encode()
    with pytest.raises(InvalidInput, match="超过 3 行"):
        read_grid(data, "x.csv")


def test_row_problem_message_and_from_error():
    problem = RowProblem.from_error(7, "ISBN", InvalidInput("ISBN“{value}”的校验位不对，请核对。", value="123"))
    assert problem.message == "ISBN“123”的校验位不对，请核对。"
    assert str(problem) == "第 7 行，ISBN：ISBN“123”的校验位不对，请核对。"
    assert problem.as_dict() == {"row": 7, "column": "ISBN", "reason": problem.message}


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data):
    try:
        table = read_table(data, ALIASES, required=["title"], file_name="junk")
    except BookroomError:
        return
    assert table.mapping.get("title") is not None


GOOD_WORKBOOK = xlsx_bytes([["书名", "数量"], ["红楼梦", 2], ["西游记", "x"]])  # built once: saving stamps the time


@st.composite
def damaged_workbooks(draw):
    good = GOOD_WORKBOOK
    position = draw(st.integers(0, len(good) - 1))
    mode = draw(st.sampled_from(["cut", "flip", "insert"]))
    junk = draw(st.binary(min_size=1, max_size=40))
    if mode == "cut":
        return good[:max(position, 4)]
    if mode == "flip":
        return good[:position] + junk + good[position + len(junk):]
    return good[:position] + junk + good[position:]


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(damaged_workbooks())
def test_damaged_workbooks_never_crash(data):
    try:
        read_table(data, ALIASES, required=["title"], file_name="x.xlsx")
    except BookroomError:
        pass


def test_unrecognised_header_falls_back_to_the_widest_first_row():
    data = "某书屋清单\n编号,品名,件数\n1,红楼梦,2\n".encode()
    table = read_table(data, ALIASES, required=["title"], strict=False)
    assert table.header_row == 2 and table.missing == ["title"]
    mapped = read_table(data, ALIASES, required=["title"], mapping={"title": "品名"})
    assert list(mapped.records()) == [(3, {"title": "红楼梦"})]


def test_cell_text_drops_control_characters():
    assert tabular.cell_text(" 红\x1f楼\x0b梦\t上\n下 ") == "红楼梦\t上\n下"
