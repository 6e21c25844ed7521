"""The main window: navigation on the left, pages on the right, the room's figures below.

At start the window is made and shown before the room is open (``MainWindow()``, then :meth:`MainWindow.open_room`):
its first page is then the desk's stand-in (ui/opening.py), whose scan field queues what is scanned meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from bookroom_desk import __version__
from bookroom_desk.ui.opening import OpeningDesk
from bookroom_desk.ui.pages import PAGES

if TYPE_CHECKING:
    from bookroom_desk.ui.context import AppContext
    from bookroom_desk.ui.widgets.page import Page

USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole, without Qt's namespace (see __init__)


class MainWindow(QMainWindow):
    """Opens on the scan desk with the keyboard focus in the scan field.

    ``MainWindow(ctx)`` is the window on an open room; ``MainWindow()`` the window before it, ready to take
    scans (``scan=False``: a room that opens at the log-in, no scan field meanwhile) until :meth:`open_room`.
    """

    opened = Signal()  # the room is open in the window and the scans queued meanwhile were handed to the desk

    def __init__(self, ctx: AppContext | None = None, *, scan: bool = True) -> None:
        super().__init__()
        self.ctx: AppContext = None  # type: ignore[assignment]  # set by open_room
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("职工书屋管理台") + f" {__version__}")
        self._pages: dict[str, Page] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        # Nothing of Qt's namespace (Qt.*) before the window is shown: its first use makes all its enums (20-40 ms).
        self.stack = QStackedWidget(self)
        for index, spec in enumerate(PAGES):
            item = QListWidgetItem(QCoreApplication.translate("MainWindow", spec.title))
            item.setData(USER_ROLE, spec.key)
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
        self.statusBar().setSizeGripEnabled(True)
        self._restore_geometry()
        self.opening: OpeningDesk | None = None
        self._waiting: tuple[list[str], str] | None = None  # scans queued before the room opened, until a log-in
        self._close_when_open = False  # closed while the room opened with scans queued: closes once they are in
        if ctx is not None:
            self.open_room(ctx)
        else:  # the nav is kept off the keyboard once shown (keep_nav_off_keyboard)
            self.opening = OpeningDesk(self.stack, scan=scan)
            self._replace(0, self.opening)
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(0)
            self.nav.blockSignals(False)
            self.stack.setCurrentWidget(self.opening)
            self.opening.focus()

    def keep_nav_off_keyboard(self) -> None:
        """The scan field keeps the keyboard: the navigation never takes it (the window shown: see __init__)."""
        from PySide6.QtCore import Qt

        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def open_room(self, ctx: AppContext) -> None:
        """Work on the room now open: its status bar, its pages, the log-in; the desk takes the scans queued."""
        from bookroom_desk.ui.access.guard import AccessGuard
        from bookroom_desk.ui.search_keys import SearchKeys
        from bookroom_desk.ui.widgets.status import RoomStatus

        self.keep_nav_off_keyboard()
        self.ctx = ctx
        self.room_status = RoomStatus(ctx, self)
        self.statusBar().addPermanentWidget(self.room_status, 1)
        self.search_keys = SearchKeys(self)  # a big list's search keys, in the background

        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGES[row].key))
        ctx.navigateRequested.connect(self.show_page)
        opening, self.opening = self.opening, None
        waiting = opening.take() if opening is not None else ([], "")
        self.show_page("desk")  # in the stand-in's place
        self.access = AccessGuard(self)  # log-in, lock and the role's controls (once accounts exist)
        if waiting[0] or waiting[1]:
            self._waiting = waiting
            ctx.actorChanged.connect(self._hand_over)  # a room that asks for a log-in first: after it
            self._hand_over()
        self.opened.emit()

    def _hand_over(self) -> None:
        """The scans queued while the room opened go to the desk, in order, once nobody needs to log in."""
        if self._waiting is None or self.access.is_locked:
            return
        (queued, typed), self._waiting = self._waiting, None
        self.ctx.actorChanged.disconnect(self._hand_over)
        desk = self.page("desk")
        for raw in queued:
            desk.controller.submit(raw)
        if typed:
            desk.scan_input.setText(typed + desk.scan_input.text())

    def _replace(self, index: int, widget: QWidget) -> None:
        old = self.stack.widget(index)
        self.stack.removeWidget(old)
        old.hide()
        old.setParent(None)  # out of the window at once (the desk's stand-in had a scanInput of its own)
        old.deleteLater()
        self.stack.insertWidget(index, widget)

    def page(self, key: str) -> Page:
        """The page for ``key``, built on first use so start-up stays fast."""
        if key not in self._pages:
            index = next(i for i, spec in enumerate(PAGES) if spec.key == key)
            page = PAGES[index].load()(self.ctx, self.stack)
            page.setObjectName(f"page_{key}")
            self._replace(index, page)
            self._pages[key] = page
        return self._pages[key]

    def show_page(self, key: str) -> None:
        if self.ctx is None:  # the room is still opening: the desk's stand-in stays
            return
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
        QTimer.singleShot(0, self._activate_current)

    def _activate_current(self) -> None:
        current = self.stack.currentWidget()
        if isinstance(current, OpeningDesk):
            current.focus()
        elif current is not None and self.ctx is not None:
            current.activated()

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        self.keep_on_screen()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.opening is not None and self.opening.queued:
            # Scans queued while the room opens are never lost: the window closes once the desk has them.
            event.ignore()
            if not self._close_when_open:
                self._close_when_open = True
                self.opened.connect(self.close)
            return
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
