"""新书通报: the new books as an A4 PDF for the notice board and as long PNG images for a chat group. QtGui only.

The PDF: the heading (新书通报, the room and the period or batch, the count) on the first page, then a table in
shelf order (索书号, 书名, 著者, 出版社, 年, 在架/新到, 书架) whose header starts every page; a cell wraps, between
words or Chinese characters, and is never cut (a row too tall for what is left of a page goes on to the next);
每页 第 N 页 共 M 页. No covers. The PNG: 1080 px wide with fonts large enough to read on a phone that shows it
360 px wide; a book is a block (its title in bold, then author, publisher and year, then call number, shelf and
copies); taller than MOST_PNG_HEIGHT it is split into several images, each with its heading (第 1 张，共 3 张).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from bookroom_desk import files
from bookroom_desk.fonts import CJK_FAMILIES
from bookroom_desk.printing.label_painting import finish_pdf
from bookroom_desk.printing.report_pdf import paint_pages
from bookroom_desk.printing.slip import PDF_RESOLUTION, _wrap
from bookroom_desk.services.publishing import notice_text as words
from bookroom_desk.services.publishing.new_books import NewBook

BLACK, GREY, RULE, RED, WHITE = QColor("#000000"), QColor("#555555"), QColor("#bdbdbd"), QColor("#b71c1c"), \
    QColor("#ffffff")
#: Each column's share of the table's width, in the table's order.
SHARES = (0.11, 0.29, 0.14, 0.15, 0.06, 0.11, 0.14)
#: Latin letters and digits from a Latin face, Chinese from CJK_FAMILIES: with Noto Sans CJK first, Qt's PDF loses
#: the digits after a letter (B84/1 reads back as "B /") from its text layer, so the PDF could not be searched for
#: a call number, nor copied from.
LATIN_FIRST = ("Arial", "Liberation Sans", "DejaVu Sans")
PNG_WIDTH = 1080
MOST_PNG_HEIGHT = 10_000  # taller than this, the image is split (chat apps shrink or refuse taller ones)
PNG_PAD = 56

Op = Callable[[QPainter], None]


def fit(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """``text`` wrapped to ``width``; when a closing mark hangs past it (slip._wrap lets it), wrapped again a mark
    narrower, so that every line stays inside ``width`` and nothing is clipped."""
    lines = _wrap(text, metrics, width)
    if all(metrics.horizontalAdvance(line) <= width + 0.01 for line in lines):
        return lines
    return _wrap(text, metrics, max(width - metrics.horizontalAdvance("，"), metrics.horizontalAdvance("，")))


def pieces_lines(pieces: Sequence[str], gap: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """Pieces joined by ``gap`` on as few lines as fit, a piece broken only when it is wider than a line itself."""
    lines: list[str] = []
    for piece in pieces:
        if lines and metrics.horizontalAdvance(lines[-1] + gap + piece) <= width:
            lines[-1] += gap + piece
        else:
            lines += fit(piece, metrics, width)
    return lines


def _font(points: float, bold: bool = False) -> QFont:
    """The notice's font: see LATIN_FIRST."""
    font = QFont()
    font.setFamilies([*LATIN_FIRST, *CJK_FAMILIES])
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _columns() -> list[str]:
    return [words.tr(text) for text in (words.CALL_NUMBER, words.TITLE, words.AUTHOR, words.PUBLISHER, words.YEAR,
                                        words.ON_SHELF, words.SHELF)]


def _cells(book: NewBook) -> list[str]:
    return [book.call_number or "—", book.title, book.author, book.publisher, str(book.year or ""),
            f"{book.on_shelf}/{book.arrived}", book.shelf]


