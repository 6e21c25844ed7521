"""The label print dialog: what to print, on which sheet, from which position; preview; print or save as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.printing import layouts
from bookroom_desk.printing.label_painting import LabelSheets, check_codes, print_sheets, write_pdf
from bookroom_desk.services.catalogue import label_items as label_service
from bookroom_desk.services.catalogue.label_items import BOOKS, READERS, SHELVES, SPINE, LabelSet
from bookroom_desk.services.common import clock
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.printing.custom_sheet import CustomSheetEditor
from bookroom_desk.ui.printing.preview import SheetPreview, StartPicker
from bookroom_desk.ui.printing.sources import LabelSources

PDF_FOLDER_KEY = "labels/pdf_folder"
SHIFT_KEY = "labels/shift"  # the printer's misfeed belongs to this PC, not to the room


def pc_settings() -> QSettings:
    """Settings of this PC (a function, so tests can give a scratch file)."""
    return QSettings()


class LabelDialog(QDialog):
    """Choose the kind of label, what to print and the sheet; see the pages; print them or save a PDF."""

    def __init__(self, ctx: AppContext, kind: str = BOOKS, barcodes: list[str] | None = None,
                 batch_id: int | None = None, reader_ids: list[int] | None = None,
                 shelf_ids: list[int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelDialog")
        self.setWindowTitle(self.tr("打印标签"))
        self.ctx = ctx
        self.given = {BOOKS: tuple(barcodes or ()), READERS: tuple(reader_ids or ()), SHELVES: tuple(shelf_ids or ())}
        self.given[SPINE] = self.given[BOOKS]
        self.batch_id = batch_id
        self.labels: LabelSet | None = None
        self.layout_: layouts.SheetLayout = layouts.PRESETS[layouts.DEFAULTS[kind]]
        self._loading = 0  # while the dialog itself sets the sheet
        self._generation = 0  # the latest gathering; older results arriving late are dropped
        self._closed = False  # results arriving after closing are dropped
        self._build()
        self.sources.set_kind(kind)

    # -- building ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.sources = LabelSources(self.ctx, self, self.given, self.batch_id)
        self.kind_combo, self.source_combo = self.sources.kind_combo, self.sources.source_combo
        self.batch_combo, self.codes_edit = self.sources.batch_combo, self.sources.codes_edit
        self.layout_combo = self._combo("labelLayoutCombo")
        for key, layout in layouts.PRESETS.items():
            self.layout_combo.addItem(layout.describe(), key)
        self.layout_combo.addItem(self.tr("自定义标签纸…"), layouts.CUSTOM)
        self.custom_editor = CustomSheetEditor(self)
        self.start_spin = QSpinBox(self)
        self.start_spin.setObjectName("labelStartSpin")
        self.start_where = QLabel(self)
        self.start_where.setObjectName("labelStartPosition")
        self.shift_x, self.shift_y = self._shift_spin("labelShiftX"), self._shift_spin("labelShiftY")
        self.outlines_check = QCheckBox(self.tr("印出标签边框（先在白纸上试印，对着标签纸检查位置）"), self)
        self.outlines_check.setObjectName("labelOutlinesCheck")
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
        self.sources.add_rows(form)
        form.addRow(self.tr("标签纸"), self.layout_combo)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_spin)
        start_row.addWidget(self.start_where, 1)
        form.addRow(self.tr("从第几个标签开始"), start_row)
        shift_row = QHBoxLayout()
        shift_row.addWidget(QLabel(self.tr("右移"), self))
        shift_row.addWidget(self.shift_x)
        shift_row.addWidget(QLabel(self.tr("下移"), self))
        shift_row.addWidget(self.shift_y)
        shift_row.addStretch(1)
        form.addRow(self.tr("打印偏移"), shift_row)
        form.addRow(self.outlines_check)
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

        self.sources.kindChanged.connect(self._kind_changed)
        self.sources.changed.connect(self.reload)
        self.layout_combo.currentIndexChanged.connect(self._layout_changed)
        self.custom_editor.changed.connect(self._custom_changed)
        self.custom_editor.saveRequested.connect(self._save_custom)
        self.start_spin.valueChanged.connect(self._start_changed)
        self.start_picker.startChanged.connect(self.start_spin.setValue)

    def _shift_spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(-10.0, 10.0)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm")
        spin.setToolTip(self.tr("打印机送纸有偏差时，把所有标签内容整体移动（负数为左移或上移）；只影响这台电脑。"))
        spin.setValue(float(pc_settings().value(f"{SHIFT_KEY}/{name}", 0.0)))
        spin.valueChanged.connect(lambda value: pc_settings().setValue(f"{SHIFT_KEY}/{name}", value))
        return spin

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
        return self.sources.kind()

    def _kind_changed(self, kind: str) -> None:
        with self.ctx.read() as session:
            key = layouts.default_key(session, kind)
        self._loading += 1
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(key))
        self._loading -= 1
        self._layout_changed()
        self.reload()

    def reload(self) -> None:
        """Gather the labels again (off the GUI thread) and refresh the preview."""
        self._generation += 1
        generation = self._generation
        kind = self.kind()
        try:
            selection = self.sources.selection()
        except BookroomError as exc:
            self._show_labels(None, exc.message)
            return
        if selection is None:
            self._show_labels(None, "")
            return

        def gather(progress):
            with self.ctx.db.read() as session:
                labels = label_service.gather(session, kind, selection)
            check_codes(labels)
            return labels

        self.ctx.tasks.run(gather, on_done=lambda labels: self._loaded(generation, labels),
                           on_error=lambda exc: self._failed(generation, exc), owner=self)

    def _loaded(self, generation: int, labels: LabelSet) -> None:
        if generation != self._generation or self._closed:
            return
        message = ""
        if labels.skipped:  # shown as a problem: these copies need a call number first
            message = self.tr("{count} 册还没有索书号，不印书标：{codes}").format(
                count=len(labels.skipped), codes=label_service.list_codes(labels.skipped, 10))
        self._show_labels(labels, message)

    def _failed(self, generation: int, exc: BookroomError) -> None:
        if generation == self._generation and not self._closed:
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
                layouts.save_custom(session, self.custom_editor.layout(), actor=self.ctx.actor)
        except BookroomError as exc:
            self.custom_editor.show_problem(exc.message)
        else:
            self.custom_editor.show_note(self.tr("已保存为书屋的自定义标签纸。"))

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
        return LabelSheets(self.labels, self.layout_, self.start_spin.value(),
                           (self.shift_x.value(), self.shift_y.value()), self.outlines_check.isChecked())

    def _refresh(self) -> None:
        sheets = self.sheets()
        page = self.preview.page if self.preview.sheets is not None else 0
        self.preview.set_sheets(sheets, page)
        if sheets:
            summary = self.tr("共 {labels} 个标签，{pages} 页。").format(
                labels=len(sheets.labels.items), pages=sheets.page_count)
            narrow = sheets.narrow_barcodes()
            if narrow:
                summary += "\n" + self.tr("标签太窄：{codes} 的条码线条会细于 0.25 毫米，廉价扫描枪可能读不出。").format(
                    codes=label_service.list_codes(narrow, 3))
            self.summary.setText(summary)
        else:
            self.summary.setText(self.tr("没有要打印的标签。"))
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(sheets is not None)

    # -- output -----------------------------------------------------------------------------------

    def _remember_layout(self, count: int) -> None:
        """After labels went out: keep the sheet chosen for this kind, and say who printed how many."""
        kind, key = self.kind(), self.layout_.key
        with self.ctx.write() as session:
            label_service.remember_layout(session, kind, key, actor=self.ctx.actor)
            label_service.record_printed(session, kind, count, actor=self.ctx.actor)

    def done(self, result: int) -> None:
        """Closing waits for a PDF still being written (a second or so), so no file is left half done."""
        self.ctx.tasks.wait()
        self._closed = True
        super().done(result)

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
        self._remember_layout(len(sheets.labels.items))
        self._say(self.tr("已送往打印机：{labels} 个标签。").format(labels=len(sheets.labels.items)))

    def save_pdf(self) -> None:
        sheets = self.sheets()
        if sheets is None:
            return
        folder = pc_settings().value(PDF_FOLDER_KEY) or \
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("标签-{kind}-{date}.pdf").format(kind=self.kind_combo.currentText(),
                                                       date=clock.today().isoformat())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存标签 PDF"), str(Path(folder) / name),
                                              self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        pc_settings().setValue(PDF_FOLDER_KEY, str(Path(path).parent))
        self._set_busy(True)
        title = self.kind_combo.currentText()
        self.ctx.tasks.run(lambda progress: write_pdf(sheets, path, progress, title),
                           on_done=lambda pages: self._saved(path, sheets, pages), on_error=self._save_failed,
                           on_progress=self._progress, owner=self, on_failure=self._save_ended)

    def _saved(self, path: str, sheets: LabelSheets, pages: int) -> None:
        if self._closed:
            return
        self._set_busy(False)
        self._remember_layout(len(sheets.labels.items))
        self._say(self.tr("已保存 {labels} 个标签（{pages} 页）到 {path}").format(
            labels=len(sheets.labels.items), pages=pages, path=path))

    def _save_ended(self) -> None:
        if not self._closed:
            self._set_busy(False)

    def _save_failed(self, exc: BookroomError) -> None:
        if not self._closed:
            self._say(exc.message, error=True)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.print_button, self.pdf_button, self.kind_combo, self.source_combo, self.layout_combo):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        if not busy:
            self._refresh()

    def _progress(self, done: int, total: int) -> None:
        if self._closed:
            return
        self.progress.setVisible(True)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)


def open_label_dialog(parent: QWidget | None, ctx: AppContext, kind: str = BOOKS, barcodes: list[str] | None = None,
                      batch_id: int | None = None, reader_ids: list[int] | None = None,
                      shelf_ids: list[int] | None = None) -> LabelDialog:
    """Open the label dialog for a selection, a batch, readers or shelves.

    From a page it is not modal (the desk keeps scanning); asked from a dialog (a title's, the import's) it
    opens over that dialog, modal to it alone: a window-modal dialog blocks its parent's other children, so
    a label dialog parented to the main window would take no click until the dialog under it closed.
    """
    window = parent.window() if parent is not None else None
    over_dialog = isinstance(window, QDialog)
    dialog = LabelDialog(ctx, kind, barcodes, batch_id, reader_ids, shelf_ids, window if over_dialog else parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if over_dialog:
        dialog.open()
    else:
        dialog.show()
    return dialog
