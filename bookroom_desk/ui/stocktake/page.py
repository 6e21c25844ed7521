"""The 盘点 page: start a stocktake, count the shelves, review the results and finish; the 3,000 standard on top."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QStackedWidget, QVBoxLayout, QWidget

from bookroom_desk.services.stocktake import counting as service
from bookroom_desk.services.stocktake.report import write_report
from bookroom_desk.services.stocktake.results import outlook
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.stocktake.counting import CountingView
from bookroom_desk.ui.stocktake.results import ResultsView
from bookroom_desk.ui.stocktake.standard import StandardPanel
from bookroom_desk.ui.stocktake.start import StartView
from bookroom_desk.ui.widgets.page import Page


class StocktakePage(Page):
    """盘点: the open stocktake is counted here, and carries on after any restart."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        heading = QLabel(self.tr("盘点"), self)
        heading.setObjectName("pageHeading")
        self.standard = StandardPanel(self)
        self.status = QLabel(self)
        self.status.setObjectName("stocktakeStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.start_view = StartView(ctx, self)
        self.counting = CountingView(ctx, self)
        self.results = ResultsView(ctx, self)
        self.stack = QStackedWidget(self)
        for view in (self.start_view, self.counting, self.results):
            self.stack.addWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addWidget(heading)
        layout.addWidget(self.standard)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

        self.start_view.started.connect(self.show_counting)
        self.start_view.resultsRequested.connect(self.show_results)
        self.start_view.reportRequested.connect(self.export_report)
        self.start_view.writeOffRequested.connect(self.write_off)
        self.counting.reviewRequested.connect(lambda: self.show_results(self.counting.scanner.stocktake_id))
        self.counting.reportRequested.connect(lambda: self.export_report(self.counting.scanner.stocktake_id))
        self.results.backRequested.connect(self.activated)
        self.results.reportRequested.connect(self.export_report)
        self.results.finished.connect(self._finished)
        ctx.dataChanged.connect(self._data_changed)
        self.activated()

    @property
    def scan_input(self):
        return self.counting.scan_input

    def activated(self) -> None:
        """Show the open stocktake (resumed where it stopped), or the start view and history."""
        with self.ctx.read() as session:
            current = service.open_stocktake(session)
            current_id = current.id if current else None
        if current_id is not None:
            self.show_counting(current_id)
        else:
            self.start_view.refresh()
            self.standard.show()
            self.stack.setCurrentWidget(self.start_view)
            self._show_standard()

    def show_counting(self, stocktake_id: int) -> None:
        self.counting.open(stocktake_id)
        self.standard.show()
        self.stack.setCurrentWidget(self.counting)
        self._show_standard()
        self.counting.scan_input.setFocus()

    def show_results(self, stocktake_id: int) -> None:
        self.results.show_stocktake(stocktake_id)
        self.standard.hide()  # the results show the standard with this stocktake's missing copies
        self.stack.setCurrentWidget(self.results)

    def _show_standard(self) -> None:
        with self.ctx.read() as session:
            self.standard.show_outlook(outlook(session))

    def _data_changed(self) -> None:
        if self.stack.currentWidget() is self.start_view:
            self.start_view.refresh()
        self._show_standard()

    def _finished(self, stocktake_id: int) -> None:
        self.status.setText(self.tr("盘点 #{id} 已结束，处理已应用到藏书记录。").format(id=stocktake_id))
        self.show_results(stocktake_id)

    # --- report and write-off ---

    def choose_report_path(self, stocktake_id: int) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出盘点报告"),
                                              self.tr("盘点报告-{id}.xlsx").format(id=stocktake_id),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        return path

    def export_report(self, stocktake_id: int | None, path: str | None = None) -> None:
        if stocktake_id is None:
            return
        path = path or self.choose_report_path(stocktake_id)
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.status.setText(self.tr("正在导出盘点报告…"))

        def work(progress):
            with self.ctx.db.read() as session:
                return write_report(session, stocktake_id, path, progress)

        self.ctx.tasks.run(work, lambda saved: self.status.setText(self.tr("盘点报告已保存：{path}").format(path=str(saved))),
                           lambda exc: self.status.setText(exc.message), owner=self)

    def write_off(self) -> None:
        from bookroom_desk.ui.stocktake.writeoff import WriteOffDialog

        dialog = WriteOffDialog(self.ctx, self)
        if dialog.exec() and dialog.written_off:
            self.status.setText(self.tr("已核销 {n} 册缺失图书（剔除，原因“盘点缺失”）。").format(n=dialog.written_off))
