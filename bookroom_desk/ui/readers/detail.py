"""One reader's page: who, current loans (overdue in red) and the loan history."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from bookroom_desk.services.circulation import losses
from bookroom_desk.services.common.actors import shown
from bookroom_desk.services.common.vocab import READER_STATUSES, label
from bookroom_desk.services.readers import records
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.readers.model import RED, RowsModel, table_view
from bookroom_desk.ui.widgets.format import fmt_date, fmt_int


class ReaderDetail(QWidget):
    """Shows the reader chosen in the list; ``show_reader(None)`` empties it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reader_id: int | None = None
        self.card = ""
        self.name = QLabel(self)
        self.name.setObjectName("detailName")
        font = QFont(self.name.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.name.setFont(font)
        self.info = QLabel(self)
        self.info.setObjectName("detailInfo")
        self.info.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("detailCounts")
        self.loans = RowsModel([self.tr("条码"), self.tr("书名"), self.tr("借出"), self.tr("应还"), self.tr("续借"),
                                self.tr("逾期（天）")], self)
        self.history = RowsModel([self.tr("条码"), self.tr("书名"), self.tr("借出"), self.tr("应还"), self.tr("归还"),
                                  self.tr("逾期（天）")], self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        # the title takes what is left; a long one is cut with "…" and read whole in its tooltip
        self.loans_view = table_view(self, self.loans, (76, 140, 76, 76, 40, 64), "detailLoans", stretch=1)
        self.history_view = table_view(self, self.history, (76, 140, 76, 76, 76, 64), "detailHistory", stretch=1)
        self.tabs.addTab(self.loans_view, self.tr("在借"))
        self.tabs.addTab(self.history_view, self.tr("借阅历史"))
        self.print_button = QPushButton(self.tr("打印借阅凭条"), self)
        self.print_button.setObjectName("detailPrintSlip")
        self.hold_button = QPushButton(self.tr("预约…"), self)  # the readers page opens its 预约 tab for this reader
        self.hold_button.setObjectName("detailPlaceHold")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.info)
        layout.addWidget(self.counts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.print_button)
        layout.addWidget(self.hold_button)
        self.show_reader(None)

    def show_reader(self, reader_id: int | None) -> None:
        self.reader_id = reader_id
        self.print_button.setEnabled(reader_id is not None)
        self.hold_button.setEnabled(reader_id is not None)
        if reader_id is None:
            self.name.setText(self.tr("（未选择读者）"))
            self.info.clear()
            self.counts.clear()
            self.loans.set_rows([])
            self.history.set_rows([])
            return
        with self.ctx.read() as session:
            reader = records.get_reader(session, reader_id)
            summary = records.summary(session, reader_id)
            history = records.loan_history(session, reader_id)
            past = records.returned_loan_count(session, reader_id)
            self.card = reader.card
            self.name.setText(reader.name)
            self.info.setText(self.tr("证号 {card}　工号 {employee_no}　部门 {department}　手机 {phone}\n"
                                      "类别 {category}　状态 {status}　登记于 {registered}").format(
                card=reader.card, employee_no=reader.employee_no or "—", department=reader.department or "—",
                phone=reader.phone or "—", category=summary.category, status=label(READER_STATUSES, reader.status),
                registered=fmt_date(reader.registered_on)))
        self.counts.setText(self.tr("在借 {loans} 册，逾期 {overdue} 册，还可借 {more} 册；历史借阅 {past} 次").format(
            loans=fmt_int(len(summary.loans)), overdue=fmt_int(summary.overdue), more=fmt_int(summary.may_borrow),
            past=fmt_int(past)))
        self.counts.setStyleSheet("color: #c62828; font-weight: bold;" if summary.overdue else "")
        self.loans.set_rows(
            [[loan.barcode, self._title(loan), fmt_date(loan.out_at.date()), fmt_date(loan.due_on), str(loan.renewals),
              str(loan.days_late) if loan.days_late else ""] for loan in summary.loans],
            [loan.loan_id for loan in summary.loans], [RED if loan.days_late else None for loan in summary.loans],
            [self._note(loan) for loan in summary.loans])
        self.history.set_rows(
            [[loan.barcode, self._title(loan), fmt_date(loan.out_at.date()), fmt_date(loan.due_on),
              self.tr("遗失") if loan.lost else fmt_date(loan.returned_at.date()),
              str(loan.days_late) if loan.days_late and not loan.lost else ""] for loan in history],
            [loan.loan_id for loan in history], None, [self._note(loan) for loan in history])

    def _title(self, loan: records.LoanLine) -> str:
        """The title, marked when an administrator lent it past a refusal (who and why: the row's tooltip)."""
        return self.tr("［放行］{title}").format(title=loan.title) if loan.override_reason else loan.title

    def _note(self, loan: records.LoanLine) -> str:
        """遗失 and how it was settled; 管理员放行 with who and why (shown in the row's tooltips)."""
        notes = []
        if loan.lost:
            notes.append(self.tr("遗失，{how}").format(how=losses.label(loan.lost)))
        if loan.override_reason:
            notes.append(self.tr("{who}放行：{reason}").format(who=shown(loan.override_by or ""), reason=loan.override_reason))
        return self.tr("；").join(notes)
