"""Label sheet layouts: presets fit A4, cells are where the paper has them, the custom sheet is checked and kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bookroom_desk.errors import InvalidInput
from bookroom_desk.printing import layouts
from bookroom_desk.printing.layouts import CUSTOM, PRESETS, SheetLayout, custom_from, layout_by_key
from bookroom_desk.services.common.actors import OPERATOR


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_every_preset_fits_a4_and_is_centred(key):
    layout = PRESETS[key].validate()
    last = layout.cell_rect(layout.cells - 1)
    right, bottom = last[0] + last[2], last[1] + last[3]
    assert right <= 210.0 + 1e-6 and bottom <= 297.0 + 1e-6
    assert layout.margin_left == pytest.approx(210.0 - right, abs=0.01)
    assert layout.margin_top == pytest.approx(297.0 - bottom, abs=0.01)


def test_the_usual_papers_are_there():
    sizes = {key: (layout.columns, layout.rows, layout.label_width, layout.label_height) for key, layout in PRESETS.items()}
    assert sizes["3x8"] == (3, 8, 70.0, 37.0)
    assert sizes["3x10"][:2] == (3, 10) and sizes["4x10"][:2] == (4, 10)
    assert sizes["2x7"][:2] == (2, 7) and sizes["5x13"][:2] == (5, 13)
    assert PRESETS["spine"].label_width < 30 and PRESETS["spine"].cells >= 60


def test_cells_run_across_then_down():
    layout = PRESETS["5x13"]
    assert layout.cell_position(0) == (0, 0)
    assert layout.cell_position(4) == (0, 4)
    assert layout.cell_position(5) == (1, 0)
    x, y, w, h = layout.cell_rect(6)
    assert (x, y) == pytest.approx((layout.margin_left + 38.1 + 2.5, layout.margin_top + 21.2))
    assert (w, h) == (38.1, 21.2)


def test_describe_names_the_sheet():
    assert PRESETS["3x8"].describe() == "A4 不干胶 24 格　3×8，70×37 毫米"
    assert PRESETS["3x10"].describe().endswith("70×29.7 毫米")


@pytest.mark.parametrize("change, message", [
    ({"rows": 0}, "行数"),
    ({"columns": 3, "label_width": 71.0}, "排不下"),
    ({"margin_top": -1.0}, "负数"),
    ({"label_height": 5.0}, "至少 8 毫米"),
])
def test_a_bad_custom_sheet_is_refused_clearly(change, message):
    values = {**PRESETS["3x8"].numbers(), **change}
    with pytest.raises(InvalidInput, match=message):
        custom_from(values)


def test_an_incomplete_custom_sheet_is_refused():
    with pytest.raises(InvalidInput):
        custom_from({"rows": "many"})


@given(st.integers(1, 12), st.integers(1, 20), st.floats(8, 120), st.floats(8, 120), st.floats(0, 20),
       st.floats(0, 20), st.floats(0, 6), st.floats(0, 6))
def test_a_custom_sheet_is_accepted_exactly_when_its_labels_lie_on_the_paper(columns, rows, width, height, left,
                                                                            top, gap_x, gap_y):
    values = dict(rows=rows, columns=columns, label_width=width, label_height=height, margin_left=left,
                  margin_top=top, gap_x=gap_x, gap_y=gap_y)
    try:
        layout = custom_from(values)
    except InvalidInput:
        right = left + columns * width + (columns - 1) * gap_x
        bottom = top + rows * height + (rows - 1) * gap_y
        assert right > 210.05 or bottom > 297.05
    else:
        x, y, w, h = layout.cell_rect(layout.cells - 1)
        assert x + w <= 210.05 and y + h <= 297.05


def test_the_custom_sheet_is_stored_with_the_room(db):
    custom = SheetLayout(CUSTOM, layouts.CUSTOM_TITLE, rows=6, columns=2, label_width=100.0, label_height=45.0,
                         margin_left=4.0, margin_top=10.0, gap_x=2.0, gap_y=1.5)
    with db.write() as session:
        layouts.save_custom(session, custom, actor=OPERATOR)
    with db.read() as session:
        assert layout_by_key(session, CUSTOM) == custom
        assert layout_by_key(session, "2x7") is PRESETS["2x7"]
        with pytest.raises(InvalidInput, match="3x8"):
            layout_by_key(session, "9x9")
