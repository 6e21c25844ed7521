"""The desk's feedback: a big result line in green, amber or red, the offer or choice under it, a sound."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from bookroom_desk.services.circulation.results import Place, ScanResult
from bookroom_desk.services.common.feedback import Feedback
from bookroom_desk.services.common.vocab import COPY_STATUSES, label
from bookroom_desk.ui.desk.sound import Sound
from bookroom_desk.ui.widgets.format import fmt_date
from bookroom_desk.ui.widgets.scan_tone import look

TONES = {
    "ok": ("#e8f5e9", "#2e7d32", "#1b5e20"),
    "warn": ("#fff8e1", "#f9a825", "#6d4c00"),
    "error": ("#ffebee", "#c62828", "#b71c1c"),
    "idle": ("#f5f5f5", "#bdbdbd", "#424242"),
}


#: The panel grows to its wrapped lines' height once it is at least this wide, and never beyond the cap.
FIT_FROM_WIDTH, FIT_AT_MOST = 320, 240


class FeedbackPanel(QFrame):
    """Says what the last scan did, plainly; ``tone`` is a property tests and styles read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackPanel")
        self.message = QLabel(self)
        self.message.setObjectName("scanFeedback")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.message.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.message.setFont(font)
        self.place = QLabel(self)  # where a returned or shelved book goes, large enough to read from the cart
        self.place.setObjectName("scanPlace")
        self.place.setTextFormat(Qt.TextFormat.PlainText)
        self.place.setWordWrap(True)
        place_font = QFont(self.message.font())
        place_font.setPointSize(place_font.pointSize() + 6)
        self.place.setFont(place_font)
        self.hint = QLabel(self)
        self.hint.setObjectName("scanHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        hint_font = QFont(self.hint.font())
        hint_font.setPointSize(hint_font.pointSize() + 2)
        self.hint.setFont(hint_font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.message)
        layout.addWidget(self.place)
        layout.addWidget(self.hint)
        self.sound = Sound(self)
        self.show_idle()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as its wrapped lines need at its width: on a small screen the lists below give up the room,
        and a long message (an override with its reason) is never cut."""
        layout = self.layout()
        if layout is None or not self.isVisible() or self.width() < FIT_FROM_WIDTH:
            return  # not laid out yet: a narrow first width would ask for a tall panel and stretch the window
        needed = min(layout.totalHeightForWidth(self.width()), FIT_AT_MOST)
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    @property
    def tone(self) -> str:
        return self.property("tone")

    def show_idle(self) -> None:
        self._paint("idle")
        self.message.setText(self.tr("请扫描读者证借书；不打开读者直接扫描图书条码即为还书。"))
        self.place.clear()
        self.place.hide()
        self.hint.clear()
        self.hint.hide()
        self._fit()

    def show(self, feedback: Feedback, hint: str = "") -> None:
        """Say what a scan (or a key) did, with ``hint`` under it, and sound it."""
        self._paint(look(feedback.tone))
        self.message.setText(feedback.message(fmt_date))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.place.clear()
        self.place.hide()
        self._fit()
        self.sound.play(feedback.tone)

    def show_result(self, result: ScanResult) -> None:
        """A desk result, with the offer F9 would accept or the copies an ISBN could mean."""
        hint = ""
        if result.offer is not None:
            hint = result.offer.message(fmt_date)
        elif result.choices:
            hint = "\n".join(
                self.tr("{n}. {barcode}  {status}").format(n=i, barcode=c.barcode, status=label(COPY_STATUSES, c.status))
                + (self.tr("（{name}在借）").format(name=c.borrower) if c.borrower else "")
                for i, c in enumerate(result.choices, 1))
        self.show(result.feedback, hint)
        if result.hold is not None:  # kept for a hold: the hold shelf, and for whom, as large as a shelf
            self.place.setText(self.tr("→ 预约架：留给 {name} {card}，保留到 {date}").format(
                name=result.hold.reader_name, card=result.hold.card, date=fmt_date(result.hold.expires_on)))
            self.place.show()
        elif result.place is not None:
            self.place.setText(self.place_text(result.place))
            self.place.show()
        self._fit()

    def place_text(self, place: Place) -> str:
        """"→ 书架 A01（文学）　索书号 I247.5/12", or what is known of it."""
        shelf = place.shelf_code if place.shelf_name in ("", place.shelf_code) else \
            self.tr("{code}（{name}）").format(code=place.shelf_code, name=place.shelf_name)
        if place.shelf_code and place.call_number:
            return self.tr("→ 书架 {shelf}　索书号 {call_number}").format(shelf=shelf, call_number=place.call_number)
        if place.shelf_code:
            return self.tr("→ 书架 {shelf}").format(shelf=shelf)
        if place.call_number:
            return self.tr("→ 索书号 {call_number}（这一册还没有分配书架）").format(call_number=place.call_number)
        return self.tr("→ 这一册还没有分配书架，也没有索书号")

    def _paint(self, tone: str) -> None:
        background, border, text = TONES[tone]
        self.setProperty("tone", tone)
        self.setStyleSheet(f"#feedbackPanel {{ background: {background}; border: 2px solid {border}; "
                           f"border-radius: 6px; }} #feedbackPanel QLabel {{ color: {text}; }}")
