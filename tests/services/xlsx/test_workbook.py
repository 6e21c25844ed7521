"""Workbook helpers: formula-looking text stays text, header, widths and print setup survive saving."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bookroom_desk.files import WriteFailed
from bookroom_desk.services.xlsx import workbook as xlsx


def reload(workbook, tmp_path):
    path = xlsx.save_workbook(workbook, tmp_path / "out.xlsx")
    return openpyxl.load_workbook(path).active


def test_hyperlink_formula_stays_text_after_reload(tmp_path):
    workbook, sheet = xlsx.new_workbook("目录")
    xlsx.write_text(sheet["A1"], '=HYPERLINK("http://example.invalid","x")')
    xlsx.write_text(sheet["A2"], "+1")
    xlsx.write_text(sheet["A3"], "-2")
    xlsx.write_text(sheet["A4"], "@SUM(1)")
    xlsx.write_text(sheet["A5"], "红楼梦")
    loaded = reload(workbook, tmp_path)
    assert loaded["A1"].value == '=HYPERLINK("http://example.invalid","x")'
    assert loaded["A1"].data_type == "s"
    assert loaded["A1"].quotePrefix
    assert [loaded[f"A{i}"].value for i in range(2, 6)] == ["+1", "-2", "@SUM(1)", "红楼梦"]
    assert all(loaded[f"A{i}"].data_type == "s" for i in range(1, 6))
    assert not loaded["A5"].quotePrefix


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@ABC1(),\"红"), min_size=1, max_size=20))
def test_any_text_comes_back_as_text(tmp_path_factory, value):
    workbook, sheet = xlsx.new_workbook("x")
    xlsx.write_value(sheet["B2"], value)
    loaded = reload(workbook, tmp_path_factory.mktemp("x"))
    assert loaded["B2"].value == value
    assert loaded["B2"].data_type == "s"


def test_values_keep_their_types(tmp_path):
    workbook, sheet = xlsx.new_workbook("x")
    xlsx.append_row(sheet, ["a", 3, Decimal("39.80"), dt.date(2026, 11, 24), None])
    xlsx.append_row(sheet, ["b"])
    loaded = reload(workbook, tmp_path)
    assert [c.value for c in loaded[1]] == ["a", 3, 39.8, dt.datetime(2026, 11, 24)]
    assert loaded["C1"].number_format == "0.00"
    assert loaded["D1"].number_format == "yyyy-mm-dd"
    assert loaded["A2"].value == "b"


def test_header_widths_and_print_setup(tmp_path):
    workbook, sheet = xlsx.new_workbook("藏书目录[2026]")
    assert sheet.title == "藏书目录_2026_"
    xlsx.write_header(sheet, ["书名", "ISBN"])
    widths = xlsx.fit_column_widths(sheet, [["书名", "ISBN"], ["红楼梦红楼梦", "9787111213826"]])
    xlsx.setup_print(sheet, "某书屋 藏书目录 & 清单", landscape=True)
    loaded = reload(workbook, tmp_path)
    assert widths == [14, 15]
    assert loaded.freeze_panes == "A2"
    assert loaded["A1"].font.bold
    assert loaded.column_dimensions["A"].width == 14
    assert int(loaded.page_setup.paperSize) == 9  # A4
    assert loaded.page_setup.orientation == "landscape"
    assert loaded.sheet_properties.pageSetUpPr.fitToPage
    assert loaded.page_setup.fitToWidth == 1 and loaded.page_setup.fitToHeight == 0
    assert loaded.oddHeader.center.text == "某书屋 藏书目录 && 清单"
    assert loaded.print_title_rows == "$1:$1"


def test_display_width_counts_chinese_double():
    assert xlsx.display_width("红楼梦 ab") == 9


def test_save_into_a_folder_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    workbook, _ = xlsx.new_workbook("x")
    with pytest.raises(WriteFailed, match="无法写入|没有保存"):  # a storage fault, in words, like every failed write
        xlsx.save_workbook(workbook, blocker / "out.xlsx")
    assert list(tmp_path.iterdir()) == [blocker]


def test_control_characters_are_dropped_not_fatal(tmp_path):
    workbook, sheet = xlsx.new_workbook("x")
    xlsx.write_value(sheet["A1"], "红\x1f楼\x00梦")
    assert reload(workbook, tmp_path)["A1"].value == "红楼梦"
