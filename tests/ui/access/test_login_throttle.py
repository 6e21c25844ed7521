"""The log-in panel tells how long to wait after failures; a short old PIN is asked to change after log-in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from bookroom_desk.services.access import logins, passwords
from bookroom_desk.services.common import clock, permissions
from bookroom_desk.store.models_access import Account
from tests.conftest import NOW
from tests.support.helpers import add_admin_and_volunteer
from tests.support.windows import open_window


def _log_in(qtbot, window, who, secret):
    panel = window.access.panel
    panel.who.setText(who)
    qtbot.keyClick(panel.who, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.secret, secret)
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)


def test_the_panel_says_how_long_to_wait_and_refuses_even_the_right_pin_meanwhile(ctx, db, qtbot):
    with db.write() as session:
        add_admin_and_volunteer(session)
    moment = [NOW]
    clock.set_clock(lambda: moment[0])
    window = open_window(ctx, qtbot)
    panel = window.access.panel
    for _ in range(5):
        _log_in(qtbot, window, "小王", "000001")
        moment[0] += dt.timedelta(seconds=4)
    assert panel.message.text() == "账户或密码不对。连续失败 5 次，请 1 分钟后再试。"
    _log_in(qtbot, window, "小王", "246810")
    assert panel.isVisible() and panel.message.text() == "登录失败次数过多，请 56 秒后再试。"
    assert panel.secret.text() == ""
    _log_in(qtbot, window, "小王", "   ")
    assert panel.message.text() == "请输入密码或PIN。"
    moment[0] += dt.timedelta(seconds=60)
    _log_in(qtbot, window, "小王", "246810")
    assert not panel.isVisible() and window.access.new_secret_dialog is None


def test_a_short_old_pin_logs_in_and_the_window_asks_for_a_longer_one(ctx, db, qtbot):
    with db.write() as session:
        add_admin_and_volunteer(session)
        session.add(Account(name="小赵", role=permissions.VOLUNTEER, password_hash=passwords.hash_password("1357"),
                            active=True, created_at=NOW))
    window = open_window(ctx, qtbot)
    _log_in(qtbot, window, "小赵", "1357")
    assert ctx.actor == "小赵"
    dialog = window.access.new_secret_dialog
    assert dialog is not None and dialog.isVisible()
    assert "不到 6 位" in dialog.note.text() and dialog.name.text() == "小赵" and dialog.name.isReadOnly()
    qtbot.keyClicks(dialog.secret, "2468")
    qtbot.keyClicks(dialog.again, "2468")
    dialog.save()
    assert dialog.error.text() == "密码或PIN至少要有 6 位。" and dialog.isVisible()
    dialog.secret.clear()
    dialog.again.clear()
    qtbot.keyClicks(dialog.secret, "135791")
    qtbot.keyClicks(dialog.again, "135791")
    dialog.save()
    assert not dialog.isVisible()
    with db.write() as session:
        assert logins.authenticate(session, "小赵", "135791").account is not None
        assert not logins.authenticate(session, "小赵", "1357").account
        stored = session.scalar(select(Account.password_hash).where(Account.name == "小赵"))
    assert passwords.verify_password("135791", stored)
