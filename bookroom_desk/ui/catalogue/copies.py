"""A title's copies: the list, adding several at once, and each copy's life (move, repair, withdraw, lost...)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.catalogue import copies, shelves
from bookroom_desk.services.common import clock, money, vocab
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_date

_C = "CopiesPanel"
COLUMNS = ((QT_TRANSLATE_NOOP("CopiesPanel", "条码号"), 100), (QT_TRANSLATE_NOOP("CopiesPanel", "状态"), 70),
           (QT_TRANSLATE_NOOP("CopiesPanel", "书架"), 70), (QT_TRANSLATE_NOOP("CopiesPanel", "入藏日期"), 95),
           (QT_TRANSLATE_NOOP("CopiesPanel", "来源"), 80), (QT_TRANSLATE_NOOP("CopiesPanel", "价格"), 70),
           (QT_TRANSLATE_NOOP("CopiesPanel", "注销原因"), 120))


class AddCopiesDialog(QDialog):
    """How many copies, from where, when, at what price, on which shelf (default: by class)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("加册"))
        self.setObjectName("addCopiesDialog")
        form = QFormLayout(self)
        self.count = QSpinBox(self)
        self.count.setObjectName("copyCountSpin")
        self.count.setRange(1, copies.MAX_AT_ONCE)
        self.source = QComboBox(self)
        self.source.setObjectName("sourceCombo")
        for code in vocab.SOURCES:
            self.source.addItem(vocab.label(vocab.SOURCES, code), code)
        self.date = QDateEdit(self)
        self.date.setObjectName("acquiredDateEdit")
        self.date.setCalendarPopup(True)
        today = clock.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.price = QLineEdit(self)
        self.price.setObjectName("copyPriceEdit")
        self.price.setPlaceholderText(self.tr("留空则按定价"))
        self.shelf = QComboBox(self)
        self.shelf.setObjectName("shelfCombo")
        self.shelf.addItem(self.tr("按分类号自动选择"), None)
        with ctx.read() as session:
            for row in shelves.list_shelves(session):
                self.shelf.addItem(f"{row.code}  {row.name}", row.id)
        self.error = QLabel(self)
        self.error.setObjectName("addCopiesError")
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.tr("册数"), self.count)
        form.addRow(self.tr("来源"), self.source)
        form.addRow(self.tr("入藏日期"), self.date)
        form.addRow(self.tr("单价（元）"), self.price)
        form.addRow(self.tr("书架"), self.shelf)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("加册并分配条码"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        try:
            money.parse_price(self.price.text().strip() or None)
        except BookroomError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

    def values(self) -> dict:
        date = self.date.date()
        return dict(count=self.count.value(), source=self.source.currentData(),
                    acquired_on=dt.date(date.year(), date.month(), date.day()),
                    price=money.parse_price(self.price.text().strip() or None), shelf_id=self.shelf.currentData())


class CopiesPanel(QWidget):
    """The copies of one title with buttons for what can happen to them; ``changed`` after each change."""

    changed = Signal()
    printRequested = Signal(list, object)  # barcodes, batch id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title_id: int | None = None
        self.rows: list[copies.CopyRow] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("copyTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate(_C, name) for name, _ in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for column, (_, width) in enumerate(COLUMNS):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        self.message = QLabel(self)
        self.message.setObjectName("copyMessage")
        self.message.setWordWrap(True)
        buttons = QGridLayout()  # two columns beside the list, so the list keeps its height
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("加册…"), self.ask_add), ("move", self.tr("移架…"), self.ask_move),
            ("repair", self.tr("送修"), self.repair), ("repaired", self.tr("修好上架"), self.repaired),
            ("withdraw", self.tr("剔除…"), self.ask_withdraw), ("lost", self.tr("遗失…"), self.ask_lost),
            ("reinstate", self.tr("恢复"), self.reinstate), ("history", self.tr("历史"), self.show_history),
            ("print", self.tr("打印标签"), self._print), ("delete", self.tr("删除误加…"), self.ask_delete),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"{key}CopyButton")
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button, len(self.buttons) // 2, len(self.buttons) % 2)
            self.buttons[key] = button
        buttons.setRowStretch(len(self.buttons) // 2 + 1, 1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        self._enable()

    def load(self, title_id: int | None) -> None:
        self.title_id = title_id
        self.refresh()

    def refresh(self) -> None:
        selected = set(self.selected())
        if self.title_id is None:
            self.rows = []
        else:
            with self.ctx.read() as session:
                self.rows = copies.copies_of(session, self.title_id)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            price = f"{row.price_paid:.2f}" if row.price_paid is not None else ""
            for c, text in enumerate((row.barcode, vocab.label(vocab.COPY_STATUSES, row.status), row.shelf_code,
                                      fmt_date(row.acquired_on), vocab.label(vocab.SOURCES, row.source), price,
                                      row.removed_reason)):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if row.barcode in selected:
                self.table.selectRow(r)
        self._enable()

    def selected(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}) \
            if self.table.selectionModel() else []
        return [self.rows[r].barcode for r in rows if r < len(self.rows)]

    def select(self, barcodes: list[str]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r, row in enumerate(self.rows):
            if row.barcode in barcodes:
                self.table.selectRow(r)
        self.table.setSelectionMode(mode)

    def _enable(self) -> None:
        has_title, has_selection = self.title_id is not None, bool(self.selected())
        self.buttons["add"].setEnabled(has_title)
        for key in ("move", "repair", "repaired", "withdraw", "lost", "reinstate", "history", "delete", "print"):
            self.buttons[key].setEnabled(has_selection)

    # Actions -----------------------------------------------------------------------------

    def _each(self, action, *args) -> bool:
        """Apply ``action`` to every selected copy in one unit of work; show the first refusal."""
        barcodes = self.selected()
        if not barcodes:
            return False
        try:
            with self.ctx.write() as session:
                for code in barcodes:
                    action(session, code, *args, actor=self.ctx.actor)
        except BookroomError as exc:
            self.message.setText(exc.message)
            self.message.setStyleSheet("color: #c62828;")
            return False
        self.message.setText(self.tr("已处理 {n} 册。").format(n=len(barcodes)))
        self.message.setStyleSheet("color: #2e7d32;")
        self.refresh()
        self.changed.emit()
        return True

    def add(self, count: int, source: str = "distribution", acquired_on: dt.date | None = None, price=None,
            shelf_id: int | None = None) -> list[str]:
        try:
            with self.ctx.write() as session:
                self.last_batch, codes = copies.add_copies(
                    session, self.title_id, count, source=source, acquired_on=acquired_on, price=price,
                    shelf_id=shelf_id, actor=self.ctx.actor)
        except BookroomError as exc:
            self.message.setText(exc.message)
            self.message.setStyleSheet("color: #c62828;")
            return []
        self.refresh()
        self.select(codes)
        self.message.setText(self.tr("已加 {n} 册，条码 {first} 至 {last}。").format(
            n=len(codes), first=codes[0], last=codes[-1]))
        self.message.setStyleSheet("color: #2e7d32;")
        self.changed.emit()
        return codes

    def ask_add(self) -> None:
        dialog = AddCopiesDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add(**dialog.values())

    def move(self, shelf_id: int | None) -> bool:
        return self._each(copies.move_copy, shelf_id)

    def ask_move(self) -> None:
        with self.ctx.read() as session:
            rows = shelves.list_shelves(session)
        if not rows:
            self.message.setText(self.tr("还没有书架，请先在“书架”页添加。"))
            return
        names = [f"{row.code}  {row.name}" for row in rows]
        choice, ok = QInputDialog.getItem(self, self.tr("移架"), self.tr("移到哪个书架："), names, 0, False)
        if ok:
            self.move(rows[names.index(choice)].id)

    def repair(self) -> bool:
        return self._each(copies.send_to_repair, "")

    def repaired(self) -> bool:
        return self._each(copies.back_from_repair)

    def withdraw(self, reason: str) -> bool:
        return self._each(copies.withdraw, reason)

    def lost(self, reason: str) -> bool:
        return self._each(copies.mark_lost, reason)

    def _ask_reason(self, title: str) -> str | None:
        reason, ok = QInputDialog.getText(self, title, self.tr("原因（必填）："))
        return reason if ok else None

    def ask_withdraw(self) -> None:
        reason = self._ask_reason(self.tr("剔除"))
        if reason is not None:
            self.withdraw(reason)

    def ask_lost(self) -> None:
        reason = self._ask_reason(self.tr("遗失"))
        if reason is not None:
            self.lost(reason)

    def reinstate(self) -> bool:
        return self._each(copies.reinstate, "")

    def delete(self) -> bool:
        return self._each(copies.delete_copy)

    def ask_delete(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("删除误加的册"),
            self.tr("删除选中的 {n} 册？只用于刚刚误加、从未借出的册；不再收藏的书请用“剔除”。").format(n=len(self.selected())))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete()

    def history_text(self, barcode: str) -> str:
        with self.ctx.read() as session:
            lines = copies.history(session, barcode)
        return "\n".join(
            f"{line.at:%Y-%m-%d %H:%M}  {_kind(line.kind)}  {_detail(line.detail)}  {line.by}".rstrip()
            for line in lines) or self.tr("没有记录。")

    def show_history(self) -> None:
        barcodes = self.selected()
        if barcodes:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("{code} 的历史").format(code=barcodes[0]),
                              self.history_text(barcodes[0]), QMessageBox.StandardButton.Close, self)
            box.setObjectName("historyBox")
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.open()

    def _print(self) -> None:
        if self.selected():
            self.printRequested.emit(self.selected(), None)


def _kind(kind: str) -> str:
    """An event kind's label (the desk's own kinds are shown as stored)."""
    text = copies.EVENT_KINDS.get(kind)
    return QCoreApplication.translate("copy_event", text) if text else kind


def _detail(detail: str) -> str:
    """Details that are a source or a status were stored as their Chinese label; show them translated."""
    return QCoreApplication.translate("vocab", detail) if detail else ""
