"""The day's first backup: made by the window once shown (not before it opens), once a day, a failure said in the status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from bookroom_desk.config import backups_dir_for
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store import snapshots
from bookroom_desk.ui import startup
from bookroom_desk.ui.daily_backup import DailyBackup


def _daily(db):
    return [b for b in snapshots.list_backups(backups_dir_for(db.path)) if b.reason == "daily"]


def test_opening_the_room_makes_no_backup_before_the_window(db):
    with db.write() as session:
        build_demo(session, volumes=50, readers=5)
    db.dispose()
    opened = startup.open_room(db.url)
    opened.dispose()
    assert _daily(db) == []


def test_the_window_backs_the_room_up_once_a_day_off_the_gui_thread(db, main_window, qtbot):
    with db.write() as session:
        build_demo(session, volumes=50, readers=5)
    daily = DailyBackup(main_window)
    daily.start()  # through the TaskRunner's worker thread
    qtbot.waitUntil(lambda: len(_daily(db)) == 1)
    daily.wait()
    (made,) = _daily(db)
    assert snapshots.sqlite_problems(made.path) == []
    daily.start()
    daily.wait()
    assert _daily(db) == [made]
    assert main_window.findChild(QLabel, "dailyBackupWarning") is None


def test_a_failed_backup_is_said_in_the_status_bar_and_the_desk_goes_on(db, main_window, sync_tasks, monkeypatch):
    def full_disk(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(snapshots, "backup_sqlite", full_disk)
    DailyBackup(main_window).start()
    warning = main_window.findChild(QLabel, "dailyBackupWarning")
    assert warning is not None and warning.isVisible()
    assert warning.text().startswith("今天的自动备份没有成功：")
    assert "磁盘已满" in warning.text() and str(backups_dir_for(db.path)) in warning.text()  # said in words
    assert QApplication.activeModalWidget() is None  # nothing stands between the scan field and the next scan
    assert _daily(db) == []
