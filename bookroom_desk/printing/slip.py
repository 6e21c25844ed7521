"""The loan slip (借阅凭条) and the overdue list, painted with QtGui onto a PDF or a printer. No widgets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from sqlalchemy.orm import Session

from bookroom_desk import files
from bookroom_desk.config import user_data_dir
from bookroom_desk.fonts import CJK_FAMILIES
from bookroom_desk.printing.label_painting import finish_pdf
from bookroom_desk.services.circulation.overdue import OverdueLine
from bookroom_desk.services.common import clock
from bookroom_desk.services.readers import records
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "slip"
PDF_RESOLUTION = 300
RED = QColor("#c62828")


@dataclass
class Document:
    """A simple printed page: heading, a few lines, one table (rows may be red), a footer line."""

    heading: str
    lines: list[str]
    columns: list[tuple[str, float]]  # header and share of the width
    rows: list[tuple[list[str], bool]] = field(default_factory=list)
    footer: str = ""
    page_size: QPageSize.PageSizeId = QPageSize.PageSizeId.A4


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def _date(value: dt.date) -> str:
    return value.strftime("%Y-%m-%d")


def slip_document(session: Session, reader_id: int) -> Document:
    """The reader's current loans with their due dates, to hand over with the books."""
    summary = records.summary(session, reader_id)
    room = room_name(session) or _tr(QT_TRANSLATE_NOOP("slip", "职工书屋"))
    lines = [
        _tr(QT_TRANSLATE_NOOP("slip", "读者：{name}　证号：{card}")).format(name=summary.name, card=summary.card),
        _tr(QT_TRANSLATE_NOOP("slip", "部门：{department}")).format(department=summary.department or "—"),
        _tr(QT_TRANSLATE_NOOP("slip", "打印时间：{when}")).format(when=clock.now().strftime("%Y-%m-%d %H:%M")),
        _tr(QT_TRANSLATE_NOOP("slip", "在借 {count} 册，逾期 {overdue} 册")).format(
            count=len(summary.loans), overdue=summary.overdue),
    ]
    rows = [([line.barcode, line.title, _date(line.out_at.date()), _date(line.due_on)], line.days_late > 0)
            for line in summary.loans]
    return Document(
        heading=_tr(QT_TRANSLATE_NOOP("slip", "{room}借阅凭条")).format(room=room), lines=lines,
        columns=[(_tr(QT_TRANSLATE_NOOP("slip", "条码")), 0.2), (_tr(QT_TRANSLATE_NOOP("slip", "书名")), 0.46),
                 (_tr(QT_TRANSLATE_NOOP("slip", "借出")), 0.17), (_tr(QT_TRANSLATE_NOOP("slip", "应还")), 0.17)],
        rows=rows, footer=_tr(QT_TRANSLATE_NOOP("slip", "请按时归还。逾期未还的书会影响再借。")),
        page_size=QPageSize.PageSizeId.A5)


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
                if doc.footer:
                    painter.drawText(QRectF(area.left(), y + line_h * 0.5, area.width(), line_h),
                                     Qt.AlignmentFlag.AlignLeft, doc.footer)
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


def print_or_save_slip(session: Session, reader_id: int) -> tuple[str, Path | None]:
    """Print the slip on the default printer without asking (the desk never waits on a dialog);
    with no printer, save it as a PDF in the data folder. Returns (printer name, or the PDF's path)."""
    doc = slip_document(session, reader_id)
    info = QPrinterInfo.defaultPrinter()
    if not info.isNull() and info.printerName():
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        print_document(doc, printer)
        return info.printerName(), None
    folder = user_data_dir() / "slips"
    folder.mkdir(parents=True, exist_ok=True)
    card = records.get_reader(session, reader_id).card
    return "", write_pdf(doc, folder / f"slip-{card}-{clock.now():%Y%m%d-%H%M%S}.pdf")