class _Table:
    """The notice laid out page by page as painting steps, so that the number of pages is known before painting."""

    def __init__(self, device: QPaintDevice, area: QRectF, notice: words.NoticeWords,
                 call_numbers: Sequence[str] = ()) -> None:
        self.device, self.area = device, area
        self.body, self.bold, self.title_font = _font(9.5), _font(9.5, True), _font(20, True)
        self.metrics, self.bold_metrics = QFontMetricsF(self.body, device), QFontMetricsF(self.bold, device)
        self.line_h = self.metrics.height() * 1.3
        self.pad = self.line_h * 0.35
        self.bottom = area.bottom() - self.line_h * 1.6  # the page number beneath
        self.widths = [area.width() * share for share in SHARES]
        # A call number is never broken (D922.591/13 split after its 1 reads as two numbers): its column takes
        # the widest one's width, up to twice its share, from the title's column.
        widest = max((self.metrics.horizontalAdvance(number) for number in call_numbers), default=0.0) + self.pad * 1.2
        grown = min(max(widest, self.widths[0]), self.widths[0] * 2)
        self.widths[1] -= grown - self.widths[0]
        self.widths[0] = grown
        self.pages: list[list[Op]] = []
        self.y = 0.0
        self._new_page()
        self._heading(notice)

    def _new_page(self) -> None:
        self.pages.append([])
        self.y = self.area.top()

    def _text(self, rect: QRectF, flags: int, text: str, font: QFont, colour: QColor = BLACK) -> None:
        def op(painter: QPainter) -> None:
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(rect, flags, text)
        self.pages[-1].append(op)

    def _rule(self, y: float, colour: QColor, weight: float) -> None:
        left, right, thick = self.area.left(), self.area.right(), max(1.0, self.line_h / 28) * weight

        def op(painter: QPainter) -> None:
            painter.setPen(QPen(colour, thick))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
        self.pages[-1].append(op)

    def _centred(self, text: str, font: QFont, spacing: float, colour: QColor = BLACK) -> None:
        metrics = QFontMetricsF(font, self.device)
        for line in fit(text, metrics, self.area.width()):
            height = metrics.height() * spacing
            self._text(QRectF(self.area.left(), self.y, self.area.width(), height), int(Qt.AlignmentFlag.AlignCenter),
                       line, font, colour)
            self.y += height

    def _heading(self, notice: words.NoticeWords) -> None:
        self._centred(notice.title, self.title_font, 1.4, RED)
        self._centred(notice.line, _font(11), 1.4)
        if notice.count:
            self._centred(notice.count, self.body, 1.3, GREY)
        self._centred(notice.note, _font(11) if notice.empty else self.body, 1.6 if notice.empty else 1.3, GREY)
        self.y += self.line_h * 0.4

    def header(self) -> None:
        cells = [fit(text, self.bold_metrics, width - self.pad) for text, width in zip(_columns(), self.widths)]
        height = self.line_h * max(len(lines) for lines in cells)
        x = self.area.left()
        for lines, width in zip(cells, self.widths):
            self._text(QRectF(x + self.pad / 2, self.y, width - self.pad, height),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), "\n".join(lines), self.bold)
            x += width
        self.y += height
        self._rule(self.y, BLACK, 1.0)
        self.y += self.line_h * 0.15

    def row(self, cells: list[str]) -> None:
        """One book: every cell wrapped; what does not fit above the page's foot continues on the next page."""
        lines = [fit(text, self.metrics, width - self.pad) for text, width in zip(cells, self.widths)]
        tall = max(len(cell) for cell in lines)
        if self.y + tall * self.line_h > self.bottom and tall * self.line_h <= self.bottom - self._page_top():
            self._next_page()
        start = 0
        while start < tall:
            room = max(1, int((self.bottom - self.y) / self.line_h + 1e-6))
            if self.y + self.line_h > self.bottom:
                self._next_page()
                continue
            end = min(tall, start + room)
            x = self.area.left()
            for cell, width in zip(lines, self.widths):
                for number, text in enumerate(cell[start:end]):
                    self._text(QRectF(x + self.pad / 2, self.y + number * self.line_h, width - self.pad, self.line_h),
                               int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip), text,
                               self.body)
                x += width
            self.y += (end - start) * self.line_h
            start = end
            if start < tall:
                self._next_page()
        self.y += self.line_h * 0.15
        self._rule(self.y, RULE, 0.6)
        self.y += self.line_h * 0.1

    def _page_top(self) -> float:
        """Where rows begin on a page after the first: under the repeated header."""
        cells = [fit(text, self.bold_metrics, width - self.pad) for text, width in zip(_columns(), self.widths)]
        return self.area.top() + self.line_h * max(len(lines) for lines in cells) + 1

    def _next_page(self) -> None:
        self._new_page()
        self.header()


