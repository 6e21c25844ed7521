"""催还 on the 逾期 tab: this stage's reminders as letters (PDF) or a workbook, recorded as given; the stages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.circulation import reminder_sheets, reminders
from bookroom_desk.services.common import clock
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.readers.model import button
from bookroom_desk.ui.widgets.format import fmt_int


class RemindersBar(QWidget):
    """A row under the overdue list: which stage, paper, the three outputs and the stages setting."""

    def __init__(self, ctx: AppContext, say, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.say = say  # the tab's message line: say(text, error=False)
        self.title = QLabel(self.tr("催还："), self)
        self.stage = QComboBox(self)
        self.stage.setObjectName("reminderStage")
        self.stage.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # filled after it is shown
        self.stage.currentIndexChanged.connect(lambda _index: self._count())
        self.paper = QComboBox(self)
        self.paper.setObjectName("reminderPaper")
        self.paper.addItem(self.tr("A4 纸"), "a4")
        self.paper.addItem(self.tr("A5 纸"), "a5")
        self.due = QLabel(self)
        self.due.setObjectName("remindersDue")
        self.due.setWordWrap(True)  # on a small screen it takes two lines rather than squeeze the stage chooser
        self.letters_button = button(self, "reminderLettersButton", self.tr("催还信 PDF…"), self.save_letters)
        self.lists_button = button(self, "reminderListsButton", self.tr("部门清单 PDF…"), self.save_lists)
        self.workbook_button = button(self, "reminderWorkbookButton", self.tr("催还表 Excel…"), self.save_workbook)
        self.stages_button = button(self, "reminderStagesButton", self.tr("催还阶段…"), self.edit_stages)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.stage, self.paper):
            layout.addWidget(widget)
        layout.addWidget(self.due, 1)
        for widget in (self.letters_button, self.lists_button, self.workbook_button, self.stages_button):
            layout.addWidget(widget)

    def refresh(self) -> None:
        with self.ctx.read() as session:
            stages = reminders.get_stages(session)
        chosen = self.stage.currentData()
        self.stage.blockSignals(True)
        self.stage.clear()
        self.stage.addItem(self.tr("所有阶段"), None)
        for stage in stages:
            self.stage.addItem(stage.label, stage.days)
        index = self.stage.findData(chosen)
        self.stage.setCurrentIndex(max(0, index))
        self.stage.blockSignals(False)
        self.stage.setMinimumWidth(self.stage.sizeHint().width())  # the longest stage's name whole, never cut
        self._count()

    def _notices(self) -> list[reminders.ReaderNotice]:
        with self.ctx.read() as session:
            return reminders.due_notices(session, stage=self.stage.currentData())

    def _count(self) -> None:
        notices = self._notices()
        books = sum(len(notice.lines) for notice in notices)
        self.due.setText(self.tr("今天要催还 {readers} 位读者，{books} 册").format(
            readers=fmt_int(len(notices)), books=fmt_int(books)))
        for widget in (self.letters_button, self.lists_button, self.workbook_button):
            widget.setEnabled(bool(notices))

    def _save_name(self, title: str, suffix: str, pattern: str) -> Path | None:
        default = self.tr("催还{day}").format(day=clock.today().strftime("%Y%m%d")) + suffix
        name, _filter = QFileDialog.getSaveFileName(self, title, default, pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def save_letters(self) -> None:
        path = self._save_name(self.tr("保存催还信"), ".pdf", self.tr("PDF 文件 (*.pdf)"))
        if path is not None:
            self._give(path, "letter")

    def save_lists(self) -> None:
        path = self._save_name(self.tr("保存部门催还清单"), ".pdf", self.tr("PDF 文件 (*.pdf)"))
        if path is not None:
            self._give(path, "list")

    def save_workbook(self) -> None:
        path = self._save_name(self.tr("保存催还表"), ".xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        if path is not None:
            self._give(path, "workbook")

    def _give(self, path: Path, how: str) -> None:
        """Write the file, then record the notices it holds as given (in one write, only once each)."""
        stage, paper, actor = self.stage.currentData(), self.paper.currentData(), self.ctx.actor

        def task(_progress) -> tuple[int, int]:
            with self.ctx.db.read() as session:
                notices = reminders.due_notices(session, stage=stage)
                contact = reminder_sheets.room_contact(session)
            if how in ("letter", "list"):
                from bookroom_desk.printing import notices as printed

                if how == "letter":
                    printed.write_letters_pdf(notices, contact, path, paper)
                else:
                    printed.write_lists_pdf(notices, contact, path)
            else:
                reminder_sheets.write_workbook(notices, contact, path)
            with self.ctx.db.write() as session:  # one recorded meanwhile (the command line) is not recorded twice
                return len(notices), reminders.record_given(session, notices, how, actor=actor)

        def done(result: tuple[int, int]) -> None:
            readers, books = result
            self.say(self.tr("已保存 {path}：{readers} 位读者，记录催还 {books} 册").format(
                path=str(path), readers=fmt_int(readers), books=fmt_int(books)))
            self.ctx.dataChanged.emit()
            self._count()

        self.ctx.tasks.run(task, on_done=done, on_error=self._refused, write=True, owner=self)

    def edit_stages(self) -> None:
        with self.ctx.read() as session:
            current = reminders.format_stages(reminders.get_stages(session))
        text, ok = QInputDialog.getText(
            self, self.tr("催还阶段"),
            self.tr("相对应还日期的天数，从早到晚，逗号分隔（到期前为负数；名称可写在冒号后）："),
            QLineEdit.EchoMode.Normal, current)
        if not ok:
            return
        try:
            stages = reminders.parse_stages(text)
            with self.ctx.write() as session:
                reminders.set_stages(session, stages, actor=self.ctx.actor)
        except BookroomError as exc:
            self._refused(exc)
            return
        self.say(self.tr("催还阶段已设为 {stages}").format(stages=reminders.format_stages(stages)))
        self.refresh()

    def _refused(self, exc: BookroomError) -> None:
        self.say(exc.message, error=True)
