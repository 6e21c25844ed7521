"""Restore tests: real backups to start from, and the state of a room that a refused restore must leave alone."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

from PIL import Image

from bookroom_desk.services.roomwork import activities, photos
from bookroom_desk.services.upkeep import backups
from bookroom_desk.services.upkeep.demo import build_demo


def room_state(database: Path) -> tuple[str, list[str]]:
    """The database file's digest and every file and folder in the room's folder (backups and photos included)."""
    digest = hashlib.sha256(database.read_bytes()).hexdigest()
    return digest, sorted(str(p.relative_to(database.parent)) for p in database.parent.rglob("*"))


def demo_room(db, tmp_path: Path, *, volumes: int = 120, with_photo: bool = True) -> None:
    """A small demo room, with one activity photo when asked."""
    with db.write() as session:
        build_demo(session, volumes=volumes, readers=12)
    if with_photo:
        source = tmp_path / "picture.jpg"
        Image.new("RGB", (40, 30), (10, 120, 200)).save(source, "JPEG")
        with db.write() as session:
            activity = activities.add_activity(session, held_on=dt.date(2026, 4, 23), name="读书日", kind="share")
            photos.add_photo(session, photos.base_folder(db.path), activity.id, source)


def backup_of(db, target: Path) -> Path:
    """A real backup of ``db`` at ``target`` (a zip when the room has photos)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return backups.make_backup(db.path, target).path


def edit(database: Path, *statements: str) -> None:
    """Run SQL on a plain SQLite file (foreign keys off, as a crafted file would be)."""
    connection = sqlite3.connect(database)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()
