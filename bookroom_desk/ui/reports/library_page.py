"""报表库, a tab of the 统计报表 page: the report library (services.reporting.report_list) for the page's period.

The reports are listed by group on the left; the chosen one runs off the GUI thread for the period and its
options, and its table, note and chart are shown; an answer for an earlier choice is dropped. It runs only while
the tab is shown: a change while it is hidden is run when the tab is next opened.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.reporting import report_list
from bookroom_desk.services.reporting.library import Report, ReportTable, tr
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.reports.charts import ChartView
from bookroom_desk.ui.reports.period_chooser import PeriodChooser
from bookroom_desk.ui.reports.report_table import ReportTableModel, report_chart
from bookroom_desk.ui.widgets.columns import fit_columns, refit_columns

NAME_ROLE = Qt.ItemDataRole.UserRole


def file_stem(table: ReportTable) -> str:
    """A file name for the table: its title and period, without characters file systems refuse."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", f"{table.title}-{table.period.label}").strip("_")


# How many rows the columns' widths are measured over.
FIT_ROWS = 60


class ReportLibrary(QWidget):
    """报表库: choose a report (the period is the page's ``chooser``); see, print, or save its table."""

    def __init__(self, ctx: AppContext, chooser: PeriodChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chooser = chooser
        self._request = 0  # the latest table asked for; older answers are dropped
        self._stale = True
        self.table: ReportTable | None = None
        self.option_boxes: dict[str, QSpinBox | QCheckBox] = {}
        self.list = QTreeWidget(self)
        self.list.setObjectName("reportList")
        self.list.setHeaderHidden(True)
        self.list.setMinimumWidth(170)
        self.title = QLabel(self)
        self.title.setObjectName("reportTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.about = QLabel(self)
        self.about.setObjectName("reportAbout")
        self.about.setWordWrap(True)
        self.options_row = QHBoxLayout()
        self.options_row.setContentsMargins(0, 0, 0, 0)
        self.print_button = self._button("printReportButton", self.tr("打印…"), self.print_table)
        self.pdf_button = self._button("pdfReportButton", self.tr("存为 PDF…"), self.save_pdf)
        self.excel_button = self._button("excelReportButton", self.tr("导出 Excel…"), self.export_excel)
        self.model = ReportTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("reportTable")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setMinimumHeight(120)
        # The columns fit their text, the first (the names) takes the room left and the table never scrolls
        # sideways (ui.widgets.columns); widths from the top rows only, so a long ledger's refit stays quick.
        fit_columns(self.view, 0, measured=FIT_ROWS)
        self.note = QLabel(self)
        self.note.setObjectName("reportNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = ChartView("reportChart", self)
        self.chart.setMinimumHeight(150)
        self.status = QLabel(self)
        self.status.setObjectName("libraryStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self._fill_list()

        tools = QHBoxLayout()
        tools.addLayout(self.options_row)
        tools.addStretch(1)
        for button in (self.print_button, self.pdf_button, self.excel_button):
            tools.addWidget(button)
        shown = QSplitter(Qt.Orientation.Vertical, self)
        shown.setObjectName("reportSplitter")
        shown.setChildrenCollapsible(False)
        table_box = QWidget(shown)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.view, 1)
        table_layout.addWidget(self.note)
        shown.addWidget(table_box)
        shown.addWidget(self.chart)
        shown.setStretchFactor(0, 3)
        shown.setStretchFactor(1, 2)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.about)
        right_layout.addLayout(tools)
        right_layout.addWidget(shown, 1)
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        sides.setChildrenCollapsible(False)
        sides.addWidget(self.list)
        sides.addWidget(right)
        sides.setStretchFactor(1, 1)
        sides.setSizes([200, 650])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(sides, 1)
        layout.addWidget(self.status)
        self._enable_output(False)
        self.chooser.periodChanged.connect(lambda _period: self._data_changed())
        self.list.currentItemChanged.connect(lambda _now, _before: self._report_chosen())
        ctx.dataChanged.connect(self._data_changed)
        first = self.list.topLevelItem(0)
        if first is not None and first.childCount():
            self.list.setCurrentItem(first.child(0))  # type: ignore[arg-type]

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _fill_list(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        for report in report_list.reports():
            group = tr(report.group) if report.group else self.tr("其他")
            parent = groups.get(group)
            if parent is None:
                parent = groups[group] = QTreeWidgetItem(self.list, [group])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                parent.setExpanded(True)
            item = QTreeWidgetItem(parent, [tr(report.title)])
            item.setData(0, NAME_ROLE, report.name)
            self._items[report.name] = item
            item.setToolTip(0, tr(report.about))

    # --- choosing --------------------------------------------------------------------------------

    def report(self) -> Report | None:
        item = self.list.currentItem()
        name = item.data(0, NAME_ROLE) if item is not None else None
        return report_list.find(name) if name else None

    def choose(self, name: str) -> None:
        """Choose the report called ``name`` in the list."""
        self.list.setCurrentItem(self._items[name])

    def _report_chosen(self) -> None:
        report = self.report()
        self.title.setText(tr(report.title) if report else "")
        self.about.setText(tr(report.about) if report else "")
        self._build_options(report)
        self._data_changed()

    def _build_options(self, report: Report | None) -> None:
        while self.options_row.count():
            item = self.options_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.option_boxes = {}
        for name, default in (report.options if report else {}).items():
            box: QSpinBox | QCheckBox
            if isinstance(default, bool):
                box = check = QCheckBox(self.option_label(name), self)
                check.setChecked(default)
                check.toggled.connect(lambda _on: self.refresh())
            elif isinstance(default, int):
                self.options_row.addWidget(QLabel(self.option_label(name), self))
                box = QSpinBox(self)
                box.setRange(min(1, default), max(1000, default * 10))
                box.setValue(default)
                box.setKeyboardTracking(False)  # run once the number is typed, not at every digit
                box.valueChanged.connect(lambda _value: self.refresh())
            else:
                continue
            box.setObjectName(f"option_{name}")
            self.options_row.addWidget(box)
            self.option_boxes[name] = box

    def option_label(self, name: str) -> str:
        labels = {"years": self.tr("年数："), "top": self.tr("列出前："), "days": self.tr("天数："),
                  "limit": self.tr("最多："), "months": self.tr("月数：")}
        return labels.get(name, f"{name}：")

    def options(self) -> dict[str, Any]:
        return {name: box.isChecked() if isinstance(box, QCheckBox) else box.value()
                for name, box in self.option_boxes.items()}

    # --- running ---------------------------------------------------------------------------------

    def activated(self) -> None:
        if self._stale:
            self.refresh()

    def _data_changed(self) -> None:
        """Run again now when the page is shown, else when it is next opened."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Run the chosen report for the chosen period and options off the GUI thread, then show it."""
        self._request += 1
        request = self._request
        self._enable_output(False)
        report, period = self.report(), self.chooser.period()
        if report is None:
            return
        if period is None:
            self.status.setText(self.tr("结束日期不能早于开始日期。"))
            return
        self._stale = False
        options = self.options()
        self.status.setText(self.tr("正在生成“{title}”…").format(title=tr(report.title)))

        def work(_progress):
            with self.ctx.read() as session:
                return report_list.run(session, report.name, period, **options)

        self.ctx.tasks.run(work, on_done=lambda table: self._show(request, table),
                           on_error=lambda exc: self._failed(request, exc), owner=self)

    def _show(self, request: int, table: ReportTable) -> None:
        if request != self._request:
            return  # the choice changed while it ran
        self.table = table
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.show_table(table)
        refit_columns(self.view)
        self.note.setText(table.note)
        self.note.setVisible(bool(table.note))
        chart = report_chart(table)
        self.chart.setVisible(chart is not None)
        if chart is not None:
            self.chart.show_chart(chart)
        self.status.setText(self.tr("{title}：{start} 至 {end}，{rows} 行").format(
            title=table.title, start=table.period.start.isoformat(), end=table.period.end.isoformat(),
            rows=len(table.rows)))
        self._enable_output(True)

    def _failed(self, request: int, exc: BookroomError) -> None:
        if request == self._request:
            self.status.setText(exc.message)

    def _enable_output(self, enabled: bool) -> None:
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(enabled)
        self.excel_button.setEnabled(enabled)

    # --- printing and saving ---------------------------------------------------------------------------

    def _room(self) -> str:
        with self.ctx.read() as session:
            return room_name(session)

    def ask_save_path(self, title: str, suggested: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, pattern)
        return path

    def _save_path(self, title: str, suffix: str, pattern: str) -> Path | None:
        assert self.table is not None
        name = self.ask_save_path(title, str(Path.home() / (file_stem(self.table) + suffix)), pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def ask_printer(self):
        """A printer set up by the system's print dialog, or None when it is cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return printer if QPrintDialog(printer, self).exec() else None

    def print_table(self) -> None:
        from bookroom_desk.printing.report_pdf import print_report

        if self.table is None:
            return
        table, printer = self.table, self.ask_printer()
        if printer is None:
            return
        room = self._room()
        # QPainter may paint a QPrinter on another thread: a long table's pages don't hold up the window.
        self.ctx.tasks.run(lambda _progress: print_report(table, printer, room), on_done=lambda pages: (
            self.status.setText(self.tr("已送往打印机：{pages} 页。").format(pages=pages))),
            on_error=self._say_error, owner=self)

    def save_pdf(self) -> None:
        from bookroom_desk.printing.report_pdf import write_report_pdf

        table = self.table
        path = self._save_path(self.tr("存为 PDF"), ".pdf", self.tr("PDF 文件 (*.pdf)")) if table else None
        if table is None or path is None:
            return

        def work(_progress):
            with self.ctx.read() as session:
                room = room_name(session)
            return write_report_pdf(table, path, room)

        self.ctx.tasks.run(work, on_done=self._saved, on_error=self._say_error, owner=self)

    def export_excel(self) -> None:
        table = self.table
        if table is None:
            return
        path = self._save_path(self.tr("导出 Excel"), ".xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return

        def work(_progress):
            # openpyxl is imported here, off the GUI thread: imported when the table was shown, it held it 0.2 s.
            from bookroom_desk.services.reporting.report_xlsx import write_report_xlsx

            with self.ctx.read() as session:
                room = room_name(session)
            return write_report_xlsx(table, path, room)

        self.ctx.tasks.run(work, on_done=self._saved, on_error=self._say_error, owner=self)

    def _saved(self, path) -> None:
        self.status.setText(self.tr("已保存 {path}").format(path=str(path)))

    def _say_error(self, exc: BookroomError) -> None:
        self.status.setText(exc.message)
