"""The results of a stocktake: counts per category, each list, the standard, and finishing with chosen actions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.services.common import vocab
from bookroom_desk.services.stocktake.counting import get_stocktake
from bookroom_desk.services.stocktake.finish import Actions, finish
from bookroom_desk.services.stocktake.results import (
    CATEGORIES,
    CATEGORY_HINTS,
    ResultRow,
    actions_done,
    category_label,
    outlook,
    reconcile,
    rows,
)
from bookroom_desk.services.upkeep import backups
from bookroom_desk.text import translate
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.stocktake.standard import StandardPanel
from bookroom_desk.ui.stocktake.tables import fix_columns
from bookroom_desk.ui.widgets.format import fmt_int

PAGE = 500
COLUMNS = (
    QT_TRANSLATE_NOOP("ResultModel", "条码"),
    QT_TRANSLATE_NOOP("ResultModel", "书名"),
    QT_TRANSLATE_NOOP("ResultModel", "索书号"),
    QT_TRANSLATE_NOOP("ResultModel", "所属书架"),
    QT_TRANSLATE_NOOP("ResultModel", "找到的书架"),
    QT_TRANSLATE_NOOP("ResultModel", "记录中的状态"),
    QT_TRANSLATE_NOOP("ResultModel", "扫描次数"),
)
WIDTHS = (100, 220, 100, 80, 90, 110, 60)


class ResultModel(QAbstractTableModel):
    """One result list, fetched a page at a time from the service."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stocktake_id: int | None = None
        self.category = ""
        self.complete = True
        self.lines: list[ResultRow] = []

    def load(self, stocktake_id: int, category: str) -> None:
        self.beginResetModel()
        self.stocktake_id, self.category, self.complete, self.lines = stocktake_id, category, False, []
        self.endResetModel()
        self.fetchMore()

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self.stocktake_id is not None and not self.complete

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        with self.ctx.read() as session:
            more = rows(session, get_stocktake(session, self.stocktake_id), self.category, len(self.lines), PAGE)
        self.complete = len(more) < PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.lines), len(self.lines) + len(more) - 1)
            self.lines.extend(more)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ResultModel", COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.lines[index.row()]
        status = vocab.label(vocab.COPY_STATUSES, r.status) if r.status else ""
        return (r.barcode, r.title, r.call_number, r.home_shelf, r.found_shelf, status,
                fmt_int(r.scans) if r.scans else "")[index.column()]


