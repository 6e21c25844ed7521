"""The room's poster for the door and the notice board, on A4 or A3 portrait. QtGui only, no widgets.

A red band with the room's name as large as fits (two lines at most, else smaller), the opening hours, the
digital reading service, and a QR code (segno) to the published catalogue with its URL printed under it; the
room's address, contact and phone at the foot. Without a URL the poster has no QR code (the caller says so).
A3 is A4 enlarged: every size is given for A4 and scaled by the paper's width.
"""

from __future__ import annotations

from pathlib import Path

import segno
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from bookroom_desk import files
from bookroom_desk.printing.label_painting import finish_pdf
from bookroom_desk.printing.new_books import fit
from bookroom_desk.printing.slip import PDF_RESOLUTION, _font
from bookroom_desk.services.publishing import notice_text as words

#: Paper: its Qt size and its width in mm (sizes are A4's, scaled by width / 210).
PAPERS = {"a4": (QPageSize.PageSizeId.A4, 210.0, 297.0), "a3": (QPageSize.PageSizeId.A3, 297.0, 420.0)}
RED, WHITE, BLACK, GREY = QColor("#b71c1c"), QColor("#ffffff"), QColor("#000000"), QColor("#424242")
MARGIN_MM = 16.0
QR_MM = 62.0  # the QR code's side on A4, its quiet zone included
QUIET = 4  # modules of white around the code, as the standard asks
QR_LEAST_MM = 42.0  # the text shrinks (down to SMALLEST) before the code gets smaller than this on A4
SMALLEST = 0.6


