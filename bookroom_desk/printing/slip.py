"""The loan slip (借阅凭条) and the overdue list, painted with QtGui onto a PDF or a printer. No widgets.

A slip goes on an A5 sheet (a table, like the overdue list on A4) or on a 58 mm or 80 mm receipt roll:
there one loan is a block of lines (the title wrapped, never cut), and the page is as long as what it
holds, measured with the printer's own font metrics before anything is painted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from sqlalchemy.orm import Session

from bookroom_desk import files
from bookroom_desk.config import user_data_dir
from bookroom_desk.fonts import CJK_FAMILIES
from bookroom_desk.printing.label_painting import finish_pdf
from bookroom_desk.services.circulation.overdue import OverdueLine
from bookroom_desk.services.common import clock, settings
from bookroom_desk.services.readers import records
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "slip"
PDF_RESOLUTION = 300
RED = QColor("#c62828")
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Roll:
    """A receipt roll: the paper's width and the width its print head reaches (mm)."""

    width: float
    printable: float


#: The receipt papers of settings.SLIP_PAGES; "a5" is a sheet, not a roll.
ROLLS = {"receipt58": Roll(58.0, 48.0), "receipt80": Roll(80.0, 72.0)}
NO_LINE_START = frozenset("。，、；：！？）」』》〉】”’…,.;:!?)")  # never at the start of a line (禁则)
ROLL_MARGIN_MM = 3.0  # above the first line and below the last, before the printer's cut


@dataclass
class Document:
    """A simple printed page: heading, a few lines, one table (rows may be red), a footer line."""

    heading: str
    lines: list[str]
    columns: list[tuple[str, float]]  # header and share of the width
    rows: list[tuple[list[str], bool]] = field(default_factory=list)
    footer: str = ""
    page_size: QPageSize.PageSizeId = QPageSize.PageSizeId.A4
    roll: Roll | None = None  # printed on a receipt roll instead of a sheet of page_size


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def _date(value: dt.date) -> str:
    return value.strftime("%Y-%m-%d")


def slip_document(session: Session, reader_id: int, loan_ids: Collection[int] | None = None,
                  paper: str = "a5") -> Document:
    """The reader's current loans with their due dates, to hand over with the books.

    With ``loan_ids`` (the loans of one visit at the desk) it lists those of them still out, and says
    how many the reader has out in all; ``paper`` is one of settings.SLIP_PAGES.
    """
    summary = records.summary(session, reader_id)
    room = room_name(session) or _tr(QT_TRANSLATE_NOOP("slip", "职工书屋"))
    listed = [line for line in summary.loans if loan_ids is None or line.loan_id in loan_ids]
    lines = [
        _tr(QT_TRANSLATE_NOOP("slip", "读者：{name}　证号：{card}")).format(name=summary.name, card=summary.card),
        _tr(QT_TRANSLATE_NOOP("slip", "部门：{department}")).format(department=summary.department or "—"),
        _tr(QT_TRANSLATE_NOOP("slip", "打印时间：{when}")).format(when=clock.now().strftime("%Y-%m-%d %H:%M")),
        _tr(QT_TRANSLATE_NOOP("slip", "在借 {count} 册，逾期 {overdue} 册")).format(
            count=len(summary.loans), overdue=summary.overdue),
    ]
    if loan_ids is not None:
        lines.append(_tr(QT_TRANSLATE_NOOP("slip", "本次借出 {count} 册：")).format(count=len(listed)))
    rows = [([line.barcode, line.title, _date(line.out_at.date()), _date(line.due_on)], line.days_late > 0)
            for line in listed]
    return Document(
        heading=_tr(QT_TRANSLATE_NOOP("slip", "{room}借阅凭条")).format(room=room), lines=lines,
        columns=[(_tr(QT_TRANSLATE_NOOP("slip", "条码")), 0.2), (_tr(QT_TRANSLATE_NOOP("slip", "书名")), 0.46),
                 (_tr(QT_TRANSLATE_NOOP("slip", "借出")), 0.17), (_tr(QT_TRANSLATE_NOOP("slip", "应还")), 0.17)],
        rows=rows, footer=_tr(QT_TRANSLATE_NOOP("slip", "请按时归还。逾期未还的书会影响再借。")),
        page_size=QPageSize.PageSizeId.A5, roll=ROLLS.get(paper))


