"""The 备份与恢复 box on the settings page: back up to a USB drive (any folder), restore from a backup file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.config import backups_dir_for
from bookroom_desk.errors import BookroomError
from bookroom_desk.services.upkeep import backups
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.settings.restore_chooser import RestoreChooser
from bookroom_desk.ui.widgets.format import fmt_int


class BackupBox(QGroupBox):
    """Backs the room up to a chosen folder and restores from a chosen file, off the GUI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("备份与恢复"), parent)
        self.ctx = ctx
        self.setObjectName("backupBox")
        self.about = QLabel(self)
        self.about.setObjectName("backupAbout")
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # the scrolling page does not pass a wrapped label's height for its width up: room for four lines
        self.about.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 4)
        self.backup_button = QPushButton(self.tr("备份到U盘…"), self)
        self.backup_button.setObjectName("backupToFolderButton")
        self.backup_button.clicked.connect(self.choose_folder)
        self.restore_button = QPushButton(self.tr("从备份恢复…"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.choose_file)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("backupProgress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.progress)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.load()

    @property
    def path(self) -> Path | None:
        return self.ctx.db.path

    def load(self) -> None:
        """Say where the automatic backups are and when the newest was made."""
        path = self.path
        usable = path is not None
        self.backup_button.setEnabled(usable)
        self.restore_button.setEnabled(usable)
        if not usable:
            self.about.setText(self.tr("这个书屋的数据在数据库服务器上，请用服务器的备份工具备份。"))
            return
        folder, moment = backups.last_backup(path)
        newest = self.tr("最近一次：{time}").format(time=moment.strftime("%Y-%m-%d %H:%M")) if moment is not None \
            else self.tr("还没有备份")
        self.about.setText(self.tr(
            "每天第一次启动、升级、恢复、导入和结束盘点之前，程序都会自动备份到 {folder}（{newest}）。"
            "自动备份和数据库在同一块硬盘上，请定期备份到U盘，放在别处保管。").format(folder=folder, newest=newest))

    def _busy(self, busy: bool) -> None:
        self.backup_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)

    def _show(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828;")
        self.message.setText(text)

    def _idle(self) -> None:
        self._busy(False)

    def _refused(self, exc: BookroomError) -> None:
        self._show(exc.message, ok=False)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    # -- backing up ---------------------------------------------------------------------------

    def choose_folder(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择U盘或文件夹"), start)
        if folder:
            self.backup_to(Path(folder))

    def backup_to(self, folder: Path) -> None:
        """Write one backup file (database and photos) into ``folder``."""
        database = self.path
        self._busy(True)
        self._show(self.tr("正在备份…"), ok=True)
        self.ctx.tasks.run(lambda progress: backups.make_backup(database, folder, progress=progress),
                           self._backed_up, self._refused, self._progress, owner=self, on_failure=self._idle)

    def _backed_up(self, result: backups.BackupResult) -> None:
        self._busy(False)
        self._show(self.tr("已备份到 {file}（{size} KB，含活动照片 {photos} 张）。请安全弹出U盘后再拔下。").format(
            file=result.path, size=fmt_int(max(1, result.size // 1024)), photos=result.photos), ok=True)

    # -- restoring ----------------------------------------------------------------------------

    def choose_file(self) -> RestoreChooser:
        """The room's own backups to choose from (其他文件… for one elsewhere); the one chosen is checked, then asked."""
        self.chooser = RestoreChooser(self.ctx, backups_dir_for(self.path), self)
        self.chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.chooser.chosen.connect(self.check_file)
        self.chooser.open()
        return self.chooser

    def check_file(self, source: Path) -> None:
        """Check the file off the GUI thread, then ask before replacing anything."""
        self._busy(True)
        self._show(self.tr("正在检查备份文件…"), ok=True)
        self.ctx.tasks.run(lambda progress: backups.inspect_backup(source), self._checked, self._refused, owner=self,
                           on_failure=self._idle)

    def _checked(self, info: backups.BackupInfo) -> None:
        self._busy(False)
        self.message.clear()
        if self.confirm(info):
            self.restore_from(info.path)

    def holdings_text(self, info: backups.BackupInfo) -> str:
        """What a backup holds, counted as the status bar counts the room (藏书), what it leaves out said apart."""
        room = info.room
        if room is None:  # not read: the copy rows as they are
            return self.tr("书目 {titles} 种、{copies} 册").format(titles=fmt_int(info.titles),
                                                               copies=fmt_int(info.copies))
        if room.set_apart and room.uncounted:
            outside = self.tr("（另有 {apart} 册已剔除/遗失、{uncounted} 册属不计入藏书的文献类型）").format(
                apart=fmt_int(room.set_apart), uncounted=fmt_int(room.uncounted))
        elif room.set_apart:
            outside = self.tr("（另有 {n} 册已剔除/遗失）").format(n=fmt_int(room.set_apart))
        elif room.uncounted:
            outside = self.tr("（另有 {n} 册属不计入藏书的文献类型）").format(n=fmt_int(room.uncounted))
        else:
            outside = ""
        return self.tr("书目 {titles} 种，藏书 {volumes} 册{outside}，读者 {readers} 人").format(
            titles=fmt_int(room.titles), volumes=fmt_int(room.volumes), outside=outside,
            readers=fmt_int(room.readers))

    def confirm(self, info: backups.BackupInfo) -> bool:
        text = self.tr("用备份“{name}”替换现在的数据？\n\n备份里有：{holdings}，活动照片 {photos} 张。\n\n"
                       "现在的数据会先备份到 backups 文件夹，需要时还能找回。").format(
            name=info.path.name, holdings=self.holdings_text(info), photos=fmt_int(info.photos))
        answer = QMessageBox.question(self, self.tr("从备份恢复"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def restore_from(self, source: Path) -> None:
        """Replace the database with the backup (the current one backed up first), then reopen it."""
        db, actor = self.ctx.db, self.ctx.actor
        window = self.window()
        window.setEnabled(False)  # nothing may read or write while the file is replaced
        background = _background_work(window)
        for work_under_way in background:  # the day's backup, search keys: their batch ends first
            work_under_way.stop()
        self._busy(True)
        self._show(self.tr("正在恢复…"), ok=True)

        def work(progress):
            db.dispose()
            return backups.restore_room(db.url, source, actor=actor)

        def done(outcome) -> None:
            window.setEnabled(True)
            result, new_db = outcome
            self._busy(False)
            self.ctx.replace_database(new_db)
            for work_under_way in background:
                work_under_way.resume()
            self.load()
            previous = result.set_aside.name if result.set_aside else "-"
            self._show(self.tr("已从“{name}”恢复：{holdings}，活动照片 {photos} 张。"
                               "恢复前的数据已备份为 {previous}。").format(
                name=result.info.path.name, holdings=self.holdings_text(result.info), photos=fmt_int(result.photos),
                previous=previous), ok=True)

        def failed() -> None:
            window.setEnabled(True)
            for work_under_way in background:
                work_under_way.resume()
            self._idle()

        self.ctx.tasks.run(work, done, self._refused, write=True, owner=self, on_failure=failed)


def _background_work(window) -> list:
    """The window's own background work on the room (each with ``stop()`` and ``resume()``)."""
    return [work for work in (getattr(window, "search_keys", None), getattr(window, "daily_backup", None))
            if work is not None]
