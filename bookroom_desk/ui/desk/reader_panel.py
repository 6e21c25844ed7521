"""The open reader at the desk: who, what they hold (overdue in red), how many more they may borrow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from bookroom_desk.services.common.vocab import READER_STATUSES, label
from bookroom_desk.services.readers.records import ReaderSummary
from bookroom_desk.ui.widgets.format import fmt_date, fmt_int

OVERDUE = QColor("#c62828")


class ReaderPanel(QFrame):
    """A photo-free summary of the open reader and a table of their loans."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary: ReaderSummary | None = None
        self.name = QLabel(self)
        self.name.setObjectName("readerName")
        font = QFont(self.name.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.name.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("readerDetails")
        self.details.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("readerCounts")
        self.counts.setWordWrap(True)
        counts_font = QFont(self.counts.font())
        counts_font.setPointSize(counts_font.pointSize() + 2)
        self.counts.setFont(counts_font)
        self.blocked = QLabel(self)
        self.blocked.setObjectName("readerBlocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("background: #ffebee; color: #b71c1c; padding: 4px; font-weight: bold;")
        self.blocked.hide()
        self.loans = QTableWidget(0, 5, self)
        self.loans.setObjectName("readerLoans")
        self.loans.setHorizontalHeaderLabels([self.tr("条码"), self.tr("书名"), self.tr("借出"), self.tr("应还"),
                                              self.tr("续借")])
        self.loans.verticalHeader().hide()
        self.loans.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.loans.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.loans.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.loans.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard; ↑↓ move here
        for column, width in ((0, 84), (2, 84), (4, 60)):
            self.loans.setColumnWidth(column, width)
        header = self.loans.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # a long title: "…", whole in its tooltip
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)  # "2026/11/5（逾期21天）" whole
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.details)
        layout.addWidget(self.counts)
        layout.addWidget(self.blocked)
        layout.addWidget(self.loans, 1)
        self.show_summary(None)

    def show_summary(self, summary: ReaderSummary | None) -> None:
        selected = self.selected_loan()
        self.summary = summary
        self.loans.setRowCount(0)
        if summary is None:
            self.name.setText(self.tr("未打开读者"))
            self.details.setText(self.tr("扫描读者证即打开读者；这时扫描图书即借给他。未打开读者时扫描图书即为还书。"))
            self.counts.clear()
            self.blocked.hide()
            self.name.setStyleSheet("")
            return
        self.name.setText(summary.name)
        self.name.setStyleSheet("" if summary.status == "active" else "color: #c62828;")
        self.details.setText(self.tr("{card} · {department} · {category} · {status}").format(
            card=summary.card, department=summary.department or self.tr("（无部门）"), category=summary.category,
            status=label(READER_STATUSES, summary.status)))
        self.counts.setText(self.tr("在借 {loans} 册，逾期 {overdue} 册，还可借 {more} 册（上限 {max} 册，借期 {days} 天）")
                            .format(loans=fmt_int(len(summary.loans)), overdue=fmt_int(summary.overdue),
                                    more=fmt_int(summary.may_borrow), max=fmt_int(summary.max_loans),
                                    days=fmt_int(summary.loan_days)))
        self.counts.setStyleSheet("color: #c62828; font-weight: bold;" if summary.overdue else "")
        reason = self._blocked(summary)
        self.blocked.setText(reason)
        self.blocked.setVisible(bool(reason))
        self.loans.setRowCount(len(summary.loans))
        for row, line in enumerate(summary.loans):
            due = fmt_date(line.due_on)
            if line.days_late:
                due = self.tr("{due}（逾期{days}天）").format(due=due, days=line.days_late)
            values = (line.barcode, line.title, fmt_date(line.out_at.date()), due,
                      self.tr("{done}/{left}").format(done=line.renewals, left=line.renewals + line.renewals_left))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(Qt.ItemDataRole.UserRole, line.loan_id)
                if line.days_late:
                    item.setForeground(QBrush(OVERDUE))
                self.loans.setItem(row, column, item)
        rows = [i for i, line in enumerate(summary.loans) if line.loan_id == selected]
        if rows:
            self.loans.selectRow(rows[0])

    def _blocked(self, summary: ReaderSummary) -> str:
        """Why this reader may borrow nothing now, in one line ('' when they may)."""
        if summary.status == "suspended":
            return self.tr("不能借书：读者证已停用（可以还书）")
        if summary.status == "left":
            return self.tr("不能借书：已离职（可以还书）")
        if summary.overdue_blocks and summary.overdue:
            return self.tr("不能借书：有逾期未还的书，请先归还")
        if len(summary.loans) >= summary.max_loans:
            return self.tr("不能再借：已达到可借册数上限")
        return ""

    def selected_loan(self) -> int | None:
        rows = self.loans.selectionModel().selectedRows()
        if not rows:
            return None
        return self.loans.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def move_selection(self, step: int) -> None:
        """↑/↓ from the scan field: select the previous or next loan."""
        count = self.loans.rowCount()
        if not count:
            return
        rows = self.loans.selectionModel().selectedRows()
        current = rows[0].row() if rows else (-1 if step > 0 else count)
        self.loans.selectRow(max(0, min(count - 1, current + step)))