def paint_notice(device: QPagedPaintDevice, books: Sequence[NewBook], notice: words.NoticeWords) -> int:
    """Paint the notice onto ``device`` (a PDF writer or a printer); returns the number of pages."""
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint the notice")
    try:
        area = QRectF(0, 0, painter.viewport().width(), painter.viewport().height())
        table = _Table(device, area, notice, [book.call_number for book in books])
        if books:
            table.header()
            for book in books:
                table.row(_cells(book))
        paint_pages(device, painter, table.pages, area, table.body, table.line_h,
                    lambda page, pages: words.tr(words.PAGE).format(page=page, pages=pages))
    finally:
        painter.end()
    return len(table.pages)


def write_notice_pdf(books: Sequence[NewBook], notice: words.NoticeWords, path: Path | str) -> int:
    """The notice as an A4 PDF at ``path``, written whole or not at all; returns the number of pages."""
    target = Path(path)
    with files.atomic_write(target) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(f"{notice.title} {notice.line}")
        pages = paint_notice(writer, books, notice)
        del writer  # closes the file before it is renamed
        finish_pdf(temporary, True)
    return pages


# --- the phone image ---------------------------------------------------------------------------------------------


def _pixels(size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(CJK_FAMILIES))
    font.setPixelSize(size)
    font.setBold(bold)
    return font


@dataclass(frozen=True)
class _Line:
    text: str
    font: QFont
    colour: QColor
    height: float


@dataclass
class _Block:
    lines: list[_Line]
    gap: float  # below the block, where its rule goes

    @property
    def height(self) -> float:
        return sum(line.height for line in self.lines) + self.gap


class _Phone:
    """Measures on an image of the final width, so the lines break where they will be painted."""

    def __init__(self) -> None:
        self.probe = QImage(PNG_WIDTH, 8, QImage.Format.Format_RGB32)
        self.inner = PNG_WIDTH - 2 * PNG_PAD
        self.heading, self.sub, self.small = _pixels(72, True), _pixels(42), _pixels(36)
        self.title, self.detail = _pixels(48, True), _pixels(40)

    def lines(self, text: str, font: QFont, colour: QColor, spacing: float = 1.3) -> list[_Line]:
        metrics = QFontMetricsF(font, self.probe)
        return [_Line(part, font, colour, metrics.height() * spacing) for part in fit(text, metrics, self.inner)]

    def pieces(self, pieces: list[str], font: QFont, colour: QColor) -> list[_Line]:
        metrics = QFontMetricsF(font, self.probe)
        return [_Line(part, font, colour, metrics.height() * 1.3)
                for part in pieces_lines(pieces, words.tr(words.GAP), metrics, self.inner)]

    def book(self, number: int, book: NewBook) -> _Block:
        lines = self.lines(f"{number}. {book.title}", self.title, BLACK, 1.25)
        lines += self.pieces([part for part in (book.author, book.publisher, str(book.year or "")) if part],
                             self.detail, GREY)
        lines += self.pieces(words.shelf_pieces(book.call_number, book.shelf, book.on_shelf, book.arrived),
                             self.detail, RED)
        return _Block(lines, 34)

    def head(self, notice: words.NoticeWords, part: int, parts: int) -> _Block:
        lines = self.lines(notice.title, self.heading, WHITE, 1.3)
        if parts > 1:
            lines += self.lines(words.tr(words.IMAGE_PART).format(part=part, parts=parts), self.small, WHITE, 1.35)
        lines += self.lines(notice.line, self.sub, WHITE, 1.35)
        if notice.count and part == 1:
            lines += self.lines(notice.count, self.small, WHITE, 1.35)
        return _Block(lines, 40)

    def foot(self, notice: words.NoticeWords) -> _Block:
        lines = []
        for text in ([notice.note] if notice.empty else []) + notice.foot:
            lines += self.lines(text, self.sub if notice.empty and text == notice.note else self.small,
                                BLACK if notice.empty and text == notice.note else GREY, 1.35)
        return _Block(lines, 24)

    def paint(self, head: _Block, blocks: list[_Block], foot: _Block) -> QImage:
        top = PNG_PAD * 0.8
        height = round(top + head.height + top * 0.5 + sum(b.height for b in blocks) + foot.height + PNG_PAD)
        image = QImage(PNG_WIDTH, height, QImage.Format.Format_RGB32)
        image.fill(WHITE)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            band = top + head.height
            painter.fillRect(QRectF(0, 0, PNG_WIDTH, band), RED)
            y = self._paint_lines(painter, head.lines, top, centred=True)
            y = band + top * 0.5
            for block in blocks:
                y = self._paint_lines(painter, block.lines, y)
                painter.setPen(QPen(RULE, 2))
                painter.drawLine(QPointF(PNG_PAD, y + block.gap / 2), QPointF(PNG_WIDTH - PNG_PAD, y + block.gap / 2))
                y += block.gap
            self._paint_lines(painter, foot.lines, y + foot.gap, centred=True)
        finally:
            painter.end()
        return image

    def _paint_lines(self, painter: QPainter, lines: list[_Line], y: float, centred: bool = False) -> float:
        align = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
        for line in lines:
            painter.setFont(line.font)
            painter.setPen(line.colour)
            painter.drawText(QRectF(PNG_PAD, y, self.inner, line.height),
                             int(align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip), line.text)
            y += line.height
        return y


