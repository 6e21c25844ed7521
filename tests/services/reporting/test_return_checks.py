"""Consolidation refuses returns whose figures cannot be true, and sees one room under an invisible-character name."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from bookroom_desk.services.reporting import consolidation
from bookroom_desk.services.reporting.filing_read import ReturnUnreadable, read_return
from bookroom_desk.services.reporting.return_checks import visible_text
from bookroom_desk.services.roomwork.profile import FIELDS
from tests.services.reporting.test_consolidation import _room_return

INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202a", "\u2066", "\u2069", "\u00ad")


@pytest.fixture(scope="module")
def returns(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crafted")
    return folder, _room_return(folder, "一号书屋"), _room_return(folder, "二号书屋")


def _crafted(source, target, **cells):
    """``source`` with the 基本情况 values of the labels given (label -> value) replaced."""
    workbook = load_workbook(source)
    sheet = workbook["基本情况"]
    for row in sheet.iter_rows(min_col=1, max_col=2):
        label = (row[0].value or "").strip() if isinstance(row[0].value, str) else ""
        if label in cells:
            row[1].value = cells[label]
    workbook.save(target)
    return target


@pytest.mark.parametrize("cells, reason", [
    ({"藏书总量（册）": -5000}, "“藏书总量（册）”是 -5000，不能小于 0"),
    ({"藏书总量（册）": 999999, "其中：图书（册）": 5}, "与藏书总量 999999 不符"),
    ({"其中：图书（册）": 500}, "“其中：图书（册）”（500）大于“藏书总量（册）”"),
    ({"其中：报刊（册）": 6}, "合计 11，大于“藏书总量（册）”（6）"),
    ({"本期借出（册次）": "1e400"}, "不是数字"),
    ({"登记读者（人）": 2.5}, "应为整数"),
    ({"值班时长（小时）": -1.5}, "不能小于 0"),
    ({"图书流通率（%）": 250.0}, "应在 0 到 100 之间"),
    ({"藏书种数（种）": 60}, "“藏书种数（种）”（60）大于“藏书总量（册）”"),
])
def test_a_return_with_a_figure_that_cannot_be_true_goes_to_the_problems_with_its_reason(returns, tmp_path, cells,
                                                                                          reason):
    folder, good, other = returns
    bad = _crafted(good, tmp_path / "bad.xlsx", **cells)
    with pytest.raises(ReturnUnreadable, match=reason):
        read_return(bad)
    result = consolidation.consolidate([bad, other])
    assert [(p.path.name, reason in p.reason) for p in result.problems] == [("bad.xlsx", True)]
    assert [r.room for r in result.returns] == ["二号书屋"]


def test_infinity_written_into_the_file_itself_is_refused(returns, tmp_path):
    """Excel writes 1e400 as the number it reads back as infinity: put it in the sheet's XML as such."""
    import zipfile

    folder, good, _ = returns
    bad = tmp_path / "inf.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<v>6</v>", b"<v>1e400</v>", 1)
            target.writestr(item, data)
    with pytest.raises(ReturnUnreadable, match="不是有限的数|不符"):
        read_return(bad)


@hyp_settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(marks=st.lists(st.sampled_from(INVISIBLE), max_size=4), at=st.integers(0, 4),
       blanks=st.lists(st.sampled_from((" ", "\u3000", "\t", "\u00a0")), max_size=3))
def test_the_same_room_under_a_name_with_invisible_characters_is_counted_once(returns, tmp_path, marks, at, blanks):
    folder, good, _ = returns
    name = "一号书屋"
    disguised = "".join(blanks) + name[:at] + "".join(marks) + name[at:] + "".join(reversed(blanks))
    copy = _crafted(good, tmp_path / "again.xlsx", **{FIELDS["name"]: disguised})
    assert visible_text(disguised) == name
    result = consolidation.consolidate([good, copy])
    assert [r.room for r in result.returns] == [name]
    assert len(result.problems) == 1 and "同一书屋" in result.problems[0].reason


def test_a_number_that_is_not_finite_is_refused_whatever_the_figure():
    from bookroom_desk.services.reporting.return_checks import ReturnNonsense, check_indicators, finite

    for value in (float("inf"), float("-inf"), float("nan")):
        with pytest.raises(ReturnNonsense, match="不是有限的数"):
            finite(value, "值班时长（小时）")
        with pytest.raises(ReturnNonsense, match="不是有限的数"):
            check_indicators({"duty_hours": value})
    assert check_indicators({"volumes": 12.0, "books": 10, "periodicals": 2}) == {
        "volumes": 12, "books": 10, "periodicals": 2}


def test_room_names_are_compared_as_they_read():
    assert visible_text(" \u202e一号\u200b书屋\ufeff ") == "一号书屋"
    assert visible_text("ＡＢ书屋") == "AB书屋"
    assert visible_text("一号  书屋") == visible_text("一号 书屋") == "一号 书屋"
    assert visible_text("一号书屋") != visible_text("二号书屋")
