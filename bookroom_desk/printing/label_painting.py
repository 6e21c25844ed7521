"""Painting labels with QtGui: each kind of label in its cell, sheet by sheet, onto a PDF, a printer or an image.

No widgets: this runs in a worker thread for PDFs (QPdfWriter) and on the GUI thread for a
printer chosen in the system's print dialog.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter

from bookroom_desk import files
from bookroom_desk.errors import InvalidInput
from bookroom_desk.fonts import cjk_families
from bookroom_desk.printing.barcode_image import MIN_MODULE_MM, code128_bars, paint_code128
from bookroom_desk.printing.layouts import SheetLayout
from bookroom_desk.services.catalogue.label_items import (
    SPINE,
    BookLabel,
    Label,
    LabelSet,
    ReaderCard,
    ShelfLabel,
    SpineLabel,
    label_code,
)
from bookroom_desk.services.common.progress import Progress
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "labels"
MM_PER_INCH = 25.4
PDF_RESOLUTION = 1200
#: Smallest text printed on a label; below it a line is shortened with an ellipsis instead.
MIN_POINTS = 5.0

READER_CARD_TITLE = QT_TRANSLATE_NOOP("labels", "读者证")
READER_CARD_HEADING = QT_TRANSLATE_NOOP("labels", "{room}读者证")
CLASS_RANGE = QT_TRANSLATE_NOOP("labels", "分类号 {first}–{last}")
CLASS_FROM = QT_TRANSLATE_NOOP("labels", "分类号 {first}")
PDF_TITLE = QT_TRANSLATE_NOOP("labels", "标签")


_app: list[QGuiApplication] = []


def ensure_gui_app() -> None:
    """A QGuiApplication for fonts and PDF writing when none runs yet (the CLI); offscreen without a display."""
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app.append(QGuiApplication(["bookroom-desk"]))


def label_families() -> list[str]:
    """Font families for labels: Simplified Chinese shapes first, as the screens use."""
    return cjk_families()


@dataclass(frozen=True)
class Line:
    """Text fitted to a box: the font to draw it with and the text, shortened if it had to be."""

    font: QFont
    text: str


class TextFitter:
    """Chooses, for a box on one device, the largest font (up to a cap) in which a text fits."""

    def __init__(self, device, families: list[str] | None = None) -> None:
        self.device = device
        self.families = families if families is not None else label_families()
        self._height_per_point: dict[bool, float] = {}

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont()
        if self.families:
            font.setFamilies(self.families)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def _line_height_per_point(self, bold: bool) -> float:
        if bold not in self._height_per_point:
            self._height_per_point[bold] = self.metrics(self.font(100.0, bold)).height() / 100.0
        return self._height_per_point[bold]

    def fit(self, text: str, box: QRectF, bold: bool = False, max_points: float = 72.0,
            min_points: float = MIN_POINTS) -> Line:
        """The largest font up to ``max_points`` in which ``text`` fits ``box``; elided at ``min_points``."""
        points = max(0.5, min(max_points, box.height() / self._line_height_per_point(bold)))
        font, metrics = self._sized(points, bold)
        # Sizes scale almost linearly; a few corrections absorb a low-resolution device's rounding.
        for _ in range(4):
            if metrics.height() <= box.height() or points <= 0.5:
                break
            points = max(0.5, points * box.height() / metrics.height() * 0.98)
            font, metrics = self._sized(points, bold)
        for _ in range(4):
            width = metrics.horizontalAdvance(text)
            if width <= box.width() or points <= min_points:
                break
            points = min(points, max(min_points, points * box.width() / width * 0.98))
            font, metrics = self._sized(points, bold)
        shown, limit = text, box.width()
        while shown and metrics.horizontalAdvance(shown) > box.width():
            # elidedText may overshoot by a kerning pair on a coarse device: ask again, narrower.
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, limit) if limit > 0 else ""
            limit -= max(box.width() * 0.02, 0.5)
        return Line(font, shown)

    def _sized(self, points: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
        font = self.font(points, bold)
        return font, self.metrics(font)


def check_codes(labels: LabelSet) -> None:
    """Raise InvalidInput unless every code of ``labels`` can be a Code 128 barcode (bars are kept for painting)."""
    if labels.kind != SPINE:
        for item in labels.items:
            code128_bars(label_code(item))


def padding_mm(width_mm: float, height_mm: float) -> float:
    """The blank edge kept inside a label: a little more on large labels, never under 1.2 mm."""
    return min(3.0, max(1.2, 0.06 * min(width_mm, height_mm)))


def stack(box: QRectF, *shares: float) -> list[QRectF]:
    """``box`` cut into rows, top to bottom, with heights in proportion to ``shares``."""
    total = sum(shares)
    rows, top = [], box.top()
    for share in shares:
        height = box.height() * share / total
        rows.append(QRectF(box.left(), top, box.width(), height))
        top += height
    return rows


class LabelPainter:
    """Paints one label of any kind into its cell on the device the fitter measures for."""

    def __init__(self, painter: QPainter, fitter: TextFitter, dots_per_mm: float, room: str) -> None:
        self.painter = painter
        self.fitter = fitter
        self.dpmm = dots_per_mm
        self.room = room

    def mm(self, value: float) -> float:
        return value * self.dpmm

    def text(self, text: str, box: QRectF, bold: bool = False, max_points: float = 72.0,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter, min_points: float = MIN_POINTS) -> Line:
        if not text:
            return Line(QFont(), "")
        line = self.fitter.fit(text, box, bold, max_points, min_points)
        self.painter.setFont(line.font)
        self.painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter) | Qt.TextFlag.TextSingleLine, line.text)
        return line

    def barcode(self, code: str, box: QRectF) -> None:
        paint_code128(self.painter, box, code, self.dpmm)

    def rule(self, y: float, left: float, right: float) -> None:
        self.painter.save()
        self.painter.setPen(QPen(QColor(0, 0, 0), self.mm(0.2)))
        self.painter.drawLine(int(left), int(y), int(right), int(y))
        self.painter.restore()

    def paint(self, item: Label, cell: QRectF) -> None:
        pad = self.mm(padding_mm(cell.width() / self.dpmm, cell.height() / self.dpmm))
        box = cell.adjusted(pad, pad, -pad, -pad)
        if isinstance(item, BookLabel):
            self.book(item, box)
        elif isinstance(item, SpineLabel):
            self.spine(item, box)
        elif isinstance(item, ReaderCard):
            self.reader(item, box)
        elif isinstance(item, ShelfLabel):
            self.shelf(item, box)
        else:
            raise TypeError(item)

    def book(self, item: BookLabel, box: QRectF) -> None:
        roomy = box.height() >= self.mm(24)
        room = self.room if box.height() >= self.mm(14) else ""
        shares = [0.17 if room else 0, 0.45 if roomy else 0.52, 0.16 if roomy else 0.30, 0.22 if roomy else 0]
        room_box, bar_box, digits_box, title_box = stack(box, *shares)
        self.text(room, room_box.adjusted(0, 0, 0, -room_box.height() * 0.1), max_points=9)
        self.barcode(item.barcode, bar_box)
        self.text(item.barcode, digits_box, max_points=11)
        if roomy and (item.title or item.call_number):
            call = self.text(item.call_number, title_box, max_points=9, align=Qt.AlignmentFlag.AlignRight)
            used = self.fitter.metrics(call.font).horizontalAdvance(call.text) + self.mm(2) if call.text else 0
            # A long title is cut short rather than shrunk out of reading.
            self.text(item.title, title_box.adjusted(0, 0, -used, 0), max_points=9,
                      align=Qt.AlignmentFlag.AlignLeft, min_points=7)

    def spine(self, item: SpineLabel, box: QRectF) -> None:
        room = self.room if box.height() >= self.mm(18) else ""
        room_box, class_box, order_box = stack(box, 0.2 if room else 0, 0.4, 0.4)
        self.text(room, room_box, max_points=7)
        if room:
            self.rule(room_box.bottom(), box.left(), box.right())
        # Both lines in one size, the largest in which each fits, so the call number reads as one.
        lines = ((item.class_line, class_box), (item.order_line, order_box))
        points = min((self.fitter.fit(text, line_box, True).font.pointSizeF() for text, line_box in lines if text),
                     default=72.0)
        self.text(item.class_line, class_box, bold=True, max_points=points)
        self.text(item.order_line, order_box, bold=True, max_points=points)

    def reader(self, item: ReaderCard, box: QRectF) -> None:
        heading = translate(CONTEXT, READER_CARD_HEADING).format(room=self.room) if self.room else \
            translate(CONTEXT, READER_CARD_TITLE)
        head_box, name_box, dept_box, bar_box, card_box = stack(box, 0.16, 0.22, 0.14, 0.33, 0.15)
        self.text(heading, head_box.adjusted(0, 0, 0, -head_box.height() * 0.12), bold=True, max_points=12)
        self.rule(head_box.bottom(), box.left(), box.right())
        self.text(item.name, name_box, bold=True, max_points=18)
        self.text(item.department, dept_box, max_points=10)
        self.barcode(item.card, bar_box)
        self.text(item.card, card_box, max_points=11)

    def shelf(self, item: ShelfLabel, box: QRectF) -> None:
        name_box, range_box, bar_box, code_box = stack(box, 0.3, 0.17, 0.36, 0.17)
        self.text(item.name or item.code, name_box, bold=True, max_points=28)
        if item.class_from and item.class_to and item.class_to != item.class_from:
            classes = translate(CONTEXT, CLASS_RANGE).format(first=item.class_from, last=item.class_to)
        elif item.class_from or item.class_to:
            classes = translate(CONTEXT, CLASS_FROM).format(first=item.class_from or item.class_to)
        else:
            classes = ""
        self.text(classes, range_box, max_points=12)
        self.barcode(item.barcode, bar_box)
        self.text(item.barcode, code_box, max_points=11)


class LabelSheets:
    """A label set laid out on sheets of ``layout``, the first label in cell ``start`` (1-based).

    ``shift`` (x, y in mm) moves what is printed to make up for a printer that feeds off true;
    ``outlines`` prints the labels' edges too, for a trial on plain paper held against a sheet.
    """

    def __init__(self, labels: LabelSet, layout: SheetLayout, start: int = 1,
                 shift: tuple[float, float] = (0.0, 0.0), outlines: bool = False) -> None:
        if not 1 <= start <= layout.cells:
            raise ValueError(start)
        self.labels = labels
        self.layout = layout
        self.skip = start - 1
        self.shift = shift
        self.outlines = outlines

    @property
    def page_count(self) -> int:
        return max(1, -(-(self.skip + len(self.labels.items)) // self.layout.cells))

    def place(self, index: int) -> tuple[int, int]:
        """(page, cell), both 0-based, of label ``index``."""
        return divmod(self.skip + index, self.layout.cells)

    def page_items(self, page: int) -> list[tuple[int, Label]]:
        cells = self.layout.cells
        first = max(0, page * cells - self.skip)
        last = min(len(self.labels.items), (page + 1) * cells - self.skip)
        return [(first + i, self.labels.items[first + i]) for i in range(max(0, last - first))]

    def paint_page(self, painter: QPainter, fitter: TextFitter, page: int, dots_per_mm: float,
                   preview: bool = False, edge_width: float = 1.0) -> LabelPainter:
        """Paint one sheet; the painter's origin is the paper's top-left corner.

        The preview shows the labels where they sit on the sheet, with the sheet's die-cut edges.
        """
        labeller = LabelPainter(painter, fitter, dots_per_mm, self.labels.room_name)
        painter.setPen(QColor(0, 0, 0))
        if preview or self.outlines:
            painter.save()
            pen = QPen(QColor(170, 180, 190) if preview else QColor(0, 0, 0), edge_width if preview else 0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            for cell in range(self.layout.cells):
                painter.drawRect(self._cell_box(cell, dots_per_mm, (0.0, 0.0) if preview else self.shift))
            painter.restore()
        shift = (0.0, 0.0) if preview else self.shift
        for index, item in self.page_items(page):
            labeller.paint(item, self._cell_box(self.place(index)[1], dots_per_mm, shift))
        return labeller

    def narrow_barcodes(self) -> list[str]:
        """Codes whose bars would come out under 0.25 mm on this sheet (too fine for a cheap scanner)."""
        if self.labels.kind == SPINE:
            return []
        inner = self.layout.label_width - 2 * padding_mm(self.layout.label_width, self.layout.label_height)
        return [code for code in dict.fromkeys(label_code(item) for item in self.labels.items)
                if inner / code128_bars(code).modules_with_quiet_zone < MIN_MODULE_MM]

    def _cell_box(self, cell: int, dots_per_mm: float, shift: tuple[float, float]) -> QRectF:
        x, y, w, h = self.layout.cell_rect(cell)
        return QRectF((x + shift[0]) * dots_per_mm, (y + shift[1]) * dots_per_mm, w * dots_per_mm, h * dots_per_mm)

    def paint_all(self, painter: QPainter, new_page: Callable[[], bool], dots_per_mm: float,
                  pages: range | None = None, progress: Progress | None = None) -> None:
        fitter = TextFitter(painter.device())
        pages = pages if pages is not None else range(self.page_count)
        total = sum(len(self.page_items(p)) for p in pages)
        done = 0
        for number, page in enumerate(pages):
            if number and not new_page():
                raise OSError("could not start a new page")
            self.paint_page(painter, fitter, page, dots_per_mm)
            done += len(self.page_items(page))
            if progress:
                progress(done, total)


def write_pdf(sheets: LabelSheets, path: str, progress: Progress | None = None,
              title: str = "") -> int:
    """Write every sheet to a PDF file at ``path``; returns the number of pages. Safe off the GUI thread."""
    check_codes(sheets.labels)  # before the file is begun, so a bad code leaves no half-written PDF
    folder = Path(path).resolve().parent
    if not folder.is_dir() or not os.access(folder, os.W_OK) or Path(path).is_dir():
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "无法写入文件“{path}”。"), path=str(path))
    with files.atomic_write(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_RESOLUTION)
        writer.setCreator("Bookroom Desk")
        writer.setTitle(title or translate(CONTEXT, PDF_TITLE))
        size = QPageSize(QSizeF(sheets.layout.page_width, sheets.layout.page_height), QPageSize.Unit.Millimeter,
                         "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                                         QPageLayout.Unit.Millimeter))
        painter = QPainter()
        if not painter.begin(writer):
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "无法写入文件“{path}”。"), path=str(path))
        try:
            sheets.paint_all(painter, writer.newPage, PDF_RESOLUTION / MM_PER_INCH, progress=progress)
        finally:
            ended = painter.end()
            del painter, writer  # the PDF's file is closed before it is renamed
        finish_pdf(temporary, ended)
    return sheets.page_count


def finish_pdf(path: Path, ended: bool) -> None:
    """Refuse a PDF that Qt could not write out whole: Qt ignores failed writes (a full disk), the end marker tells."""
    with open(path, "rb") as handle:
        handle.seek(max(0, path.stat().st_size - 64))
        tail = handle.read()
    if not ended or b"%%EOF" not in tail:
        raise OSError(errno.EIO, "the PDF was not written out whole")


def print_sheets(sheets: LabelSheets, printer: QPrinter, progress: Progress | None = None) -> None:
    """Print on a printer set up by the system's print dialog (GUI thread), honouring its page range."""
    printer.setFullPage(True)  # label positions are measured from the paper's edge
    pages = range(sheets.page_count)
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = range(printer.fromPage() - 1, min(printer.toPage(), sheets.page_count))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("cannot print")
    try:
        sheets.paint_all(painter, printer.newPage, printer.resolution() / MM_PER_INCH, pages, progress)
    finally:
        painter.end()


def page_image(sheets: LabelSheets, page: int, dpi: float = 110.0, edge_width: float = 1.0) -> QImage:
    """One sheet as the preview shows it: on white, with the labels' die-cut edges."""
    dots_per_mm = dpi / MM_PER_INCH
    image = QImage(round(sheets.layout.page_width * dots_per_mm), round(sheets.layout.page_height * dots_per_mm),
                   QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    try:
        sheets.paint_page(painter, TextFitter(image), page, dots_per_mm, preview=True, edge_width=edge_width)
    finally:
        painter.end()
    return image
