"""Counting: the scan field, the current shelf, what the last scan was, and the progress per shelf."""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError, ImportRejected
from bookroom_desk.services.common.barcodes import Scheme
from bookroom_desk.services.common.feedback import Feedback, Tone
from bookroom_desk.services.stocktake import collector
from bookroom_desk.services.stocktake import counting as service
from bookroom_desk.services.stocktake.counting import Cursor, ScanOutcome
from bookroom_desk.services.stocktake.results import progress
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.stocktake.progress_model import ProgressModel
from bookroom_desk.ui.stocktake.tables import fix_columns
from bookroom_desk.ui.widgets.format import fmt_int
from bookroom_desk.ui.widgets.scan_tone import look

log = logging.getLogger(__name__)

INTERNAL_ERROR = QT_TRANSLATE_NOOP("stocktake", "程序出错，这次扫描没有登记。请再扫一次；如仍出错，请联系管理员。")
TONES = {"ok": ("#e8f5e9", "#1b5e20"), "warn": ("#fff8e1", "#6d4c00"), "error": ("#ffebee", "#b71c1c"),
         "idle": ("#f5f5f5", "#424242")}
#: Lines kept in the list of recent scans.
RECENT = 200


class StocktakeScanner(QObject):
    """A FIFO of scans, each recorded whole in its own unit of work, in the order they came.

    A scan is a few indexed lookups and one small commit, so it runs on the GUI thread; the queue
    keeps order when scans come faster than they are handled, and holds them while a file loads.
    """

    outcomeReady = Signal(object)  # ScanOutcome

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stocktake_id: int | None = None
        self.at: Cursor | None = None  # this desk's current shelf (other desks may count other shelves)
        self._queue: deque[str] = deque()
        self._busy = False
        self._paused = False
        self._scheme: Scheme | None = None
        ctx.dataChanged.connect(self._forget_scheme)

    @property
    def pending(self) -> int:
        return len(self._queue) + (1 if self._busy else 0)

    def submit(self, raw: str) -> None:
        if not raw.strip():
            return
        self._queue.append(raw)
        if not self._busy and not self._paused:
            self._drain()

    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        self._paused = False
        if not self._busy:
            self._drain()

    def _drain(self) -> None:
        self._busy = True
        try:
            while self._queue and not self._paused:
                self.outcomeReady.emit(self._record(self._queue.popleft()))
        finally:
            self._busy = False

    def _record(self, raw: str) -> ScanOutcome:
        try:
            with self.ctx.db.write() as session:
                if self._scheme is None:
                    self._scheme = Scheme.load(session)
                outcome = service.scan(session, self.stocktake_id, raw, actor=self.ctx.actor, scheme=self._scheme,
                                       shelf=self.at)
            self.at = Cursor(outcome.seq, outcome.shelf_id, outcome.shelf_code)
            return outcome
        except BookroomError as exc:  # rolled back whole: nothing recorded
            return ScanOutcome("refused", service.say(Tone.REFUSED, "{message}", {"message": exc.message}),
                               raw.strip(), None)
        except Exception:  # a bug: nothing was stored; say so and keep counting
            log.exception("stocktake scan failed")
            return ScanOutcome("refused", service.say(Tone.REFUSED, INTERNAL_ERROR, {}), raw.strip(), None)

    def _forget_scheme(self) -> None:
        self._scheme = None


