"""Text on labels fits its box: the largest size that fits, long titles and names cut with an ellipsis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

from bookroom_desk.printing.label_painting import MIN_POINTS, LabelPainter, TextFitter, label_families
from bookroom_desk.printing.layouts import PRESETS
from bookroom_desk.services.catalogue.label_items import BookLabel, ReaderCard, ShelfLabel, SpineLabel
from tests.support.label_room import LONG_TITLE

DPI = 1200
DPMM = DPI / 25.4
WORDS = st.text(alphabet=st.sampled_from(list("职工书屋劳动合同法释义欧阳娜娜ABCDXYZabc0123456789 .:-（）《》—")),
                min_size=1, max_size=80)


@pytest.fixture
def fitter(qapp, tmp_path):
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setResolution(DPI)
    return TextFitter(writer)


def test_labels_use_simplified_chinese_fonts_where_the_system_has_them(qapp):
    families = label_families()
    if families:
        assert families[0] in ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC",
                               "WenQuanYi Micro Hei")
        assert all(not f.endswith((" TC", " HK", " JP", " KR")) for f in families)


def test_a_short_text_gets_the_largest_size_up_to_the_cap(fitter):
    line = fitter.fit("张伟", QRectF(0, 0, 60 * DPMM, 8 * DPMM), max_points=14)
    assert line.text == "张伟" and line.font.pointSizeF() == pytest.approx(14)


def test_a_long_title_is_shortened_with_an_ellipsis_and_fits(fitter):
    box = QRectF(0, 0, 45 * DPMM, 4 * DPMM)
    line = fitter.fit(LONG_TITLE, box, max_points=9, min_points=7)
    assert line.text.endswith("…") and LONG_TITLE.startswith(line.text[:-1])
    assert line.font.pointSizeF() == pytest.approx(7, abs=0.01)
    assert fitter.metrics(line.font).horizontalAdvance(line.text) <= box.width()


def test_a_text_slightly_too_wide_shrinks_instead_of_losing_characters(fitter):
    box = QRectF(0, 0, 15 * DPMM, 10 * DPMM)
    line = fitter.fit("TP311.561", box, bold=True)
    assert line.text == "TP311.561"
    assert fitter.metrics(line.font).horizontalAdvance(line.text) <= box.width()


@hsettings(max_examples=60, deadline=None)
@given(WORDS, st.floats(6, 120), st.floats(2.5, 20), st.booleans(), st.floats(6, 30))
def test_fitted_text_never_overflows_its_box(qapp, text, width_mm, height_mm, bold, cap):
    writer_fitter = TextFitter(QImage(10, 10, QImage.Format.Format_Mono))  # measures like a 96 dpi screen
    for fitter, dpmm in ((writer_fitter, 96 / 25.4), (_pdf_fitter(), DPMM)):
        box = QRectF(0, 0, width_mm * dpmm, height_mm * dpmm)
        line = fitter.fit(text, box, bold, max_points=cap)
        metrics = fitter.metrics(line.font)
        assert metrics.horizontalAdvance(line.text) <= box.width() + 0.01
        assert line.font.pointSizeF() <= cap + 1e-6
        if line.font.pointSizeF() >= MIN_POINTS + 1e-6:
            assert metrics.height() <= box.height() * 1.01
        if line.text != text:
            assert line.text.endswith("…")


_PDF_FITTER: list[TextFitter] = []


def _pdf_fitter() -> TextFitter:
    if not _PDF_FITTER:
        import tempfile

        writer = QPdfWriter(tempfile.mktemp(suffix=".pdf"))
        writer.setResolution(DPI)
        _PDF_FITTER.append(TextFitter(writer))
        _PDF_FITTER.append(writer)  # keep the device alive with its fitter
    return _PDF_FITTER[0]


LONG_NAME = "阿卜杜热合曼·买买提艾力·库尔班尼亚孜"
LONG_DEPT = "机加工车间第三班组质量检验科安全生产管理办公室工会小组"


@pytest.mark.parametrize("key, item", [
    ("3x8", BookLabel("00000001", LONG_TITLE, "TP311.561/1234:12")),
    ("5x13", BookLabel("00000001", LONG_TITLE, "D922.5/12")),
    ("spine", SpineLabel("00000001", "TP311.5612345", "12345:v.12")),
    ("card", ReaderCard("R000001", LONG_NAME, LONG_DEPT)),
    ("3x8", ReaderCard("R000001", LONG_NAME, LONG_DEPT)),
    ("2x7", ShelfLabel("A01", "SJ-A01", "马克思主义、列宁主义、毛泽东思想、邓小平理论与社会科学总论", "A", "Z")),
    ("4x10", ShelfLabel("A01", "SJ-A01", "马克思主义、列宁主义、毛泽东思想", "A", "D9")),
])
def test_nothing_is_painted_outside_the_label(qapp, key, item):
    layout = PRESETS[key]
    dpmm = 300 / 25.4
    margin = 20
    width, height = round(layout.label_width * dpmm), round(layout.label_height * dpmm)
    image = QImage(width + 2 * margin, height + 2 * margin, QImage.Format.Format_Grayscale8)
    image.setDotsPerMeterX(round(300 / 0.0254))
    image.setDotsPerMeterY(round(300 / 0.0254))
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    try:
        labeller = LabelPainter(painter, TextFitter(image), dpmm, "第一机床厂职工书屋（总部大楼三层东侧阅览室）")
        labeller.paint(item, QRectF(margin, margin, width, height))
    finally:
        painter.end()
    inside_ink = outside_ink = 0
    for y in range(image.height()):
        row = image.constScanLine(y).tobytes()[: image.width()]
        for x, value in enumerate(row):
            if value < 200:
                if margin <= x < margin + width and margin <= y < margin + height:
                    inside_ink += 1
                else:
                    outside_ink += 1
    assert inside_ink > 0 and outside_ink == 0
