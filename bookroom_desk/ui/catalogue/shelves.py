"""The shelf list with its counts, and the form that adds, edits and removes a shelf."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.catalogue import shelves
from bookroom_desk.services.common.barcodes import Scheme
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_int

_C = "ShelvesPanel"
COLUMNS = ((QT_TRANSLATE_NOOP("ShelvesPanel", "编号"), 80), (QT_TRANSLATE_NOOP("ShelvesPanel", "名称"), 180),
           (QT_TRANSLATE_NOOP("ShelvesPanel", "分类范围"), 120), (QT_TRANSLATE_NOOP("ShelvesPanel", "馆藏（册）"), 90),
           (QT_TRANSLATE_NOOP("ShelvesPanel", "在架"), 70), (QT_TRANSLATE_NOOP("ShelvesPanel", "借出"), 70))


class ShelvesPanel(QWidget):
    """Shelves: select one to edit it; 新书架 clears the form for a new one."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[shelves.ShelfRow] = []
        self.editing: int | None = None
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("shelfTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate(_C, n) for n, _ in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for column, (_, width) in enumerate(COLUMNS):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)

        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        with ctx.read() as session:
            label = Scheme.load(session).shelf_label("A01")
        self.code = self._line("code", self.tr("编号 *"), self.tr("如 A01；书架标签为 {label}").format(label=label))
        self.name = self._line("name", self.tr("名称"), self.tr("如 文学（一）"))
        self.class_from = self._line("class_from", self.tr("分类号从"), self.tr("如 I；留空表示不按分类"))
        self.class_to = self._line("class_to", self.tr("分类号到"), self.tr("如 I2"))
        self.notes = self._line("notes", self.tr("备注"), "")
        self.message = QLabel(self)
        self.message.setObjectName("shelfMessage")
        self.message.setWordWrap(True)
        new, save, delete = (QPushButton(t, self) for t in (self.tr("新书架"), self.tr("保存书架"), self.tr("删除书架")))
        for button, name, slot in ((new, "newShelfButton", self.new), (save, "saveShelfButton", self.save),
                                   (delete, "deleteShelfButton", self.delete)):
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=slot: s())
        self.delete_button = delete
        for edit in (self.code, self.name, self.class_from, self.class_to, self.notes):
            edit.returnPressed.connect(self.save)
        self.editor = QWidget(self)  # the form and its buttons: administrators' work (ui.access.guard)
        self.editor.setObjectName("shelfEditor")
        side = QVBoxLayout(self.editor)
        side.setContentsMargins(0, 0, 0, 0)
        side.addLayout(self.form)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(save)
        row.addWidget(delete)
        side.addLayout(row)
        side.addWidget(self.message)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.editor, 2)
        self.new()

    def _line(self, name: str, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"shelf_{name}Edit")
        edit.setPlaceholderText(placeholder)
        error = QLabel(self)
        error.setObjectName(f"shelf_{name}Error")
        error.setStyleSheet("color: #c62828;")
        error.hide()
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(edit)
        box.addWidget(error)
        self.form.addRow(label, box)
        self.errors[name] = error
        return edit

    def refresh(self) -> None:
        with self.ctx.read() as session:
            self.rows = shelves.list_shelves(session)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            span = shelves.class_span(row.class_from, row.class_to)
            for c, text in enumerate((row.code, row.name, span, fmt_int(row.copies), fmt_int(row.on_shelf),
                                      fmt_int(row.on_loan))):
                item = QTableWidgetItem(text)
                if c >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            if row.id == self.editing:
                self.table.selectRow(r)
        self.table.blockSignals(False)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.rows[rows[0].row()]
        self.editing = row.id
        for edit, value in ((self.code, row.code), (self.name, row.name), (self.class_from, row.class_from),
                            (self.class_to, row.class_to), (self.notes, row.notes)):
            edit.setText(value)
        self.delete_button.setEnabled(True)
        self._clear()

    def _clear(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.message.clear()

    def new(self) -> None:
        self.editing = None
        self.table.clearSelection()
        for edit in (self.code, self.name, self.class_from, self.class_to, self.notes):
            edit.clear()
        self.delete_button.setEnabled(False)
        self._clear()
        self.code.setFocus()

    def save(self) -> bool:
        self._clear()
        values = (self.code.text(), self.name.text(), self.class_from.text(), self.class_to.text(),
                  self.notes.text())
        try:
            with self.ctx.write() as session:
                if self.editing is None:
                    shelf = shelves.create_shelf(session, *values, actor=self.ctx.actor)
                else:
                    shelf = shelves.update_shelf(session, self.editing, *values, actor=self.ctx.actor)
                self.editing, code = shelf.id, shelf.code
        except BookroomError as exc:
            label = self.errors.get(getattr(exc, "field", "") or "")
            (label or self.message).setText(exc.message)
            (label or self.message).show()
            self.message.setStyleSheet("color: #c62828;")
            return False
        self.refresh()
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("书架 {code} 已保存。").format(code=code))
        self.delete_button.setEnabled(True)
        self.changed.emit()
        return True

    def delete(self) -> bool:
        if self.editing is None:
            return False
        try:
            with self.ctx.write() as session:
                shelves.delete_shelf(session, self.editing, actor=self.ctx.actor)
        except BookroomError as exc:
            self.message.setStyleSheet("color: #c62828;")
            self.message.setText(exc.message)
            return False
        self.new()
        self.refresh()
        self.changed.emit()
        return True
