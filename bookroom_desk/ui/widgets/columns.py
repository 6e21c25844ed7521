"""Table columns that fit their text: each column as wide as its header and its usual cell, the main text
column taking the room left, and a cell whose text is cut anyway showing it whole in its tooltip.

``fit_columns(view, stretch)`` sets a view up once; ``refit_columns(view)`` sizes the columns again after
its rows change (``activities.common.fill_table`` does).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

#: A column is as wide as the text of this share of its cells; a longer one is cut, and read in its tooltip.
USUAL_SHARE = 0.8
#: Beside a main column, no other column is wider than this share of the view (its text is cut, or wraps).
MOST_SHARE = 0.25
#: How many rows are measured at most (the tables fitted here are short; a long one is measured by its top).
MEASURED_ROWS = 200


def text_is_cut(view: QAbstractItemView, option: QStyleOptionViewItem) -> bool:
    """Whether the cell ``option`` (already filled in for its index) cannot show its whole text."""
    if not option.text:
        return False
    style = view.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = rect.width() - 2 * margin
    metrics = option.fontMetrics
    if option.features & QStyleOptionViewItem.ViewItemFeature.WrapText:
        needed = metrics.boundingRect(QRect(0, 0, max(width, 1), 1 << 20), Qt.TextFlag.TextWordWrap, option.text)
        return needed.width() > width or needed.height() > rect.height()
    return any(metrics.horizontalAdvance(line) > width for line in option.text.splitlines())


class CutTextTips(QStyledItemDelegate):
    """The ordinary delegate, whose tooltip is the whole text of a cell that shows only part of it
    (a tooltip the model gives is shown as usual)."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() and not index.data(Qt.ItemDataRole.ToolTipRole):
            cell = QStyleOptionViewItem(option)
            self.initStyleOption(cell, index)
            if text_is_cut(view, cell):
                QToolTip.showText(event.globalPos(), cell.text, view.viewport(), option.rect)
                return True
        return super().helpEvent(event, view, option, index)


class ColumnFit(QObject):
    """Keeps ``view``'s columns fitted: set up by :func:`fit_columns`, a child of the view."""

    def __init__(self, view: QTableView, stretch: int | None, wrap: bool, measured: int = MEASURED_ROWS) -> None:
        super().__init__(view)
        self.setObjectName("columnFit")
        self.view = view
        self.stretch = stretch
        self.wrap = wrap
        self.measured = measured
        self._heads: dict[int, int] = {}  # column: its header's width, never less
        self._usual: dict[int, int] = {}  # column: the width of its usual cell
        self._busy = False
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        if wrap:
            view.setWordWrap(True)
        view.setItemDelegate(CutTextTips(view))
        header.sectionResized.connect(self._section_resized)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)

    def fit(self) -> None:
        """Measure each column's header and usual cell again (after the rows changed), then lay them out."""
        view, header = self.view, self.view.horizontalHeader()
        model = view.model()
        rows = min(model.rowCount(), self.measured)
        grid = 1 if view.showGrid() else 0
        self._heads.clear()
        self._usual.clear()
        for column in range(model.columnCount()):
            if header.isSectionHidden(column):
                continue
            self._heads[column] = header.sectionSizeHint(column)
            if column != self.stretch:
                filled = (model.index(row, column) for row in range(rows))  # an empty cell says nothing of the
                widths = sorted(view.sizeHintForIndex(index).width() + grid  # usual text's width
                                for index in filled if index.data(Qt.ItemDataRole.DisplayRole) not in (None, ""))
                self._usual[column] = widths[math.ceil(USUAL_SHARE * len(widths)) - 1] if widths else 0
        self.lay_out()

    def lay_out(self) -> None:
        """Every column at its usual width (with a main column, at most a share of the view; never less
        than its header), then the main column given the room left."""
        header = self.view.horizontalHeader()
        room = self.view.viewport().width()
        most = int(room * MOST_SHARE) if self.stretch is not None else 1 << 20
        self._busy = True
        try:
            for column, usual in self._usual.items():
                width = max(self._heads[column], min(usual, most))
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._busy = False
        self.fill()

    def fill(self) -> None:
        """Widen or narrow the main column to the room the others leave (never below its header's width)."""
        if self.stretch is None or self._busy:
            return
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.stretch and not header.isSectionHidden(c))
        width = max(self._heads.get(self.stretch, 0), self.view.viewport().width() - others)
        if header.sectionSize(self.stretch) == width:
            return
        self._busy = True
        try:
            header.resizeSection(self.stretch, width)
        finally:
            self._busy = False
        if self.wrap:
            self.view.resizeRowsToContents()  # the main column's wrapped lines changed

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.stretch:
            self.fill()  # the user widened another column: the main one gives way

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self.lay_out()
        return False


def fit_columns(view: QTableView, stretch: int | None = None, wrap: bool = False,
                measured: int = MEASURED_ROWS) -> ColumnFit:
    """Fit ``view``'s columns to their text now and keep ``stretch`` (the main text column, if any) taking
    the width the others leave; cut cells get their whole text as tooltip. With ``wrap`` the cells wrap
    their text and the rows are as tall as it. ``measured``: how many of the top rows the widths come from
    (fewer for a view whose refit must stay quick on the GUI thread). Call once per view."""
    fit = ColumnFit(view, stretch, wrap, measured)
    fit.fit()
    return fit


def refit_columns(view: QTableView) -> None:
    """Fit the columns of a view set up by :func:`fit_columns` to its rows again."""
    fit = view.findChild(ColumnFit, "columnFit", Qt.FindChildOption.FindDirectChildrenOnly)
    if fit is not None:
        fit.fit()
        if fit.wrap:
            view.resizeRowsToContents()
