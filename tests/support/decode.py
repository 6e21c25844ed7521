"""Read printed labels back: render PDF pages with pdftoppm and decode every barcode with zxing-cpp."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from bookroom_desk.printing.layouts import SheetLayout

DPI = 300
needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                    reason="pdftoppm (poppler-utils) is not installed: cannot render PDF pages")


def render_pages(pdf: Path, dpi: int = DPI) -> list[Image.Image]:
    """Every page of ``pdf`` as a greyscale image at ``dpi``."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)], check=True)
    pages = sorted(pdf.parent.glob(prefix.name + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [Image.open(page) for page in pages]


def cell_at(layout: SheetLayout, x_mm: float, y_mm: float) -> int | None:
    """The 0-based cell of ``layout`` holding the point (x, y), or None between cells."""
    for cell in range(layout.cells):
        left, top, width, height = layout.cell_rect(cell)
        if left <= x_mm < left + width and top <= y_mm < top + height:
            return cell
    return None


def read_page(image: Image.Image, dpi: int = DPI) -> list[tuple[str, float, float]]:
    """Every Code 128 barcode on a page: its text and its centre (x, y) in mm from the paper's corner."""
    found = []
    for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128):
        corners = [barcode.position.top_left, barcode.position.top_right,
                   barcode.position.bottom_left, barcode.position.bottom_right]
        found.append((barcode.text, sum(p.x for p in corners) / 4 * 25.4 / dpi,
                      sum(p.y for p in corners) / 4 * 25.4 / dpi))
    return found


def decoded_cells(pdf: Path, layout: SheetLayout, dpi: int = DPI) -> list[dict[int, str]]:
    """For each page, {cell: text} of every Code 128 barcode found, by the cell its centre lies in."""
    result = []
    for image in render_pages(pdf, dpi):
        found: dict[int, str] = {}
        for text, x, y in read_page(image, dpi):
            cell = cell_at(layout, x, y)
            assert cell is not None, f"barcode {text} at ({x:.1f}, {y:.1f}) mm lies outside every label"
            assert cell not in found, f"two barcodes in cell {cell}"
            found[cell] = text
        result.append(found)
    return result
