"""Log-in, lock, roles in the window; accounts, privacy and the audit log on the settings page; a reader erased."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from bookroom_desk.services.access import accounts, audit
from bookroom_desk.store.models import Loan, Reader
from bookroom_desk.ui.main_window import MainWindow
from tests.support.helpers import add_admin_and_volunteer, add_copy, add_reader
from tests.support.windows import open_window


def _room(db):
    with db.write() as session:
        add_admin_and_volunteer(session)
        add_reader(session, "R000001", "张伟")
        add_copy(session, "00000001")


def _log_in(qtbot, window, who, secret):
    panel = window.access.panel
    panel.who.setText(who)  # a name typed through the input method (keyClicks takes ASCII only)
    qtbot.keyClick(panel.who, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.secret, secret)
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)


def _logged_in(ctx, db, qtbot, who="老李", secret="secret1") -> MainWindow:
    """The window over the room of ``_room``, with ``who`` logged in."""
    _room(db)
    window = open_window(ctx, qtbot)
    _log_in(qtbot, window, who, secret)
    return window


def test_without_accounts_no_log_in_and_the_admin_offer_can_be_dismissed_for_good(ctx, qtbot):
    window = open_window(ctx, qtbot)
    assert not window.access.panel.isVisible() and window.centralWidget().isEnabled()
    assert window.access.offer is not None and window.access.offer.isVisible()
    qtbot.mouseClick(window.access.offer.dismiss_button, Qt.MouseButton.LeftButton)
    assert window.access.offer is None
    window.close()
    assert open_window(ctx, qtbot).access.offer is None


def test_creating_the_administrator_from_the_offer_logs_them_in(ctx, db, qtbot):
    window = open_window(ctx, qtbot)
    dialog = window.access.create_admin()
    dialog.name.setText("老李")
    qtbot.keyClicks(dialog.secret, "secret1")
    qtbot.keyClicks(dialog.again, "secret2")
    dialog.save()
    assert dialog.error.text() == "两次输入的密码不一致。"
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, "secret1")
    dialog.save()
    assert (ctx.actor, ctx.role) == ("老李", "admin")
    assert window.access.offer is None and window.access.lock_button.isVisible()
    with db.read() as session:
        assert [(a.name, a.role) for a in accounts.list_accounts(session)] == [("老李", "admin")]


def test_with_accounts_the_window_opens_locked_and_a_card_scan_and_pin_open_it(ctx, db, qtbot):
    _room(db)
    window = open_window(ctx, qtbot)
    panel = window.access.panel
    assert panel.isVisible() and not window.centralWidget().isEnabled()
    _log_in(qtbot, window, "小王", "0000")
    assert panel.isVisible() and panel.message.text() == "账户或密码不对，请再试一次。"
    panel.who.clear()
    _log_in(qtbot, window, "v0001", "246810")
    assert not panel.isVisible() and window.centralWidget().isEnabled()
    assert (ctx.actor, ctx.role) == ("小王", "volunteer")
    assert window.access.lock_button.text() == "小王（志愿者）· 锁定"
    # The volunteer lends at the desk: the loan records who lent it.
    desk = window.page("desk")
    scan = desk.findChild(type(panel.who), "scanInput")
    for code in ("R000001", "00000001"):
        qtbot.keyClicks(scan, code)
        qtbot.keyClick(scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _lent_by(db) == ["小王"])
    window.access.lock_action.trigger()
    assert panel.isVisible() and not window.centralWidget().isEnabled()
    assert panel.message.text() == "已锁定（小王）。"


def _lent_by(db):
    with db.read() as session:
        return list(session.scalars(select(Loan.lent_by)))


def test_a_volunteer_does_not_see_administrators_controls_and_an_administrator_does(ctx, db, qtbot):
    window = _logged_in(ctx, db, qtbot, "小王", "246810")
    window.show_page("catalogue")
    window.show_page("settings")
    catalogue, settings_page = window.page("catalogue"), window.page("settings")
    assert not catalogue.buttons["newTitle"].isVisible() and not catalogue.buttons["import"].isVisible()
    assert catalogue.buttons["printLabels"].isVisibleTo(catalogue)
    assert not settings_page.accounts.isVisible() and not settings_page.privacy.isVisible()
    name, nameplate = settings_page.profile.fields["name"], settings_page.profile.fields["nameplate"]
    assert name.isReadOnly() and not nameplate.isEnabled()  # a volunteer reads the profile
    window.access.lock()
    _log_in(qtbot, window, "老李", "secret1")
    assert catalogue.buttons["newTitle"].isVisibleTo(catalogue)
    assert not name.isReadOnly() and nameplate.isEnabled()
    assert settings_page.accounts.isVisibleTo(settings_page) and settings_page.privacy.isVisibleTo(settings_page)


def test_accounts_box_adds_and_removes_accounts(ctx, db, qtbot):
    window = _logged_in(ctx, db, qtbot)
    window.show_page("settings")
    box = window.page("settings").accounts
    assert box.table.rowCount() == 2
    dialog = box.add()
    dialog.name.setText("小刘")
    dialog.role.setCurrentIndex(dialog.role.findData("volunteer"))
    qtbot.keyClicks(dialog.secret, "135790")
    qtbot.keyClicks(dialog.again, "135790")
    dialog.save()
    assert box.message.text() == "已添加账户“小刘”。" and box.table.rowCount() == 3
    box.table.selectRow([box.table.item(r, 0).text() for r in range(3)].index("老李"))
    box.remove(confirm=False)
    assert "最后一个管理员" in box.message.text()


def test_the_audit_log_pages_and_filters_and_exports(ctx, db, qtbot, tmp_path, sync_tasks):
    window = _logged_in(ctx, db, qtbot)
    window.show_page("settings")
    dialog = window.page("settings").privacy.open_audit()
    assert dialog.model.rowCount() == 3  # two accounts added, one log-in
    assert dialog.status.text() == "第 1–3 条，共 3 条"
    dialog.kind.setCurrentIndex(dialog.kind.findData("login"))
    assert [line.detail for line in dialog.model.lines] == ["登录"]
    dialog.export(tmp_path / "log.csv")
    assert dialog.message.text().startswith("已导出 1 条")


def test_a_reader_is_erased_from_the_readers_page(ctx, db, qtbot):
    window = _logged_in(ctx, db, qtbot)
    window.show_page("readers")
    tab = window.page("readers").list_tab
    tab.table.selectRow(0)
    assert tab.privacy.erase_button.isEnabled()
    tab.privacy.erase(confirm=False)
    assert "已删除读者证 R000001 的个人信息" in tab.message.text()
    with db.read() as session:
        assert session.scalars(select(Reader.name)).all() == [""]
        assert any(line.kind == "privacy" for line in audit.lines(session))


def test_a_volunteer_sees_neither_shelf_nor_category_editing_nor_restore_but_backs_up(ctx, db, qtbot):
    window = _logged_in(ctx, db, qtbot, "小王", "246810")
    window.show_page("catalogue")
    shelves_panel = window.page("catalogue").shelves
    window.page("catalogue").tabs.setCurrentWidget(shelves_panel)
    window.show_page("readers")
    categories = window.page("readers").categories_tab
    window.page("readers").tabs.setCurrentWidget(categories)
    window.show_page("settings")
    backups_box = window.page("settings").backups
    admin_controls = [shelves_panel.editor, backups_box.restore_button,
                      *(categories.findChild(QPushButton, name)
                        for name in ("newCategoryButton", "editCategoryButton", "deleteCategoryButton"))]
    assert [w.objectName() for w in admin_controls if w.isVisibleTo(w.parentWidget())] == []
    assert backups_box.backup_button.isVisibleTo(backups_box) and shelves_panel.table.isVisibleTo(shelves_panel)
    window.access.lock()
    _log_in(qtbot, window, "老李", "secret1")
    assert all(w.isVisibleTo(w.parentWidget()) for w in admin_controls)
