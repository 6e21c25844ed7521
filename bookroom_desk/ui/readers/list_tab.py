"""The readers list: search, register, edit, suspend, mark as left, import a roster; the chosen reader's page."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.catalogue.label_items import READERS
from bookroom_desk.services.common.vocab import READER_STATUSES, label
from bookroom_desk.services.readers import records
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.readers.detail import ReaderDetail
from bookroom_desk.ui.readers.dialogs import ReaderDialog
from bookroom_desk.ui.readers.loss_dialog import LossActions
from bookroom_desk.ui.readers.model import GREY, RED, RowsModel, button, selected_key, table_view
from bookroom_desk.ui.readers.privacy_actions import PrivacyActions
from bookroom_desk.ui.widgets.format import fmt_int

LIMIT = 500


class ReaderListTab(QWidget):
    """读者名单: at most LIMIT readers matching the search, by card number."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: ReaderDialog | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("readerSearch")
        self.search.setPlaceholderText(self.tr("姓名、拼音、证号、工号或部门"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName("readerStatusFilter")
        self.status.addItem(self.tr("全部状态"), None)
        for code in READER_STATUSES:
            self.status.addItem(label(READER_STATUSES, code), code)
        self.new_button = button(self, "newReaderButton", self.tr("登记读者"), self.register_reader)
        self.edit_button = button(self, "editReaderButton", self.tr("修改"), self.edit_reader)
        self.suspend_button = button(self, "suspendReaderButton", self.tr("停用"), self.toggle_suspended)
        self.left_button = button(self, "leftReaderButton", self.tr("办理离职"), self.mark_left)
        self.import_button = button(self, "importRosterButton", self.tr("导入职工名册…"), self.import_roster)
        self.message = QLabel(self)
        self.message.setObjectName("readersMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        # Beside 已登记读者…: the card of the reader just registered, printed at once (hidden with any other message).
        self.print_card_button = button(self, "printNewCardButton", self.tr("打印读者证"), self.print_new_card)
        self.print_card_button.hide()
        self._new_reader: int | None = None
        self.model = RowsModel([self.tr("读者证号"), self.tr("姓名"), self.tr("工号"), self.tr("部门"), self.tr("手机"),
                                self.tr("类别"), self.tr("状态"), self.tr("在借"), self.tr("逾期")], self)
        self.table = table_view(self, self.model, (76, 64, 90, 96, 96, 70, 56, 56), "readersTable")
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_reader())
        self.detail = ReaderDetail(ctx, self)
        self.detail.print_button.clicked.connect(self.print_slip)
        self.privacy = PrivacyActions(ctx, self.detail, report=self.say)
        self.detail.layout().addWidget(self.privacy)
        self.losses = LossActions(ctx, self.detail, report=self.say)
        self.detail.layout().insertWidget(self.detail.layout().indexOf(self.detail.tabs) + 1, self.losses)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        # A search the user starts (typing, the clear button) puts the last message away; a search the
        # page sets itself (after registering) keeps the message it has just shown: that is textChanged only.
        self.search.textEdited.connect(lambda _text: self.say(""))
        self.status.currentIndexChanged.connect(lambda _index: self.refresh())

        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.status)
        for widget in (self.new_button, self.edit_button, self.suspend_button, self.left_button, self.import_button):
            tools.addWidget(widget)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([560, 500])  # the reader's loans and history need the room more than the list
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        said = QHBoxLayout()
        said.addWidget(self.message, 1)
        said.addWidget(self.print_card_button)
        layout.addLayout(said)
        layout.addWidget(split, 1)
        self._selected()

    def refresh(self) -> None:
        chosen = self.current()
        with self.ctx.read() as session:
            rows = records.search(session, self.search.text(), self.status.currentData(), limit=LIMIT)
        self.model.set_rows(
            [[r.card, r.name, r.employee_no, r.department, r.phone, r.category, label(READER_STATUSES, r.status),
              fmt_int(r.on_loan), fmt_int(r.overdue) if r.overdue else ""] for r in rows],
            [r.id for r in rows], [RED if r.overdue else GREY if r.status != "active" else None for r in rows])
        if len(rows) >= LIMIT:
            self.say(self.tr("只显示前 {n} 位读者，请输入更多字缩小范围。").format(n=fmt_int(LIMIT)))
        keys = self.model.keys
        if chosen in keys:
            self.table.selectRow(keys.index(chosen))
        else:
            self._selected()

    def current(self) -> int | None:
        return selected_key(self.table)

    def select(self, reader_id: int) -> None:
        if reader_id in self.model.keys:
            self.table.selectRow(self.model.keys.index(reader_id))

    def _selected(self, *_args) -> None:
        reader_id = self.current()
        self.detail.show_reader(reader_id)
        self.privacy.show_reader(reader_id)
        for widget in (self.edit_button, self.suspend_button, self.left_button):
            widget.setEnabled(reader_id is not None)
        status = None
        if reader_id is not None:
            with self.ctx.read() as session:
                status = records.get_reader(session, reader_id).status
        self._status = status
        self.suspend_button.setText(self.tr("恢复正常") if status in ("suspended", "left") else self.tr("停用"))
        self.left_button.setEnabled(status in ("active", "suspended"))

    def say(self, text: str, error: bool = False) -> None:
        """A line above the list (hidden while there is nothing to say); it replaces the 打印读者证 offer."""
        self._new_reader = None
        self.print_card_button.hide()
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")

    def _categories(self) -> list[tuple[int, str]]:
        with self.ctx.read() as session:
            return [(c.id, c.name) for c in records.categories(session)]

    def _departments(self) -> list[str]:
        with self.ctx.read() as session:
            return records.departments(session)

    def register_reader(self) -> None:
        def save(values: dict) -> None:
            with self.ctx.write() as session:
                reader = records.register(session, **values)
                card, reader_id = reader.card, reader.id
            self.search.setText(card)
            self.refresh()
            self.select(reader_id)
            self.say(self.tr("已登记读者，读者证号 {card}。").format(card=card))
            self._new_reader = reader_id
            self.print_card_button.show()

        self._open(ReaderDialog(self._categories(), save, parent=self, departments=self._departments()))

    def edit_reader(self) -> None:
        reader_id = self.current()
        if reader_id is None:
            return
        with self.ctx.read() as session:
            reader = records.get_reader(session, reader_id)
            session.expunge(reader)

        def save(values: dict) -> None:
            with self.ctx.write() as session:
                records.update(session, reader_id, **values)
            self.say(self.tr("已保存。"))
            self.refresh()

        self._open(ReaderDialog(self._categories(), save, reader, parent=self, departments=self._departments()))

    def _open(self, dialog: ReaderDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _set_status(self, status: str, done: str) -> None:
        reader_id = self.current()
        if reader_id is None:
            return
        try:
            with self.ctx.write() as session:
                name = records.set_status(session, reader_id, status).name
        except BookroomError as exc:
            self.say(exc.message, error=True)
            return
        self.say(done.format(name=name))
        self.refresh()

    def toggle_suspended(self) -> None:
        if self._status == "active":
            self._set_status("suspended", self.tr("{name}的读者证已停用。"))
        else:
            self._set_status("active", self.tr("{name}已恢复正常。"))

    def mark_left(self) -> None:
        self._set_status("left", self.tr("{name}已办理离职。"))

    def print_slip(self) -> None:
        from bookroom_desk.printing.slip import print_or_save_slip

        if self.detail.reader_id is None:
            return
        with self.ctx.read() as session:
            printer, path = print_or_save_slip(session, self.detail.reader_id)
        self.say(self.tr("借阅凭条已送往打印机“{printer}”。").format(printer=printer) if printer
                 else self.tr("没有可用的打印机，借阅凭条已保存为 {path}").format(path=str(path)))

    def print_new_card(self) -> None:
        """Open the label dialog on the card of the reader just registered."""
        from bookroom_desk.ui.printing.dialog import open_label_dialog

        if self._new_reader is not None:
            open_label_dialog(self, self.ctx, kind=READERS, reader_ids=[self._new_reader])

    def import_roster(self) -> None:
        from bookroom_desk.ui.readers.import_dialog import RosterImportDialog

        self.dialog = RosterImportDialog(self.ctx, self)
        self.dialog.finished.connect(lambda _code: self.refresh())
        self.dialog.open()
