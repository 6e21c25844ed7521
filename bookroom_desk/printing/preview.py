"""The label dialog's two views: the sheet preview, one page at a time, and the start-position picker."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from bookroom_desk.printing.labels import LabelSheets, page_image
from bookroom_desk.printing.layouts import SheetLayout

#: Resolution of the preview image; the page is then scaled to the widget smoothly.
PREVIEW_DPI = 110.0


class PageView(QWidget):
    """Shows one page image scaled to fit, on a grey desk, with a shadow like paper."""

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
        margin = 12.0
        scale = min((self.width() - 2 * margin) / self.image.width(),
                    (self.height() - 2 * margin) / self.image.height())
        width, height = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
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
        self.view.set_image(page_image(self.sheets, self.page, PREVIEW_DPI) if count else QImage())
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

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(150, 210)

    def _scale(self) -> tuple[float, QPointF]:
        page_w, page_h = self.layout_.page_width, self.layout_.page_height
        scale = min((self.width() - 4) / page_w, (self.height() - 4) / page_h)
        return scale, QPointF((self.width() - page_w * scale) / 2, (self.height() - page_h * scale) / 2)

    def cell_box(self, cell: int) -> QRectF:
        scale, origin = self._scale()
        x, y, w, h = self.layout_.cell_rect(cell)
        return QRectF(origin.x() + x * scale, origin.y() + y * scale, w * scale, h * scale)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
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

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.layout_ is None:
            return
        for cell in range(self.layout_.cells):
            if self.cell_box(cell).contains(event.position()):
                self.start = cell + 1
                self.update()
                self.startChanged.emit(self.start)
                return


