"""Forms for a reader and a reader category; errors are shown in the form, which stays open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError

Save = Callable[[dict], None]


class _Form(QDialog):
    """A form whose OK runs ``save(values)``; a BookroomError is shown and the form stays open."""

    def __init__(self, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save = save
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def values(self) -> dict:
        raise NotImplementedError

    def submit(self) -> None:
        try:
            self.save(self.values())
        except BookroomError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class ReaderDialog(_Form):
    """登记 or 修改 a reader: name, employee number, department, phone, category, card, notes.

    ``departments`` (the ones already used, most used first) are offered while typing the department,
    matching anywhere and in any case, so one department is not typed three ways.
    """

    def __init__(self, categories: list[tuple[int, str]], save: Save, reader=None, parent: QWidget | None = None,
                 departments: list[str] | None = None) -> None:
        super().__init__(save, parent)
        self.setObjectName("readerDialog")
        self.setWindowTitle(self.tr("修改读者") if reader else self.tr("登记读者"))
        self.name = self._line("readerNameEdit", self.tr("姓名"), reader.name if reader else "")
        self.employee_no = self._line("employeeNoEdit", self.tr("工号"), reader.employee_no if reader else "")
        self.department = self._line("departmentEdit", self.tr("部门"), reader.department if reader else "")
        completer = QCompleter(list(departments or []), self.department)
        completer.setObjectName("departmentCompleter")
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.department.setCompleter(completer)
        self.phone = self._line("phoneEdit", self.tr("手机"), reader.phone if reader else "")
        self.category = QComboBox(self)
        self.category.setObjectName("categoryCombo")
        for category_id, name in categories:
            self.category.addItem(name, category_id)
        if reader:
            self.category.setCurrentIndex(max(0, self.category.findData(reader.category_id)))
        self.form.addRow(self.tr("类别"), self.category)
        self.card = self._line("cardEdit", self.tr("读者证号"), reader.card if reader else "")
        self.card.setPlaceholderText(self.tr("留空则自动分配"))
        self.notes = QPlainTextEdit(reader.notes if reader else "", self)
        self.notes.setObjectName("notesEdit")
        self.notes.setFixedHeight(60)
        self.form.addRow(self.tr("备注"), self.notes)
        self.resize(420, self.sizeHint().height())

    def _line(self, name: str, title: str, value: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setObjectName(name)
        self.form.addRow(title, edit)
        return edit

    def values(self) -> dict:
        return {"name": self.name.text(), "employee_no": self.employee_no.text(), "department": self.department.text(),
                "phone": self.phone.text(), "category_id": self.category.currentData(), "card": self.card.text(),
                "notes": self.notes.toPlainText()}


class CategoryDialog(_Form):
    """A reader category and its loan rules."""

    def __init__(self, save: Save, category=None, parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setObjectName("categoryDialog")
        self.setWindowTitle(self.tr("修改读者类别") if category else self.tr("新增读者类别"))
        self.name = QLineEdit(category.name if category else "", self)
        self.name.setObjectName("categoryNameEdit")
        self.form.addRow(self.tr("名称"), self.name)
        self.loan_days = self._spin("loanDaysSpin", self.tr("借期（天）"), 1, 365, category.loan_days if category else 30)
        self.max_loans = self._spin("maxLoansSpin", self.tr("最多可借（册）"), 0, 100, category.max_loans if category else 5)
        self.renewals = self._spin("renewalsSpin", self.tr("可续借（次）"), 0, 20, category.renewals if category else 1)
        self.overdue_blocks = QCheckBox(self.tr("有逾期未还的书时不能再借"), self)
        self.overdue_blocks.setObjectName("overdueBlocksCheck")
        self.overdue_blocks.setChecked(category.overdue_blocks if category else True)
        self.form.addRow("", self.overdue_blocks)
        self.loan_days_open = QCheckBox(self.tr("按开放日计借期"), self)
        self.loan_days_open.setObjectName("loanDaysOpenCheck")
        self.loan_days_open.setToolTip(self.tr("借期只数书屋开放的日子（见书屋工作 → 开放日历）；不勾选则按日历天数计，"
                                               "应还日期遇停馆日顺延到下一个开放日。"))
        self.loan_days_open.setChecked(bool(category.loan_days_open) if category else False)
        self.form.addRow("", self.loan_days_open)
        self.max_holds = self._spin("maxHoldsSpin", self.tr("最多预约（种）"), 0, 50, category.max_holds if category else 3)
        self.hold_days = self._spin("holdDaysSpin", self.tr("预约保留（天）"), 1, 60, category.hold_days if category else 5)

    def _spin(self, name: str, title: str, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.addRow(title, spin)
        return spin

    def values(self) -> dict:
        return {"name": self.name.text(), "loan_days": self.loan_days.value(), "max_loans": self.max_loans.value(),
                "renewals": self.renewals.value(), "overdue_blocks": self.overdue_blocks.isChecked(),
                "loan_days_open": self.loan_days_open.isChecked(),
                "max_holds": self.max_holds.value(), "hold_days": self.hold_days.value()}