class _Poster:
    def __init__(self, painter: QPainter, device: QPagedPaintDevice, paper: str, *, text: float = 1.0,
                 dry: bool = False) -> None:
        self.painter, self.device, self.text, self.dry = painter, device, text, dry
        _size, width_mm, height_mm = PAPERS[paper]
        self.scale = width_mm / 210.0
        self.mm = painter.viewport().width() / width_mm  # device units per millimetre
        self.width, self.height = painter.viewport().width(), painter.viewport().height()
        self.left = MARGIN_MM * self.scale * self.mm
        self.inner = self.width - 2 * self.left
        self.y = 0.0
        self.bottom = self.height

    def font(self, points: float, bold: bool = False) -> QFont:
        return _font(points * self.scale, bold)

    def lines(self, text: str, font: QFont, width: float | None = None) -> list[str]:
        return fit(text, QFontMetricsF(font, self.device), width or self.inner)

    def block(self, text: str, font: QFont, colour: QColor, *, spacing: float = 1.25,
              align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter) -> None:
        """``text`` wrapped across the page from ``y`` down, centred (never cut, never past the margins)."""
        metrics = QFontMetricsF(font, self.device)
        self.painter.setFont(font)
        self.painter.setPen(colour)
        for line in self.lines(text, font):
            height = metrics.height() * spacing
            if not self.dry:
                self.painter.drawText(QRectF(self.left, self.y, self.inner, height),
                                  int(align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip), line)
            self.y += height

    def name_lines(self, name: str) -> tuple[QFont, list[str]]:
        """The name on one line, as large as fits from 60 pt down to 42 on A4; else on two lines as even as they
        break, from 60 pt down; else as many lines as it takes at 28 pt."""
        for points in range(60, 41, -2):
            font = self.font(points, True)
            if len(lines := self.lines(name, font)) == 1:
                return font, lines
        for points in range(60, 27, -2):
            font = self.font(points, True)
            half = QFontMetricsF(font, self.device).horizontalAdvance(name) / 2
            lines = self.lines(name, font, min(self.inner, half * 1.08))
            if len(lines) <= 2 and all(QFontMetricsF(font, self.device).horizontalAdvance(line) <= self.inner
                                       for line in lines):
                return font, lines
        font = self.font(28, True)
        return font, self.lines(name, font)

    def band(self, facts: words.PosterFacts) -> None:
        top = 12 * self.scale * self.mm
        name, lines = self.name_lines(facts.name)
        height = top + (QFontMetricsF(self.font(16), self.device).height() * 1.4 if facts.belongs_to else 0)
        height += QFontMetricsF(name, self.device).height() * 1.15 * len(lines)
        height += 10 * self.scale * self.mm
        if not self.dry:
            self.painter.fillRect(QRectF(0, 0, self.width, height), RED)
        self.y = top
        if facts.belongs_to:
            self.block(facts.belongs_to, self.font(16), WHITE, spacing=1.4)
        for line in lines:
            self.block(line, name, WHITE, spacing=1.15)
        self.y = height + 8 * self.scale * self.mm

    def section(self, heading: str, lines: list[str], points: float) -> None:
        self.block(heading, self.font(22 * self.text, True), RED, spacing=1.45)
        for line in lines:
            self.block(line, self.font(points * self.text), BLACK, spacing=1.3)
        self.y += 5 * self.scale * self.mm * self.text

    def qr_room(self, url: str, bottom: float) -> float:
        """The side the code may take between ``y`` and ``bottom``, its caption and URL counted."""
        caption, link = self.font(18, True), self.font(12)
        caption_h = QFontMetricsF(caption, self.device).height() * 1.4
        link_h = QFontMetricsF(link, self.device).height() * 1.25 * len(self.lines(url, link))
        return min(QR_MM * self.scale * self.mm, bottom - self.y - caption_h - link_h)

    def qr(self, url: str, bottom: float) -> None:
        """The code centred between ``y`` and ``bottom`` (smaller when the room is short), the URL under it."""
        caption, link = self.font(18, True), self.font(12)
        room = self.qr_room(url, bottom)
        free = bottom - self.y - (QFontMetricsF(caption, self.device).height() * 1.4
                                  + QFontMetricsF(link, self.device).height() * 1.25 * len(self.lines(url, link)))
        matrix = segno.make(url, error="m", micro=False).matrix
        modules = len(matrix) + 2 * QUIET
        module = max(1, int(room // modules))  # whole device units a module: edges fall on pixels when rendered
        side = module * modules
        self.y += max(0.0, (free - side) / 2)
        self.block(words.tr(words.SCAN), caption, RED, spacing=1.4)
        x0, y0 = round((self.width - side) / 2), round(self.y)
        self.painter.fillRect(QRectF(x0, y0, side, side), WHITE)
        for row, cells in enumerate(matrix):
            column = 0
            while column < len(cells):
                if not cells[column]:
                    column += 1
                    continue
                run = column
                while run < len(cells) and cells[run]:
                    run += 1
                self.painter.fillRect(QRectF(x0 + (QUIET + column) * module, y0 + (QUIET + row) * module,
                                             (run - column) * module, module), BLACK)
                column = run
        self.y = y0 + side
        self.block(url, link, GREY, spacing=1.25)

    def foot(self, facts: words.PosterFacts) -> float:
        """The welcome, address and contact above a thin red rule at the bottom; returns where they begin."""
        font = self.font(13)
        lines = [words.tr(words.WELCOME)]
        if facts.address:
            lines.append(words.tr(words.ADDRESS).format(address=facts.address))
        if contact := words.contact_line(facts):
            lines.append(contact)
        wrapped = [part for line in lines for part in self.lines(line, font)]
        rule = 8 * self.scale * self.mm
        height = QFontMetricsF(font, self.device).height() * 1.35 * len(wrapped)
        start = self.height - rule - 8 * self.scale * self.mm - height
        if not self.dry:
            self.painter.fillRect(QRectF(0, self.height - rule, self.width, rule), RED)
        saved, self.y = self.y, start
        for line in lines:
            self.block(line, font, GREY, spacing=1.35)
        self.y = saved
        return start


def _lay_out(poster: _Poster, facts: words.PosterFacts, url: str | None) -> None:
    poster.band(facts)
    foot = poster.foot(facts)
    poster.bottom = foot - 6 * poster.scale * poster.mm
    poster.section(words.tr(words.HOURS), facts.hours, 20 if url else 24)
    if facts.digital_service:
        poster.section(words.tr(words.DIGITAL), [facts.digital_service], 16 if url else 20)
    if url and not poster.dry:
        poster.qr(url, poster.bottom)


def paint_poster(device: QPagedPaintDevice, facts: words.PosterFacts, *, paper: str = "a4",
                 url: str | None = None) -> bool:
    """Paint the poster onto ``device``; returns whether it carries a QR code (only with a URL)."""
    size, _width, _height = PAPERS[paper]
    device.setPageLayout(QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint the poster")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        size = 1.0  # the sections' text, shrunk step by step until the code has its room
        while True:
            dry = _Poster(painter, device, paper, text=size, dry=True)
            _lay_out(dry, facts, url)
            if not url or size <= SMALLEST or dry.qr_room(url, dry.bottom) >= QR_LEAST_MM * dry.scale * dry.mm:
                break
            size -= 0.05
        _lay_out(_Poster(painter, device, paper, text=size), facts, url)
    finally:
        painter.end()
    return bool(url)


def write_poster_pdf(facts: words.PosterFacts, path: Path | str, *, paper: str = "a4",
                     url: str | None = None) -> bool:
    """The poster as a one-page PDF at ``path``, written whole or not at all; returns whether it has a QR code."""
    if paper not in PAPERS:
        raise ValueError(paper)
    url = words.checked_url(url)
    target = Path(path)
    with files.atomic_write(target) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(facts.name)
        coded = paint_poster(writer, facts, paper=paper, url=url)
        del writer  # closes the file before it is renamed
        finish_pdf(temporary, True)
    return coded
