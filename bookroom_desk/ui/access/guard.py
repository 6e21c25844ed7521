"""Who is at the keyboard: log-in at start once accounts exist, lock on demand or when idle, role-based UI.

Without accounts nothing is asked: a bar offers (once, dismissable, remembered on this PC) to create
the administrator. With accounts the window opens covered by the log-in panel; 锁定 (Ctrl+L, or the
button in the status bar) and the room's idle time cover it again. A volunteer does not see the
controls of administrators' work (ADMIN_ONLY, by objectName, also in dialogs and pages built
later); the services refuse that work to volunteers anyway.

A lock while a modal dialog is open (a title's dialog, a message box) leaves that dialog as it is, its
edits kept, and asks for the log-in in a dialog of its own over it (LockDialog): the open dialog blocks the
window and its panel, the log-in dialog blocks everything else. A dialog coming up while locked is covered
the same way. Ctrl+L locks from the window's dialogs too, and keys and clicks in them count as activity.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QToolBar, QWidget

from bookroom_desk.services.access import accounts
from bookroom_desk.services.common import permissions
from bookroom_desk.ui.access.accounts_box import AccountDialog, role_label
from bookroom_desk.ui.access.login import LockDialog, LoginPanel

#: Widgets (by objectName) only administrators see.
ADMIN_ONLY = frozenset({
    "newTitleButton", "importButton", "renumberButton", "saveTitleButton", "deleteTitleButton",
    "addCopyButton", "withdrawCopyButton", "lostCopyButton", "reinstateCopyButton", "deleteCopyButton",
    "importRosterButton", "stocktakeFinishButton", "stocktakeWriteOffButton", "saveProfileButton",
    "accountsBox", "privacyBox", "readerExportButton", "readerEraseButton", "restoreButton", "shelfEditor",
    "newCategoryButton", "editCategoryButton", "deleteCategoryButton", "saveDigitalAccess",
})
OFFER_DISMISSED = "access/adminOfferDismissed"
_WATCHED = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class AdminOffer(QFrame):
    """The non-blocking offer to create the administrator, shown while the room has no account."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("adminOffer")
        text = QLabel(self.tr("还没有账户：任何人都可以使用全部功能。"), self)
        self.setToolTip(self.tr("创建管理员后，启动时需要登录，志愿者只能借还和盘点扫描。"))
        self.create_button = QPushButton(self.tr("创建管理员…"), self)
        self.create_button.setObjectName("createAdminButton")
        self.dismiss_button = QPushButton(self.tr("不再提示"), self)
        self.dismiss_button.setObjectName("dismissAdminOffer")
        for button in (self.create_button, self.dismiss_button):
            button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(text, 1)
        layout.addWidget(self.create_button)
        layout.addWidget(self.dismiss_button)


