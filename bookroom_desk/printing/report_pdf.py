"""A report of the library (services.reporting.library) on A4: saved as a PDF or printed. QtGui only, no widgets.

The heading (the room, the report's title, its period) opens the first page; the header row starts every page; the
total row is bold; the note and the chart follow the table; each page ends with 第 N 页 共 M 页. A table of many
columns goes landscape. A cell too long for its column is cut with …, so nothing runs off the page; the columns
are as wide as what they hold, text columns giving way first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter

from bookroom_desk import files
from bookroom_desk.printing.label_painting import finish_pdf
from bookroom_desk.printing.report_values import NUMERIC, cell_text, number
from bookroom_desk.printing.slip import PDF_RESOLUTION, _font, _wrap
from bookroom_desk.services.reporting.library import DATE, LINE, PIE, ReportTable
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "report_pdf"
PORTRAIT_COLUMNS = 6  # more columns than this go landscape
MOST_IN_CHART = 20  # the chart draws the first rows only
COLOURS = [QColor(c) for c in ("#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a", "#c62828", "#00838f", "#9e9d24",
                                "#4e342e")]
BLACK, GREY, SHADE = QColor("#000000"), QColor("#9e9e9e"), QColor("#eeeeee")

Op = Callable[[QPainter], None]


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def is_landscape(table: ReportTable) -> bool:
    return len(table.columns) > PORTRAIT_COLUMNS


def heading_lines(table: ReportTable, room_name: str) -> tuple[str, str]:
    """The title and the line under it: the room and the period."""
    dates = {"start": table.period.start.isoformat(), "end": table.period.end.isoformat()}
    if room_name:
        return table.title, _tr(QT_TRANSLATE_NOOP("report_pdf", "{room}　统计期间：{start} 至 {end}")).format(
            room=room_name, **dates)
    return table.title, _tr(QT_TRANSLATE_NOOP("report_pdf", "统计期间：{start} 至 {end}")).format(**dates)


def page_footer(page: int, pages: int) -> str:
    return _tr(QT_TRANSLATE_NOOP("report_pdf", "第 {page} 页 共 {pages} 页")).format(page=page, pages=pages)


def paint_pages(device: QPagedPaintDevice, painter: QPainter, pages: list[list[Op]], area: QRectF, font: QFont,
                line_h: float, footer: Callable[[int, int], str]) -> None:
    """Each page's painting steps, a new page between them, and ``footer(page, pages)`` centred at its foot."""
    for page, ops in enumerate(pages, 1):
        if page > 1:
            device.newPage()
        for op in ops:
            op(painter)
        painter.setFont(font)
        painter.setPen(BLACK)
        painter.drawText(QRectF(area.left(), area.bottom() - line_h, area.width(), line_h),
                         int(Qt.AlignmentFlag.AlignCenter), footer(page, len(pages)))


def column_widths(table: ReportTable, metrics: QFontMetricsF, bold: QFontMetricsF, width: float,
                  pad: float) -> list[float]:
    """Each column's width on a line ``width`` wide: what its cells need; when they need more than there is,
    the numbers and dates keep theirs and the text columns share the rest."""
    needed = []
    sample = table.rows[:400] + ([table.total] if table.total else [])
    for i, column in enumerate(table.columns):
        words = column.title.split() or [column.title]
        header = max(max(bold.horizontalAdvance(w) for w in words), bold.horizontalAdvance(column.title) / 2)
        cells = max((bold.horizontalAdvance(cell_text(column.kind, row[i])) for row in sample), default=0.0)
        needed.append(max(header, cells, metrics.horizontalAdvance("00")) + pad)
    total = sum(needed)
    if total <= width:
        return [w * width / total for w in needed]
    fixed = NUMERIC | {DATE}
    numeric = sum(w for w, c in zip(needed, table.columns) if c.kind in fixed)
    text = total - numeric
    if text == 0 or numeric >= width * 0.7:
        return [w * width / total for w in needed]
    share = (width - numeric) / text
    return [w if c.kind in fixed else w * share for w, c in zip(needed, table.columns)]


