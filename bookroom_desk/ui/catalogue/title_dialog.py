"""Opening a title: its record to edit and its copies; also where a new title is started (by ISBN or by hand)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.catalogue import duplicates, record_pool, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.ui.catalogue import match_choice
from bookroom_desk.ui.catalogue.copies import CopiesPanel
from bookroom_desk.ui.catalogue.pool_picker import PoolPicker
from bookroom_desk.ui.catalogue.title_form import TitleForm
from bookroom_desk.ui.context import AppContext


class TitleDialog(QDialog):
    """Edits one title and its copies. Enter in the ISBN field looks the ISBN up; elsewhere Enter saves."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, title_id: int | None = None, isbn: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title_id = title_id
        self.picker: PoolPicker | None = None  # the records the pool has for a scanned ISBN, when several
        self.setObjectName("titleDialog")
        self.resize(900, 690)
        self.form = TitleForm(ctx, self)
        self.form.isbn.installEventFilter(self)
        self.copies = CopiesPanel(ctx, self)
        self.copies.changed.connect(lambda: self.saved.emit(self.title_id))
        self.message = QLabel(self)
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("saveTitleButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("删除书目"), self)
        self.delete_button.setObjectName("deleteTitleButton")
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete)
        close = QPushButton(self.tr("关闭"), self)
        close.setObjectName("closeTitleButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        self.hold_card = QLineEdit(self)  # 预约: a reader's card, then the button, holds this title for them
        self.hold_card.setObjectName("titleHoldCard")
        self.hold_card.setPlaceholderText(self.tr("读者证号"))
        self.hold_card.setMaximumWidth(120)
        self.hold_button = QPushButton(self.tr("预约"), self)
        self.hold_button.setObjectName("titleHoldButton")
        self.hold_button.setAutoDefault(False)
        self.hold_button.clicked.connect(self.place_hold)
        for button in self.copies.buttons.values():
            button.setAutoDefault(False)
        record = QGroupBox(self.tr("书目信息"), self)
        box = QVBoxLayout(record)
        box.addWidget(self.form)
        self.copies_box = QGroupBox(self.tr("图书册"), self)
        QVBoxLayout(self.copies_box).addWidget(self.copies)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.hold_card)
        buttons.addWidget(self.hold_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(record)
        layout.addWidget(self.copies_box, 1)
        layout.addLayout(buttons)
        if title_id is not None:
            self.load(title_id)
        else:
            self.setWindowTitle(self.tr("新编书目"))
            self.form.set_data(TitleData(isbn=isbn))
            self.copies.load(None)
            self._modes()
            if isbn:
                self.look_up_isbn(isbn)

    def load(self, title_id: int) -> None:
        with self.ctx.read() as session:
            title = titles.get_title(session, title_id)
            data = TitleData.of(title)
        self.title_id = title_id
        self.setWindowTitle(self.tr("书目：{title}").format(title=data.title))
        self.form.set_data(data)
        self.copies.load(title_id)
        self._modes()

    def _modes(self) -> None:
        existing = self.title_id is not None
        self.copies_box.setEnabled(existing)
        self.copies_box.setTitle(self.tr("图书册") if existing else self.tr("图书册（保存书目后可加册）"))
        self.delete_button.setVisible(existing and not self.copies.rows)
        self.hold_card.setVisible(existing and bool(self.copies.rows))
        self.hold_button.setVisible(existing and bool(self.copies.rows))

    def place_hold(self) -> bool:
        """The 预约 button: a hold on this title for the reader whose card is typed beside it."""
        from bookroom_desk.services.circulation import holds

        if self.title_id is None:
            return False
        try:
            with self.ctx.write() as session:
                hold = holds.place(session, self.hold_card.text(), self.title_id, actor=self.ctx.actor)
                text = self.tr("已为{name}预约，排第 {position} 位。").format(
                    name=hold.reader.name, position=holds.position(session, hold))
        except BookroomError as exc:
            self._say(exc.message, ok=False)
            return False
        self.hold_card.clear()
        self._say(text, ok=True)
        return True

    # Enter in the ISBN field ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.form.isbn and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.look_up_isbn(self.form.isbn.text())
            return True
        return super().eventFilter(watched, event)

    def look_up_isbn(self, raw: str) -> None:
        """A known ISBN opens its title (to add copies); a new one moves on to the title; a bad one is shown."""
        self.form.clear_errors()
        if not raw.strip():
            self.form.title.setFocus()
            return
        candidates: list[record_pool.Candidate] = []
        publisher = None
        try:
            with self.ctx.read() as session:
                found = titles.find_by_isbn(session, raw)
                found_id = found.id if found else None
                if found_id is None and self.title_id is None:  # a book the room does not hold: the pool
                    candidates = record_pool.lookup(session, raw)
                    publisher = None if candidates else record_pool.publisher_for(session, raw)
        except BookroomError as exc:
            self.form.show_error(exc, "isbn")
            self.form.isbn.selectAll()
            return
        if found_id is not None and found_id != self.title_id:
            if self.title_id is None:
                self.load(found_id)
                self._say(self.tr("这本书已经登记过，可以直接加册。"), ok=True)
                self.copies.buttons["add"].setFocus()
            else:
                self._say(self.tr("这个ISBN属于另一条书目。"), ok=False)
            return
        if len(candidates) == 1:
            self.fill_from_pool(candidates[0])
        elif candidates:
            if self.picker is not None:
                self.picker.deleteLater()
            picker = self.picker = PoolPicker(candidates, self)
            picker.accepted.connect(lambda: self._picked(picker))
            if self.isVisible():
                picker.open()
            else:  # asked while the dialog is being made (an ISBN scanned on the page): once it shows
                QTimer.singleShot(0, picker.open)
            return
        elif publisher:
            if not self.form.publisher.text().strip():
                self.form.publisher.setText(publisher)
            self._say(self.tr("书目库中没有这个ISBN。按ISBN的出版者前缀，出版社可能是“{publisher}”。")
                      .format(publisher=publisher), ok=True)
        self.form.title.setFocus()

    def _picked(self, picker: PoolPicker) -> None:
        chosen = picker.chosen()
        if chosen is not None:
            self.fill_from_pool(chosen)
        self.form.title.setFocus()

    def fill_from_pool(self, candidate: record_pool.Candidate) -> None:
        """Fill the new title's form from a record the pool has for its ISBN."""
        self.form.fill(candidate.title_data())
        self._say(self.tr("已从书目库填入《{title}》（{source}），请核对后保存。").format(
            title=candidate.title, source=candidate.source or self.tr("本书屋")), ok=True)

    # Saving ------------------------------------------------------------------------------

    def _say(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828;")

    def save(self) -> bool:
        """Save the record; a new one the room may have already is asked about first (add copies to that one?)."""
        self.form.clear_errors()
        data = self.form.data()
        if data.call_number.strip().upper() == self.form.old_call_number:
            data.call_number = self.form.old_call_number
        if self.title_id is None and not self._new_after_asking(data):
            return False
        try:
            with self.ctx.write() as session:
                if self.title_id is None:
                    title = titles.create_title(session, data, actor=self.ctx.actor)
                else:
                    title = titles.update_title(session, self.title_id, data, actor=self.ctx.actor)
                title_id, call_number = title.id, title.call_number
        except BookroomError as exc:
            if not self.form.show_error(exc):
                self._say(exc.message, ok=False)
                return False
            with self.ctx.read() as session:  # show every field's problem at once, not one per try
                others = titles.problems(session, data, self.title_id)
            for other in reversed(others):
                self.form.show_error(other)
            return False
        new = self.title_id is None
        self.load(title_id)
        self._say(self.tr("已保存，索书号 {call_number}。").format(call_number=call_number or "-") if call_number
                  else self.tr("已保存。"), ok=True)
        self.saved.emit(title_id)
        if new:
            self.copies.buttons["add"].setFocus()
        return True

    def _new_after_asking(self, data: TitleData) -> bool:
        """Whether to go on saving a new title: a catalogued one it is (or may be) is offered instead.

        Choosing that title opens it here, to add copies to it; nothing is saved.
        """
        if not data.title.strip():
            return True  # the form says what is missing
        with self.ctx.read() as session:
            match = duplicates.match_new_title(session, data)
        if match.same is None and not match.candidates:
            return True
        chosen = match_choice.ask(self, match)
        if chosen == match_choice.NEW_TITLE:
            return True
        if chosen is not None:
            self.load(chosen)
            self._say(self.tr("已打开已登记的这条书目：在下面给它加册。"), ok=True)
            self.copies.buttons["add"].setFocus()
        return False

    def delete(self) -> bool:
        if self.title_id is None:
            return False
        try:
            with self.ctx.write() as session:
                titles.delete_title(session, self.title_id, actor=self.ctx.actor)
        except BookroomError as exc:
            self._say(exc.message, ok=False)
            return False
        self.saved.emit(-1)
        self.accept()
        return True