class AccessGuard(QObject):
    """Installed on the main window: the log-in panel, the lock, the idle timer and the role's controls."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window, self.ctx = window, window.ctx
        self.is_locked = False
        self._hidden: list[QWidget] = []
        self._filtering = False
        self.panel = LoginPanel(self.ctx, window)
        self.panel.hide()
        self.panel.loggedIn.connect(self.logged_in)
        self.panel.weakSecret.connect(self.ask_for_new_secret)
        self.lock_dialog: LockDialog | None = None  # the log-in over a modal dialog open while locked
        self._focus: list[QWidget] = []  # what had the keys in the dialogs open when the window locked
        self.lock_action = QAction(QCoreApplication.translate("AccessGuard", "锁定"), window)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        window.addAction(self.lock_action)
        self.lock_button = QPushButton(window)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setFlat(True)
        self.lock_button.clicked.connect(self.lock)
        window.statusBar().addPermanentWidget(self.lock_button)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.offer: AdminOffer | None = None
        self.new_secret_dialog: AccountDialog | None = None
        self.ctx.firstAdminCreated.connect(self.first_admin_created)
        self.ctx.accountsChanged.connect(self.accounts_changed)
        with self.ctx.read() as session:
            has_accounts = permissions.has_accounts(session)
        if has_accounts:
            self.ctx.account = ""  # nobody yet: the window never acts as the operator once accounts exist
            self.lock()
        else:
            self.lock_button.hide()
            if not QSettings().value(OFFER_DISMISSED, False, type=bool):
                self._show_offer()

    # --- the offer --------------------------------------------------------------------------

    def _show_offer(self) -> None:
        self.offer = AdminOffer(self.window)
        self.offer.create_button.clicked.connect(self.create_admin)
        self.offer.dismiss_button.clicked.connect(self.dismiss_offer)
        self.offer_bar = QToolBar(self.window)  # a thin bar over the pages, not in the status bar's figures
        self.offer_bar.setObjectName("adminOfferBar")
        self.offer_bar.setMovable(False)
        self.offer_bar.addWidget(self.offer)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.offer_bar)
        self.offer_bar.show()  # a bar added to a window already shown stays hidden otherwise

    def dismiss_offer(self) -> None:
        QSettings().setValue(OFFER_DISMISSED, True)
        self._drop_offer()

    def _drop_offer(self) -> None:
        if self.offer is not None:
            self.window.removeToolBar(self.offer_bar)
            self.offer_bar.deleteLater()
            self.offer = None

    def create_admin(self) -> AccountDialog:
        dialog = AccountDialog(self.ctx, self.window, first=True)  # saved: first_admin_created, via the context
        dialog.open()
        return dialog

    def first_admin_created(self, name: str) -> None:
        """The room's first account was made (from the offer or the accounts box): its administrator is in."""
        self._drop_offer()
        self.logged_in(name, permissions.ADMIN)

    def accounts_changed(self) -> None:
        """Keep the offer and the lock true to the room's accounts (added, removed, or a backup restored)."""
        with self.ctx.read() as session:
            has_accounts = permissions.has_accounts(session)
        if has_accounts:
            self._drop_offer()
            if self.ctx.account is None:  # accounts came without a log-in (a restored room): ask who it is
                self.ctx.account = ""
                self.lock()
            return
        if self.ctx.account is None:
            return  # still without accounts, as the window opened
        # the room has no account any more: anyone may use everything again, as in a room that never had one
        self.ctx.account, self.ctx.role = None, permissions.ADMIN
        self.is_locked = False
        self.idle.stop()
        self.panel.hide()
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(True)
        self.lock_button.hide()
        self.apply_role()
        if self.offer is None and not QSettings().value(OFFER_DISMISSED, False, type=bool):
            self._show_offer()
        self.ctx.actorChanged.emit()

    # --- locking and logging in -------------------------------------------------------------

    def lock(self) -> None:
        """Cover the window until someone logs in (only once accounts exist)."""
        with self.ctx.read() as session:
            if not permissions.has_accounts(session):
                return
        if not self.is_locked:
            self._remember_focus()
        self.is_locked = True
        self.idle.stop()
        self._watch(True)
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(False)  # nothing behind the panel takes the keyboard (the scan field)
        self.lock_button.hide()
        self.panel.open(self.ctx.account or "")
        self._cover()

    def _cover(self) -> None:
        """Put the log-in where it can take the keys: over the topmost modal dialog, or the panel in the window.

        A modal dialog open (a title's dialog, a message box) blocks the window, the panel with it; the log-in
        is then asked in a dialog over it, which blocks that dialog and everything else in turn.
        """
        if not self.is_locked:
            return
        top = QApplication.activeModalWidget()
        if top is not None and top is self.lock_dialog:
            return
        self._drop_lock_dialog()
        if top is None:
            self.panel.who.setFocus()
            return
        dialog = LockDialog(self.ctx, top)
        dialog.panel.loggedIn.connect(self.logged_in)
        dialog.panel.weakSecret.connect(self.ask_for_new_secret)
        self.lock_dialog = dialog
        dialog.ask(self.ctx.account or "")

    def _drop_lock_dialog(self) -> None:
        dialog, self.lock_dialog = self.lock_dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.hide()
            dialog.deleteLater()

    def _remember_focus(self) -> None:
        """Note what has the keys in each of the window's dialogs: disabled with the window, they lose it."""
        self._focus = [widget.focusWidget() for widget in QApplication.topLevelWidgets()
                       if widget is not self.window and widget.isVisible() and widget.focusWidget() is not None
                       and self._mine(widget)]

    def _restore_focus(self) -> None:
        for widget in self._focus:
            if shiboken6.isValid(widget) and widget.isVisible() and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus = []

    def logged_in(self, name: str, role: str) -> None:
        # A dialog open when the window locked stays open whoever logs in: what it saves then is recorded
        # under the account now logged in (writes take ctx.actor when they are made), and a volunteer does
        # not see its administrators' controls (apply_role below; the services refuse that work anyway).
        self.ctx.account, self.ctx.role = name, role
        self.is_locked = False
        self.panel.hide()
        self._drop_lock_dialog()
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(True)
        self._restore_focus()
        self.lock_button.setText(QCoreApplication.translate("AccessGuard", "{name}（{role}）· 锁定").format(
            name=name, role=role_label(role)))
        self.lock_button.show()
        self._watch(True)
        self.apply_role()
        with self.ctx.read() as session:
            minutes = accounts.lock_minutes(session)
        self.idle.setInterval(minutes * 60_000)
        if minutes:
            self.idle.start()
        self.ctx.actorChanged.emit()
        page = self.window.stack.currentWidget()
        if page is not None and hasattr(page, "activated"):
            page.activated()
        top = QApplication.activeModalWidget()
        if top is not None:
            top.activateWindow()  # the dialog the log-in was over has the keys again

    def ask_for_new_secret(self, name: str) -> AccountDialog:
        """Ask ``name``, just logged in with too short a password or PIN, for a new one (again at every log-in)."""
        dialog = AccountDialog(self.ctx, self.window, name=name, weak=True)
        dialog.open()
        self.new_secret_dialog = dialog
        return dialog

    # --- the role's controls ----------------------------------------------------------------

    def apply_role(self) -> None:
        if self.ctx.role == permissions.ADMIN:
            for widget in self._hidden:
                try:
                    widget.show()
                except RuntimeError:  # deleted meanwhile (a closed dialog)
                    pass
            self._hidden.clear()
            return
        for widget in self.window.findChildren(QWidget):
            self._hide_if_admin_only(widget)

    def _hide_if_admin_only(self, widget: QWidget) -> None:
        if widget.objectName() in ADMIN_ONLY and widget.isVisibleTo(widget.parentWidget() or widget):
            widget.hide()
            self._hidden.append(widget)

    def _watch(self, on: bool) -> None:
        app = QApplication.instance()
        if on and not self._filtering:
            app.installEventFilter(self)
        elif not on and self._filtering:
            app.removeEventFilter(self)
        self._filtering = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and not self.is_locked and self._lock_key_in_dialog(watched, event):
            self.lock()
            return self.is_locked
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and self.is_locked and isinstance(watched, QWidget) \
                and watched.isWindow() and watched.isModal():
            QTimer.singleShot(0, self, self._cover)  # a dialog came up over the log-in, or the one it was over went
        if kind in _WATCHED and not self.is_locked and self.idle.interval() > 0:
            self.idle.start()  # any key or click counts as activity
        elif kind == QEvent.Type.Show and self.ctx.role != permissions.ADMIN and isinstance(watched, QWidget) \
                and watched.objectName() in ADMIN_ONLY and self._mine(watched):
            self._hide_if_admin_only(watched)
        return False

    def _lock_key_in_dialog(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+L pressed in one of the window's dialogs (the window's own shortcut works only in the window)."""
        return isinstance(watched, QWidget) and isinstance(event, QKeyEvent) \
            and QKeySequence(event.keyCombination()) == self.lock_action.shortcut() \
            and watched.window() is not self.window and self._mine(watched)

    def _mine(self, widget: QWidget) -> bool:
        """Whether ``widget`` belongs to this window (its pages and their dialogs), not another one."""
        while widget is not None:
            if widget is self.window:
                return True
            widget = widget.parentWidget()
        return False