class _Pages:
    """The report laid out page by page as painting steps, so the number of pages is known before painting."""

    def __init__(self, device: QPagedPaintDevice, area: QRectF, table: ReportTable, room_name: str) -> None:
        self.device, self.area, self.table = device, area, table
        self.body, self.bold, self.title = _font(9), _font(9, True), _font(15, True)
        self.metrics, self.bold_metrics = QFontMetricsF(self.body, device), QFontMetricsF(self.bold, device)
        self.line_h = self.metrics.height() * 1.45
        self.pad = self.line_h * 0.5
        self.bottom = area.bottom() - self.line_h * 1.5  # the page number below
        self.widths = column_widths(table, self.metrics, self.bold_metrics, area.width(), self.pad)
        self.pages: list[list[Op]] = []
        self.y = 0.0
        self._new_page()
        self._heading(*heading_lines(table, room_name))

    def _new_page(self) -> None:
        self.pages.append([])
        self.y = self.area.top()

    def _add(self, op: Op) -> None:
        self.pages[-1].append(op)

    def _text(self, rect: QRectF, flags: int, text: str, font: QFont, colour: QColor = BLACK) -> Op:
        def op(painter: QPainter) -> None:
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(rect, flags, text)
        return op

    def _heading(self, title: str, line: str) -> None:
        title_metrics = QFontMetricsF(self.title, self.device)
        for text in _wrap(title, title_metrics, self.area.width()):
            height = title_metrics.height() * 1.3
            self._add(self._text(QRectF(self.area.left(), self.y, self.area.width(), height),
                                 int(Qt.AlignmentFlag.AlignCenter), text, self.title))
            self.y += height
        for text in _wrap(line, self.metrics, self.area.width()):
            self._add(self._text(QRectF(self.area.left(), self.y, self.area.width(), self.line_h),
                                 int(Qt.AlignmentFlag.AlignCenter), text, self.body))
            self.y += self.line_h
        self.y += self.line_h * 0.5

    # --- the table -----------------------------------------------------------------------------

    def _header_lines(self) -> list[list[str]]:
        out = []
        for column, width in zip(self.table.columns, self.widths):
            lines = _wrap(column.title, self.bold_metrics, width - self.pad)
            if len(lines) > 2:
                lines = [lines[0], self.bold_metrics.elidedText(" ".join(lines[1:]), Qt.TextElideMode.ElideRight,
                                                                width - self.pad)]
            out.append(lines)
        return out

    def _header(self) -> None:
        lines = self._header_lines()
        height = self.line_h * max((len(cell) for cell in lines), default=1)
        y, x = self.y, self.area.left()
        for column, width, cell in zip(self.table.columns, self.widths, lines):
            align = Qt.AlignmentFlag.AlignRight if column.kind in NUMERIC else Qt.AlignmentFlag.AlignLeft
            rect = QRectF(x + self.pad / 2, y, width - self.pad, height)
            self._add(self._text(rect, int(align | Qt.AlignmentFlag.AlignVCenter), "\n".join(cell), self.bold))
            x += width
        self.y += height
        self._rule(self.y, 1.0)

    def _rule(self, y: float, weight: float) -> None:
        left, right, thick = self.area.left(), self.area.right(), max(1.0, self.line_h / 30) * weight

        def op(painter: QPainter) -> None:
            painter.setPen(QPen(BLACK, thick))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
        self._add(op)

    def _row(self, row: tuple, bold: bool) -> None:
        font, metrics = (self.bold, self.bold_metrics) if bold else (self.body, self.metrics)
        x = self.area.left()
        for column, width, value in zip(self.table.columns, self.widths, row):
            shown = metrics.elidedText(cell_text(column.kind, value), Qt.TextElideMode.ElideRight, width - self.pad)
            align = Qt.AlignmentFlag.AlignRight if column.kind in NUMERIC else Qt.AlignmentFlag.AlignLeft
            rect = QRectF(x + self.pad / 2, self.y, width - self.pad, self.line_h)
            self._add(self._text(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown, font))
            x += width
        self.y += self.line_h

    def table_rows(self) -> None:
        self._header()
        rows = [(row, False) for row in self.table.rows] + ([(self.table.total, True)] if self.table.total else [])
        for row, total in rows:
            if self.y + self.line_h > self.bottom:
                self._new_page()
                self._header()
            if total:
                self._rule(self.y, 0.6)
            self._row(row, total)

    # --- after the table -----------------------------------------------------------------------

    def note(self) -> None:
        if not self.table.note:
            return
        self.y += self.line_h * 0.5
        for text in _wrap(self.table.note, self.metrics, self.area.width()):
            if self.y + self.line_h > self.bottom:
                self._new_page()
            self._add(self._text(QRectF(self.area.left(), self.y, self.area.width(), self.line_h),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text, self.body))
            self.y += self.line_h

    def chart(self) -> None:
        chart, table = self.table.chart, self.table
        if chart is None or not table.rows:
            return
        height = min(self.area.height() * 0.45, self.line_h * 24)
        if self.y + self.line_h + height > self.bottom:
            self._new_page()
        self.y += self.line_h * 0.5
        title = chart.title or table.title
        self._add(self._text(QRectF(self.area.left(), self.y, self.area.width(), self.line_h),
                             int(Qt.AlignmentFlag.AlignCenter), title, self.bold))
        self.y += self.line_h
        rows = table.rows[:MOST_IN_CHART]
        label = table.column(chart.label)
        keys = [table.column(key) for key in chart.values]
        labels = [cell_text(table.columns[label].kind, row[label]) for row in rows]
        series = [(table.columns[k].title, [number(row[k]) for row in rows]) for k in keys]
        box = QRectF(self.area.left(), self.y, self.area.width(), height - self.line_h)
        painter = {PIE: self._pie, LINE: self._line}.get(chart.kind, self._bars)
        self._add(painter(box, labels, series))
        self.y += height

    def _legend(self, painter: QPainter, x: float, y: float, names: list[str]) -> None:
        painter.setFont(self.body)
        for i, name in enumerate(names):
            painter.fillRect(QRectF(x, y + self.line_h * 0.25, self.line_h * 0.5, self.line_h * 0.5),
                             COLOURS[i % len(COLOURS)])
            painter.setPen(BLACK)
            text_x = x + self.line_h * 0.7
            painter.drawText(QPointF(text_x, y + self.line_h * 0.5 + self.metrics.ascent() / 2), name)
            x = text_x + self.metrics.horizontalAdvance(name) + self.line_h

    def _bars(self, box: QRectF, labels: list[str], series: list[tuple[str, list[float]]]) -> Op:
        """Horizontal bars, one group a row, the label at the left and each value at its bar's end."""
        def op(painter: QPainter) -> None:
            top = max([v for _, values in series for v in values] + [0.0]) or 1.0
            label_w = box.width() * 0.25
            value_w = self.metrics.horizontalAdvance("0000000.00")
            room = box.width() - label_w - value_w
            legend_h = self.line_h if len(series) > 1 else 0.0
            step = (box.height() - legend_h) / max(1, len(labels))
            bar_h = min(self.line_h, step * 0.8 / len(series))
            painter.setFont(self.body)
            for i, text in enumerate(labels):
                y = box.top() + i * step
                painter.setPen(BLACK)
                shown = self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, label_w - self.pad)
                painter.drawText(QRectF(box.left(), y, label_w - self.pad, step), int(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), shown)
                group_top = y + (step - bar_h * len(series)) / 2
                for s, (_, values) in enumerate(series):
                    length = room * values[i] / top
                    bar = QRectF(box.left() + label_w, group_top + s * bar_h, length, bar_h * 0.9)
                    painter.fillRect(bar, COLOURS[s % len(COLOURS)])
                    painter.setPen(BLACK)
                    painter.drawText(QRectF(bar.right() + self.pad / 2, bar.top(), value_w, bar.height()),
                                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), _num(values[i]))
            if legend_h:
                self._legend(painter, box.left() + label_w, box.bottom() - legend_h, [name for name, _ in series])
        return op

    def _line(self, box: QRectF, labels: list[str], series: list[tuple[str, list[float]]]) -> Op:
        """Lines over the rows in order, a point and its value at each row, the labels under the axis."""
        def op(painter: QPainter) -> None:
            top = max([v for _, values in series for v in values] + [0.0]) or 1.0
            plot = QRectF(box.left() + self.pad * 4, box.top() + self.line_h,
                          box.width() - self.pad * 6, box.height() - self.line_h * 3.5)
            painter.setPen(QPen(GREY, 1))
            painter.drawLine(plot.bottomLeft(), plot.bottomRight())
            painter.drawLine(plot.bottomLeft(), plot.topLeft())
            count = len(labels)
            step = plot.width() / max(1, count - 1) if count > 1 else 0.0
            every = max(1, math.ceil(self.metrics.horizontalAdvance("0000-00-00") * 1.2 / step)) if step else 1
            painter.setFont(self.body)
            for i, text in enumerate(labels):
                if i % every == 0:
                    x = plot.left() + i * step
                    shown = self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(step * every, self.pad * 4))
                    painter.setPen(BLACK)
                    painter.drawText(QRectF(x - step * every / 2, plot.bottom() + 2, step * every or plot.width(),
                                            self.line_h), int(Qt.AlignmentFlag.AlignHCenter), shown)
            for s, (_, values) in enumerate(series):
                points = [QPointF(plot.left() + i * step, plot.bottom() - plot.height() * v / top)
                          for i, v in enumerate(values)]
                painter.setPen(QPen(COLOURS[s % len(COLOURS)], max(1.0, self.line_h / 12)))
                for a, b in zip(points, points[1:]):
                    painter.drawLine(a, b)
                for point, value in zip(points, values):
                    painter.drawEllipse(point, self.line_h / 8, self.line_h / 8)
                    painter.drawText(QPointF(point.x() - self.pad, point.y() - self.line_h / 4), _num(value))
            self._legend(painter, plot.left(), box.bottom() - self.line_h, [name for name, _ in series])
        return op

    def _pie(self, box: QRectF, labels: list[str], series: list[tuple[str, list[float]]]) -> Op:
        """A pie of the first value column, its legend beside it: each label, value and share."""
        def op(painter: QPainter) -> None:
            values = series[0][1] if series else []
            whole = sum(v for v in values if v > 0) or 1.0
            side = min(box.height(), box.width() * 0.45)
            pie = QRectF(box.left() + box.width() * 0.05, box.top(), side, side)
            start = 90 * 16
            legend_x = pie.right() + self.line_h
            step = min(self.line_h, box.height() / max(1, len(values)))
            painter.setFont(self.body)
            for i, (text, value) in enumerate(zip(labels, values)):
                colour = COLOURS[i % len(COLOURS)]
                span = round(-360 * 16 * max(0.0, value) / whole)
                painter.setPen(QPen(QColor("#ffffff"), 1))
                painter.setBrush(colour)
                painter.drawPie(pie, start, span)
                start += span
                y = box.top() + i * step
                painter.fillRect(QRectF(legend_x, y + step * 0.25, step * 0.5, step * 0.5), colour)
                line = _tr(QT_TRANSLATE_NOOP("report_pdf", "{label}　{value}（{share}%）")).format(
                    label=text, value=_num(value), share=f"{value / whole * 100:.1f}")
                width = box.right() - legend_x - step
                painter.setPen(BLACK)
                painter.drawText(QRectF(legend_x + step * 0.7, y, width, step),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 self.metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        return op


def _num(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def paint_report(device: QPagedPaintDevice, table: ReportTable, room_name: str) -> int:
    """Paint ``table`` onto ``device`` (a PDF writer or a printer); returns the number of pages."""
    orientation = QPageLayout.Orientation.Landscape if is_landscape(table) else QPageLayout.Orientation.Portrait
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint the report")
    try:
        area = QRectF(0, 0, painter.viewport().width(), painter.viewport().height())
        pages = _Pages(device, area, table, room_name)
        pages.table_rows()
        pages.note()
        pages.chart()
        paint_pages(device, painter, pages.pages, area, pages.body, pages.line_h, page_footer)
    finally:
        painter.end()
    return len(pages.pages)


def write_report_pdf(table: ReportTable, path: Path | str, room_name: str) -> Path:
    """``table`` as a PDF at ``path``, written whole or not at all."""
    target = Path(path)
    with files.atomic_write(target) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(table.title)
        paint_report(writer, table, room_name)
        del writer  # closes the file before it is renamed
        finish_pdf(temporary, True)
    return target


def print_report(table: ReportTable, printer: QPrinter, room_name: str) -> int:
    """Print ``table`` on a printer set up by the system's print dialog; returns the number of pages."""
    return paint_report(printer, table, room_name)
