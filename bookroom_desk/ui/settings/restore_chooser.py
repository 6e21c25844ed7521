"""从备份恢复: choose one of the room's own backups (newest first, with what each holds) or another file.

The list is the room's backups folder (daily, manual and the safety backups made before an upgrade,
a restore, an import, ...). Each file is counted on a worker thread (``inspect_backup`` without the
integrity check: the restore of the one chosen checks it whole), so a folder of large backups opens
at once and fills in. Choosing emits :attr:`RestoreChooser.chosen`; the backup box asks before restoring.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.upkeep import backups
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_date, fmt_int

WHEN, KIND, HOLDS = range(3)
PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreChooser(QDialog):
    """The backups in ``folder`` to restore from; 其他文件… for one elsewhere (a USB drive)."""

    chosen = Signal(Path)

    def __init__(self, ctx: AppContext, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = Path(folder)
        self.setObjectName("restoreChooser")
        self.setWindowTitle(self.tr("从备份恢复"))
        self.resize(720, 400)
        about = QLabel(self.tr("选择要恢复的备份（{folder}）：").format(folder=self.folder), self)
        about.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("restoreChooserList")
        self.list.setHeaderLabels([self.tr("备份时间"), self.tr("种类"), self.tr("内容")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setStretchLastSection(True)
        self.list.header().setSectionResizeMode(WHEN, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(lambda item, _column: self._choose(item))
        self.list.currentItemChanged.connect(lambda _now, _before: self._enable())
        self.empty = QLabel(self.tr("backups 文件夹里还没有备份。U盘上的备份请用“其他文件…”选择。"), self)
        self.empty.setObjectName("restoreChooserEmpty")
        self.empty.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("恢复…"))
        self.other = QPushButton(self.tr("其他文件…"), self)
        self.other.setObjectName("restoreChooserOtherFile")
        self.buttons.addButton(self.other, QDialogButtonBox.ButtonRole.ActionRole)  # leaves the dialog open
        self.other.clicked.connect(self.choose_other)
        self.buttons.accepted.connect(lambda: self._choose(self.list.currentItem()))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        """List the folder's backups, newest first, and count each one in the background."""
        self.list.clear()
        found = backups.backups_in(self.folder)
        for backup in found:
            item = QTreeWidgetItem([self.moment_text(backup.moment), self.kind_text(backup.reason),
                                    self.tr("正在清点…")])
            item.setData(WHEN, PATH_ROLE, str(backup.path))
            item.setToolTip(WHEN, backup.path.name)
            self.list.addTopLevelItem(item)
        self.empty.setVisible(not found)
        if found:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._enable()
        for row, backup in enumerate(found):
            self._count(row, backup.path)

    def _count(self, row: int, path: Path) -> None:
        item = self.list.topLevelItem(row)
        self.ctx.tasks.run(lambda progress: backups.inspect_backup(path, thorough=False),
                           lambda info: item.setText(HOLDS, self.holdings_text(info)),
                           lambda exc: self._unreadable(item, exc), owner=self)

    def _unreadable(self, item: QTreeWidgetItem, exc: BookroomError) -> None:
        item.setText(HOLDS, exc.message)
        item.setToolTip(HOLDS, exc.message)
        item.setForeground(HOLDS, Qt.GlobalColor.darkRed)

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.list.currentItem() is not None)

    @staticmethod
    def moment_text(moment: dt.datetime) -> str:
        return f"{fmt_date(moment.date())} {moment:%H:%M:%S}"

    def kind_text(self, reason: str) -> str:
        """The reason in a backup's name, said for the volunteer."""
        if reason == "daily":
            return self.tr("每日自动备份")
        if reason == "manual":
            return self.tr("手动备份")
        if reason.startswith("pre-migrate"):
            return self.tr("升级前的自动备份")
        known = {"pre-restore": self.tr("恢复前的自动备份"), "pre-import": self.tr("导入前的自动备份"),
                 "pre-stocktake": self.tr("结束盘点前的自动备份"), "pre-writeoff": self.tr("剔除前的自动备份")}
        return known.get(reason) or self.tr("自动备份（{reason}）").format(reason=reason)

    def holdings_text(self, info: backups.BackupInfo) -> str:
        room = info.room
        if room is None:  # not countable as a room: its rows as they are
            return self.tr("书目 {titles} 种、{copies} 册").format(titles=fmt_int(info.titles),
                                                               copies=fmt_int(info.copies))
        return self.tr("书目 {titles} 种，藏书 {volumes} 册，读者 {readers} 人").format(
            titles=fmt_int(room.titles), volumes=fmt_int(room.volumes), readers=fmt_int(room.readers))

    def _choose(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        self.accept()
        self.chosen.emit(Path(item.data(WHEN, PATH_ROLE)))

    def choose_other(self) -> None:
        """A backup file elsewhere (a USB drive): Qt's file dialog, opening in the backups folder."""
        start = self.folder if self.folder.is_dir() else self.folder.parent
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), str(start),
                                              self.tr("书屋备份 (*.db *.zip);;所有文件 (*)"))
        if name:
            self.accept()
            self.chosen.emit(Path(name))