def overdue_document(room: str, lines: list[OverdueLine], order: str) -> Document:
    """The overdue list, by department or by days late, to print and hand round."""
    heading = _tr(QT_TRANSLATE_NOOP("slip", "{room}逾期未还图书清单")).format(
        room=room or _tr(QT_TRANSLATE_NOOP("slip", "职工书屋")))
    by = (_tr(QT_TRANSLATE_NOOP("slip", "按部门排列")) if order == "department"
          else _tr(QT_TRANSLATE_NOOP("slip", "按逾期天数排列")))
    meta = [_tr(QT_TRANSLATE_NOOP("slip", "截至 {day}，共 {count} 册，{readers} 位读者；{by}")).format(
        day=_date(clock.today()), count=len(lines), readers=len({line.card for line in lines}), by=by)]
    rows = [([line.department, line.name, line.card, line.barcode, line.title, _date(line.due_on),
              str(line.days_late)], False) for line in lines]
    return Document(heading=heading, lines=meta, columns=[
        (_tr(QT_TRANSLATE_NOOP("slip", "部门")), 0.16), (_tr(QT_TRANSLATE_NOOP("slip", "姓名")), 0.1),
        (_tr(QT_TRANSLATE_NOOP("slip", "证号")), 0.1), (_tr(QT_TRANSLATE_NOOP("slip", "条码")), 0.11),
        (_tr(QT_TRANSLATE_NOOP("slip", "书名")), 0.31), (_tr(QT_TRANSLATE_NOOP("slip", "应还")), 0.12),
        (_tr(QT_TRANSLATE_NOOP("slip", "逾期天数")), 0.1)], rows=rows)


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(CJK_FAMILIES))
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def paint(device: QPagedPaintDevice, doc: Document) -> int:
    """Paint ``doc`` page by page onto ``device``; returns the number of pages."""
    if doc.roll is not None:
        return paint_receipt(device, doc, doc.roll)
    device.setPageLayout(QPageLayout(QPageSize(doc.page_size), QPageLayout.Orientation.Portrait,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    painter = QPainter(device)
    try:
        area = QRectF(0, 0, painter.viewport().width(), painter.viewport().height())
        body, header, title = _font(9), _font(9, True), _font(14, True)
        line_h = QFontMetricsF(body, device).height() * 1.35
        pages, index = 1, 0
        while True:
            y = area.top()
            if pages == 1:
                painter.setFont(title)
                title_h = QFontMetricsF(title, device).height() * 1.5
                painter.drawText(QRectF(area.left(), y, area.width(), title_h), Qt.AlignmentFlag.AlignCenter, doc.heading)
                y += title_h
                painter.setFont(body)
                for text in doc.lines:
                    painter.drawText(QRectF(area.left(), y, area.width(), line_h), Qt.AlignmentFlag.AlignVCenter, text)
                    y += line_h
                y += line_h * 0.5
            y = _row(painter, area, y, line_h, [h for h, _ in doc.columns], doc.columns, header, False)
            painter.setPen(QPen(QColor("#000000"), max(1.0, line_h / 30)))
            painter.drawLine(area.left(), y, area.right(), y)
            bottom = area.bottom() - line_h * 2
            while index < len(doc.rows) and y + line_h <= bottom:
                cells, red = doc.rows[index]
                y = _row(painter, area, y, line_h, cells, doc.columns, body, red)
                index += 1
            painter.setFont(body)
            painter.setPen(QColor("#000000"))
            if index >= len(doc.rows):
                y += line_h * 0.5
                for text in _wrap(doc.footer, QFontMetricsF(body, device), area.width()) if doc.footer else []:
                    painter.drawText(QRectF(area.left(), y, area.width(), line_h), Qt.AlignmentFlag.AlignLeft, text)
                    y += line_h  # a long footer (English runs longer) wraps rather than runs off the page
                break
            painter.drawText(QRectF(area.left(), area.bottom() - line_h, area.width(), line_h),
                             Qt.AlignmentFlag.AlignRight, str(pages))
            device.newPage()
            pages += 1
    finally:
        painter.end()
    return pages


def _row(painter: QPainter, area: QRectF, y: float, height: float, cells: list[str],
         columns: list[tuple[str, float]], font: QFont, red: bool) -> float:
    painter.setFont(font)
    painter.setPen(RED if red else QColor("#000000"))
    metrics = QFontMetricsF(font, painter.device())
    x = area.left()
    for text, (_, share) in zip(cells, columns):
        width = area.width() * share
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - height * 0.3)
        painter.drawText(QRectF(x, y, width, height), Qt.AlignmentFlag.AlignVCenter, shown)
        x += width
    return y + height


@dataclass(frozen=True)
class _Line:
    text: str
    font: QFont
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    rule: bool = False  # a dashed line across the roll instead of text


def _receipt_lines(doc: Document) -> list[_Line]:
    """The slip as lines down a narrow roll: a loan is its title (the widest column), then its other cells."""
    body, bold, title = _font(8), _font(8, True), _font(11, True)
    main = max(range(len(doc.columns)), key=lambda i: doc.columns[i][1]) if doc.columns else 0
    lines = [_Line(doc.heading, title, Qt.AlignmentFlag.AlignHCenter)]
    lines += [_Line(text, body) for text in doc.lines]
    lines.append(_Line("", body, rule=True))
    for number, (cells, late) in enumerate(doc.rows, 1):
        lines.append(_Line(f"{number}. {cells[main]}", bold))
        for i, (header, _share) in enumerate(doc.columns):
            if i != main:
                text = _tr(QT_TRANSLATE_NOOP("slip", "{label}：{value}")).format(label=header, value=cells[i])
                if late and i == len(doc.columns) - 1:
                    text += _tr(QT_TRANSLATE_NOOP("slip", "（已逾期）"))
                lines.append(_Line(text, bold if late else body))
    lines.append(_Line("", body, rule=True))
    if doc.footer:
        lines.append(_Line(doc.footer, body))
    return lines


def _wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``: between words, or between any two Chinese characters,
    and inside a word only when it is wider than the line."""
    lines, current = [], ""
    for token in re.findall(r"[\u2e80-\u9fff\uf900-\uffef]|[^\s\u2e80-\u9fff\uf900-\uffef]+\s*|\s+", text):
        if metrics.horizontalAdvance((current + token).rstrip()) <= width or (token in NO_LINE_START and current):
            current += token  # a closing mark hangs at the end of its line rather than start the next
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = token.lstrip() if current else token
        while metrics.horizontalAdvance(current.rstrip()) > width and len(current) > 1:
            cut = next(i for i in range(len(current), 0, -1) if metrics.horizontalAdvance(current[:i]) <= width or i == 1)
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def paint_receipt(device: QPagedPaintDevice, doc: Document, roll: Roll) -> int:
    """One page as long as the slip: measured on ``device`` first, then painted line by line. Returns 1."""
    dpi = device.logicalDpiY() or PDF_RESOLUTION
    width = roll.printable / MM_PER_INCH * (device.logicalDpiX() or PDF_RESOLUTION)
    placed: list[tuple[_Line, str, float]] = []  # each printed line with the height it takes
    for line in _receipt_lines(doc):
        metrics = QFontMetricsF(line.font, device)
        step = metrics.height() * 1.2
        if line.rule:
            placed.append((line, "", step))
        else:
            placed += [(line, text, step) for text in _wrap(line.text, metrics, width)]
    length = sum(height for _line, _text, height in placed) / dpi * MM_PER_INCH + 2 * ROLL_MARGIN_MM
    side = (roll.width - roll.printable) / 2
    size = QPageSize(QSizeF(roll.width, length), QPageSize.Unit.Millimeter, f"{roll.width:g} mm",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    device.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(side, ROLL_MARGIN_MM, side, ROLL_MARGIN_MM), QPageLayout.Unit.Millimeter))
    painter = QPainter(device)
    try:
        y = 0.0
        for line, text, height in placed:
            painter.setFont(line.font)
            if line.rule:
                painter.setPen(QPen(QColor("#000000"), dpi * 0.25 / MM_PER_INCH, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(0, y + height / 2), QPointF(width, y + height / 2))
            else:
                painter.setPen(QColor("#000000"))
                metrics = QFontMetricsF(line.font, device)
                x = (width - metrics.horizontalAdvance(text)) / 2 if line.align == Qt.AlignmentFlag.AlignHCenter else 0.0
                painter.drawText(QPointF(max(0.0, x), y + (height - metrics.height()) / 2 + metrics.ascent()), text)
            y += height
    finally:
        painter.end()
    return 1


def write_pdf(doc: Document, path: Path) -> Path:
    """The document as a PDF at ``path``, written whole or not at all."""
    with files.atomic_write(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(doc.heading)
        paint(writer, doc)
        del writer  # closes the file before it is renamed
        finish_pdf(temporary, True)
    return path


def print_document(doc: Document, printer: QPrinter) -> int:
    return paint(printer, doc)


def print_or_save_slip(session: Session, reader_id: int,
                       loan_ids: Collection[int] | None = None) -> tuple[str, Path | None]:
    """Print the slip, on the paper set in 设置, on the default printer without asking (the desk never waits
    on a dialog); with no printer, save it as a PDF in the data folder. Returns (printer name, or the PDF's path)."""
    doc = slip_document(session, reader_id, loan_ids, settings.get(session, settings.SLIP_PAGE))
    info = QPrinterInfo.defaultPrinter()
    if not info.isNull() and info.printerName():
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        print_document(doc, printer)
        return info.printerName(), None
    folder = user_data_dir() / "slips"
    folder.mkdir(parents=True, exist_ok=True)
    card = records.get_reader(session, reader_id).card
    return "", write_pdf(doc, folder / f"slip-{card}-{clock.now():%Y%m%d-%H%M%S}.pdf")
