"""The status bar's figures: room name, holdings against the standard, today's loans."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from bookroom_desk.services.room import room_name
from bookroom_desk.services.statistics import key_figures
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_int


class RoomStatus(QWidget):
    """Refreshes whenever the data changes."""

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
        self.stocktake = StocktakeOutlook(ctx, self)
        layout.addWidget(self.stocktake)
        layout.addSpacing(12)
        layout.addWidget(self.holdings)
        layout.addSpacing(24)
        layout.addWidget(self.loans)
        ctx.dataChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.read() as session:
            name = room_name(session)
            figures = key_figures(session)
        self.room.setText(name or self.tr("（未填写书屋名称）"))
        self.holdings.setText(
            self.tr("藏书 {volumes} / {minimum} 册").format(
                volumes=fmt_int(figures.volumes), minimum=fmt_int(figures.minimum))
        )
        short = figures.volumes < figures.minimum
        self.holdings.setProperty("short", short)
        self.holdings.setStyleSheet("color: #c62828; font-weight: bold;" if short else "color: #2e7d32;")
        self.holdings.setToolTip(
            self.tr("距 {minimum} 册的达标标准还差 {n} 册").format(minimum=fmt_int(figures.minimum), n=fmt_int(figures.shortfall)) if short
            else self.tr("已达到藏书标准")
        )
        self.loans.setText(self.tr("今日借出 {n} 册次").format(n=fmt_int(figures.loans_today)))


# --- Stocktake (issue 6): the holdings if the copies marked 缺失 were written off ---------------


class StocktakeOutlook(QLabel):
    """Shown only while copies are marked 缺失 (after a stocktake): how many, and what would remain."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("statusStocktake")
        ctx.dataChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from bookroom_desk.services.stocktake_results import outlook

        with self.ctx.read() as session:
            look = outlook(session)
        after = look.after
        self.setVisible(look.missing > 0)
        self.setText(self.tr("缺失 {n} 册，核销后 {volumes} / {minimum} 册").format(
            n=fmt_int(look.missing), volumes=fmt_int(after.volumes), minimum=fmt_int(after.minimum)))
        self.setStyleSheet("color: #c62828;" if not after.met else "color: #6d4c00;")
        self.setToolTip(self.tr("盘点后标记为缺失的 {n} 册（图书 {books}，报刊 {periodicals}）若被核销，计入达标的藏书将剩 {volumes} 册。")
                        .format(n=fmt_int(look.missing), books=fmt_int(look.missing_books),
                                periodicals=fmt_int(look.missing_periodicals), volumes=fmt_int(after.volumes)))
