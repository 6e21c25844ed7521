"""打印预约条 at the desk (Ctrl+Shift+P): the slip to put in a copy just kept for a hold (printing/hold_slip.py).

The button is active after a scan that kept a copy for a hold (or said for whom a kept copy is), and inactive
after any other scan. With 每次预约到书时打印预约条 set (settings.HOLD_SLIP_ON_READY), a check-in that keeps
a copy prints its slip at once. What became of the slip is said in the note under the buttons, so the large
留给 张三 R000123 stays on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.circulation.results import ScanResult
from bookroom_desk.services.common import settings
from bookroom_desk.ui.context import AppContext


class HoldSlipButton(QPushButton):
    """Prints the slip of the hold the last scan kept a copy for; ``note`` says where it went."""

    def __init__(self, ctx: AppContext, note: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("打印预约条 (Ctrl+Shift+P)"))
        self.ctx = ctx
        self.note = note
        self.hold_id: int | None = None
        self.card = ""
        self.setObjectName("printHoldSlipButton")
        self.setToolTip(self.tr("打印夹在书里的预约条：读者、部门、电话、书名、条码和保留到哪一天。"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEnabled(False)
        self.clicked.connect(self.print_slip)

    def show_result(self, result: ScanResult) -> None:
        """After each scan: active when it kept a copy for a hold; printed at once when the room says so."""
        if result.action == "hint":  # a key with nothing to act on changes nothing
            return
        notice = result.hold
        self.hold_id = notice.hold_id if notice is not None else None
        self.card = notice.card if notice is not None else ""
        self.setEnabled(self.hold_id is not None)
        if notice is None or result.action != "returned":
            return
        automatic = notice.slip_on_ready  # read with the hold, in the scan's own statement (PostgreSQL: no round trips)
        if automatic is None:
            with self.ctx.read() as session:
                automatic = settings.get(session, settings.HOLD_SLIP_ON_READY)
        if automatic:
            self.print_slip()

    def print_slip(self) -> None:
        if self.hold_id is None:
            self.note.setText(self.tr("现在没有要打印的预约条：还回的书留给预约的读者时才有。"))
            return
        from bookroom_desk.printing.hold_slip import print_or_save_hold_slip

        try:
            with self.ctx.read() as session:
                printer, path = print_or_save_hold_slip(session, self.hold_id)
        except BookroomError as exc:  # the desk goes on
            self.note.setText(self.tr("预约条没有打印：{message}").format(message=exc.message))
            return
        if printer:
            self.note.setText(self.tr("{card} 的预约条已送往打印机“{printer}”。").format(card=self.card, printer=printer))
        else:
            self.note.setText(self.tr("没有可用的打印机，{card} 的预约条已保存为 {path}").format(card=self.card, path=str(path)))
