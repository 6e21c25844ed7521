"""报告遗失…: a reader lost a book on loan; how it is settled (a copy in its place, the price, or waived), never a fine."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.circulation import losses
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.readers.dialogs import _Form
from bookroom_desk.ui.readers.model import selected_key


class LossDialog(_Form):
    """The three ways a loss is settled; OK runs ``save({"settled", "new_barcode", "amount"})``."""

    def __init__(self, save: Callable[[dict], None], barcode: str, title: str, amount: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("报告遗失"))
        self.setMinimumWidth(420)
        self.what = QLabel(self.tr("《{title}》（{barcode}）遗失了。怎样赔偿？").format(title=title, barcode=barcode), self)
        self.what.setWordWrap(True)
        self.replaced = QRadioButton(self.tr("以书赔书：赔来一本同样的书"), self)
        self.replaced.setObjectName("lossReplaced")
        self.paid = QRadioButton(self.tr("照价赔偿"), self)
        self.paid.setObjectName("lossPaid")
        self.waived = QRadioButton(self.tr("免赔"), self)
        self.waived.setObjectName("lossWaived")
        self.group = QButtonGroup(self)
        for radio in (self.replaced, self.paid, self.waived):
            self.group.addButton(radio)
        self.new_barcode = QLineEdit(self)
        self.new_barcode.setObjectName("lossNewBarcode")
        self.new_barcode.setPlaceholderText(self.tr("扫描新书贴好的图书条码"))
        self.amount = QLineEdit(amount, self)
        self.amount.setObjectName("lossAmount")
        self.form.addRow(self.what)
        self.form.addRow(self.replaced)
        self.form.addRow(self.tr("新书条码"), self.new_barcode)
        self.form.addRow(self.paid)
        self.form.addRow(self.tr("金额（元）"), self.amount)
        self.form.addRow(self.waived)
        self.group.buttonToggled.connect(lambda *_args: self._enable())
        self.paid.setChecked(True)

    def _enable(self) -> None:
        self.new_barcode.setEnabled(self.replaced.isChecked())
        self.amount.setEnabled(self.paid.isChecked())

    def settled(self) -> str:
        if self.replaced.isChecked():
            return losses.REPLACED
        return losses.PAID if self.paid.isChecked() else losses.WAIVED

    def values(self) -> dict:
        settled = self.settled()
        return {"settled": settled, "new_barcode": self.new_barcode.text() if settled == losses.REPLACED else None,
                "amount": self.amount.text() if settled == losses.PAID else None}


class LossActions(QWidget):
    """报告遗失… for the loan chosen in the reader's 在借 list; ``report(text, error)`` says the outcome."""

    def __init__(self, ctx: AppContext, detail, report=None) -> None:
        super().__init__(detail)
        self.ctx = ctx
        self.detail = detail
        self.report = report or (lambda text, error: None)
        self.dialog: LossDialog | None = None
        self.reported: losses.Reported | None = None
        self.button = QPushButton(self.tr("报告遗失…"), self)
        self.button.setObjectName("readerLostButton")
        self.button.setToolTip(self.tr("读者把在借的书弄丢了：选中那一本，登记遗失和赔偿方式（不收罚款）。"))
        self.button.clicked.connect(lambda: self.ask())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addStretch(1)

    def loan_id(self) -> int | None:
        """The loan chosen in 在借; the only one when there is one."""
        chosen = selected_key(self.detail.loans_view)
        if chosen is None and self.detail.loans.rowCount() == 1:
            chosen = self.detail.loans.key(0)
        return chosen

    def ask(self) -> None:
        loan_id = self.loan_id()
        if loan_id is None:
            self.report(self.tr("请先在“在借”里选中遗失的那一本。"), True)
            return
        summary = next(line for line in self._lines() if line.loan_id == loan_id)
        with self.ctx.read() as session:
            amount = losses.default_amount(session, loan_id)

        def save(values: dict) -> None:
            with self.ctx.write() as session:
                self.reported = losses.report_lost(session, loan_id, values["settled"], amount=values["amount"],
                                                   new_barcode=values["new_barcode"], actor=self.ctx.actor)

        self.dialog = LossDialog(save, summary.barcode, summary.title, "" if amount is None else f"{amount:.2f}",
                                 self.detail)
        try:
            if self.dialog.exec():
                self.detail.show_reader(self.detail.reader_id)
                self.ctx.dataChanged.emit()
                settled = self.reported.settled if self.reported else ""
                self.report(self.tr("《{title}》已登记遗失（{how}）。").format(
                    title=summary.title, how=losses.label(settled)), False)
        finally:
            self.dialog = None

    def _lines(self):
        from bookroom_desk.services.readers import records

        try:
            with self.ctx.read() as session:
                return records.open_loans(session, self.detail.reader_id)
        except BookroomError:
            return []
