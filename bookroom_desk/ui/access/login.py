"""The log-in panel: covers the whole window at start and when locked; a card scan or name, then password or PIN.

When the window locks while a modal dialog is open, that dialog blocks the window and so the panel in it: the
log-in is then asked in a small dialog of its own over the open one (``LockDialog``), which only a log-in closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.access import logins
from bookroom_desk.ui.context import AppContext

#: The log-in box's width; wider only when a field's prompt needs more (its height always follows its width).
BOX_WIDTH = 420


def fit_prompt(edit: QLineEdit) -> None:
    """Never let ``edit`` be narrower than its prompt (placeholder) needs to show whole."""
    metrics = edit.fontMetrics()
    frame = edit.sizeHint().width() - 17 * metrics.horizontalAdvance("x")  # QLineEdit's hint is 17 x's wide
    edit.setMinimumWidth(metrics.horizontalAdvance(edit.placeholderText()) + frame + 1)


class LoginPanel(QWidget):
    """An opaque panel over the main window; ``loggedIn(name, role)`` fires after a good password.

    ``weakSecret(name)`` follows it when that password or PIN is shorter than new ones may be.
    """

    loggedIn = Signal(str, str)
    weakSecret = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("loginPanel")
        self.setAutoFillBackground(True)
        box = QFrame(self)
        box.setObjectName("loginBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(self.tr("职工书屋管理台 · 登录"), box)
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.hint = QLabel(self.tr("请扫描志愿者证，或输入账户名；再输入密码或PIN，按回车。"), box)
        self.hint.setWordWrap(True)
        self.who = QLineEdit(box)
        self.who.setObjectName("loginWho")
        self.who.setPlaceholderText(self.tr("扫描证件或输入账户名"))
        self.secret = QLineEdit(box)
        self.secret.setObjectName("loginSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("密码或PIN"))
        fit_prompt(self.who)
        fit_prompt(self.secret)
        self.button = QPushButton(self.tr("登录"), box)
        self.button.setObjectName("loginButton")
        self.button.setDefault(True)
        self.message = QLabel(box)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("账户"), self.who)
        form.addRow(self.tr("密码"), self.secret)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(self.heading)
        inner.addWidget(self.hint)
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.message)
        margins = inner.contentsMargins()
        box.setFixedWidth(max(BOX_WIDTH, form.minimumSize().width() + margins.left() + margins.right()))
        # In a row between stretches the box's height is worked out for its own width (the wrapped lines
        # of a long English prompt); aligned in the column it was worked out for the whole window's width.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.who.returnPressed.connect(self._next)
        self.secret.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parent().rect())
        return False

    def open(self, locked_by: str = "") -> None:
        """Cover the window and ask for a log-in (``locked_by`` names who locked it)."""
        self.who.clear()
        self.secret.clear()
        self.message.setText(self.tr("已锁定（{name}）。").format(name=locked_by) if locked_by else "")
        self.setGeometry(self.parent().rect())
        self.show()
        self.raise_()
        self.who.setFocus()

    def _next(self) -> None:
        if self.who.text().strip():
            self.secret.setFocus()

    def submit(self) -> None:
        who, secret = self.who.text(), self.secret.text()
        self.secret.clear()
        try:
            with self.ctx.db.write() as session:  # a failed try is recorded and counted too
                result = logins.authenticate(session, who, secret)
                found = (result.account.name, result.account.role) if result.account else None
        except BookroomError as exc:
            self.message.setText(exc.message)
            return
        if found is None:
            self.message.setText(result.message)  # wrong, or how long to wait
            self.secret.setFocus()
            return
        self.hide()
        self.loggedIn.emit(*found)
        if result.weak_secret:
            self.weakSecret.emit(found[0])


class LockDialog(QDialog):
    """The log-in over the topmost modal dialog, asked when the window locks while that dialog is open.

    Application modal and shown last, it blocks every other window (the open dialog too, its edits kept as
    they are) and takes the keys itself. Escape and the window's close button do nothing: only a log-in,
    ``panel.loggedIn``, ends it (the guard then closes it).
    """

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                         | Qt.WindowType.WindowTitleHint)  # titled, without a close button
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("已锁定"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.panel = LoginPanel(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def ask(self, locked_by: str = "") -> None:
        """Show it over its parent, ready for a card scan or a name."""
        self.panel.open(locked_by)
        self.show()  # shown last, it is the topmost window
        self.activateWindow()
        self.panel.who.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter is the fields' own (next field, log in); QDialog would also press the default 登录 button with
        # what is typed so far, a failed try counted. Escape would reject the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Not sent away (Escape, the close button): only a log-in closes it."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():  # the window system's close (Alt+F4): refused
            event.ignore()
        else:  # the program's own close (at exit): the guard asks again if the window is still locked
            event.accept()
