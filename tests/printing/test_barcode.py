"""Code 128 bars: they decode back to the code, keep their quiet zone, and are wide enough for a cheap scanner."""

from __future__ import annotations

import pytest
import zxingcpp
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from PIL import Image
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from bookroom_desk.errors import InvalidInput
from bookroom_desk.printing.barcode_image import MIN_MODULE_MM, QUIET_MODULES, code128_bars, module_width, paint_code128
from bookroom_desk.printing.layouts import PRESETS

DPI = 300
DPMM = DPI / 25.4


def painted(code: str, width_mm: float, height_mm: float = 12.0) -> tuple[Image.Image, float]:
    image = QImage(round(width_mm * DPMM), round(height_mm * DPMM), QImage.Format.Format_Grayscale8)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    try:
        module = paint_code128(painter, QRectF(0, 0, image.width(), image.height()), code, DPMM)
    finally:
        painter.end()
    data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    return Image.frombytes("L", (image.width(), image.height()), data, "raw", "L", image.bytesPerLine()), module


def test_bars_are_computed_once_per_code():
    assert code128_bars("00000001") is code128_bars("00000001")
    bars = code128_bars("00000001")
    assert bars.modules == 79  # start C, four digit pairs, check, stop
    assert sum(width for _, width in bars.bars) > 0


@pytest.mark.parametrize("code", ["00000001", "R000001", "SJ-A01", "SJ-TG01"])
def test_a_painted_barcode_reads_back_with_its_quiet_zone(code):
    image, module = painted(code, 60.0)
    results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results] == [code]
    dark = [x for x in range(image.width) if image.getpixel((x, image.height // 2)) < 128]
    assert dark[0] >= QUIET_MODULES * module * DPMM - 1
    assert image.width - 1 - dark[-1] >= QUIET_MODULES * module * DPMM - 1


@hsettings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=14))
def test_any_printable_ascii_code_reads_back(code):
    image, _ = painted(code, 90.0)
    # One symbol on a clean image: read it as such. Scanning the image freely, zxing can also
    # report a phantom second symbol inside arbitrary ASCII (e.g. 'T030$' within 'h030 ').
    assert [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128,
                                                   is_pure=True)] == [code]


def test_codes_code_128_cannot_hold_are_refused():
    with pytest.raises(InvalidInput, match="社科"):
        code128_bars("SJ-社科")


@pytest.mark.parametrize("key", ["3x8", "3x10", "4x10", "2x7", "5x13", "card"])
@pytest.mark.parametrize("code", ["00000001", "R000001", "SJ-A01"])
def test_bars_are_wide_enough_for_a_cheap_scanner_on_every_barcode_sheet(key, code):
    layout = PRESETS[key]
    inner = layout.label_width - 2 * 3.0  # the widest padding a label takes
    for dpi in (203, 300, 600, 1200):
        module_mm = module_width(code128_bars(code), inner * dpi / 25.4, dpi / 25.4) / (dpi / 25.4)
        assert module_mm >= MIN_MODULE_MM, (key, code, dpi, module_mm)


def test_bars_snap_to_whole_dots_on_printers():
    for dpi in (300, 600, 1200):
        dots = module_width(code128_bars("00000001"), 64.0 * dpi / 25.4, dpi / 25.4)
        assert dots == int(dots)
