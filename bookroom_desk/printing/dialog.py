"""The label print dialog: what to print, on which sheet, from which position; preview; print or save as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget)

from bookroom_desk.errors import BookroomError
from bookroom_desk.printing import layouts
from bookroom_desk.printing.custom_sheet import CustomSheetEditor
from bookroom_desk.printing.labels import LabelSheets, print_sheets, write_pdf
from bookroom_desk.printing.preview import SheetPreview, StartPicker
from bookroom_desk.services import clock, labels as label_service
from bookroom_desk.services.labels import BOOKS, READERS, SHELVES, SPINE, LabelSet, Selection
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.tasks import TaskRunner

PDF_FOLDER_KEY = "labels/pdf_folder"
# Sources of labels, by kind; each is offered when it makes sense (a selection only when one was given).
CHOSEN, BATCH, TYPED, EVERYTHING = "chosen", "batch", "typed", "all"


class LabelDialog(QDialog):
    """Choose the kind of label, what to print and the sheet; see the pages; print them or save a PDF."""

    def __init__(self, ctx: AppContext, kind: str = BOOKS, barcodes: list[str] | None = None,
                 batch_id: int | None = None, reader_ids: list[int] | None = None,
                 shelf_ids: list[int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelDialog")
        self.setWindowTitle(self.tr("打印标签"))
        self.ctx = ctx
        self.tasks = TaskRunner(self)
        self.given = {BOOKS: tuple(barcodes or ()), READERS: tuple(reader_ids or ()), SHELVES: tuple(shelf_ids or ())}
        self.given[SPINE] = self.given[BOOKS]
        self.batch_id = batch_id
        self.labels: LabelSet | None = None
        self.layout_: layouts.SheetLayout = layouts.PRESETS[layouts.DEFAULTS[kind]]
        self._loading = 0
        self._generation = 0  # the latest gathering; older results arriving late are dropped
        self._build()
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.kind_combo.blockSignals(False)
        self._kind_changed()

    # -- building ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind_combo = self._combo("labelKindCombo")
        for kind, name in ((BOOKS, self.tr("图书条码标签")), (SPINE, self.tr("书标（索书号）")),
                           (READERS, self.tr("读者证")), (SHELVES, self.tr("书架标签"))):
            self.kind_combo.addItem(name, kind)
        self.source_combo = self._combo("labelSourceCombo")
        self.batch_combo = self._combo("labelBatchCombo")
        self.codes_edit = QLineEdit(self)
        self.codes_edit.setObjectName("labelCodesEdit")
        self.codes_edit.setClearButtonEnabled(True)
        self.layout_combo = self._combo("labelLayoutCombo")
        for key, layout in layouts.PRESETS.items():
            self.layout_combo.addItem(layout.describe(), key)
        self.layout_combo.addItem(self.tr("自定义标签纸…"), layouts.CUSTOM)
        self.custom_editor = CustomSheetEditor(self)
        self.start_spin = QSpinBox(self)
        self.start_spin.setObjectName("labelStartSpin")
        self.start_where = QLabel(self)
        self.start_where.setObjectName("labelStartPosition")
        self.start_picker = StartPicker(self)
        self.start_picker.setObjectName("labelStartPicker")
        self.summary = QLabel(self)
        self.summary.setObjectName("labelSummary")
        self.summary.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("labelMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("labelProgress")
        self.progress.hide()
        self.preview = SheetPreview(self)
        self.preview.setObjectName("labelPreview")
        self.print_button = self._button("printLabelsButton", self.tr("打印…"), self.print_labels)
        self.pdf_button = self._button("saveLabelsPdfButton", self.tr("保存为 PDF…"), self.save_pdf)
        self.close_button = self._button("closeLabelDialogButton", self.tr("关闭"), self.reject)

        form = QFormLayout()
        form.addRow(self.tr("标签种类"), self.kind_combo)
        form.addRow(self.tr("打印内容"), self.source_combo)
        form.addRow(self.tr("导入批次"), self.batch_combo)
        form.addRow(self.tr("号码"), self.codes_edit)
        form.addRow(self.tr("标签纸"), self.layout_combo)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_spin)
        start_row.addWidget(self.start_where, 1)
        form.addRow(self.tr("从第几个标签开始"), start_row)
        self.form = form
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addLayout(form)
        side_layout.addWidget(self.custom_editor)
        side_layout.addWidget(self.start_picker, 1, Qt.AlignmentFlag.AlignHCenter)
        side_layout.addWidget(self.summary)
        side_layout.addWidget(self.message)
        side_layout.addWidget(self.progress)
        splitter = QSplitter(self)
        splitter.addWidget(side)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.pdf_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1040, 720)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self.batch_combo.currentIndexChanged.connect(self.reload)
        self.codes_edit.returnPressed.connect(self.reload)
        self.codes_edit.editingFinished.connect(self._codes_finished)
        self.layout_combo.currentIndexChanged.connect(self._layout_changed)
        self.custom_editor.changed.connect(self._custom_changed)
        self.custom_editor.saveRequested.connect(self._save_custom)
        self.start_spin.valueChanged.connect(self._start_changed)
        self.start_picker.startChanged.connect(self.start_spin.setValue)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        return combo

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- what to print ----------------------------------------------------------------------------

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _kind_changed(self) -> None:
        kind = self.kind()
        self._loading += 1
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
        with self.ctx.read() as session:
            key = layouts.default_key(session, kind)
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(key))
        self._loading -= 1
        self._layout_changed()
        self._source_changed()

    def _source_changed(self) -> None:
        if self._loading:
            return
        source = self.source_combo.currentData()
        self._set_row_visible(self.batch_combo, source == BATCH)
        self._set_row_visible(self.codes_edit, source == TYPED)
        if source == BATCH and self.batch_combo.count() == 0:
            self._fill_batches()
        if source == TYPED:
            self.codes_edit.setFocus()
        self.reload()

    def _set_row_visible(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def _fill_batches(self) -> None:
        self._loading += 1
        with self.ctx.read() as session:
            batches = label_service.recent_batches(session)
        for batch in batches:
            name = batch.file_name or batch.supplier or self.tr("手工添加")
            self.batch_combo.addItem(self.tr("#{id}　{when}　{name}（{count} 册）").format(
                id=batch.id, when=batch.created_at.strftime("%Y-%m-%d"), name=name, count=batch.copies), batch.id)
        if self.batch_id is not None:
            self.batch_combo.setCurrentIndex(max(0, self.batch_combo.findData(self.batch_id)))
        self._loading -= 1

    def _codes_finished(self) -> None:
        if self.codes_edit.isModified():
            self.codes_edit.setModified(False)
            self.reload()

    def selection(self) -> Selection | None:
        """The selection the form names, or None while it names nothing yet."""
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

    def reload(self) -> None:
        """Gather the labels again (off the GUI thread) and refresh the preview."""
        if self._loading:
            return
        self._generation += 1
        generation = self._generation
        kind = self.kind()
        try:
            selection = self.selection()
        except BookroomError as exc:
            self._show_labels(None, exc.message)
            return
        if selection is None:
            self._show_labels(None, "")
            return

        def gather(progress):
            with self.ctx.db.read() as session:
                return label_service.gather(session, kind, selection)

        self.tasks.run(gather, on_done=lambda labels: self._loaded(generation, labels),
                       on_error=lambda exc: self._failed(generation, exc))

    def _loaded(self, generation: int, labels: LabelSet) -> None:
        if generation != self._generation:
            return
        message = ""
        if labels.skipped:  # shown as a problem: these copies need a call number first
            message = self.tr("{count} 册还没有索书号，不印书标：{codes}").format(
                count=len(labels.skipped), codes="、".join(labels.skipped[:10]) + ("…" if len(labels.skipped) > 10 else ""))
        self._show_labels(labels, message)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not isinstance(exc, BookroomError):
            raise exc
        if generation == self._generation:
            self._show_labels(None, exc.message)

    def _show_labels(self, labels: LabelSet | None, problem: str) -> None:
        self.labels = labels
        self._say(problem, error=True)
        self._refresh()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b71c1c;" if error else "color: #1b5e20;")
        self.message.setText(text)

    # -- the sheet --------------------------------------------------------------------------------

    def _layout_changed(self) -> None:
        if self._loading:
            return
        key = self.layout_combo.currentData()
        self.custom_editor.setVisible(key == layouts.CUSTOM)
        if key == layouts.CUSTOM:
            with self.ctx.read() as session:
                try:
                    custom = layouts.load_custom(session)
                except BookroomError:
                    custom = layouts.custom_from(label_service.CUSTOM_LAYOUT.default)
            self.custom_editor.set_layout(custom)
            self._use_layout(custom)
        else:
            self._use_layout(layouts.PRESETS[key])

    def _custom_changed(self) -> None:
        try:
            layout = self.custom_editor.layout()
        except BookroomError as exc:
            self.custom_editor.show_problem(exc.message)
            return
        self.custom_editor.show_problem("")
        self._use_layout(layout)

    def _save_custom(self) -> None:
        try:
            with self.ctx.write() as session:
                layouts.save_custom(session, self.custom_editor.layout())
        except BookroomError as exc:
            self.custom_editor.show_problem(exc.message)
        else:
            self.custom_editor.show_problem(self.tr("已保存为书屋的自定义标签纸。"))

    def _use_layout(self, layout: layouts.SheetLayout) -> None:
        # Another kind of paper starts a fresh sheet; the same paper keeps the position chosen.
        same_paper = layout.key == self.layout_.key and self.start_spin.value() > 0
        self.layout_ = layout
        start = min(self.start_spin.value(), layout.cells) if same_paper else 1
        self.start_spin.blockSignals(True)
        self.start_spin.setRange(1, layout.cells)
        self.start_spin.setValue(start)
        self.start_spin.blockSignals(False)
        self._start_changed(start)

    def _start_changed(self, start: int) -> None:
        row, column = self.layout_.cell_position(start - 1)
        self.start_where.setText(self.tr("第 {row} 行第 {column} 列").format(row=row + 1, column=column + 1))
        self.start_picker.set_layout(self.layout_, start)
        self._refresh()

    def sheets(self) -> LabelSheets | None:
        if not self.labels or not self.labels.items:
            return None
        return LabelSheets(self.labels, self.layout_, self.start_spin.value())

    def _refresh(self) -> None:
        sheets = self.sheets()
        page = self.preview.page if self.preview.sheets is not None else 0
        self.preview.set_sheets(sheets, page)
        if sheets:
            self.summary.setText(self.tr("共 {labels} 个标签，{pages} 页。").format(
                labels=len(sheets.labels.items), pages=sheets.page_count))
        else:
            self.summary.setText(self.tr("没有要打印的标签。"))
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(sheets is not None)

    # -- output -----------------------------------------------------------------------------------

    def _remember_layout(self) -> None:
        with self.ctx.write() as session:
            label_service.remember_layout(session, self.kind(), self.layout_.key)

    def print_labels(self) -> None:
        """Print through the system's print dialog (on the GUI thread, as printers require)."""
        if self.sheets() is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                          printer.pageLayout().margins()))
        printer.setDocName(self.tr("标签"))
        printer.setFromTo(1, self.sheets().page_count)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("labelPrintDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        sheets = self.sheets()
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            print_sheets(sheets, printer, self._progress)
        except (BookroomError, OSError) as exc:
            self._say(self.tr("打印失败：{error}").format(error=str(exc)), error=True)
            return
        finally:
            self.unsetCursor()
            self.progress.hide()
        self._remember_layout()
        self._say(self.tr("已送往打印机：{labels} 个标签。").format(labels=len(sheets.labels.items)))

    def save_pdf(self) -> None:
        sheets = self.sheets()
        if sheets is None:
            return
        folder = QSettings().value(PDF_FOLDER_KEY) or \
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("标签-{kind}-{date}.pdf").format(kind=self.kind_combo.currentText(),
                                                       date=clock.today().isoformat())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存标签 PDF"), str(Path(folder) / name),
                                              self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        QSettings().setValue(PDF_FOLDER_KEY, str(Path(path).parent))
        self._set_busy(True)
        title = self.kind_combo.currentText()
        self.tasks.run(lambda progress: write_pdf(sheets, path, progress, title),
                       on_done=lambda pages: self._saved(path, sheets, pages),
                       on_error=self._save_failed, on_progress=self._progress)

    def _saved(self, path: str, sheets: LabelSheets, pages: int) -> None:
        self._set_busy(False)
        self._remember_layout()
        self._say(self.tr("已保存 {labels} 个标签（{pages} 页）到 {path}").format(
            labels=len(sheets.labels.items), pages=pages, path=path))

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, BookroomError):
            raise exc
        self._say(exc.message, error=True)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.print_button, self.pdf_button, self.kind_combo, self.source_combo, self.layout_combo):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        if not busy:
            self._refresh()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)


def open_label_dialog(parent: QWidget | None, ctx: AppContext, kind: str = BOOKS, barcodes: list[str] | None = None,
                      batch_id: int | None = None, reader_ids: list[int] | None = None,
                      shelf_ids: list[int] | None = None) -> LabelDialog:
    """Open the label dialog (not modal: the desk keeps scanning) for a selection, a batch, readers or shelves."""
    dialog = LabelDialog(ctx, kind, barcodes, batch_id, reader_ids, shelf_ids, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog
