"""The status bar's figures: room name, holdings against the standard, today's loans."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import clock
from bookroom_desk.services.reporting.statistics import StatusFigures, status_figures
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_int

#: Changes arriving within this many milliseconds are shown by one refresh.
REFRESH_DELAY_MS = 300
# After a count the database refused (a server out of reach), the next try; a change meanwhile counts at once.
RETRY_MS = 30_000
# Past midnight by this much, 今日借出 is counted again for the new day.
MIDNIGHT_MARGIN_MS = 1000

log = logging.getLogger(__name__)


class RoomStatus(QWidget):
    """Refreshes after the data changes, counting off the GUI thread so scans never wait for it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.room = QLabel(self)
        self.room.setObjectName("statusRoom")
        self.holdings = QLabel(self)
        self.holdings.setObjectName("statusHoldings")
        self.loans = QLabel(self)
        self.loans.setObjectName("statusLoans")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(self.room)
        layout.addStretch(1)
        layout.addWidget(self.holdings)
        layout.addSpacing(24)
        layout.addWidget(self.loans)
        self._running = False
        self._again = False
        self._day = clock.today()  # the day of the count under way, or of the figures shown
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_now)
        ctx.dataChanged.connect(self._timer.start)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.refresh_now)
        self._midnight = QTimer(self)  # 今日 is a new day at midnight, with or without a change
        self._midnight.setSingleShot(True)
        self._midnight.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire minutes early over hours
        self._midnight.timeout.connect(self.refresh_now)
        self.stocktake = StocktakeOutlook(ctx, self)  # issue 6, below
        layout.insertWidget(2, self.stocktake)
        self._timer.timeout.connect(self.stocktake.refresh)
        self.refresh_now()

    def refresh_now(self) -> None:
        """Count now (in the background); a change during the count triggers one more."""
        if self._running:
            self._again = True
            return
        self._running = True
        self._day = clock.today()  # the day counted (should midnight fall before the count reads the clock: see _show)

        def count(_progress) -> StatusFigures:
            with self.ctx.read() as session:
                return status_figures(session)

        self.ctx.tasks.run(count, on_done=self._show, on_error=self._refused, owner=self, on_failure=self._failed,
                           may_stop=True)  # at the window's close, nobody waits for the figures

    def _failed(self) -> None:
        self._running = False
        self._count_again()

    def _refused(self, exc: BookroomError) -> None:
        """The database refused the count: the figures stay as they were, no box for a count nobody asked for."""
        log.info("status bar count refused: %s", exc.message)
        self._retry.start()

    def _count_again(self) -> None:
        """A change came while counting: count once more, as that count may not have seen it."""
        if self._again:
            self._again = False
            self.refresh_now()

    def _show(self, figures: StatusFigures) -> None:
        self._running = False
        self._retry.stop()
        self._show_figures(figures)
        # Counted for self._day: count again after its midnight (at once, if the count ran across it).
        left = dt.datetime.combine(self._day + dt.timedelta(days=1), dt.time()) - clock.now()
        self._midnight.start(max(0, int(left.total_seconds() * 1000)) + MIDNIGHT_MARGIN_MS)
        self._count_again()

    def _show_figures(self, figures: StatusFigures) -> None:
        std = figures.standard
        self.room.setText(figures.room or self.tr("（未填写书屋名称）"))
        self.holdings.setText(
            self.tr("藏书 {volumes} / {minimum} 册").format(volumes=fmt_int(std.volumes), minimum=fmt_int(std.minimum))
        )
        self.holdings.setProperty("short", not std.met)
        self.holdings.setStyleSheet("color: #2e7d32;" if std.met else "color: #c62828; font-weight: bold;")
        self.holdings.setToolTip(
            self.tr("已达到藏书标准") if std.met else self.tr("距 {minimum} 册的达标标准还差 {n} 册").format(
                minimum=fmt_int(std.minimum), n=fmt_int(std.shortfall))
        )
        self.loans.setText(self.tr("今日借出 {n} 册次").format(n=fmt_int(figures.loans_today)))


# --- Stocktake (issue 6): the holdings if the copies marked 缺失 were written off ---------------


class StocktakeOutlook(QLabel):
    """Shown only while copies are marked 缺失 (after a stocktake): how many, and what would remain."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("statusStocktake")
        self.setContentsMargins(0, 0, 12, 0)
        self.hide()
        self.refresh()

    def refresh(self) -> None:
        from bookroom_desk.services.stocktake.results import outlook

        def count(_progress):
            with self.ctx.read() as session:
                return outlook(session)

        self.ctx.tasks.run(count, on_done=self._show, owner=self, may_stop=True)

    def _show(self, look) -> None:
        after = look.after
        self.setVisible(look.missing > 0)
        self.setText(self.tr("缺失 {n} 册，核销后 {volumes} / {minimum} 册").format(
            n=fmt_int(look.missing), volumes=fmt_int(after.volumes), minimum=fmt_int(after.minimum)))
        self.setStyleSheet("color: #c62828;" if not after.met else "color: #6d4c00;")
        self.setToolTip(self.tr("盘点后标记为缺失的 {n} 册（图书 {books}，报刊 {periodicals}）若被核销，"
                                "计入达标的藏书将剩 {volumes} 册。")
                        .format(n=fmt_int(look.missing), books=fmt_int(look.missing_books),
                                periodicals=fmt_int(look.missing_periodicals), volumes=fmt_int(after.volumes)))
