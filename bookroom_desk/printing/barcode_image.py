"""Code 128 barcodes painted as bar rectangles at the device's resolution, so bars stay crisp.

python-barcode encodes (character sets, check digit); this module turns its module pattern into
bars once per code and paints them with QPainter. Bars are snapped to whole device dots on
printers and PDFs, so every bar of a width has the same width, as a cheap scanner needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from barcode.codex import Code128
from barcode.errors import BarcodeError
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Blank modules each side (Code 128 asks for at least ten).
QUIET_MODULES = 10
#: Narrowest bar a cheap USB scanner reads reliably, and the widest worth printing.
MIN_MODULE_MM = 0.25
MAX_MODULE_MM = 0.4
#: Below this many dots per module, snapping to whole dots would distort too much (screen previews).
_SNAP_FROM_DOTS = 3.0


@dataclass(frozen=True)
class Bars:
    """A code's bars: (first module, width in modules) of each dark bar, and the total modules."""

    code: str
    bars: tuple[tuple[int, int], ...]
    modules: int

    @property
    def modules_with_quiet_zone(self) -> int:
        return self.modules + 2 * QUIET_MODULES


@lru_cache(maxsize=8192)
def code128_bars(code: str) -> Bars:
    """The bars of ``code`` in Code 128 (computed once per code)."""
    try:
        pattern = Code128(code).build()[0]
    except (BarcodeError, ValueError, KeyError):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "“{code}”含有条码（Code 128）不能表示的字符。"),
                           code=code) from None
    bars, start = [], None
    for index, module in enumerate(pattern + "0"):
        if module == "1" and start is None:
            start = index
        elif module != "1" and start is not None:
            bars.append((start, index - start))
            start = None
    return Bars(code, tuple(bars), len(pattern))


def module_width(bars: Bars, box_width: float, dots_per_mm: float) -> float:
    """The module (narrowest bar) width in device dots for a box ``box_width`` dots wide."""
    module = min(box_width / bars.modules_with_quiet_zone, MAX_MODULE_MM * dots_per_mm)
    if module >= _SNAP_FROM_DOTS:
        module = float(int(module))
    return module


def paint_code128(painter: QPainter, box: QRectF, code: str, dots_per_mm: float) -> float:
    """Paint ``code`` centred in ``box`` (device dots), quiet zone included; returns the module in mm."""
    bars = code128_bars(code)
    module = module_width(bars, box.width(), dots_per_mm)
    left = box.left() + (box.width() - bars.modules * module) / 2
    if module >= _SNAP_FROM_DOTS:
        left = float(round(left))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    black = QColor(0, 0, 0)
    for start, width in bars.bars:
        painter.fillRect(QRectF(left + start * module, box.top(), width * module, box.height()), black)
    painter.restore()
    return module / dots_per_mm
