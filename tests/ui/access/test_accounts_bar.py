"""The offer bar follows the room's accounts at once, and the account dialog shows only the fields it asks for."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QToolBar, QWidget

from bookroom_desk.services.access import accounts
from bookroom_desk.store.migrate import open_database
from bookroom_desk.ui.access.accounts_box import AccountDialog
from tests.support.helpers import add_admin_and_volunteer
from tests.support.windows import open_window

OFFER_TEXT = "还没有账户：任何人都可以使用全部功能。"


def _offer_shown(window) -> bool:
    bars = [bar for bar in window.findChildren(QToolBar, "adminOfferBar") if bar.isVisible()]
    return window.access.offer is not None or bool(bars)


def _visible_texts(window) -> set[str]:
    return {w.text() for w in window.findChildren(QWidget) if w.isVisible() and hasattr(w, "text")
            and isinstance(w.text(), str)}


def _overlapping(dialog: QWidget) -> list[tuple[str, str]]:
    """Pairs of the dialog's own visible widgets that cover each other (the layout puts each in its own place)."""
    children = [w for w in dialog.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if w.isVisible() and not w.isWindow()]
    return [(a.objectName() or type(a).__name__, b.objectName() or type(b).__name__)
            for a, b in itertools.combinations(children, 2) if a.geometry().intersects(b.geometry())]


def _fill(qtbot, dialog: AccountDialog, name: str, secret: str) -> None:
    dialog.name.setText(name)  # a Chinese name, as typed through the input method
    qtbot.keyClicks(dialog.secret, secret)
    qtbot.keyClicks(dialog.again, secret)


def test_the_first_account_made_in_the_accounts_box_takes_the_offer_away_at_once(ctx, db, qtbot):
    window = open_window(ctx, qtbot)
    assert _offer_shown(window) and OFFER_TEXT in _visible_texts(window)
    window.show_page("settings")
    box = window.page("settings").accounts
    box.buttons["add"].click()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AccountDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.windowTitle() == "创建管理员"
    _fill(qtbot, dialog, "老李", "secret1")
    qtbot.mouseClick(dialog.findChild(QWidget, "accountSave"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert not _offer_shown(window)
    texts = _visible_texts(window)
    assert OFFER_TEXT not in texts and "创建管理员…" not in texts
    assert window.access.lock_button.isVisible() and window.access.lock_button.text() == "老李（管理员）· 锁定"
    assert (ctx.actor, ctx.role) == ("老李", "admin")  # whoever made the administrator is them, as from the offer
    assert box.message.text() == "已添加账户“老李”。" and box.table.rowCount() == 1
    with db.read() as session:
        assert [(a.name, a.role) for a in accounts.list_accounts(session)] == [("老李", "admin")]
    window.access.lock()  # from now on the window asks who it is
    assert window.access.panel.isVisible() and not window.centralWidget().isEnabled()


def test_the_offer_comes_back_when_the_room_has_no_account_again(ctx, db, qtbot, tmp_path):
    window = open_window(ctx, qtbot)
    window.access.create_admin()
    dialog = QApplication.activeModalWidget()
    _fill(qtbot, dialog, "老李", "secret1")
    dialog.save()
    assert not _offer_shown(window)
    # the last administrator cannot be removed; a room without accounts comes back only by a restore
    ctx.replace_database(open_database(f"sqlite:///{tmp_path / 'restored.db'}"))
    assert _offer_shown(window) and window.access.offer.isVisible()
    assert ctx.account is None and ctx.actor != "老李" and not window.access.lock_button.isVisible()
    assert not window.access.panel.isVisible() and window.centralWidget().isEnabled()


def test_a_restored_room_with_accounts_asks_who_it_is(ctx, db, qtbot, tmp_path):
    window = open_window(ctx, qtbot)
    assert _offer_shown(window)
    restored = open_database(f"sqlite:///{tmp_path / 'restored.db'}")
    with restored.write() as session:
        add_admin_and_volunteer(session)
    ctx.replace_database(restored)
    assert not _offer_shown(window)
    assert window.access.panel.isVisible() and not window.centralWidget().isEnabled()
    assert ctx.account == ""  # nobody acts as the operator in a room with accounts


@pytest.mark.parametrize("kind", ["first", "add", "password", "weak"])
def test_the_account_dialog_has_no_field_lying_over_another(ctx, db, qtbot, kind):
    if kind != "first":
        with db.write() as session:
            add_admin_and_volunteer(session)
    options = {"first": {"first": True}, "add": {}, "password": {"name": "老李"},
               "weak": {"name": "小王", "weak": True}}[kind]
    dialog = AccountDialog(ctx, None, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _overlapping(dialog) == []
    roles = [w for w in dialog.findChildren(QComboBox) if w.isVisible()]
    assert [w.currentText() for w in roles] == (["志愿者"] if kind == "add" else [])
