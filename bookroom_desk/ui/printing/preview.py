"""The label dialog's two views: the sheet preview, one page at a time, and the start-position picker."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from bookroom_desk.printing.label_painting import LabelSheets, page_image
from bookroom_desk.printing.layouts import SheetLayout

#: The preview page is painted at the resolution that fills the view, within these bounds (dpi).
MIN_DPI, MAX_DPI = 30.0, 300.0
#: Painted at twice the screen's resolution, then scaled down smoothly: fine bars and small text stay legible.
SUPERSAMPLE = 2.0
MARGIN = 12.0


class PageView(QWidget):
    """Shows one page image scaled to fit, on a grey desk, with a shadow like paper."""

    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setMinimumSize(300, 400)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def page_rect(self) -> QRectF:
        if self.image.isNull():
            return QRectF()
        scale = min((self.width() - 2 * MARGIN) / self.image.width(),
                    (self.height() - 2 * MARGIN) / self.image.height())
        width, height = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def fitting_dpi(self, page_width_mm: float, page_height_mm: float) -> float:
        """The resolution at which a page fills the view on this screen, pixel for pixel."""
        inches = min((self.width() - 2 * MARGIN) / (page_width_mm / 25.4),
                     (self.height() - 2 * MARGIN) / (page_height_mm / 25.4))
        return max(MIN_DPI, min(MAX_DPI, SUPERSAMPLE * inches * self.devicePixelRatioF()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0x9e, 0xa7, 0xb0))
        if not self.image.isNull():
            target = self.page_rect()
            painter.fillRect(target.translated(3, 3), QColor(0, 0, 0, 60))
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(target, self.image)
        painter.end()


class SheetPreview(QWidget):
    """The pages of a label sheet set, one at a time, with previous/next buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheets: LabelSheets | None = None
        self.page = 0
        self.view = PageView(self)
        self.view.setObjectName("labelPreviewPage")
        # Repaint once a resize settles, at the new size's resolution, not at every step of a drag.
        self.repaint_timer = QTimer(self)
        self.repaint_timer.setSingleShot(True)
        self.repaint_timer.setInterval(80)
        self.repaint_timer.timeout.connect(lambda: self.show_page(self.page))
        self.view.resized.connect(self.repaint_timer.start)
        self.previous_button = QPushButton(self.tr("上一页"), self)
        self.previous_button.setObjectName("previousPageButton")
        self.next_button = QPushButton(self.tr("下一页"), self)
        self.next_button.setObjectName("nextPageButton")
        self.page_label = QLabel(self)
        self.page_label.setObjectName("previewPageLabel")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.page_label, 1)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.set_sheets(None)

    def set_sheets(self, sheets: LabelSheets | None, page: int = 0) -> None:
        self.sheets = sheets
        self.show_page(page)

    def page_count(self) -> int:
        return self.sheets.page_count if self.sheets else 0

    def show_page(self, page: int) -> None:
        count = self.page_count()
        self.page = max(0, min(page, count - 1))
        # One page is painted at a time (tens of labels): quick enough for the GUI thread.
        if count:
            layout = self.sheets.layout
            dpi = self.view.fitting_dpi(layout.page_width, layout.page_height)
            self.view.set_image(page_image(self.sheets, self.page, dpi, edge_width=SUPERSAMPLE))
        else:
            self.view.set_image(QImage())
        self.page_label.setText(self.tr("第 {page} / {count} 页").format(page=self.page + 1, count=count)
                                if count else self.tr("没有要打印的标签"))
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < count - 1)


class StartPicker(QWidget):
    """A small picture of the sheet: click the first free label of a partly used sheet."""

    startChanged = Signal(int)  # 1-based position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_: SheetLayout | None = None
        self.start = 1
        self.setMinimumSize(QSize(120, 160))
        self.setMaximumSize(QSize(200, 280))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("点击标签纸上第一个还没用过的标签"))

    def set_layout(self, layout: SheetLayout, start: int) -> None:
        self.layout_ = layout
        self.start = start
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(150, 210)

    def _scale(self) -> tuple[float, QPointF]:
        page_w, page_h = self.layout_.page_width, self.layout_.page_height
        scale = min((self.width() - 4) / page_w, (self.height() - 4) / page_h)
        return scale, QPointF((self.width() - page_w * scale) / 2, (self.height() - page_h * scale) / 2)

    def cell_box(self, cell: int) -> QRectF:
        scale, origin = self._scale()
        x, y, w, h = self.layout_.cell_rect(cell)
        return QRectF(origin.x() + x * scale, origin.y() + y * scale, w * scale, h * scale)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.layout_ is None:
            return
        painter = QPainter(self)
        scale, origin = self._scale()
        painter.fillRect(QRectF(origin.x(), origin.y(), self.layout_.page_width * scale,
                                self.layout_.page_height * scale), QColor(255, 255, 255))
        painter.setPen(QPen(QColor(120, 130, 140), 0))
        for cell in range(self.layout_.cells):
            box = self.cell_box(cell)
            if cell < self.start - 1:
                painter.fillRect(box, QColor(200, 200, 200))  # already used
            elif cell == self.start - 1:
                painter.fillRect(box, QColor(21, 101, 192))
            painter.drawRect(box)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.layout_ is None:
            return
        for cell in range(self.layout_.cells):
            if self.cell_box(cell).contains(event.position()):
                self.start = cell + 1
                self.update()
                self.startChanged.emit(self.start)
                return


