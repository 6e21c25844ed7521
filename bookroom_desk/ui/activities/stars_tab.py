"""阅读之星: the readers who borrowed most in a period; shown and printed here only, never in a return."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from bookroom_desk.services.roomwork import stars
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.ui.activities.common import PeriodPicker, fill_table, make_table
from bookroom_desk.ui.context import AppContext


class StarsTab(QWidget):
    """Top borrowers of a year or quarter, optionally of one department, printable as a list."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stars: list[stars.Star] = []
        self.picker = PeriodPicker("stars", self)
        self.picker.connect(self.refresh)
        self.limit = QSpinBox(self)
        self.limit.setObjectName("starsLimit")
        self.limit.setRange(1, 100)
        self.limit.setValue(10)
        self.limit.valueChanged.connect(lambda _v: self.refresh())
        self.department = QComboBox(self)
        self.department.setObjectName("starsDepartment")
        self.department.currentIndexChanged.connect(lambda _i: self.refresh())
        self.note = QLabel(self.tr("阅读之星用于本书屋奖励读书成才职工，只在本程序内显示和打印，不写入统计报表。"), self)
        self.note.setWordWrap(True)
        self.table = make_table(self, "starsTable", [self.tr("名次"), self.tr("姓名"), self.tr("部门"),
                                                     self.tr("读者证号"), self.tr("借阅（册次）"), self.tr("借阅（种）")])
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setObjectName("printStarsButton")
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button = QPushButton(self.tr("保存为 PDF…"), self)
        self.pdf_button.setObjectName("starsPdfButton")
        self.pdf_button.clicked.connect(self.choose_pdf)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("期间"), self))
        tools.addWidget(self.picker)
        tools.addWidget(QLabel(self.tr("前"), self))
        tools.addWidget(self.limit)
        tools.addWidget(QLabel(self.tr("名"), self))
        tools.addWidget(self.department)
        tools.addStretch(1)
        tools.addWidget(self.print_button)
        tools.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        with self.ctx.read() as session:
            chosen = self.department.currentData()
            self.department.blockSignals(True)  # refill without recounting for each item
            self.department.clear()
            self.department.addItem(self.tr("全部部门"), None)
            for name in stars.departments(session):
                self.department.addItem(name, name)
            self.department.setCurrentIndex(max(0, self.department.findData(chosen)))
            self.department.blockSignals(False)
            self.stars = stars.reading_stars(session, self.picker.period(), self.limit.value(),
                                                     self.department.currentData())
            self.room = room_name(session)
        fill_table(self.table, [(s.rank, s.name, s.department, s.card, s.loans, s.titles) for s in self.stars])

    def document(self) -> QTextDocument:
        period = self.picker.period()
        heading = self.tr("{room}阅读之星（{period}）").format(room=self.room, period=period.label)
        cells = "".join(f"<th>{html.escape(self.table.horizontalHeaderItem(c).text())}</th>"
                        for c in range(self.table.columnCount()))
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in
                                        (s.rank, s.name, s.department, s.card, s.loans, s.titles)) + "</tr>"
                       for s in self.stars)
        doc = QTextDocument(self)
        doc.setHtml(f"<h2>{html.escape(heading)}</h2><table border='1' cellspacing='0' cellpadding='4'>"
                    f"<tr>{cells}</tr>{body}</table>")
        return doc

    def save_pdf(self, path: Path) -> Path:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setOutputFileName(str(path))
        self.document().print_(printer)
        return path

    def choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存为 PDF"), self.tr("阅读之星.pdf"), "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def print_list(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)
