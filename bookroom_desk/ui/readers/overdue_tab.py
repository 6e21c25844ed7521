"""Overdue loans (逾期未还) by department or by days late: printed, saved as PDF, exported to Excel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.circulation import overdue
from bookroom_desk.services.common import clock
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.readers.model import RowsModel, button, table_view
from bookroom_desk.ui.readers.reminders_bar import RemindersBar
from bookroom_desk.ui.widgets.format import fmt_date, fmt_int


class OverdueTab(QWidget):
    """The list a volunteer hands round the departments."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lines: list[overdue.OverdueLine] = []
        self.order = QComboBox(self)
        self.order.setObjectName("overdueOrder")
        self.order.addItem(self.tr("按部门"), "department")
        self.order.addItem(self.tr("按逾期天数"), "days")
        self.order.currentIndexChanged.connect(lambda _index: self.refresh())
        self.summary = QLabel(self)
        self.summary.setObjectName("overdueSummary")
        self.print_button = button(self, "printOverdueButton", self.tr("打印…"), self.print_list)
        self.pdf_button = button(self, "overduePdfButton", self.tr("保存为 PDF…"), self.save_pdf)
        self.export_button = button(self, "exportOverdueButton", self.tr("导出 Excel…"), self.export_xlsx)
        self.message = QLabel(self)
        self.message.setObjectName("overdueMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.model = RowsModel([self.tr("部门"), self.tr("姓名"), self.tr("读者证号"), self.tr("手机"), self.tr("条码"),
                                self.tr("书名"), self.tr("应还"), self.tr("逾期（天）")], self)
        self.table = table_view(self, self.model, (110, 70, 80, 100, 80, 220, 90), "overdueTable", stretch=5)
        self.reminders = RemindersBar(ctx, self.say, self)
        tools = QHBoxLayout()
        tools.addWidget(self.order)
        tools.addWidget(self.summary, 1)
        for widget in (self.print_button, self.pdf_button, self.export_button):
            tools.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.reminders)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        with self.ctx.read() as session:
            self.lines = overdue.overdue_loans(session, self.order.currentData())
        self.model.set_rows([[line.department, line.name, line.card, line.phone, line.barcode, line.title, fmt_date(line.due_on),
                              fmt_int(line.days_late)] for line in self.lines])
        self.summary.setText(self.tr("共 {count} 册逾期未还，涉及 {readers} 位读者").format(
            count=fmt_int(len(self.lines)), readers=fmt_int(len({line.reader_id for line in self.lines}))))
        for widget in (self.print_button, self.pdf_button, self.export_button):
            widget.setEnabled(bool(self.lines))
        self.reminders.refresh()

    def _document(self):
        from bookroom_desk.printing.slip import overdue_document

        with self.ctx.read() as session:
            room = room_name(session)
        return overdue_document(room, self.lines, self.order.currentData())

    def print_list(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from bookroom_desk.printing.slip import print_document

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec():
            print_document(self._document(), printer)
            self.say(self.tr("已送往打印机。"))

    def _save_name(self, title: str, suffix: str, pattern: str) -> Path | None:
        default = self.tr("逾期未还{day}").format(day=clock.today().strftime("%Y%m%d")) + suffix
        name, _filter = QFileDialog.getSaveFileName(self, title, default, pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def save_pdf(self) -> None:
        from bookroom_desk.printing.slip import write_pdf

        path = self._save_name(self.tr("保存逾期清单"), ".pdf", self.tr("PDF 文件 (*.pdf)"))
        if path is None:
            return
        document = self._document()
        self.ctx.tasks.run(lambda _progress: write_pdf(document, path), on_done=lambda p: self.say(
            self.tr("已保存 {path}").format(path=str(p))), on_error=self._refused, owner=self)

    def export_xlsx(self) -> None:
        path = self._save_name(self.tr("导出逾期清单"), ".xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return
        order = self.order.currentData()

        def task(_progress) -> int:
            with self.ctx.db.read() as session:
                return overdue.export_xlsx(session, path, order)

        self.ctx.tasks.run(task, on_done=lambda count: self.say(self.tr("已导出 {count} 行到 {path}").format(
            count=fmt_int(count), path=str(path))), on_error=self._refused, owner=self)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")

    def _refused(self, exc: BookroomError) -> None:
        self.say(exc.message, error=True)
