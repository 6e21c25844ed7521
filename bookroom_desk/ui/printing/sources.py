"""The label dialog's choice of what to print: the kind of label, and a selection, a batch, typed codes or all."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from bookroom_desk.services.catalogue import label_items as label_service
from bookroom_desk.services.catalogue.label_items import BOOKS, READERS, SHELVES, SPINE, Selection
from bookroom_desk.ui.context import AppContext

# Where labels come from; each is offered when it makes sense (a selection only when one was given).
CHOSEN, BATCH, TYPED, EVERYTHING = "chosen", "batch", "typed", "all"


class LabelSources(QObject):
    """The form rows that say what to print; ``kindChanged`` and ``changed`` tell the dialog to gather again."""

    kindChanged = Signal(str)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget, given: dict[str, tuple], batch_id: int | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.given = given
        self.batch_id = batch_id
        self.form: QFormLayout | None = None
        self._quiet = 0
        self.kind_combo = self._combo(parent, "labelKindCombo")
        for kind, name in ((BOOKS, self.tr("图书条码标签")), (SPINE, self.tr("书标（索书号）")),
                           (READERS, self.tr("读者证")), (SHELVES, self.tr("书架标签"))):
            self.kind_combo.addItem(name, kind)
        self.source_combo = self._combo(parent, "labelSourceCombo")
        self.batch_combo = self._combo(parent, "labelBatchCombo")
        self.codes_edit = QLineEdit(parent)
        self.codes_edit.setObjectName("labelCodesEdit")
        self.codes_edit.setClearButtonEnabled(True)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self.batch_combo.currentIndexChanged.connect(self._emit_changed)
        self.codes_edit.editingFinished.connect(self._codes_finished)

    @staticmethod
    def _combo(parent: QWidget, name: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        return combo

    def add_rows(self, form: QFormLayout) -> None:
        self.form = form
        form.addRow(self.tr("标签种类"), self.kind_combo)
        form.addRow(self.tr("打印内容"), self.source_combo)
        form.addRow(self.tr("导入批次"), self.batch_combo)
        form.addRow(self.tr("号码"), self.codes_edit)

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        """Show ``kind`` and its sources, then tell the dialog (even when the kind stays the same)."""
        self._quiet += 1
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self._quiet -= 1
        self._kind_changed()

    def _kind_changed(self) -> None:
        if self._quiet:
            return
        kind = self.kind()
        self._quiet += 1
        self.source_combo.clear()
        count = len(self.given[kind])
        if count:
            chosen = {BOOKS: self.tr("所选图书（{count} 册）"), SPINE: self.tr("所选图书（{count} 册）"),
                      READERS: self.tr("所选读者（{count} 人）"), SHELVES: self.tr("所选书架（{count} 个）")}[kind]
            self.source_combo.addItem(chosen.format(count=count), CHOSEN)
        if kind in (BOOKS, SPINE):
            self.source_combo.addItem(self.tr("一个导入批次"), BATCH)
            self.source_combo.addItem(self.tr("输入条码或条码范围"), TYPED)
            self.source_combo.addItem(self.tr("全部在藏图书"), EVERYTHING)
            self.codes_edit.setPlaceholderText(self.tr("如 00000001-00000100，或几个条码用空格隔开"))
        elif kind == READERS:
            self.source_combo.addItem(self.tr("全部正常状态的读者"), EVERYTHING)
            self.source_combo.addItem(self.tr("输入读者证号或范围"), TYPED)
            self.codes_edit.setPlaceholderText(self.tr("如 R000001-R000050，或几个证号用空格隔开"))
        else:
            self.source_combo.addItem(self.tr("全部书架"), EVERYTHING)
            self.source_combo.addItem(self.tr("输入书架代码"), TYPED)
            self.codes_edit.setPlaceholderText(self.tr("如 A01 A02 B01"))
        if self.batch_id is not None and kind in (BOOKS, SPINE) and not count:
            self.source_combo.setCurrentIndex(self.source_combo.findData(BATCH))
        self._quiet -= 1
        self._show_source_rows()
        self.kindChanged.emit(kind)

    def _source_changed(self) -> None:
        if self._quiet:
            return
        self._show_source_rows()
        if self.source_combo.currentData() == TYPED:
            self.codes_edit.setFocus()
        self.changed.emit()

    def _show_source_rows(self) -> None:
        source = self.source_combo.currentData()
        if self.form is not None:
            self.form.setRowVisible(self.batch_combo, source == BATCH)
            self.form.setRowVisible(self.codes_edit, source == TYPED)
        if source == BATCH and self.batch_combo.count() == 0:
            self._fill_batches()

    def _fill_batches(self) -> None:
        self._quiet += 1
        with self.ctx.read() as session:
            batches = label_service.recent_batches(session)
        for batch in batches:
            name = batch.file_name or batch.supplier or self.tr("手工添加")
            self.batch_combo.addItem(self.tr("#{id}　{when}　{name}（{count} 册）").format(
                id=batch.id, when=batch.created_at.strftime("%Y-%m-%d"), name=name, count=batch.copies), batch.id)
        if self.batch_id is not None:
            self.batch_combo.setCurrentIndex(max(0, self.batch_combo.findData(self.batch_id)))
        self._quiet -= 1

    def _emit_changed(self) -> None:
        if not self._quiet:
            self.changed.emit()

    def _codes_finished(self) -> None:
        if self.codes_edit.isModified():  # Return or leaving the field, once per edit
            self.codes_edit.setModified(False)
            self.changed.emit()

    def selection(self) -> Selection | None:
        """The selection the form names, or None while it names nothing yet; InvalidInput for bad typing."""
        source, kind = self.source_combo.currentData(), self.kind()
        if source == CHOSEN:
            given = self.given[kind]
            return Selection(codes=given) if kind in (BOOKS, SPINE) else Selection(ids=given)
        if source == BATCH:
            batch = self.batch_combo.currentData()
            return None if batch is None else Selection(batch_id=batch)
        if source == TYPED:
            text = self.codes_edit.text().strip()
            return label_service.selection_from_text(kind, text) if text else None
        return Selection(all=True)
