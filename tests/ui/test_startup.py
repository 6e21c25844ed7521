"""Start-up: a damaged database is restored from its newest good backup, and the restore is in the room's log."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from bookroom_desk.services.access import audit
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.upkeep import backups
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.ui import startup
from tests.support.helpers import corrupt_sqlite
from tests.support.restoring import edit, room_state


def test_a_damaged_database_is_restored_from_the_newest_good_backup_and_that_is_logged(db, qtbot, monkeypatch):
    with db.write() as session:
        build_demo(session, volumes=300, readers=30)
    made = backups.make_backup(db.path, reason="manual").path
    db.dispose()
    corrupt_sqlite(db.path)
    asked = []

    def answer(box):
        asked.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole))  # 从这个备份恢复
    opened = startup.open_room(db.url)
    try:
        assert len(asked) == 1 and made.name in asked[0]
        with opened.read() as session:
            (line,) = audit.lines(session, audit.AuditFilter(kinds=("restore",)))
        assert (line.actor, line.detail) == (OPERATOR, backups.inspect_backup(made).described)
    finally:
        opened.dispose()


def test_a_refused_backup_at_start_is_said_why_and_the_choice_is_offered_again_without_it(db, qtbot, monkeypatch):
    with db.write() as session:
        build_demo(session, volumes=300, readers=30)
    made = backups.make_backup(db.path, reason="manual").path
    edit(made, "DROP TABLE room_settings")  # SQLite finds nothing wrong with it, but it is no room
    db.dispose()
    corrupt_sqlite(db.path)
    asked, told, damaged = [], [], []

    def answer(box):
        asked.append([b.text() for b in box.buttons()])
        damaged.append(room_state(db.path))  # as the start-up check left it (its read of a WAL file adds -wal, -shm)
        return 0

    def clicked(box):
        accept = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
        if accept:
            return accept[0]  # 从这个备份恢复, the first time
        return next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)  # 退出

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "clickedButton", clicked)
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append(text))
    assert startup.open_room(db.url) is None
    assert len(asked) == 2 and "从这个备份恢复" in asked[0] and "从这个备份恢复" not in asked[1]
    assert len(told) == 1 and "未作任何改动" in told[0] and made.name in told[0]
    assert room_state(db.path) == damaged[0] == damaged[1]


def test_a_database_path_that_does_not_exist_is_asked_about_and_no_makes_nothing(qapp, tmp_path, monkeypatch):
    asked = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: asked.append(args[2]) or next(answers)))
    path = tmp_path / "mistyped" / "room.db"
    url = f"sqlite:///{path}"
    assert not startup.confirm_new_room(url, chosen=True)
    assert str(path) in asked[0] and "--db" in asked[0]
    assert not path.parent.exists()  # No leaves not even the folder
    assert startup.confirm_new_room(url, chosen=True)
    assert path.parent.is_dir() and len(asked) == 2


def test_the_default_database_and_an_existing_one_are_opened_without_asking(qapp, db, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: pytest.fail("asked")))
    assert startup.confirm_new_room(f"sqlite:///{tmp_path / 'first' / 'room.db'}", chosen=False)
    assert startup.confirm_new_room(db.url, chosen=True)
