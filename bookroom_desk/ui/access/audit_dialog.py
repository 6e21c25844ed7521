"""The audit log for administrators: paged, filtered by kind and days, exported to Excel or CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.access import audit
from bookroom_desk.services.access.audit import AuditFilter, AuditLine
from bookroom_desk.services.common import clock, permissions
from bookroom_desk.ui.access.accounts_box import fmt_moment
from bookroom_desk.ui.context import AppContext

PAGE = 200


class AuditModel(QAbstractTableModel):
    """One page of the log."""

    HEADERS = audit.HEADERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[AuditLine] = []

    def set_lines(self, lines: list[AuditLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("audit", self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        line = self.lines[index.row()]
        return (fmt_moment(line.at), line.kind_label, line.actor or "—", line.detail)[index.column()]


class AuditDialog(QDialog):
    """操作记录: who did what and when."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("操作记录"))
        self.resize(900, 560)
        self.offset, self.total = 0, 0
        self.kind = QComboBox(self)
        self.kind.setObjectName("auditKind")
        self.kind.addItem(self.tr("全部"), "")
        for code, label in audit.KINDS.items():
            self.kind.addItem(QCoreApplication.translate("audit", label), code)
        self.use_dates = QCheckBox(self.tr("日期"), self)
        self.use_dates.setObjectName("auditUseDates")
        today = QDate(clock.today())
        self.start = QDateEdit(today.addMonths(-1), self)
        self.start.setObjectName("auditStart")
        self.end = QDateEdit(today, self)
        self.end.setObjectName("auditEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
        self.model = AuditModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        for column, width in enumerate((130, 90, 90, 520)):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.previous = QPushButton(self.tr("上一页"), self)
        self.previous.setObjectName("auditPrevious")
        self.next = QPushButton(self.tr("下一页"), self)
        self.next.setObjectName("auditNext")
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.setObjectName("auditExport")
        self.message = QLabel(self)
        self.message.setObjectName("auditMessage")
        self.message.setWordWrap(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("类别"), self))
        filters.addWidget(self.kind)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.start)
        filters.addWidget(QLabel("—", self))
        filters.addWidget(self.end)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        pager = QHBoxLayout()
        pager.addWidget(self.status, 1)
        pager.addWidget(self.previous)
        pager.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(pager)
        layout.addWidget(self.message)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh(0))
        self.use_dates.toggled.connect(lambda _on: self.refresh(0))
        self.start.dateChanged.connect(lambda _d: self.use_dates.isChecked() and self.refresh(0))
        self.end.dateChanged.connect(lambda _d: self.use_dates.isChecked() and self.refresh(0))
        self.previous.clicked.connect(lambda: self.refresh(max(0, self.offset - PAGE)))
        self.next.clicked.connect(lambda: self.refresh(self.offset + PAGE))
        self.export_button.clicked.connect(lambda: self.ask_export())
        self.refresh(0)

    def chosen(self) -> AuditFilter:
        kind = self.kind.currentData()
        if not self.use_dates.isChecked():
            return AuditFilter(kinds=(kind,) if kind else ())
        return AuditFilter(kinds=(kind,) if kind else (), start=self.start.date().toPython(), end=self.end.date().toPython())

    def refresh(self, offset: int) -> None:
        flt = self.chosen()
        try:
            with self.ctx.read() as session:
                permissions.require(session, self.ctx.actor, "audit")
                self.total = audit.count(session, flt)
                self.offset = min(offset, max(0, (self.total - 1) // PAGE * PAGE))
                lines = audit.lines(session, flt, self.offset, PAGE)
        except BookroomError as exc:
            self.message.setText(exc.message)
            return
        self.model.set_lines(lines)
        last = self.offset + len(lines)
        self.status.setText(self.tr("第 {first}–{last} 条，共 {total} 条").format(
            first=self.offset + 1 if lines else 0, last=last, total=self.total))
        self.previous.setEnabled(self.offset > 0)
        self.next.setEnabled(last < self.total)

    def ask_export(self) -> None:
        name = self.tr("操作记录-{day}.xlsx").format(day=clock.today().isoformat())
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("导出操作记录"), name,
                                                      self.tr("Excel 工作簿 (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        flt, actor = self.chosen(), self.ctx.actor
        writer = audit.export_csv if path.suffix.lower() == ".csv" else audit.export_xlsx

        def work(_progress):
            with self.ctx.db.read() as session:
                permissions.require(session, actor, "audit")
                return writer(session, path, flt)

        self.ctx.tasks.run(work, on_done=lambda count: self.message.setText(
            self.tr("已导出 {count} 条到 {path}").format(count=count, path=str(path))),
            on_error=lambda exc: self.message.setText(exc.message), owner=self)
