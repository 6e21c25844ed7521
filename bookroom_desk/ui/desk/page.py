"""The scan desk (扫码台): one scan field for cards, copies, shelf labels and ISBNs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.catalogue.shelves import list_shelves
from bookroom_desk.services.circulation import overrides, reading
from bookroom_desk.services.circulation.counter import NO_READER, Visit
from bookroom_desk.services.circulation.results import ScanResult
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.feedback import Feedback, Tone
from bookroom_desk.services.readers import records
from bookroom_desk.services.roomwork.profile import missing_fields
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.desk.checklist import FirstStartChecklist
from bookroom_desk.ui.desk.controller import ScanController
from bookroom_desk.ui.desk.feedback import FeedbackPanel
from bookroom_desk.ui.desk.hold_slip import HoldSlipButton
from bookroom_desk.ui.desk.reader_panel import ReaderPanel
from bookroom_desk.ui.desk.transactions import TransactionList
from bookroom_desk.ui.widgets.page import Page

SLIP_PRINTED = QT_TRANSLATE_NOOP("circulation", "借阅凭条已送往打印机“{printer}”。")
NO_SHELVES = QT_TRANSLATE_NOOP("circulation", "还没有书架。请先在“藏书”页的“书架”里新建书架。")
SLIP_SAVED = QT_TRANSLATE_NOOP("circulation", "没有可用的打印机，借阅凭条已保存为 {path}")
VISIT_SLIP_PRINTED = QT_TRANSLATE_NOOP("DeskPage", "{name}本次借的 {count} 册：凭条已送往打印机“{printer}”。")
VISIT_SLIP_SAVED = QT_TRANSLATE_NOOP("DeskPage", "{name}本次借的 {count} 册：没有可用的打印机，凭条已保存为 {path}")
VISIT_SLIP_FAILED = QT_TRANSLATE_NOOP("DeskPage", "{name}本次借的凭条没有打印：{message}")
OVERRIDE_ADMIN_ONLY = QT_TRANSLATE_NOOP("circulation", "只有管理员可以放行这次借书。请管理员登录后按 F10，写明原因。")


class ProfileBanner(QFrame):
    """Invites the administrator to fill in the room profile; never blocks scanning."""

    def __init__(self, ctx: AppContext, checklist: FirstStartChecklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.checklist = checklist  # while it is shown, its first step says the same
        self.setObjectName("profileBanner")
        self.setStyleSheet("#profileBanner { background: #fff8e1; border: 1px solid #ffcc80; border-radius: 4px; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("填写书屋信息"), self)
        self.button.setObjectName("fillProfileButton")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(lambda: ctx.navigateRequested.emit("settings"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        ctx.dataChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.read() as session:
            missing = missing_fields(session)
        self.label.setText(self.tr(
            "书屋信息尚未填写完整（还有 {n} 项）。请管理员填写书屋名称、所属工会、所在单位、地址、联系人、电话、"
            "面积、座位数、开放时间、服务职工人数、标牌、全总命名年份、数字阅读服务和借阅制度，统计报表将用到这些信息。"
        ).format(n=len(missing)))
        self.setVisible(bool(missing) and self.checklist.gone)


class DeskPage(Page):
    """The desk a volunteer works at; the window opens here with the cursor in ``scanInput``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.controller = ScanController(ctx, self)
        self.checklist = FirstStartChecklist(ctx, self)  # a new room's steps; the profile is one of them
        self.banner = ProfileBanner(ctx, self.checklist, self)
        self.prompt = QLabel(self.tr("请扫描读者证或图书条码"), self)
        self.prompt.setObjectName("scanPrompt")
        self.scan_input = QLineEdit(self)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setPlaceholderText(self.tr("扫码或输入条码后按回车"))
        font = QFont(self.scan_input.font())
        font.setPointSize(font.pointSize() + 8)
        self.scan_input.setFont(font)
        self.scan_input.returnPressed.connect(self._submit)
        self.scan_input.textEdited.connect(lambda _text: self.controller.touch())
        self.scan_input.installEventFilter(self)
        self.feedback = FeedbackPanel(self)
        self.reader_panel = ReaderPanel(self)
        self.transactions = TransactionList(self)
        self.print_button = QPushButton(self.tr("打印借阅凭条 (Ctrl+P)"), self)
        self.print_button.setObjectName("printSlipButton")
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.clicked.connect(self.print_slip)
        self.shelve_button = QPushButton(self.tr("上架… (F8)"), self)
        self.shelve_button.setObjectName("shelveButton")
        self.shelve_button.setToolTip(self.tr("选一个书架，再逐本扫描放到这个书架的图书；扫描书架标签也一样。"))
        self.shelve_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.shelve_button.clicked.connect(self.choose_shelf)
        self.reading_button = QPushButton(self.tr("阅览登记 (F6)"), self)
        self.reading_button.setObjectName("readingButton")
        self.reading_button.setToolTip(self.tr("逐本扫描在室内阅读的图书，登记阅览而不借出；可先扫描读者证。"))
        self.reading_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reading_button.clicked.connect(self.start_reading)
        self.visits_button = QPushButton(self.tr("入馆登记 (F7)"), self)
        self.visits_button.setObjectName("visitsButton")
        self.visits_button.setToolTip(self.tr("逐个扫描来馆读者的读者证，登记入馆人次。"))
        self.visits_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.visits_button.clicked.connect(self.start_visits)
        self.slip_note = QLabel(self)  # what became of the slip printed when a visit ended
        self.slip_note.setObjectName("visitSlipNote")
        self.slip_note.setWordWrap(True)
        self.slip_note.setStyleSheet("color: #555;")
        self.hold_slip_button = HoldSlipButton(ctx, self.slip_note, self)  # 打印预约条 (Ctrl+Shift+P)
        self.keys = QLabel(self.tr("F5 续借选中的书　Ctrl+R 全部续借　↑↓ 选择借阅　Esc 关闭读者　"
                                   "F9 确认提示的操作　F10 管理员放行　Ctrl+Z 撤销上一笔　Ctrl+P 打印凭条　F8 上架　"
                                   "F6 阅览登记　F7 入馆登记　Ctrl+Shift+P 打印预约条"), self)
        self.keys.setObjectName("deskShortcuts")
        self.keys.setWordWrap(True)  # a longer translation wraps instead of widening the window
        self.keys.setStyleSheet("color: #555;")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.reader_panel, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.shelve_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        modes = QHBoxLayout()  # a row of their own: the list beside keeps its room at 1024 px
        modes.addWidget(self.reading_button)
        modes.addWidget(self.visits_button)
        modes.addWidget(self.hold_slip_button)  # here, not beside the loan slip: the rows stay as wide as before
        modes.addStretch(1)
        left_layout.addLayout(modes)
        left_layout.addWidget(self.slip_note)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.transactions)
        split.setSizes([480, 520])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addWidget(self.checklist)
        layout.addWidget(self.banner)
        layout.addWidget(self.prompt)
        layout.addWidget(self.scan_input)
        layout.addWidget(self.feedback)
        layout.addWidget(split, 1)
        layout.addWidget(self.keys)

        for keys, slot in ((QKeySequence(Qt.Key.Key_F5), self.renew_selected), (QKeySequence("Ctrl+R"), self.renew_all),
                           (QKeySequence(Qt.Key.Key_Escape), self.close_reader), (QKeySequence("Ctrl+Z"), self.undo),
                           (QKeySequence(Qt.Key.Key_F9), self.accept_offer), (QKeySequence("Ctrl+P"), self.print_slip),
                           (QKeySequence(Qt.Key.Key_F8), self.choose_shelf),
                           (QKeySequence(Qt.Key.Key_F10), self.override),
                           (QKeySequence(Qt.Key.Key_F6), self.start_reading),
                           (QKeySequence(Qt.Key.Key_F7), self.start_visits),
                           (QKeySequence("Ctrl+Shift+P"), self.hold_slip_button.print_slip)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.controller.resultReady.connect(self._show_result)
        self.controller.readerChanged.connect(self._reader_changed)
        self.controller.visitEnded.connect(self._visit_ended)

    # --- what the volunteer does ---

    def _submit(self) -> None:
        raw = self.scan_input.text()
        self.scan_input.clear()
        self.controller.submit(raw)
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def renew_selected(self) -> None:
        self.controller.renew(self.reader_panel.selected_loan())

    def renew_all(self) -> None:
        self.controller.renew_all()

    def close_reader(self) -> None:
        self.controller.close_reader()
        self.scan_input.clear()
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo(self) -> None:
        self.controller.undo_last()

    def accept_offer(self) -> None:
        self.controller.accept_offer()

    def override(self) -> None:
        """F10: an administrator lends past the refusal just shown (借满, 逾期...), after writing why."""
        offer = self.controller.counter.offer
        if offer is None or offer.kind != overrides.OVERRIDE:
            self.controller.override(None)  # says there is nothing to let through
            return
        with self.ctx.read() as session:
            allowed = overrides.may_override(session, actor=self.ctx.actor)
        if not allowed:
            return self._say(Tone.REFUSED, OVERRIDE_ADMIN_ONLY)
        reason, ok = QInputDialog.getText(self, self.tr("管理员放行…"),
                                          self.tr("放行的原因（记入操作记录和读者的借阅历史）："))
        if ok:
            self.controller.override(reason)  # an empty reason is refused there, and the override stays offered
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_shelf(self) -> None:
        """F8: pick the shelf to shelve onto (as scanning its label would)."""
        with self.ctx.read() as session:
            shelves = list_shelves(session)
        if not shelves:
            return self._say(Tone.WARNING, NO_SHELVES)
        names = [self.tr("{code}　{name}").format(code=s.code, name=s.name) if s.name and s.name != s.code else s.code
                 for s in shelves]
        current = next((i for i, s in enumerate(shelves) if self.controller.counter.shelf
                        and s.id == self.controller.counter.shelf[0]), 0)
        chosen, ok = QInputDialog.getItem(self, self.tr("上架"), self.tr("把图书放到哪个书架？"), names, current, False)
        if ok and chosen in names:
            self.controller.open_shelf(shelves[names.index(chosen)].code)
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_reading(self) -> None:
        """F6: 阅览模式, copies scanned are read in the room (reading.py)."""
        self.controller.open_mode(reading.READING)
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_visits(self) -> None:
        """F7: 入馆模式, cards scanned are visits (reading.py)."""
        self.controller.open_mode(reading.VISITS)
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def print_slip(self) -> None:
        summary = self.reader_panel.summary
        if summary is None:
            return self._say(Tone.REFUSED, NO_READER)
        from bookroom_desk.printing.slip import print_or_save_slip

        with self.ctx.read() as session:
            printer, path = print_or_save_slip(session, summary.id)
        if printer:
            self._say(Tone.OK, SLIP_PRINTED, printer=printer)
        else:
            self._say(Tone.WARNING, SLIP_SAVED, path=str(path))

    def _visit_ended(self, visit: Visit) -> None:
        """With 每次借书后打印凭条 set, a visit that lent books ends with a slip of those books."""
        if not visit.loan_ids:
            return
        from bookroom_desk.printing.slip import print_or_save_slip

        name = ""
        try:
            with self.ctx.read() as session:
                if not settings.get(session, settings.SLIP_AFTER_LOANS):
                    return
                name = records.get_reader(session, visit.reader_id).name
                printer, path = print_or_save_slip(session, visit.reader_id, visit.loan_ids)
        except BookroomError as exc:  # the desk goes on; the volunteer can print it again with the reader open
            self.slip_note.setText(self.tr(VISIT_SLIP_FAILED).format(name=name, message=exc.message))
            return
        if printer:
            text = self.tr(VISIT_SLIP_PRINTED).format(name=name, count=len(visit.loan_ids), printer=printer)
        else:
            text = self.tr(VISIT_SLIP_SAVED).format(name=name, count=len(visit.loan_ids), path=str(path))
        self.slip_note.setText(text)

    # --- showing it ---

    def _say(self, tone: Tone, text: str, **params: object) -> None:
        self.feedback.show(Feedback(tone, text, params, "circulation"))
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_result(self, result: ScanResult) -> None:
        self.feedback.show_result(result)
        self._show_mode()
        self.hold_slip_button.show_result(result)
        if result.action != "hint":  # a key with nothing to act on is said, not listed
            self.transactions.add(result)
            self._refresh_reader()
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_mode(self) -> None:
        """The prompt says when the desk is shelving, and onto which shelf, or recording reads or visits."""
        shelf, mode = self.controller.counter.shelf, self.controller.counter.mode
        if mode == reading.READING:
            self.prompt.setText(self.tr("阅览模式：扫描的图书登记为室内阅读，不借出。按 Esc 结束。"))
            self.prompt.setStyleSheet("color: #1b5e20; font-weight: bold;")
        elif mode == reading.VISITS:
            self.prompt.setText(self.tr("入馆模式：扫描读者证登记入馆。按 Esc 结束。"))
            self.prompt.setStyleSheet("color: #6a1b9a; font-weight: bold;")
        elif shelf is None:
            self.prompt.setText(self.tr("请扫描读者证或图书条码"))
            self.prompt.setStyleSheet("")
        else:
            self.prompt.setText(self.tr("上架模式：扫描的图书放到书架 {shelf}。按 Esc 结束上架。").format(shelf=shelf[1]))
            self.prompt.setStyleSheet("color: #0d47a1; font-weight: bold;")

    def _reader_changed(self, _reader_id: int | None) -> None:
        self._refresh_reader()

    def _refresh_reader(self) -> None:
        reader_id = self.controller.reader_id
        if reader_id is None:
            self.reader_panel.show_summary(None)
            return
        with self.ctx.read() as session:
            self.reader_panel.show_summary(records.summary(session, reader_id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scan_input and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Undo):  # the field's own undo would take Ctrl+Z
                self.undo()
                return True
            if event.key() == Qt.Key.Key_Tab and self.scan_input.text().strip():
                self._submit()  # scanners set to end a code with Tab instead of Enter
                return True
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.reader_panel.move_selection(-1 if event.key() == Qt.Key.Key_Up else 1)
                self.controller.touch()
                return True
        return super().eventFilter(watched, event)

    def activated(self) -> None:
        self.checklist.refresh()
        with self.ctx.db.read() as session:
            self.feedback.sound.configure(settings.get(session, settings.DESK_SOUND_VOLUME),
                                          settings.get(session, settings.DESK_SOUND_MUTED))
        self.banner.refresh()
        self._refresh_reader()
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)
