"""载入书目库: a MARC file or a room's catalogue export into the record pool, without copies (from the import wizard).

A union shares one file of records with its rooms; loaded here, a later ISBN scan of a book the room does not
hold fills the new-title form. All records or none: when any is bad, each problem is listed and nothing is loaded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError, ImportRejected
from bookroom_desk.services.catalogue import marc_import, marc_pool, record_pool
from bookroom_desk.services.upkeep import backups
from bookroom_desk.services.xlsx.tabular import read_file_bytes
from bookroom_desk.ui.context import AppContext

GOOD, BAD = "color: #2e7d32;", "color: #c62828;"


class PoolLoadDialog(QDialog):
    """Choose the file, 载入; the result or every problem shows below."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("poolLoadDialog")
        self.setWindowTitle(self.tr("载入书目库"))
        self.resize(640, 420)
        intro = QLabel(self.tr("把上级工会或其他书屋共享的书目（MARC 文件，或书屋导出的目录）载入书目库：不建书目，"
                               "也不增加藏书；以后扫到书屋没有的书的 ISBN，新编书目时会自动填好书名、著者、出版社等。"), self)
        intro.setWordWrap(True)
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("poolFileEdit")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("MARC 记录（.iso .mrc .marc .xml）或导出的目录（.xlsx .csv）"))
        choose = QPushButton(self.tr("选择文件…"), self)
        choose.setObjectName("poolChooseButton")
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(choose)
        self.summary = QLabel(self)
        self.summary.setObjectName("poolLoadSummary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("poolLoadProblems")
        self.problems.hide()
        self.load_button = QPushButton(self.tr("载入"), self)
        self.load_button.setObjectName("poolLoadButton")
        self.load_button.setEnabled(False)
        self.load_button.setDefault(True)
        self.load_button.clicked.connect(self.run_load)
        close = QPushButton(self.tr("关闭"), self)
        close.setObjectName("poolCloseButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.load_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        layout.addLayout(buttons)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择要载入书目库的文件"), "",
            self.tr("MARC 记录 (*.iso *.mrc *.marc *.xml);;导出的目录 (*.xlsx *.csv);;所有文件 (*)"))
        if path:
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        self.file_edit.setText(str(path))
        self.problems.clear()
        self.problems.hide()
        self._say("", "")
        self.load_button.setEnabled(True)

    def run_load(self) -> None:
        path, actor = Path(self.file_edit.text()), self.ctx.actor
        if not self.file_edit.text():
            return
        self.load_button.setEnabled(False)
        self._say(self.tr("正在载入…"), "")

        def work(progress) -> record_pool.LoadResult:
            if marc_import.is_marc_file(path):
                data = read_file_bytes(path)  # read before the write begins
                with self.ctx.db.write() as session:
                    backups.before_bulk(session, "import")
                    return marc_pool.load_marc(session, data, file_name=path.name, actor=actor)
            table = record_pool.read_catalogue_export(path)
            with self.ctx.db.write() as session:
                backups.before_bulk(session, "import")
                return record_pool.load_export_table(session, table, actor=actor, source=path.name)

        self.ctx.tasks.run(work, self._loaded, self._failed, write=True, owner=self,
                           on_failure=lambda: self.load_button.setEnabled(True))

    def _loaded(self, result: record_pool.LoadResult) -> None:
        self._say(self.tr("已载入书目库 {added} 条记录（共 {rows} 条，{duplicates} 条书目库已有）。").format(
            added=result.added, rows=result.rows, duplicates=result.duplicates), GOOD)

    def _failed(self, error: BookroomError) -> None:
        self._say(error.message, BAD)
        if isinstance(error, ImportRejected):
            self.problems.clear()
            self.problems.addItems([str(found) for found in error.problems])
            self.problems.show()

    def _say(self, text: str, style: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(style)
