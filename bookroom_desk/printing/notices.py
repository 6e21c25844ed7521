"""Reminder letters (催还通知): one per reader, on A4 or A5, each starting on a new page. No widgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from bookroom_desk import files
from bookroom_desk.printing.label_painting import finish_pdf
from bookroom_desk.printing.slip import PDF_RESOLUTION, _font, _row
from bookroom_desk.services.circulation import reminder_sheets as words
from bookroom_desk.services.circulation.reminders import ReaderNotice
from bookroom_desk.services.common import clock
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "reminders"
PAPERS = {"a4": QPageSize.PageSizeId.A4, "a5": QPageSize.PageSizeId.A5}


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def _columns() -> list[tuple[str, float]]:
    return [(_tr(QT_TRANSLATE_NOOP("reminders", "条码")), 0.15), (_tr(QT_TRANSLATE_NOOP("reminders", "书名")), 0.43),
            (_tr(QT_TRANSLATE_NOOP("reminders", "借出")), 0.14), (_tr(QT_TRANSLATE_NOOP("reminders", "应还")), 0.14),
            (_tr(QT_TRANSLATE_NOOP("reminders", "状态")), 0.14)]


def paint_letters(device: QPagedPaintDevice, notices: Sequence[ReaderNotice], contact: words.RoomContact,
                  paper: str = "a4", today: dt.date | None = None) -> int:
    """Paint one letter per reader onto ``device``; a long letter runs over pages. Returns the number of pages."""
    today = today or clock.today()
    device.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    painter = QPainter(device)
    pages = 0
    try:
        area = QRectF(0, 0, painter.viewport().width(), painter.viewport().height())
        scale = 1.0 if paper == "a4" else 0.85
        body, header, title = _font(11 * scale), _font(10 * scale, True), _font(16 * scale, True)
        table = _font(10 * scale)
        line_h = QFontMetricsF(body, device).height() * 1.5
        columns = _columns()
        for number, notice in enumerate(notices):
            if number:
                device.newPage()
            pages += 1
            painter.setPen(QColor("#000000"))
            painter.setFont(title)
            title_h = QFontMetricsF(title, device).height() * 2
            painter.drawText(QRectF(area.left(), area.top(), area.width(), title_h), Qt.AlignmentFlag.AlignCenter,
                             words.heading(notice, contact))
            y = area.top() + title_h + line_h * 0.5
            painter.setFont(body)
            for text in (words.greeting(notice), "　　" + words.body(notice, contact)):
                box = painter.boundingRect(QRectF(area.left(), y, area.width(), area.height()),
                                           int(Qt.TextFlag.TextWordWrap), text)
                painter.drawText(QRectF(area.left(), y, area.width(), box.height()), int(Qt.TextFlag.TextWordWrap), text)
                y += box.height() + line_h * 0.4
            y += line_h * 0.3
            y = _row(painter, area, y, line_h, [h for h, _ in columns], columns, header, False)
            painter.setPen(QPen(QColor("#000000"), max(1.0, line_h / 30)))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            for line in notice.lines:
                if y + line_h > area.bottom() - line_h * 3:
                    device.newPage()
                    pages += 1
                    y = area.top()
                cells = [line.barcode, line.title, words.day(line.out_on), words.day(line.due_on), words.state(line)]
                y = _row(painter, area, y, line_h, cells, columns, table, line.days_late > 0)
            painter.setFont(body)
            painter.setPen(QColor("#000000"))
            painter.drawText(QRectF(area.left(), y + line_h, area.width(), line_h), Qt.AlignmentFlag.AlignRight,
                             words.signature(contact, today))
    finally:
        painter.end()
    return pages


def _list_columns() -> list[tuple[str, float]]:
    return [(_tr(QT_TRANSLATE_NOOP("reminders", "姓名")), 0.1), (_tr(QT_TRANSLATE_NOOP("reminders", "读者证号")), 0.11),
            (_tr(QT_TRANSLATE_NOOP("reminders", "手机")), 0.14), (_tr(QT_TRANSLATE_NOOP("reminders", "条码")), 0.11),
            (_tr(QT_TRANSLATE_NOOP("reminders", "书名")), 0.28), (_tr(QT_TRANSLATE_NOOP("reminders", "应还")), 0.12),
            (_tr(QT_TRANSLATE_NOOP("reminders", "状态")), 0.14)]


def paint_department_lists(device: QPagedPaintDevice, notices: Sequence[ReaderNotice], contact: words.RoomContact,
                           today: dt.date | None = None) -> int:
    """A list per department (each on a new A4 page) with the readers' phones, for the department's contact."""
    today = today or clock.today()
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    painter = QPainter(device)
    pages = 0
    try:
        area = QRectF(0, 0, painter.viewport().width(), painter.viewport().height())
        body, header, title = _font(9), _font(9, True), _font(14, True)
        line_h = QFontMetricsF(body, device).height() * 1.35
        columns = _list_columns()
        for department, group in words.by_department(notices).items():
            rows = [([notice.name, notice.card, notice.phone, line.barcode, line.title, words.day(line.due_on),
                      words.state(line)], line.days_late > 0) for notice in group for line in notice.lines]
            index, first = 0, True
            while first or index < len(rows):
                if pages:
                    device.newPage()
                pages += 1
                y = area.top()
                if first:
                    painter.setFont(title)
                    painter.setPen(QColor("#000000"))
                    title_h = QFontMetricsF(title, device).height() * 1.5
                    painter.drawText(QRectF(area.left(), y, area.width(), title_h), Qt.AlignmentFlag.AlignCenter,
                                     _tr(QT_TRANSLATE_NOOP("reminders", "{room}催还清单：{department}")).format(
                                         room=contact.room, department=department))
                    y += title_h
                    painter.setFont(body)
                    painter.drawText(QRectF(area.left(), y, area.width(), line_h), Qt.AlignmentFlag.AlignVCenter,
                                     _tr(QT_TRANSLATE_NOOP("reminders", "截至 {day}：{readers} 位读者，{books} 册。"
                                                                       "请部门联系人转告以下读者按时还书。")).format(
                                         day=words.day(today), readers=len(group), books=len(rows)))
                    y += line_h * 1.5
                    first = False
                y = _row(painter, area, y, line_h, [h for h, _ in columns], columns, header, False)
                painter.setPen(QPen(QColor("#000000"), max(1.0, line_h / 30)))
                painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
                while index < len(rows) and y + line_h <= area.bottom() - line_h * 2:
                    cells, late = rows[index]
                    y = _row(painter, area, y, line_h, cells, columns, body, late)
                    index += 1
                painter.setFont(body)
                painter.setPen(QColor("#000000"))
                painter.drawText(QRectF(area.left(), area.bottom() - line_h, area.width(), line_h),
                                 Qt.AlignmentFlag.AlignRight, words.signature(contact, today))
    finally:
        painter.end()
    return pages


def write_lists_pdf(notices: Sequence[ReaderNotice], contact: words.RoomContact, path: Path | str,
                    today: dt.date | None = None) -> Path:
    """The departments' lists as one PDF at ``path``, written whole or not at all."""
    target = Path(path)
    with files.atomic_write(target) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(_tr(QT_TRANSLATE_NOOP("reminders", "{room}催还清单")).format(room=contact.room))
        paint_department_lists(writer, notices, contact, today)
        del writer  # closes the file before it is renamed
        finish_pdf(temporary, True)
    return target


def write_letters_pdf(notices: Sequence[ReaderNotice], contact: words.RoomContact, path: Path | str,
                      paper: str = "a4", today: dt.date | None = None) -> Path:
    """The letters as one PDF at ``path``, written whole or not at all."""
    target = Path(path)
    with files.atomic_write(target) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(_tr(QT_TRANSLATE_NOOP("reminders", "{room}催还通知")).format(room=contact.room))
        paint_letters(writer, notices, contact, paper, today)
        del writer  # closes the file before it is renamed
        finish_pdf(temporary, True)
    return target
