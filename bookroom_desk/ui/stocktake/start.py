"""No stocktake open: start one (all shelves or chosen ones), and the history of past stocktakes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.catalogue.shelves import list_shelves
from bookroom_desk.services.stocktake import counting as service
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.stocktake.tables import fix_columns
from bookroom_desk.ui.widgets.format import fmt_int

COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryModel", "盘点"),
    QT_TRANSLATE_NOOP("HistoryModel", "开始"),
    QT_TRANSLATE_NOOP("HistoryModel", "结束"),
    QT_TRANSLATE_NOOP("HistoryModel", "范围"),
    QT_TRANSLATE_NOOP("HistoryModel", "应在架"),
    QT_TRANSLATE_NOOP("HistoryModel", "核对无误"),
    QT_TRANSLATE_NOOP("HistoryModel", "缺失"),
    QT_TRANSLATE_NOOP("HistoryModel", "错架"),
    QT_TRANSLATE_NOOP("HistoryModel", "其他异常"),
)
IN_PROGRESS = QT_TRANSLATE_NOOP("HistoryModel", "进行中")
ALL_SHELVES = QT_TRANSLATE_NOOP("HistoryModel", "全部书架")
SEPARATOR = QT_TRANSLATE_NOOP("HistoryModel", "、")
WIDTHS = (80, 130, 130, 160, 75, 75, 70, 80, 70)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryModel", text)


class HistoryModel(QAbstractTableModel):
    """The stocktakes, newest first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[service.HistoryRow] = []

    def reset(self, lines: list[service.HistoryRow]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HistoryModel", COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        line = self.lines[index.row()]
        c = line.counts
        cells = (
            f"#{line.id}", line.started_at.strftime("%Y-%m-%d %H:%M"),
            line.finished_at.strftime("%Y-%m-%d %H:%M") if line.finished_at else _tr(IN_PROGRESS),
            _tr(SEPARATOR).join(line.shelves) if line.shelves else _tr(ALL_SHELVES),
        )
        if c is None:
            cells += ("",) * 5
        else:
            others = c["on_loan_found"] + c["withdrawn_found"] + c["unknown"]
            cells += tuple(fmt_int(v) for v in (c["expected"], c["verified"], c["missing"], c["misplaced"], others))
        return cells[index.column()]


class StartView(QWidget):
    """Choose the scope and start; below, the history with results, reports and write-off."""

    started = Signal(int)
    resultsRequested = Signal(int)
    reportRequested = Signal(int)
    writeOffRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        start = QGroupBox(self.tr("开始新的盘点"), self)
        self.all_shelves = QRadioButton(self.tr("全部书架"), start)
        self.all_shelves.setObjectName("stocktakeAllShelves")
        self.all_shelves.setChecked(True)
        self.chosen_shelves = QRadioButton(self.tr("选定的书架："), start)
        self.chosen_shelves.setObjectName("stocktakeChosenShelves")
        self.shelf_list = QListWidget(start)
        self.shelf_list.setObjectName("stocktakeShelfList")
        self.shelf_list.setMaximumHeight(140)
        self.shelf_list.itemChanged.connect(lambda _item: self.chosen_shelves.setChecked(True))
        self.start_button = QPushButton(self.tr("开始盘点"), start)
        self.start_button.setObjectName("stocktakeStartButton")
        self.start_button.clicked.connect(self.start)
        self.message = QLabel(start)
        self.message.setObjectName("stocktakeStartMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        explain = QLabel(self.tr("盘点时先扫描书架标签，再逐册扫描这个书架上的图书；也可以载入盘点机导出的文件。"
                                 "扫描期间藏书记录不会改动，查看结果后再决定如何处理。借出、修补和加工中的图书不算缺失。"), start)
        explain.setWordWrap(True)
        start_layout = QVBoxLayout(start)
        start_layout.addWidget(explain)
        start_layout.addWidget(self.all_shelves)
        start_layout.addWidget(self.chosen_shelves)
        start_layout.addWidget(self.shelf_list)
        start_layout.addWidget(self.message)
        start_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)

        past = QGroupBox(self.tr("盘点记录"), self)
        self.model = HistoryModel(self)
        self.table = QTableView(past)
        self.table.setObjectName("stocktakeHistory")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fix_columns(self.table, WIDTHS)
        self.table.doubleClicked.connect(lambda index: self.resultsRequested.emit(self.model.lines[index.row()].id))
        self.results_button = QPushButton(self.tr("查看结果"), past)
        self.results_button.setObjectName("stocktakeHistoryResults")
        self.results_button.clicked.connect(lambda: self._with_selected(self.resultsRequested.emit))
        self.report_button = QPushButton(self.tr("导出盘点报告…"), past)
        self.report_button.setObjectName("stocktakeHistoryReport")
        self.report_button.clicked.connect(lambda: self._with_selected(self.reportRequested.emit))
        self.write_off_button = QPushButton(self.tr("核销长期缺失的图书…"), past)
        self.write_off_button.setObjectName("stocktakeWriteOffButton")
        self.write_off_button.clicked.connect(self.writeOffRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.results_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.write_off_button)
        past_layout = QVBoxLayout(past)
        past_layout.addWidget(self.table, 1)
        past_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(start)
        layout.addWidget(past, 1)

    def refresh(self) -> None:
        with self.ctx.read() as session:
            shelves = list_shelves(session)
            self.model.reset(service.history(session))
        checked = {self.shelf_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.shelf_list.count())
                   if self.shelf_list.item(i).checkState() == Qt.CheckState.Checked}
        self.shelf_list.blockSignals(True)
        self.shelf_list.clear()
        for shelf in shelves:
            text = self.tr("{code} {name}（{n} 册）").format(
                code=shelf.code, name=shelf.name if shelf.name != shelf.code else "", n=fmt_int(shelf.copies))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, shelf.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if shelf.id in checked else Qt.CheckState.Unchecked)
            self.shelf_list.addItem(item)
        self.shelf_list.blockSignals(False)

    def chosen(self) -> list[int] | None:
        if self.all_shelves.isChecked():
            return None
        return [self.shelf_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.shelf_list.count())
                if self.shelf_list.item(i).checkState() == Qt.CheckState.Checked]

    def start(self) -> None:
        try:
            with self.ctx.write() as session:
                stocktake_id = service.start(session, self.chosen(), actor=self.ctx.actor).id
        except BookroomError as exc:
            self.message.setText(exc.message)
            return
        self.message.clear()
        self.started.emit(stocktake_id)

    def _with_selected(self, emit) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            emit(self.model.lines[rows[0].row()].id)