def _parts(phone: _Phone, books: Sequence[NewBook], notice: words.NoticeWords) -> list[list[_Block]]:
    """The books' blocks packed into images no taller than MOST_PNG_HEIGHT (a single book taller than that, which
    no real title is, gets an image of its own however tall)."""
    blocks = [phone.book(number, book) for number, book in enumerate(books, 1)]
    foot = phone.foot(notice)
    sample = phone.head(notice, 1, 99 if len(blocks) > 1 else 1)
    room = MOST_PNG_HEIGHT - (PNG_PAD * 1.2 + sample.height + foot.height + PNG_PAD) - 2
    parts: list[list[_Block]] = [[]]
    used = 0.0
    for block in blocks:
        if parts[-1] and used + block.height > room:
            parts.append([])
            used = 0.0
        parts[-1].append(block)
        used += block.height
    return parts


def notice_images(books: Sequence[NewBook], notice: words.NoticeWords) -> tuple[int, Iterator[QImage]]:
    """How many images the notice takes, and the images 1080 px wide painted one at a time (each is tens of
    megabytes in memory)."""
    phone = _Phone()
    parts = _parts(phone, books, notice)
    foot = phone.foot(notice)
    return len(parts), (phone.paint(phone.head(notice, number, len(parts)), part, foot)
                        for number, part in enumerate(parts, 1))


def image_paths(path: Path, parts: int) -> list[Path]:
    """Where the images go: ``path`` itself when one; 新书通报-1.png, 新书通报-2.png… beside it when more."""
    if parts == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{number}{path.suffix}") for number in range(1, parts + 1)]


def write_notice_png(books: Sequence[NewBook], notice: words.NoticeWords, path: Path | str) -> list[Path]:
    """The notice as one PNG at ``path``, or several beside it when it is long; returns the files written."""
    target = Path(path)
    written = []
    count, images = notice_images(books, notice)
    for image, place in zip(images, image_paths(target, count)):
        with files.atomic_write(place) as temporary:
            if not image.save(str(temporary), "PNG"):
                raise OSError(f"the image {place} could not be written")
        written.append(place)
    _remove_stale_parts(target, len(written))
    return written


def _remove_stale_parts(path: Path, parts: int) -> None:
    """An earlier, longer notice at the same name left 通报-3.png… (or the single 通报.png): those go, so that
    every image beside the ones just written is of this notice; the parts are removed in order while they exist."""
    if parts > 1:
        path.unlink(missing_ok=True)
    number = 1 if parts == 1 else parts + 1
    while (stale := path.with_name(f"{path.stem}-{number}{path.suffix}")).exists():
        stale.unlink()
        number += 1