class CountingView(QWidget):
    """The open stocktake being counted; ``reviewRequested`` asks the page for the results."""

    reviewRequested = Signal()
    reportRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scanner = StocktakeScanner(ctx, self)
        self.scanner.outcomeReady.connect(self.show_outcome)
        self.heading = QLabel(self)
        self.heading.setObjectName("stocktakeTitle")
        self.shelf = QLabel(self)
        self.shelf.setObjectName("stocktakeCurrentShelf")
        font = QFont(self.shelf.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.shelf.setFont(font)
        self.scan_input = QLineEdit(self)
        self.scan_input.setObjectName("stocktakeScanInput")
        self.scan_input.setPlaceholderText(self.tr("先扫书架标签，再逐册扫描图书条码（扫码或输入后按回车）"))
        big = QFont(self.scan_input.font())
        big.setPointSize(big.pointSize() + 8)
        self.scan_input.setFont(big)
        self.scan_input.returnPressed.connect(self._submit)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("stocktakeFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        feedback_font = QFont(self.feedback.font())
        feedback_font.setPointSize(feedback_font.pointSize() + 3)
        feedback_font.setBold(True)
        self.feedback.setFont(feedback_font)
        self.overall = QLabel(self)
        self.overall.setObjectName("stocktakeOverall")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("stocktakeProgressBar")
        self.model = ProgressModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("stocktakeProgress")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        fix_columns(self.table, (90, 180, 80, 80, 80))
        self.recent = QListWidget(self)
        self.recent.setObjectName("stocktakeRecent")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._loading = ""  # the collector file being loaded (asked about again when loaded before)
        self.load_button = QPushButton(self.tr("载入盘点机文件…"), self)
        self.load_button.setObjectName("stocktakeLoadButton")
        self.load_button.clicked.connect(self._choose_file)
        self.report_button = QPushButton(self.tr("导出盘点报告…"), self)
        self.report_button.setObjectName("stocktakeReportButton")
        self.report_button.clicked.connect(self.reportRequested)
        self.review_button = QPushButton(self.tr("查看结果并结束盘点…"), self)
        self.review_button.setObjectName("stocktakeReviewButton")
        self.review_button.clicked.connect(self.reviewRequested)
        for button in (self.load_button, self.report_button, self.review_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.review_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.recent)
        split.setSizes([520, 420])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.shelf)
        layout.addWidget(self.scan_input)
        layout.addWidget(self.feedback)
        overall = QHBoxLayout()
        overall.addWidget(self.overall, 1)
        overall.addWidget(self.bar, 1)
        layout.addLayout(overall)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._set_feedback("idle", "")

    # --- showing the stocktake ---

    def open(self, stocktake_id: int) -> None:
        """Show the open stocktake as stored (at opening, resuming, or after a file was loaded).

        The progress of a large room takes a moment to count, so it is counted off the GUI thread;
        scans arriving meanwhile wait in the queue.
        """
        self.scanner.stocktake_id = stocktake_id
        self.scanner.pause()
        by = self.ctx.actor if self.ctx.account else None  # without accounts: the last shelf whoever scanned

        def work(_progress):
            with self.ctx.db.read() as session:
                stocktake = service.get_stocktake(session, stocktake_id)
                shelves = None if stocktake.all_shelves else [s.code for s in service.scope_shelves(session, stocktake)]
                return (stocktake.started_at, shelves, service.cursor(session, stocktake_id, by=by),
                        progress(session, stocktake))

        # After a failure each scan says what is wrong (e.g. the stocktake was finished elsewhere).
        self.ctx.tasks.run(work, self._opened, lambda exc: self._set_feedback("error", exc.message), owner=self,
                           on_failure=self.scanner.resume)

    def _opened(self, result) -> None:
        started, shelves, at, live = result
        scope = self.tr("、").join(shelves) if shelves is not None else self.tr("全部书架")
        self.heading.setText(self.tr("盘点 #{id} 进行中（{scope}），开始于 {at}。"
                                     "每次扫描都已立即保存，可随时关闭程序，下次接着盘点。")
                             .format(id=self.scanner.stocktake_id, scope=scope, at=started.strftime("%Y-%m-%d %H:%M")))
        self.scanner.at = at
        self.model.reset(live, at.shelf_id)
        self._show_shelf(at.shelf_id)
        self._show_overall()
        self.scanner.resume()

    def _show_shelf(self, shelf_id: int | None) -> None:
        line = self.model.progress.line(shelf_id) if shelf_id is not None else None
        if line is None:
            self.shelf.setText(self.tr("请先扫描书架标签（SJ-…）"))
        else:
            name = line.name if line.name != line.code else ""
            self.shelf.setText(self.tr("当前书架：{code} {name}").format(code=line.code, name=name).strip())

    def _show_overall(self) -> None:
        p = self.model.progress
        self.overall.setText(self.tr("应在架 {expected} 册，已扫描 {scanned} 个条码，尚未找到 {remaining} 册")
                             .format(expected=fmt_int(p.expected), scanned=fmt_int(p.scanned),
                                     remaining=fmt_int(p.remaining)))
        self.bar.setRange(0, max(1, p.expected))
        self.bar.setValue(p.expected - p.remaining)

    def _set_feedback(self, tone: str, text: str) -> None:
        background, colour = TONES[tone]
        self.feedback.setProperty("tone", tone)
        self.feedback.setStyleSheet(f"background: {background}; color: {colour}; padding: 8px; border-radius: 4px;")
        self.feedback.setText(text or self.tr("扫描书架标签开始盘点这个书架。"))

    # --- scanning ---

    def _submit(self) -> None:
        raw = self.scan_input.text()
        self.scan_input.clear()
        self.scanner.submit(raw)

    def show_feedback(self, feedback: Feedback) -> None:
        """Say what a scan did, and sound it unless it went as expected."""
        self._set_feedback(look(feedback.tone), feedback.message())
        if feedback.tone is not Tone.OK:  # eyes stay on the shelf: a beep says "look", two say "refused or unknown"
            QApplication.beep()
            if feedback.tone.alarming:
                QTimer.singleShot(180, QApplication.beep)

    def show_outcome(self, outcome: ScanOutcome) -> None:
        self.show_feedback(outcome.feedback)
        if not outcome.recorded:
            return
        self.model.apply(outcome)
        if outcome.kind == "shelf":
            self._show_shelf(outcome.shelf_id)
        self._show_overall()
        message = outcome.message
        self.recent.insertItem(0, f"{outcome.shelf_code}  {message}" if outcome.code in message
                               else f"{outcome.shelf_code}  {outcome.code}  {message}")
        if self.recent.count() > RECENT:
            self.recent.takeItem(RECENT)

    # --- a data collector's file ---

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("载入盘点机文件"), "",
                                              self.tr("文本文件 (*.txt *.csv *.dat);;所有文件 (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str, *, again: bool = False) -> None:
        """Load the file off the GUI thread; scans typed meanwhile wait in the queue.

        A file loaded into this stocktake before is asked about (No by default) and loaded once more on Yes.
        """
        stocktake_id = self.scanner.stocktake_id
        self.scanner.pause()
        self.load_button.setEnabled(False)
        self._set_feedback("idle", self.tr("正在载入盘点机文件…"))
        self._loading = path

        def work(report):
            with self.ctx.db.write() as session:
                return collector.load_file(session, stocktake_id, path, actor=self.ctx.actor, progress=report,
                                           again=again)

        self.ctx.tasks.run(work, self._loaded, self._load_refused, write=True, owner=self, on_failure=self._load_ended)

    def confirm_again(self, exc: collector.FileLoadedBefore) -> bool:
        """Ask before loading a file into the stocktake a second time; No unless chosen."""
        answer = QMessageBox.question(
            self, self.tr("再载入一次？"), exc.message + "\n\n" + self.tr("确实要再载入一次吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _loaded(self, summary) -> None:
        self.load_button.setEnabled(True)
        self._set_feedback("ok", self.tr("已从盘点机文件载入 {n} 条扫描。").format(n=fmt_int(summary.recorded)))
        self.open(self.scanner.stocktake_id)  # counts the progress again, then lets queued scans through

    def _load_ended(self) -> None:
        self.load_button.setEnabled(True)
        self.scanner.resume()  # scans typed meanwhile go through; the file's refusal is said after them

    def _load_refused(self, exc: BookroomError) -> None:
        if isinstance(exc, collector.FileLoadedBefore) and self.confirm_again(exc):
            self.load_file(self._loading, again=True)
            return
        lines = [exc.message]
        if isinstance(exc, ImportRejected):
            lines += [str(problem) for problem in exc.problems[:8]]
            if len(exc.problems) > 8:
                lines.append("…")
        self._set_feedback("error", "\n".join(lines))