class ResultsView(QWidget):
    """Results of one stocktake; for the open one, the actions to apply when finishing it."""

    backRequested = Signal()
    reportRequested = Signal(int)
    finished = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stocktake_id: int | None = None
        self.counts = None
        self.is_open = False
        self.heading = QLabel(self)
        self.heading.setObjectName("stocktakeResultsTitle")
        self.heading.setWordWrap(True)
        self.standard = StandardPanel(self)
        self.categories = QListWidget(self)
        self.categories.setObjectName("stocktakeCategories")
        self.categories.setFixedWidth(240)
        self.categories.currentRowChanged.connect(self._show_category)
        self.hint = QLabel(self)
        self.hint.setObjectName("stocktakeCategoryHint")
        self.hint.setWordWrap(True)
        self.model = ResultModel(ctx, self)
        self.table = QTableView(self)
        self.table.setObjectName("stocktakeResultTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        fix_columns(self.table, WIDTHS, stretch_last=True)

        self.actions = QGroupBox(self.tr("结束盘点时要做的处理（之前藏书记录不会改动）"), self)
        self.actions.setObjectName("stocktakeActions")
        self.check_in = QCheckBox(self.tr("记录借出却在架的图书：办理归还"), self.actions)
        self.check_in.setObjectName("stocktakeCheckIn")
        self.bring_back = QCheckBox(self.tr("找到的剔除、遗失或缺失图书：恢复在架"), self.actions)
        self.bring_back.setObjectName("stocktakeBringBack")
        self.mark_missing = QCheckBox(self.tr("没有找到的图书：标记为“缺失”"), self.actions)
        self.mark_missing.setObjectName("stocktakeMarkMissing")
        for box in (self.check_in, self.bring_back, self.mark_missing):
            box.setChecked(True)
        self.misplaced = QComboBox(self.actions)
        self.misplaced.setObjectName("stocktakeMisplaced")
        self.misplaced.addItem(self.tr("错架图书：只列出，由人工放回原书架"), "list")
        self.misplaced.addItem(self.tr("错架图书：把它的书架改为找到它的书架"), "move")
        self.notes = QLineEdit(self.actions)
        self.notes.setObjectName("stocktakeNotes")
        self.notes.setPlaceholderText(self.tr("备注（可选）：如参加人员、发现的问题"))
        box_layout = QVBoxLayout(self.actions)
        for widget in (self.check_in, self.bring_back, self.mark_missing, self.misplaced, self.notes):
            box_layout.addWidget(widget)
        self.applied = QLabel(self)
        self.applied.setObjectName("stocktakeApplied")
        self.applied.setWordWrap(True)

        self.back_button = QPushButton(self.tr("返回"), self)
        self.back_button.setObjectName("stocktakeBackButton")
        self.back_button.clicked.connect(self.backRequested)
        self.report_button = QPushButton(self.tr("导出盘点报告…"), self)
        self.report_button.setObjectName("stocktakeResultsReport")
        self.report_button.clicked.connect(lambda: self.reportRequested.emit(self.stocktake_id))
        self.finish_button = QPushButton(self.tr("应用处理并结束盘点"), self)
        self.finish_button.setObjectName("stocktakeFinishButton")
        self.finish_button.clicked.connect(self._finish_clicked)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.hint)
        right_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.categories)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.standard)
        layout.addWidget(split, 1)
        layout.addWidget(self.actions)
        layout.addWidget(self.applied)
        layout.addLayout(buttons)

    def show_stocktake(self, stocktake_id: int) -> None:
        """Reconcile (off the GUI thread: a large room takes a moment) and show the results."""
        self.stocktake_id = stocktake_id
        self.heading.setText(self.tr("正在核对盘点 #{id} 的结果…").format(id=stocktake_id))

        def work(_progress):
            with self.ctx.db.read() as session:
                stocktake = get_stocktake(session, stocktake_id)
                return (stocktake.finished_at is None, stocktake.started_at, stocktake.finished_at,
                        reconcile(session, stocktake), outlook(session, stocktake), actions_done(stocktake))

        self.ctx.tasks.run(work, self._show, owner=self)

    def _show(self, result) -> None:
        self.is_open, started, ended, self.counts, look, done = result
        c = self.counts
        when = started.strftime("%Y-%m-%d %H:%M")
        if self.is_open:
            self.heading.setText(self.tr("盘点 #{id}（开始于 {at}）：应在架 {expected} 册，扫描 {scanned} 个条码。"
                                         "请核对下面各项，"
                                         "选好处理方式后结束盘点。").format(
                id=self.stocktake_id, at=when, expected=fmt_int(c.expected), scanned=fmt_int(c.scanned)))
        else:
            self.heading.setText(self.tr("盘点 #{id}（{start} 至 {end}）：应在架 {expected} 册，扫描 {scanned} 个条码。").format(
                id=self.stocktake_id, start=when, end=ended.strftime("%Y-%m-%d %H:%M"),
                expected=fmt_int(c.expected), scanned=fmt_int(c.scanned)))
        self.standard.show_outlook(look, during=self.is_open)
        self.actions.setVisible(self.is_open)
        self.finish_button.setVisible(self.is_open)
        applied = done.get("applied", {})
        self.applied.setVisible(not self.is_open)
        self.applied.setText(self.tr("结束时已处理：办理归还 {checked_in} 册，恢复在架 {brought_back} 册，"
                                     "标记缺失 {marked_missing} 册，"
                                     "移架 {moved} 册，待人工归架 {to_reshelve} 册。").format(
            **{key: fmt_int(applied.get(key, 0)) for key in
               ("checked_in", "brought_back", "marked_missing", "moved", "to_reshelve")}))
        current = self.categories.currentRow()
        self.categories.blockSignals(True)
        self.categories.clear()
        for category in CATEGORIES:
            item = QListWidgetItem(f"{category_label(category)}\u3000{fmt_int(getattr(c, category))}")
            item.setData(Qt.ItemDataRole.UserRole, category)
            self.categories.addItem(item)
        self.categories.blockSignals(False)
        self.categories.setCurrentRow(max(0, current))
        self._show_category(self.categories.currentRow())

    def _show_category(self, row: int) -> None:
        if row < 0 or self.counts is None:
            return
        category = CATEGORIES[row]
        self.hint.setText(translate("stocktake", CATEGORY_HINTS[category]))
        self.model.load(self.stocktake_id, category)

    def chosen_actions(self) -> Actions:
        return Actions(self.check_in.isChecked(), self.bring_back.isChecked(), self.mark_missing.isChecked(),
                       self.misplaced.currentData())

    def confirm(self, text: str) -> bool:
        """Ask once before the catalogue changes (tests replace this)."""
        answer = QMessageBox.question(self, self.tr("结束盘点"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _finish_clicked(self) -> None:
        actions = self.chosen_actions()
        if not self.confirm(self.tr("结束盘点 #{id} 并应用所选处理？结束后不能再扫描。").format(id=self.stocktake_id)):
            return
        stocktake_id = self.stocktake_id
        notes = self.notes.text().strip()
        self.finish_button.setEnabled(False)
        self.heading.setText(self.tr("正在应用处理并结束盘点 #{id}，请稍候…").format(id=stocktake_id))

        def work(_progress):
            with self.ctx.db.write() as session:
                backups.before_bulk(session, "stocktake")
                return finish(session, stocktake_id, actions, actor=self.ctx.actor, notes=notes)

        def done(_applied) -> None:
            self.finish_button.setEnabled(True)
            self.notes.clear()
            self.ctx.dataChanged.emit()
            self.finished.emit(stocktake_id)

        # On a refusal nothing was applied: the unit of work rolled back whole.
        self.ctx.tasks.run(work, done, lambda exc: self.heading.setText(exc.message), write=True, owner=self,
                           on_failure=lambda: self.finish_button.setEnabled(True))
