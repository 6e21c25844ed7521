"""The 统计报表 page: the period's figures and charts, the Excel return, and consolidation of many rooms (统计概览);
the report library for the same period (报表库, ui/reports/library_page.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting import filing
from bookroom_desk.services.reporting.consolidation import consolidate_files
from bookroom_desk.services.reporting.filing_format import ReturnData
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.reports.dashboard import Dashboard
from bookroom_desk.ui.reports.library_page import ReportLibrary
from bookroom_desk.ui.reports.period_chooser import PeriodChooser
from bookroom_desk.ui.widgets.format import fmt_date
from bookroom_desk.ui.widgets.page import Page


class ReportsPage(Page):
    """统计报表: figures from history for a chosen period, the same ones the return writes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._request = 0  # the latest figures asked for; older answers are dropped
        self._stale = True
        self.last_file: Path | None = None
        heading = QLabel(self.tr("统计报表"), self)
        heading.setObjectName("pageHeading")
        self.chooser = PeriodChooser(self)
        self.chooser.setObjectName("periodChooser")
        self.export_button = self._button("exportButton", self.tr("导出统计报表…"), self.export_return)
        # The return's list of every new copy is an appendix: many pages a union may not want printed.
        self.appendix_box = QCheckBox(self.tr("附新增图书清单"), self)
        self.appendix_box.setObjectName("returnAppendix")
        self.appendix_box.setChecked(True)
        self.appendix_box.setToolTip(self.tr("在报表末尾附上本期新增图书的逐册清单；不附时报表只有按来源的汇总"))
        self.consolidate_files_button = self._button("consolidateFilesButton", self.tr("汇总报表文件…"),
                                                     self.consolidate_chosen_files)
        self.consolidate_folder_button = self._button("consolidateFolderButton", self.tr("汇总文件夹…"),
                                                      self.consolidate_chosen_folder)
        self.open_button = self._button("openButton", self.tr("在表格程序中打开"), self.open_last_file)
        self.open_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reportsProgress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("reportsStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label = QLabel(self.tr("未计入汇总的文件："), self)
        self.problems_label.hide()
        self.problems = QListWidget(self)
        self.problems.setObjectName("consolidationProblems")
        self.problems.setMaximumHeight(110)
        self.problems.hide()
        self.dashboard = Dashboard(self)
        scroll = QScrollArea(self)
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.dashboard)
        # The period beside the heading, the buttons in a row of their own: room for longer translations.
        head = QHBoxLayout()
        head.addWidget(heading)
        head.addStretch(1)
        head.addWidget(self.chooser)
        top = QHBoxLayout()
        top.addStretch(1)
        for widget in (self.appendix_box, self.export_button, self.consolidate_files_button,
                       self.consolidate_folder_button, self.open_button):
            top.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        overview = QWidget(self)
        overview_layout = QVBoxLayout(overview)
        overview_layout.setContentsMargins(0, 8, 0, 0)
        overview_layout.addLayout(top)
        overview_layout.addWidget(scroll, 1)
        overview_layout.addWidget(self.problems_label)
        overview_layout.addWidget(self.problems)
        overview_layout.addLayout(bottom)
        self.library = ReportLibrary(ctx, self.chooser, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reportsTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(overview, self.tr("统计概览"))
        self.tabs.addTab(self.library, self.tr("报表库"))
        self.tabs.currentChanged.connect(lambda _index: self._tab_shown())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.chooser.periodChanged.connect(lambda _period: self.refresh())
        ctx.dataChanged.connect(self._data_changed)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # --- the figures ---------------------------------------------------------------------

    def activated(self) -> None:
        if self._stale:
            self.refresh()
        self._tab_shown()

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.library:
            self.library.activated()

    def _data_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def period(self) -> Period | None:
        return self.chooser.period()

    def refresh(self) -> None:
        """Count the chosen period's figures off the GUI thread, then show them."""
        period = self.period()
        if period is None:
            self.status.setText(self.tr("结束日期不能早于开始日期。"))
            return
        self._stale = False
        self._request += 1
        request = self._request
        self.status.setText(self.tr("正在统计 {start} 至 {end}…").format(start=fmt_date(period.start),
                                                                     end=fmt_date(period.end)))

        def work(progress):
            with self.ctx.read() as session:
                return filing.collect(session, period, progress)

        self.ctx.tasks.run(work, on_done=lambda found: self._show(request, found), on_error=self._failed, owner=self)

    def _show(self, request: int, data: ReturnData) -> None:
        if request != self._request:
            return
        self.dashboard.show_data(data)
        self.status.setText(self.tr("{room}：{start} 至 {end}").format(
            room=data.room, start=fmt_date(data.period.start), end=fmt_date(data.period.end)))

    # --- the return --------------------------------------------------------------------------

    def ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存统计报表"), suggested, self.tr("Excel 工作簿 (*.xlsx)"))
        return path

    def export_return(self) -> None:
        period = self.period()
        if period is None:
            return
        with self.ctx.read() as session:
            room = room_name(session)
        path = self.ask_save_path(str(Path.home() / filing.default_file_name(room, period)))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"

        appendix = self.appendix_box.isChecked()

        def work(progress):
            with self.ctx.read() as session:
                return filing.write_return(session, period, path, progress, appendix=appendix)

        self._run(work, lambda written: self._written(written, self.tr("已生成统计报表：{path}").format(path=written)))

    # --- consolidation -------------------------------------------------------------------------

    def ask_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择各书屋的统计报表"), str(Path.home()),
                                                self.tr("Excel 工作簿 (*.xlsx)"))
        return files

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("选择存放统计报表的文件夹"), str(Path.home()))

    def ask_consolidation_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存汇总表"), suggested, self.tr("Excel 工作簿 (*.xlsx)"))
        return path

    def consolidate_chosen_files(self) -> None:
        files = self.ask_files()
        if files:
            self._consolidate([Path(f) for f in files], Path(files[0]).parent)

    def consolidate_chosen_folder(self) -> None:
        folder = self.ask_folder()
        if folder:
            self._consolidate([Path(folder)], Path(folder))

    def _consolidate(self, sources: list[Path], near: Path) -> None:
        from bookroom_desk.services.reporting.consolidation_sheets import default_file_name

        period = self.period()
        path = self.ask_consolidation_path(str(near / default_file_name(period))) if period else ""
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        # The period chosen on the page is the one consolidated; returns of others are reported.
        self._run(lambda progress: consolidate_files(sources, path, period, progress), self._consolidated)

    def _consolidated(self, outcome) -> None:
        result, path = outcome
        self.problems.clear()
        for problem in result.problems:
            self.problems.addItem(self.tr("{file}：{reason}").format(file=problem.path.name, reason=problem.reason))
        self.problems.setVisible(bool(result.problems))
        self.problems_label.setVisible(bool(result.problems))
        self._written(path, self.tr("已汇总 {rooms} 个书屋，{problems} 个文件有问题：{path}").format(
            rooms=len(result.returns), problems=len(result.problems), path=path))

    # --- shared -----------------------------------------------------------------------------

    def _run(self, work, done) -> None:
        self._busy(True)
        self.ctx.tasks.run(work, on_done=lambda result: (self._busy(False), done(result)), on_error=self._failed,
                           on_progress=self._progress, owner=self, on_failure=lambda: self._busy(False))

    def _busy(self, busy: bool) -> None:
        for button in (self.export_button, self.consolidate_files_button, self.consolidate_folder_button):
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _written(self, path, message: str) -> None:
        self.last_file = Path(path)
        self.open_button.setEnabled(True)
        self.status.setText(message)

    def _failed(self, exc: BookroomError) -> None:
        self.status.setText(exc.message)

    def open_last_file(self) -> None:
        """Open the last file written in the system's spreadsheet program (Excel, WPS, LibreOffice)."""
        if self.last_file is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file))):
            self.status.setText(self.tr("无法打开“{path}”：请在文件夹中双击打开。").format(path=self.last_file))
