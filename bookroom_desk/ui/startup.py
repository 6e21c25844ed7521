"""Opening the room at start: one window per database, a damaged database offered its newest good backup."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from bookroom_desk.errors import BookroomError
from bookroom_desk.store.peek import sqlite_file as sqlite_path
from bookroom_desk.ui.instance import SingleInstance, raise_running

if TYPE_CHECKING:
    from bookroom_desk.store.database import Database


class Startup(QObject):
    """The start-up steps that may speak to the user (their translation context)."""

    def claim(self, url: str) -> tuple[int | None, SingleInstance | None]:
        """(exit code if this start must stop, else None; the lock held while the window is open).

        A second start on the same database brings the first window forward and stops (exit 0), or
        says the database is open elsewhere (exit 1). Server databases (several desks on purpose)
        take no lock.
        """
        path = sqlite_path(url)
        if path is None:
            return None, None
        guard = SingleInstance(path)
        if guard.acquire():
            return None, guard
        if raise_running(path):
            print(self.tr("书屋管理台已经打开着这个数据库，已把它的窗口调到前面。"), flush=True)
            return 0, None
        QMessageBox.information(None, self.tr("书屋管理台已打开"), self.tr(
            "这个数据库已被另一个书屋管理台程序打开（进程 {holder}）。\n{path}\n\n"
            "请切换到那个窗口；若它已无响应，请先关闭它。").format(holder=guard.holder(), path=path))
        return 1, None


    def confirm_new_room(self, url: str, chosen: bool) -> bool:
        """A database file named by the user (``--db`` or BOOKROOM_DB) that does not exist: ask before making one.

        A mistyped path must not quietly become an empty room (nor its folders); the default file in the user
        data folder is made without asking, as on a first start.
        """
        path = sqlite_path(url)
        if path is None or not chosen or path.exists():
            return True
        answer = QMessageBox.question(None, self.tr("新建书屋？"), self.tr(
            "这里还没有书屋数据库：\n{path}\n\n要在这里新建一个空的书屋吗？\n"
            "若是路径输错了，请选“否”，再检查 --db 后面的路径。").format(path=path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        return True

    def open_room(self, url: str) -> Database | None:
        """Open (and migrate) the database; None when the user gives up. (The day's backup comes after the window.)"""
        from bookroom_desk.store.migrate import DamagedDatabase, open_database

        restored = None
        while True:
            try:
                if restored is None:
                    return open_database(url)
                from bookroom_desk.services.common.actors import OPERATOR
                from bookroom_desk.services.upkeep import (  # only after a restore: its imports cost 50 ms
                    backups,
                )

                return backups.reopen(url, restored, actor=OPERATOR)  # records the restore in the room's log
            except DamagedDatabase as exc:
                restored = self.offer_restore(exc)
                if restored is None:
                    return None
            except BookroomError as exc:
                QMessageBox.critical(None, self.tr("无法打开数据库"), exc.message)
                return None


    def offer_restore(self, exc):
        """Ask whether to restore the newest good backup (or another file) until one restores; what was restored, or None.

        A backup refused (the room left as it was) is said why, and the choice is offered again without it.
        """
        refused: set[Path] = set()
        while True:
            source = self._choose_backup(exc, refused)
            if source is None:
                return None
            result = self._restore(exc.path, source)
            if result is not None:
                print(self.tr("已从 {file} 恢复。").format(file=source), file=sys.stderr, flush=True)
                return result
            refused.add(source)

    def _choose_backup(self, exc, refused: set[Path]) -> Path | None:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("数据库已损坏"), "")
        box.setObjectName("damagedDatabaseBox")
        text = self.tr("数据库文件已损坏，程序没有改动它：\n{path}\n\n（{detail}）").format(
            path=exc.path, detail=exc.detail)
        newest = None
        if exc.good is not None and exc.good.path not in refused:
            text += "\n\n" + self.tr("最新的完好备份是 {name}（{time}）。恢复后，这个备份之后的记录需要重新录入；"
                                "损坏的文件会先保存到 backups 文件夹。").format(
                name=exc.good.path.name, time=exc.good.moment.strftime("%Y-%m-%d %H:%M"))
            newest = box.addButton(self.tr("从这个备份恢复"), QMessageBox.ButtonRole.AcceptRole)
        else:
            text += "\n\n" + self.tr("没有找到完好的备份。如有U盘上的备份，请选择它。")
        other = box.addButton(self.tr("选择其他备份…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("退出"), QMessageBox.ButtonRole.RejectRole)
        box.setText(text)
        box.exec()
        if newest is not None and box.clickedButton() is newest:
            return exc.good.path
        if box.clickedButton() is other:
            name, _ = QFileDialog.getOpenFileName(None, self.tr("选择备份文件"), str(Path(exc.path).parent),
                                                  self.tr("书屋备份 (*.db *.zip);;所有文件 (*)"))
            return Path(name) if name else None
        return None

    def _restore(self, database: Path, source: Path):
        """Restore ``source`` over the damaged room; None (and the reason shown) when it is refused."""
        from PySide6.QtCore import Qt  # here: nothing of Qt's namespace before the window (see main_window.py)

        from bookroom_desk.services.common.actors import OPERATOR
        from bookroom_desk.services.upkeep import backups

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return backups.restore(database, source, actor=OPERATOR)  # before log-in (a damaged file)
        except BookroomError as error:
            message = error.message
        finally:
            QApplication.restoreOverrideCursor()
        QMessageBox.critical(None, self.tr("无法恢复"), message)
        return None


def claim(url: str) -> tuple[int | None, SingleInstance | None]:
    return Startup().claim(url)


def confirm_new_room(url: str, chosen: bool) -> bool:
    return Startup().confirm_new_room(url, chosen)


def open_room(url: str) -> Database | None:
    return Startup().open_room(url)
