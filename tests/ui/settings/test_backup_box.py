"""The settings page's 备份与恢复 box: back up to a folder, restore after asking; one window per database."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from bookroom_desk.services.access import audit
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.upkeep.backups import make_backup
from bookroom_desk.ui.settings.backup_box import BackupBox
from tests.support.helpers import add_title
from tests.support.restoring import edit, room_state


@pytest.fixture
def box(ctx, qtbot, sync_tasks):
    widget = BackupBox(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _titles(ctx):
    from sqlalchemy import select

    from bookroom_desk.store.models import Title

    with ctx.read() as session:
        return session.scalars(select(Title.title).order_by(Title.id)).all()


def test_backup_to_a_folder_says_where(box, ctx, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    box.backup_to(usb)
    (made,) = usb.iterdir()
    message = box.findChild(QLabel, "backupMessage").text()
    assert str(made) in message and "已备份到" in message
    assert box.findChild(QPushButton, "backupToFolderButton").isEnabled()


def test_restore_asks_then_replaces_and_the_context_reopens(box, ctx, tmp_path, monkeypatch, qtbot):
    with ctx.write() as session:
        add_title(session, "备份里的")
    backup = make_backup(ctx.db.path, tmp_path / "b.db").path
    with ctx.write() as session:
        add_title(session, "后来的")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    box.check_file(backup)
    assert asked and "b.db" in asked[0] and _titles(ctx) == ["备份里的", "后来的"]
    old = ctx.db
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ctx.dataChanged):
        box.check_file(backup)
    assert ctx.db is not old and _titles(ctx) == ["备份里的"]
    message = box.findChild(QLabel, "backupMessage").text()
    assert "已从“b.db”恢复" in message and "pre-restore" in message
    with ctx.read() as session:  # recorded in the restored room's own log
        (line,) = audit.lines(session, audit.AuditFilter(kinds=("restore",)))
    assert line.detail.startswith("b.db（") and line.actor == OPERATOR  # a room without accounts


def test_a_bad_file_is_refused_with_a_message(box, ctx, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"nothing")
    box.check_file(junk)
    assert "不是书屋管理台的备份文件" in box.findChild(QLabel, "backupMessage").text()
    assert box.findChild(QPushButton, "restoreButton").isEnabled()


def test_a_backup_that_does_not_open_as_a_room_is_refused_after_asking_and_the_room_goes_on(box, ctx, tmp_path,
                                                                                             monkeypatch):
    with ctx.write() as session:
        add_title(session, "现有")
    backup = make_backup(ctx.db.path, tmp_path / "b.db").path
    edit(backup, "ALTER TABLE titles DROP COLUMN notes")  # SQLite finds nothing wrong, the label is current
    ctx.db.dispose()  # its log checkpointed: the file as the restore finds it
    before = room_state(ctx.db.path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    box.check_file(backup)
    message = box.findChild(QLabel, "backupMessage").text()
    assert "无法作为书屋数据库打开" in message and "titles.notes" in message and "未作任何改动" in message
    ctx.db.dispose()
    assert room_state(ctx.db.path) == before
    assert box.window().isEnabled() and box.findChild(QPushButton, "restoreButton").isEnabled()
    assert _titles(ctx) == ["现有"]


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_second_start_on_the_same_database_raises_the_first_window(ctx, qtbot, db_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from bookroom_desk.ui import startup

    refused, guard = startup.claim(f"sqlite:///{db_path}")
    assert refused is None and guard is not None
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.setWindowState(Qt.WindowState.WindowMinimized)
    guard.serve(window)
    try:
        again, second = startup.claim(f"sqlite:///{db_path}")
        assert again == 0 and second is None
        qtbot.waitUntil(lambda: not window.windowState() & Qt.WindowState.WindowMinimized)
    finally:
        guard.release()
    free, third = startup.claim(f"sqlite:///{db_path}")
    assert free is None
    third.release()


def test_a_restore_waits_for_the_window_s_background_work_and_lets_it_go_on_after(main_window, sync_tasks, tmp_path,
                                                                                   monkeypatch, qtbot):
    ctx = main_window.ctx
    with ctx.write() as session:
        add_title(session, "备份里的")
    backup = make_backup(ctx.db.path, tmp_path / "b.db").path
    calls = []
    keys = main_window.search_keys
    monkeypatch.setattr(keys, "stop", lambda: calls.append("stop"))
    monkeypatch.setattr(keys, "resume", lambda: calls.append(("resume", ctx.db.path.exists())))
    main_window.show_page("settings")
    box = main_window.page("settings").findChild(BackupBox)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ctx.dataChanged):
        box.check_file(backup)
    assert calls == ["stop", ("resume", True)]
    assert _titles(ctx) == ["备份里的"]


def test_the_confirmation_counts_the_holdings_as_the_status_bar_does(box, ctx, tmp_path, monkeypatch, qtbot):
    from bookroom_desk.ui.widgets.status import RoomStatus
    from tests.support.helpers import add_copy

    with ctx.write() as session:
        title = add_title(session, "书")
        for n in range(5):
            add_copy(session, f"B{n:04d}", title)
        add_copy(session, "W0001", title, status="withdrawn")
        add_copy(session, "L0001", title, status="lost")
    status = RoomStatus(ctx)
    qtbot.addWidget(status)
    shown = status.holdings.text()
    assert shown.startswith("藏书 5 /")
    backup = make_backup(ctx.db.path, tmp_path / "b.db").path
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    box.check_file(backup)
    (text,) = asked
    assert "藏书 5 册（另有 2 册已剔除/遗失）" in text and "7 册" not in text
