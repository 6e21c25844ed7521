"""Importing a staff roster: choose the file, see it checked (every bad row listed), then import it whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError, ImportRejected
from bookroom_desk.services.common.repeats import AlreadyImported
from bookroom_desk.services.readers.roster_import import RosterResult, import_roster
from bookroom_desk.services.upkeep import backups
from bookroom_desk.services.xlsx.tabular import read_file_bytes
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.readers.model import RED, RowsModel, table_view
from bookroom_desk.ui.widgets.format import fmt_int


class RosterImportDialog(QDialog):
    """Columns 姓名 (required), 工号, 部门, 手机, 类别, 读者证号; nothing is imported while any row is bad."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle(self.tr("导入职工名册"))
        self.path: Path | None = None
        self.data: bytes = b""
        intro = QLabel(self.tr("选择 Excel（.xlsx）或 CSV 文件。需要“姓名”列；可有工号、部门、手机、类别、读者证号。"
                               "工号已登记的读者会被更新；文件中的读者证号符合编号规则的保留，没有的自动分配。"
                               "任何一行有问题都不会导入。"), self)
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("选择文件…"), self)
        self.choose_button.setObjectName("chooseRosterButton")
        self.choose_button.clicked.connect(self.choose)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("rosterFile")
        self.status = QLabel(self)
        self.status.setObjectName("rosterStatus")
        self.status.setWordWrap(True)
        self.problems = RowsModel([self.tr("行"), self.tr("列"), self.tr("问题")], self)
        self.problems_view = table_view(self, self.problems, (50, 90), "rosterProblems")
        self.import_button = QPushButton(self.tr("导入"), self)
        self.import_button.setObjectName("importRosterConfirm")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.problems_view, 1)
        layout.addLayout(bottom)
        self.resize(640, 420)

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("选择职工名册"), "",
                                                    self.tr("表格文件 (*.xlsx *.csv);;所有文件 (*)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read ``path`` and check it (a dry run); the import button lights up when every row is good."""
        self.path = path
        self.file_label.setText(path.name)
        self.import_button.setEnabled(False)
        self.problems.set_rows([])
        try:
            self.data = read_file_bytes(path)
        except BookroomError as exc:
            return self._failed(exc)
        self.status.setText(self.tr("正在检查…"))
        self._run(True)

    def run_import(self) -> None:
        self.import_button.setEnabled(False)
        self._run(False)

    def _run(self, dry_run: bool, again: bool = False) -> None:
        data, name, actor = self.data, self.path.name, self.ctx.actor

        def task(_progress) -> RosterResult:
            with self.ctx.db.write() as session:
                if not dry_run:
                    backups.before_bulk(session, "import")
                return import_roster(session, data, file_name=name, actor=actor, dry_run=dry_run, again=again)

        self.ctx.tasks.run(task, on_done=self._done, on_error=self._failed, write=True, owner=self)

    def _done(self, result: RosterResult) -> None:
        counts = dict(rows=fmt_int(result.rows), added=fmt_int(result.added), updated=fmt_int(result.updated),
                      unchanged=fmt_int(result.unchanged), assigned=fmt_int(result.cards_assigned))
        if result.dry_run:
            self.status.setText(self.tr("检查通过：{rows} 行，将新增 {added} 位读者、更新 {updated} 位、{unchanged} 位不变，"
                                        "分配 {assigned} 个读者证号。按“导入”完成。").format(**counts))
            self.status.setStyleSheet("color: #2e7d32;")
            self.import_button.setEnabled(True)
            return
        self.status.setText(self.tr("已导入：新增 {added} 位读者，更新 {updated} 位，{unchanged} 位不变，"
                                    "分配了 {assigned} 个读者证号。").format(**counts))
        self.status.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.ctx.dataChanged.emit()

    def confirm_again(self, exc: AlreadyImported) -> bool:
        """Ask before registering a roster imported before once more; No unless chosen."""
        answer = QMessageBox.question(
            self, self.tr("再导入一次？"),
            exc.message + "\n\n" + self.tr("没有工号和读者证号的人会再登记一次。确实要再导入吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _failed(self, exc: BookroomError) -> None:
        if isinstance(exc, AlreadyImported) and self.confirm_again(exc):
            self._run(False, again=True)
            return
        self.status.setText(exc.message)
        self.status.setStyleSheet("color: #c62828;")
        if isinstance(exc, ImportRejected):
            self.problems.set_rows([[str(p.row), p.column, p.message] for p in exc.problems],
                                   colours=[RED] * len(exc.problems))
