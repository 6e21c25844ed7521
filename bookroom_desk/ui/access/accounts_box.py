"""Accounts on the settings page (administrators): the list, add, change password or role, remove."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.access import accounts, passwords
from bookroom_desk.services.common import permissions
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_date


def _role_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName("accountRole")
    for code in (permissions.VOLUNTEER, permissions.ADMIN):
        combo.addItem(role_label(code), code)
    return combo


def role_label(code: str) -> str:
    return QCoreApplication.translate("vocab", permissions.ROLES.get(code, code))


def fmt_moment(value: dt.datetime) -> str:
    return f"{fmt_date(value.date())} {value:%H:%M}"


class AccountDialog(QDialog):
    """Add an account (the first one is the administrator), or set a new password (``name`` given).

    ``weak``: asked after a log-in with a password or PIN shorter than new ones may be.
    """

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, first: bool = False, name: str = "",
                 weak: bool = False) -> None:
        super().__init__(parent)
        self.ctx, self.first, self.existing = ctx, first, name
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("创建管理员") if first else self.tr("修改密码") if name else self.tr("添加账户"))
        self.name = QLineEdit(name, self)
        self.name.setObjectName("accountName")
        self.name.setReadOnly(bool(name))
        # only the fields this dialog asks for are made: one left out of the form would sit over the others
        self.role = _role_combo(self) if not (first or name) else None
        self.card: QLineEdit | None = None
        if not name:
            self.card = QLineEdit(self)
            self.card.setObjectName("accountCard")
            self.card.setPlaceholderText(self.tr("可选：扫描志愿者证，登录时扫证即可"))
        self.secret = QLineEdit(self)
        self.secret.setObjectName("accountSecret")
        self.again = QLineEdit(self)
        self.again.setObjectName("accountSecretAgain")
        for edit in (self.secret, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("accountError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("账户名"), self.name)
        if self.role is not None:
            form.addRow(self.tr("角色"), self.role)
        if self.card is not None:
            form.addRow(self.tr("证号"), self.card)
        form.addRow(self.tr("密码或PIN（至少{count}位）").format(count=passwords.MIN_SECRET), self.secret)
        form.addRow(self.tr("再输入一次"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("accountSave")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = ""
        if first:
            note = self.tr("管理员可以编目、导入、剔除、修改设置和管理账户。创建后，每次启动都要登录。")
        elif weak:
            note = self.tr("您的密码或PIN不到 {count} 位，容易被猜出。请现在改一个至少 {count} 位的；"
                           "如果稍后再改，下次登录时还会提醒。").format(count=passwords.MIN_SECRET)
        if note:
            self.note = QLabel(note, self)
            self.note.setObjectName("accountNote")
            self.note.setWordWrap(True)
            layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.secret.text() != self.again.text():
            self.error.setText(self.tr("两次输入的密码不一致。"))
            return
        try:
            with self.ctx.write() as session:
                if self.existing:
                    account = accounts.update_account(session, self.existing, secret=self.secret.text(),
                                                      actor=self.ctx.actor)
                else:
                    role = permissions.ADMIN if self.role is None else self.role.currentData()
                    account = accounts.add_account(session, self.name.text(), role, self.secret.text(),
                                                   card=self.card.text() if self.card else "", actor=self.ctx.actor)
                name = account.name
        except BookroomError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
        self.saved.emit(name)
        if self.first:  # wherever it was asked from (the offer, the accounts box): they are logged in at once
            self.ctx.firstAdminCreated.emit(name)
        self.ctx.accountsChanged.emit()


class AccountsBox(QGroupBox):
    """账户: who may log in, and as what."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("账户"), parent)
        self.ctx = ctx
        self.setObjectName("accountsBox")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels([self.tr("账户名"), self.tr("角色"), self.tr("证号"), self.tr("上次登录")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        for column, width in enumerate((120, 110, 100, 140)):
            self.table.setColumnWidth(column, width)
        self.table.setFixedHeight(150)
        self.message = QLabel(self)
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (("add", self.tr("添加账户…"), self.add), ("password", self.tr("修改密码…"), self.password),
                                ("role", self.tr("切换角色"), self.toggle_role), ("remove", self.tr("删除…"), self.remove)):
            button = QPushButton(text, self)
            button.setObjectName(f"{key}AccountButton")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("没有账户时任何人都可以使用全部功能；有账户后启动时要登录。"
                              "志愿者只能借还、盘点扫描和书屋日常工作。"), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def load(self) -> None:
        with self.ctx.read() as session:
            rows = accounts.list_accounts(session)
        self.table.setRowCount(len(rows))
        for index, line in enumerate(rows):
            values = (line.name, role_label(line.role), line.card or "—",
                      fmt_moment(line.last_login_at) if line.last_login_at else "—")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, line.name)
                self.table.setItem(index, column, item)

    def chosen(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _done(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.message.setText(text)
        self.load()

    def add(self) -> AccountDialog:
        with self.ctx.read() as session:
            first = not permissions.has_accounts(session)
        dialog = AccountDialog(self.ctx, self, first=first)
        dialog.saved.connect(lambda name: self._done(self.tr("已添加账户“{name}”。").format(name=name)))
        dialog.open()
        return dialog

    def password(self) -> AccountDialog | None:
        name = self.chosen()
        if name is None:
            self._done(self.tr("请先选择一个账户。"), True)
            return None
        dialog = AccountDialog(self.ctx, self, name=name)
        dialog.saved.connect(lambda n: self._done(self.tr("已修改“{name}”的密码。").format(name=n)))
        dialog.open()
        return dialog

    def _change(self, action) -> bool:
        try:
            with self.ctx.write() as session:
                action(session)
        except BookroomError as exc:
            self._done(exc.message, True)
            return False
        return True

    def toggle_role(self) -> None:
        name = self.chosen()
        if name is None:
            self._done(self.tr("请先选择一个账户。"), True)
            return
        with self.ctx.read() as session:
            role = accounts.get_account(session, name).role
        new = permissions.VOLUNTEER if role == permissions.ADMIN else permissions.ADMIN
        if self._change(lambda s: accounts.update_account(s, name, role=new, actor=self.ctx.actor)):
            self._done(self.tr("“{name}”现在是{role}。").format(name=name, role=role_label(new)))
            self.ctx.accountsChanged.emit()

    def remove(self, confirm: bool = True) -> None:
        name = self.chosen()
        if name is None:
            self._done(self.tr("请先选择一个账户。"), True)
            return
        if confirm and QMessageBox.question(self, self.tr("删除账户"), self.tr("删除账户“{name}”？").format(name=name)) \
                != QMessageBox.StandardButton.Yes:
            return
        if self._change(lambda s: accounts.remove_account(s, name, actor=self.ctx.actor)):
            self._done(self.tr("已删除账户“{name}”。").format(name=name))
            self.ctx.accountsChanged.emit()
