"""Importing a delivery list: choose the file, check which column is which, see every row's problems, import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError, ImportRejected
from bookroom_desk.services.catalogue import book_import, import_fixes, marc_import
from bookroom_desk.services.catalogue.book_import import (
    ALIASES,
    FIELD_TITLES,
    REQUIRED,
    ImportPlan,
    ImportResult,
)
from bookroom_desk.services.catalogue.import_matches import Decisions
from bookroom_desk.services.common import clock, vocab
from bookroom_desk.services.common.repeats import Earlier
from bookroom_desk.services.upkeep import backups
from bookroom_desk.services.xlsx import tabular
from bookroom_desk.text import join_list, translate
from bookroom_desk.ui.catalogue.import_preview import MATCH, DecisionDelegate, ImportPreviewModel
from bookroom_desk.ui.catalogue.pool_load import PoolLoadDialog
from bookroom_desk.ui.context import AppContext

GOOD, BAD, ASK = "color: #2e7d32;", "color: #c62828;", "color: #8a6d00;"


class ImportDialog(QDialog):
    """The 导入配送清单 wizard. Nothing is written until 导入 is pressed, and then all rows or none."""

    imported = Signal(object)  # ImportResult
    printRequested = Signal(int)  # batch id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.grid: tabular.Grid | None = None
        self.table: tabular.Table | None = None
        self.plan: ImportPlan | None = None
        self.earlier: Earlier | None = None  # the batch that already imported these rows
        self.result: ImportResult | None = None
        self.overrides: dict[str, int | None] = {}
        self.marc_problems: list = []  # a MARC file's records left out of its rows, with their problems
        self.edited = False  # cells changed in the preview since the file was read
        self._generation = 0
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("导入配送清单"))
        self.resize(1060, 720)

        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("importFileEdit")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("选择配送清单、旧账册（.xlsx 或 .csv）或 MARC 记录（.iso .mrc .xml）"))
        choose = QPushButton(self.tr("选择文件…"), self)
        choose.setObjectName("chooseFileButton")
        choose.clicked.connect(self.choose_file)
        self.source = QComboBox(self)
        self.source.setObjectName("importSourceCombo")
        for code in vocab.SOURCES:
            self.source.addItem(vocab.label(vocab.SOURCES, code), code)
        self.supplier = QLineEdit(self)
        self.supplier.setObjectName("importSupplierEdit")
        self.supplier.setPlaceholderText(self.tr("如 全国工会职工书屋图书配送中心"))
        self.received = QDateEdit(self)
        self.received.setObjectName("importDateEdit")
        self.received.setCalendarPopup(True)
        today = clock.today()
        self.received.setDate(QDate(today.year, today.month, today.day))
        top = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(choose)
        top.addRow(self.tr("文件"), file_row)
        details = QHBoxLayout()
        for label, widget in ((self.tr("来源"), self.source), (self.tr("供货单位"), self.supplier),
                              (self.tr("到书日期"), self.received)):
            details.addWidget(QLabel(label, self))
            details.addWidget(widget, 1 if widget is self.supplier else 0)
        top.addRow(details)

        self.mapping = QTableWidget(len(FIELD_TITLES), 2, self)
        self.mapping.setObjectName("mappingTable")
        self.mapping.setHorizontalHeaderLabels([self.tr("项目"), self.tr("文件中的列")])
        self.mapping.verticalHeader().hide()
        self.mapping.setColumnWidth(0, 90)
        self.mapping.setColumnWidth(1, 170)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: dict[str, QComboBox] = {}
        for row, (name, title) in enumerate(FIELD_TITLES.items()):
            text = translate("book_import", title) + (" *" if name in REQUIRED else "")
            self.mapping.setCellWidget(row, 0, QLabel(text, self))
            combo = QComboBox(self)
            combo.setObjectName(f"map_{name}")
            combo.activated.connect(lambda _i, n=name: self._mapping_changed(n))
            self.mapping.setCellWidget(row, 1, combo)
            self.combos[name] = combo
        mapping_box = QGroupBox(self.tr("列的对应（可修改）"), self)
        QVBoxLayout(mapping_box).addWidget(self.mapping)
        mapping_box.setFixedWidth(300)

        self.preview_model = ImportPreviewModel(self)
        self.preview = QTableView(self)
        self.preview.setObjectName("previewTable")
        self.preview.setModel(self.preview_model)
        self.preview.verticalHeader().hide()
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_model.apply_widths(self.preview)
        self.preview.setItemDelegateForColumn(MATCH, DecisionDelegate(self.preview))
        self.preview_model.decided.connect(self._show_summary)
        # Queued: the check resets the model, which must not happen inside the editor's own commit.
        self.preview_model.cellEdited.connect(self.edit_cell, Qt.ConnectionType.QueuedConnection)
        self.only_problems = QCheckBox(self.tr("只看有问题的行"), self)
        self.only_problems.setObjectName("onlyProblemsCheck")
        self.only_problems.toggled.connect(self.preview_model.set_only_problems)
        self.summary = QLabel(self.tr("请先选择文件。"), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        preview_box = QGroupBox(self.tr("预览"), self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.summary)
        preview_layout.addWidget(self.only_problems)
        preview_layout.addWidget(self.preview, 1)
        middle = QHBoxLayout()
        middle.addWidget(mapping_box)
        middle.addWidget(preview_box, 1)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        self.import_button = QPushButton(self.tr("导入"), self)
        self.import_button.setObjectName("importRunButton")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.run_import)
        self.print_button = QPushButton(self.tr("打印本批标签…"), self)
        self.print_button.setObjectName("printBatchButton")
        self.print_button.hide()
        self.print_button.clicked.connect(lambda: self.result and self.printRequested.emit(self.result.batch_id))
        self.save_bad_button = QPushButton(self.tr("另存有问题的行…"), self)
        self.save_bad_button.setObjectName("saveBadRowsButton")
        self.save_bad_button.setToolTip(self.tr("把有问题的行连同原表头和问题说明存成一个表格，改好后再导入"))
        self.save_bad_button.setAutoDefault(False)
        self.save_bad_button.hide()
        self.save_bad_button.clicked.connect(self.choose_bad_rows_file)
        self.pool_button = QPushButton(self.tr("只载入书目库…"), self)
        self.pool_button.setObjectName("poolLoadOpenButton")
        self.pool_button.setToolTip(self.tr("共享的书目（MARC 或导出的目录）只载入书目库，不建书目和册，供扫 ISBN 时填表"))
        self.pool_button.setAutoDefault(False)
        self.pool_button.clicked.connect(self.open_pool_load)
        self.pool_dialog: PoolLoadDialog | None = None
        close = QPushButton(self.tr("关闭"), self)
        close.setObjectName("closeImportButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pool_button)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.save_bad_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)

    def open_pool_load(self) -> PoolLoadDialog:
        """The records-only load, over this dialog (parented to it, so it is not blocked behind it)."""
        self.pool_dialog = PoolLoadDialog(self.ctx, self)
        if self.file_edit.text():
            self.pool_dialog.set_file(self.file_edit.text())
        self.pool_dialog.open()
        return self.pool_dialog

    # Reading and mapping -----------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择配送清单"), "",
                                              self.tr("表格 (*.xlsx *.csv *.txt);;MARC 记录 (*.iso *.mrc *.marc *.xml);;"
                                                      "所有文件 (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> None:
        """Read the file (off the GUI thread), find its header, and check it."""
        self.file_edit.setText(str(path))
        self.grid = self.table = self.plan = self.result = None
        self.overrides = {}
        self.edited = False
        self.preview_model.decisions = {}
        self.print_button.hide()
        self.save_bad_button.hide()
        self._busy(self.tr("正在读取文件…"))
        self._generation += 1
        generation = self._generation
        self.marc_problems = []
        if marc_import.is_marc_file(path):  # its records as the rows of a list; those left out keep their problems
            def read(progress):
                return marc_import.read_marc_grid(path)
        else:
            def read(progress):
                return tabular.read_grid(path), []
        self.ctx.tasks.run(read, lambda found: generation == self._generation and self._read(*found),
                           lambda exc: generation == self._generation and self._failed(exc), owner=self)

    def _read(self, grid: tabular.Grid, problems: list) -> None:
        self.grid = grid
        self.marc_problems = problems
        self.remap()

    def _mapping_changed(self, name: str) -> None:
        self.overrides[name] = self.combos[name].currentData()
        self.remap()

    def remap(self) -> None:
        if self.grid is None:
            return
        try:
            self.table = tabular.locate(self.grid, ALIASES, REQUIRED, mapping=self.overrides, strict=False)
        except BookroomError as exc:
            self._failed(exc)
            return
        self._show_mapping()
        if self.table.missing:
            self.plan = None
            self.preview_model.set_rows([])
            names = join_list(translate("book_import", FIELD_TITLES[n]) for n in self.table.missing)
            self._say(self.tr("找不到“{names}”这一列：请在左边为它选择文件中的列。").format(names=names), BAD)
            self.import_button.setEnabled(False)
            return
        table = self.table
        self._busy(self.tr("正在检查每一行…"))
        self._generation += 1
        generation = self._generation
        # A check started before the mapping changed again is dropped when it ends.
        self.ctx.tasks.run(lambda progress: self._plan(table),
                           lambda plan: generation == self._generation and self._planned(plan),
                           lambda exc: generation == self._generation and self._failed(exc), owner=self)

    def _plan(self, table: tabular.Table) -> tuple[ImportPlan, Earlier | None]:
        problems = self.marc_problems
        with self.ctx.read() as session:
            plan = (marc_import.plan_with_records(session, table, problems) if problems
                    else book_import.plan_import(session, table))
            return plan, book_import.earlier_import(session, table)

    def _show_mapping(self) -> None:
        headers = self.table.headers
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("（不导入）"), None)
            for index, header in enumerate(headers):
                combo.addItem(header or self.tr("第 {n} 列").format(n=index + 1), index)
            column = self.table.mapping.get(name)
            combo.setCurrentIndex(0 if column is None else column + 1)
            combo.blockSignals(False)

    def _planned(self, planned: tuple[ImportPlan, Earlier | None]) -> None:
        plan, self.earlier = planned
        self.plan = plan
        self.progress.hide()
        self.preview_model.set_rows(plan.previews, plan.rows_of)
        self.save_bad_button.setVisible(bool(plan.problems))
        self._show_summary()

    def decisions(self) -> Decisions:
        """The titles chosen in the preview for the rows that may be catalogued titles."""
        return Decisions(dict(self.preview_model.decisions))

    def _show_summary(self) -> None:
        plan = self.plan
        if plan is None:
            return
        decisions = self.decisions()
        undecided = plan.undecided(decisions)
        if plan.problems:
            self._say(self.tr("共 {rows} 行，其中 {bad} 行有问题（标红），共 {count} 处。双击单元格直接改正，"
                              "或另存有问题的行改好后再导入，或在左边调整列的对应。有问题时不会导入任何一行。").format(
                rows=len(plan.previews), bad=len(plan.bad_rows), count=len(plan.problems)), BAD)
        elif undecided:
            self._say(self.tr("共 {rows} 行，检查通过，但其中 {count} 种书可能与已有书目重复（标黄）：请双击“书目”一列，"
                              "为每一种选择加到哪条已有书目，或作为新书目，然后导入。").format(
                rows=len(plan.previews), count=len(undecided)), ASK)
        else:
            added = sum(1 for t in plan.unclear if decisions.rows.get(t.rows[0]) is not None)
            text = self.tr("共 {rows} 行，检查通过：将导入 {titles} 种（其中新书目 {new} 种）、{copies} 册。").format(
                rows=len(plan.previews), titles=len(plan.titles), new=plan.new_titles - added, copies=plan.copies)
            if self.earlier is not None:
                text += " " + self._earlier_text()
            self._say(text, BAD if self.earlier is not None else GOOD)
        self.import_button.setEnabled(plan.ok and not undecided)

    # Fixing in the preview ---------------------------------------------------------------

    def edit_cell(self, row_number: int, field_name: str, text: str) -> None:
        """A cell edited in the preview: change the table read from the file, then check every row again."""
        if self.table is None:
            return
        try:
            import_fixes.edit_cell(self.table, row_number, field_name, text)
        except BookroomError as exc:
            self._say(exc.message, BAD)
            return
        self.edited = True
        self.remap()

    def choose_bad_rows_file(self) -> None:
        if self.plan is None or not self.plan.problems:
            return
        stem = Path(self.file_edit.text()).stem or "import"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存有问题的行"),
                                              str(Path(self.file_edit.text()).with_name(f"{stem}-有问题的行.xlsx")),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.save_bad_rows(path)

    def save_bad_rows(self, path: str | Path) -> None:
        assert self.plan is not None
        plan, header = self.plan, self.tr("问题")
        self.ctx.tasks.run(lambda progress: import_fixes.save_bad_rows(plan, path, header),
                           lambda count: self._say(self.tr("已把 {count} 行有问题的行存到 {path}：改好后选择这个文件再导入。")
                                                   .format(count=count, path=path), BAD),
                           self._say_refusal, owner=self)

    def _say_refusal(self, error: BookroomError) -> None:
        self._say(error.message, BAD)

    def reject(self) -> None:
        """Esc, 关闭 or the window's close: an edited preview not yet imported is thrown away only when confirmed."""
        if self.edited and self.result is None and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("放弃修改？"), self.tr("预览中改过的内容还没有导入，关闭后就没有了。确实要关闭吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # Importing ---------------------------------------------------------------------------

    def _earlier_text(self) -> str:
        assert self.earlier is not None
        return self.tr("注意：这些行已在 {date} 导入过（批次 {batch}，{rows} 行）。").format(
            date=self.earlier.made_text, batch=self.earlier.batch_id, rows=self.earlier.rows)

    def confirm_again(self) -> bool:
        """Ask before importing rows imported before (each import adds its copies); No unless chosen."""
        answer = QMessageBox.question(
            self, self.tr("再导入一次？"),
            self._earlier_text() + "\n\n" + self.tr("再导入一次，每种书的册数会再增加一遍。确实要再导入吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def run_import(self) -> None:
        if self.plan is None or not self.plan.ok or self.plan.undecided(self.decisions()):
            return
        again = self.earlier is not None
        if again and not self.confirm_again():
            return
        table, date, actor = self.table, self.received.date(), self.ctx.actor
        options = dict(source=self.source.currentData(), supplier=self.supplier.text(),
                       received_on=dt.date(date.year(), date.month(), date.day()), decisions=self.decisions())
        self.import_button.setEnabled(False)
        self._busy(self.tr("正在导入…"))

        def work(progress):
            with self.ctx.db.write() as session:
                backups.before_bulk(session, "import")
                return book_import.import_table(session, table, progress=progress, actor=actor, again=again, **options)

        self.ctx.tasks.run(work, self._imported, self._failed, self._progress, write=True, owner=self,
                           on_failure=self.progress.hide)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self.progress.hide()
        self.plan = None
        self._say(self.tr("已导入 {titles} 种、{copies} 册（新书目 {new} 种），批次 {batch}。").format(
            titles=result.titles, copies=result.copies, new=result.new_titles, batch=result.batch_id), GOOD)
        self.print_button.show()
        self.ctx.dataChanged.emit()
        if result.keys_pending:
            self.ctx.titlesToKey.emit()
        self.imported.emit(result)

    def _failed(self, error: BookroomError) -> None:
        self.progress.hide()
        # An ImportRejected here means the database changed since the preview: its message says so.
        self._say(error.message, BAD)
        if self.plan is None:  # the file itself was refused: the last file's rows must not stay in view
            self.preview_model.set_rows([])
        elif isinstance(error, ImportRejected):
            self.preview_model.set_rows(self._with_problems(error.problems))
        self.import_button.setEnabled(False)

    def _with_problems(self, problems) -> list:
        """The preview rows again, carrying the problems found at import time."""
        rows = self.preview_model.all
        for row in rows:
            row.problems = [p for p in problems if p.row == row.row]
        return rows

    def _busy(self, text: str) -> None:
        self._say(text, "")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.import_button.setEnabled(False)

    def _say(self, text: str, style: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(style)
