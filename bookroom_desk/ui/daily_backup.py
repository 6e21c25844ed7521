"""The day's first backup of the room: made once the window is shown, on a worker thread, so no scan waits for it.

Copying a 260 MB room takes 1.2–1.5 s. Made before the window (as it was), it delayed the day's
first start by that much; here the copy runs through SQLite's backup API with its own
connection on a worker thread, which leaves the interpreter while SQLite copies, and the room
stays in use meanwhile (the copy is a consistent snapshot). The backup made before a migration
is not this one: it stays before the migration (``store/migrate.py``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from bookroom_desk.errors import BookroomError

log = logging.getLogger(__name__)

#: How long after the window is shown the backup begins: the window is ready to scan by then.
DELAY_MS = 1000


class DailyBackup(QObject):
    """Backs the window's room up at the day's first start; a failure is said in the status bar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.warning: QLabel | None = None

    def start_later(self, delay_ms: int = DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self.start)

    def start(self) -> None:
        """Back up now on a worker thread (nothing for a server database, or when today's backup exists)."""
        from bookroom_desk.services.upkeep import backups

        path = self.window.ctx.db.path
        if path is None:
            return
        self.window.ctx.tasks.run(lambda _progress: backups.daily_backup(path), on_done=self._done,
                                  on_error=self._failed, owner=self)

    def wait(self) -> None:
        """Let a backup under way finish (at the program's exit, before the room is closed)."""
        self.window.ctx.tasks.wait()

    def stop(self) -> None:
        """Before a restore replaces the room: a backup under way finishes first (one is never cut short)."""
        self.wait()

    def resume(self) -> None:
        """After a restore: nothing to do (the day's backup is made once, at start)."""

    def _done(self, made) -> None:
        if made is not None:
            log.info("day's backup made: %s", made)

    def _failed(self, exc: BookroomError) -> None:
        log.warning("day's backup failed: %s", exc.message)
        if self.warning is None:
            self.warning = QLabel(self.window)
            self.warning.setObjectName("dailyBackupWarning")
            self.warning.setStyleSheet("color: #c62828; font-weight: bold;")
            self.window.statusBar().insertPermanentWidget(0, self.warning)
        self.warning.setText(self.tr("今天的自动备份没有成功：{reason}").format(reason=exc.message))
        self.warning.setToolTip(self.tr("请检查磁盘空间和备份文件夹，或在“设置”中备份到U盘。"))
        self.warning.show()
