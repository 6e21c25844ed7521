"""The restore chooser: the room's own backups newest first with their counts; another file from the backups folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton, QTreeWidget

from bookroom_desk.config import backups_dir_for
from bookroom_desk.services.upkeep.backups import daily_backup, make_backup
from bookroom_desk.ui.settings.backup_box import BackupBox
from bookroom_desk.ui.settings.restore_chooser import RestoreChooser
from tests.support.helpers import add_copy, add_reader, add_title


@pytest.fixture
def box(ctx, qtbot, sync_tasks):
    widget = BackupBox(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def two_backups(ctx):
    """A daily backup of one title, then (newer) a pre-restore backup of two titles, three copies and a reader."""
    with ctx.write() as session:
        first = add_title(session, "先有的")
        add_copy(session, "B0001", first)
    daily = daily_backup(ctx.db.path)
    with ctx.write() as session:
        second = add_title(session, "后来的")
        add_copy(session, "B0002", second)
        add_copy(session, "B0003", second)
        add_reader(session, "R0001")
    before_restore = make_backup(ctx.db.path, reason="pre-restore", with_photos=False).path
    return daily, before_restore


def _open(box) -> RestoreChooser:
    box.findChild(QPushButton, "restoreButton").click()
    chooser = box.findChild(RestoreChooser)
    assert chooser is not None and chooser.isVisible()
    return chooser


def _rows(chooser) -> list[list[str]]:
    tree = chooser.findChild(QTreeWidget, "restoreChooserList")
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())] for i in range(tree.topLevelItemCount())]


def test_the_room_s_backups_are_listed_newest_first_with_their_counts(box, two_backups):
    daily, before_restore = two_backups
    chooser = _open(box)
    rows = _rows(chooser)
    assert len(rows) == 2
    (newest_when, newest_kind, newest_counts), (older_when, older_kind, older_counts) = rows
    assert newest_kind == "恢复前的自动备份" and older_kind == "每日自动备份"
    assert newest_counts == "书目 2 种，藏书 3 册，读者 1 人"
    assert older_counts == "书目 1 种，藏书 1 册，读者 0 人"
    assert newest_when >= older_when and newest_when.count(":") == 2  # date and time
    tree = chooser.findChild(QTreeWidget, "restoreChooserList")
    assert [Path(tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)) for i in range(2)] == [before_restore, daily]


def test_choosing_a_backup_goes_to_the_restore_confirmation(box, two_backups, monkeypatch):
    daily, _ = two_backups
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    chooser = _open(box)
    tree = chooser.findChild(QTreeWidget, "restoreChooserList")
    tree.setCurrentItem(tree.topLevelItem(1))
    chooser.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not chooser.isVisible()
    (text,) = asked
    assert daily.name in text and "书目 1 种，藏书 1 册" in text


def test_other_file_opens_the_file_dialog_in_the_backups_folder(box, ctx, two_backups, tmp_path, monkeypatch):
    elsewhere = make_backup(ctx.db.path, tmp_path / "usb.db").path
    opened, asked = [], []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, caption, directory, *a, **k: opened.append(directory) or (str(elsewhere), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    chooser = _open(box)
    chooser.findChild(QPushButton, "restoreChooserOtherFile").click()
    assert [Path(folder) for folder in opened] == [backups_dir_for(ctx.db.path)]
    assert not chooser.isVisible()
    (text,) = asked
    assert "usb.db" in text


def test_other_file_cancelled_keeps_the_list_open(box, two_backups, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("nothing was chosen"))
    chooser = _open(box)
    chooser.findChild(QPushButton, "restoreChooserOtherFile").click()
    assert chooser.isVisible()


def test_with_no_backups_the_list_says_so_and_restore_waits_for_a_choice(box):
    chooser = _open(box)
    assert chooser.findChild(QTreeWidget, "restoreChooserList").topLevelItemCount() == 0
    assert "还没有备份" in chooser.empty.text() and chooser.empty.isVisible()
    assert not chooser.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_damaged_backup_in_the_folder_is_listed_with_what_is_wrong(box, ctx, two_backups):
    folder = backups_dir_for(ctx.db.path)
    (folder / "bookroom-daily-20200101-080000.db").write_bytes(b"nothing")
    chooser = _open(box)
    rows = _rows(chooser)
    assert len(rows) == 3 and "不是书屋管理台的备份文件" in rows[-1][2]


def test_counting_runs_in_the_background_and_fills_the_rows_when_done(ctx, qtbot, two_backups):
    chooser = RestoreChooser(ctx, backups_dir_for(ctx.db.path))  # tasks on the worker threads
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitUntil(lambda: all(row[2].startswith("书目") for row in _rows(chooser)))
