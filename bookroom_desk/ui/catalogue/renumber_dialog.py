"""重编种次号: a class range's call numbers old → new, applied whole after a backup, then their spine labels."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
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
from bookroom_desk.services.catalogue import renumbering
from bookroom_desk.services.catalogue.label_items import SPINE
from bookroom_desk.services.upkeep import backups
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_int

_C = "RenumberDialog"
COLUMNS = ((QT_TRANSLATE_NOOP("RenumberDialog", "原索书号"), 130), (QT_TRANSLATE_NOOP("RenumberDialog", "新索书号"), 130),
           (QT_TRANSLATE_NOOP("RenumberDialog", "书名"), 260), (QT_TRANSLATE_NOOP("RenumberDialog", "册数"), 60))


class RenumberDialog(QDialog):
    """Type a class range, see old → new for every title that changes, and 应用 (all or nothing)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renumberDialog")
        self.setWindowTitle(self.tr("重编种次号"))
        self.ctx = ctx
        self.plan: renumbering.Plan | None = None
        self.barcodes: tuple[str, ...] = ()
        hint = QLabel(self.tr("书屋改了排架方案后，给一段分类号内每一类的书重新编种次号 1、2、3……，"
                              "按现在的排架顺序；应用前会先备份，全部改好或全不改。"), self)
        hint.setWordWrap(True)
        self.from_class = self._line("renumberFromClass", self.tr("如 I247"))
        self.to_class = self._line("renumberToClass", self.tr("如 I247（同书架的分类范围）"))
        self.preview_button = self._button("renumberPreviewButton", self.tr("预览"), self.preview)
        self.apply_button = self._button("renumberApplyButton", self.tr("应用"), self.apply)
        self.labels_button = self._button("renumberLabelsButton", self.tr("打印新书标…"), self.print_labels)
        self.close_button = self._button("renumberCloseButton", self.tr("关闭"), self.reject)
        self.apply_button.setEnabled(False)
        self.labels_button.setEnabled(False)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("renumberTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate(_C, str(name)) for name, _ in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for column, (_, width) in enumerate(COLUMNS):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setObjectName("renumberMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        range_row = QHBoxLayout()
        range_row.addWidget(QLabel(self.tr("分类号从"), self))
        range_row.addWidget(self.from_class)
        range_row.addWidget(QLabel(self.tr("到"), self))
        range_row.addWidget(self.to_class)
        range_row.addWidget(self.preview_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.apply_button, self.labels_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(range_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(680, 480)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.returnPressed.connect(self.preview)
        edit.textEdited.connect(lambda _text: self._forget())
        return edit

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("" if ok else "color: #c62828;")

    def _forget(self) -> None:
        """The range was edited: the preview shown no longer applies."""
        self.plan = None
        self.apply_button.setEnabled(False)

    def preview(self) -> None:
        low = self.from_class.text().strip()
        high = self.to_class.text().strip() or low
        try:
            with self.ctx.read() as session:
                plan = renumbering.preview(session, low, high)
        except BookroomError as exc:
            self._forget()
            self.table.setRowCount(0)
            self._say(exc.message, ok=False)
            return
        self.plan = plan
        self._fill(plan)
        self.apply_button.setEnabled(bool(plan.changes))
        if plan.changes:
            self._say(self.tr("分类号 {low}–{high}：将改 {titles} 种书（{copies} 册）的索书号，{same} 种不变。").format(
                low=plan.from_class, high=plan.to_class, titles=fmt_int(len(plan.changes)),
                copies=fmt_int(plan.copies), same=fmt_int(plan.unchanged)))
        else:
            self._say(self.tr("分类号 {low}–{high}：{same} 种书的索书号已是连续的种次号，没有要改的。").format(
                low=plan.from_class, high=plan.to_class, same=fmt_int(plan.unchanged)))

    def _fill(self, plan: renumbering.Plan) -> None:
        self.table.setRowCount(len(plan.changes))
        for row, change in enumerate(plan.changes):
            for column, value in enumerate((change.old or "-", change.new, change.title, fmt_int(change.copies))):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def apply(self) -> bool:
        if self.plan is None or not self.plan.changes:
            return False
        try:
            with self.ctx.write() as session:
                backups.before_bulk(session, "renumber")
                applied = renumbering.apply(session, self.plan, actor=self.ctx.actor)
        except BookroomError as exc:
            self._say(exc.message, ok=False)
            return False
        self.barcodes = applied.barcodes
        self._forget()
        self.labels_button.setEnabled(bool(self.barcodes))
        self._say(self.tr("已改 {titles} 种书的索书号（改动前已备份）；{copies} 册要换书标，请点“打印新书标”。").format(
            titles=fmt_int(applied.titles), copies=fmt_int(len(self.barcodes))))
        return True

    def print_labels(self):
        from bookroom_desk.ui.printing.dialog import open_label_dialog

        return open_label_dialog(self, self.ctx, kind=SPINE, barcodes=list(self.barcodes))
