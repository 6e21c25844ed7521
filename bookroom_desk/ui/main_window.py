"""The main window: navigation on the left, pages on the right, the room's figures below."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from bookroom_desk import __version__
from bookroom_desk.ui.access.guard import AccessGuard
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.pages import PAGES
from bookroom_desk.ui.search_keys import SearchKeys
from bookroom_desk.ui.widgets.page import Page
from bookroom_desk.ui.widgets.status import RoomStatus


class MainWindow(QMainWindow):
    """Opens on the scan desk with the keyboard focus in the scan field."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("职工书屋管理台") + f" {__version__}")
        self._pages: dict[str, Page] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        self.stack = QStackedWidget(self)
        for index, spec in enumerate(PAGES):
            item = QListWidgetItem(QCoreApplication.translate("MainWindow", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget(self.stack))  # stand-in until the page is first opened
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda key=spec.key: self.show_page(key))
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.room_status = RoomStatus(ctx, self)
        self.statusBar().addPermanentWidget(self.room_status, 1)
        self.statusBar().setSizeGripEnabled(True)
        self.search_keys = SearchKeys(self)  # a big list's search keys, in the background

        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGES[row].key))
        ctx.navigateRequested.connect(self.show_page)
        self._restore_geometry()
        self.show_page("desk")
        self.access = AccessGuard(self)  # log-in, lock and the role's controls (once accounts exist)

    def page(self, key: str) -> Page:
        """The page for ``key``, built on first use so start-up stays fast."""
        if key not in self._pages:
            index = next(i for i, spec in enumerate(PAGES) if spec.key == key)
            page = PAGES[index].load()(self.ctx, self.stack)
            page.setObjectName(f"page_{key}")
            old = self.stack.widget(index)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(index, page)
            self._pages[key] = page
        return self._pages[key]

    def show_page(self, key: str) -> None:
        page = self.page(key)
        index = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        if self.nav.currentRow() != index:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(index)
            self.nav.blockSignals(False)
        self.stack.setCurrentWidget(page)
        page.activated()
        self.keep_on_screen()

    def keep_on_screen(self) -> None:
        """Never larger than the screen's free area (a page's first visit must not push the status bar off)."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.size()  # the title bar and borders, where there are any
        width = min(self.width(), free.width() - frame.width())
        height = min(self.height(), free.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Once the window is really on screen, put the keyboard in the current page again.
        QTimer.singleShot(0, lambda: self.stack.currentWidget() and self.stack.currentWidget().activated())

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        self.keep_on_screen()

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
