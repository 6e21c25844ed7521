"""Restore fuzzing: a real backup, mangled any way, either restores into a room that opens and holds, or changes nothing."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.reporting.statistics import key_figures
from bookroom_desk.services.upkeep import backups, consistency
from bookroom_desk.store.migrate import open_database
from tests.support.restoring import backup_of, demo_room, edit, room_state

pytestmark = pytest.mark.sqlite_only("a backup is a copy of the SQLite file")

TABLES = ("titles", "copies", "readers", "loans", "alembic_version", "activity_photos", "room_settings", "accounts",
          "title_search", "title_search_data", "stocktakes", "audit_log")
COLUMNS = (("titles", "pinyin"), ("titles", "search_text"), ("readers", "phone"), ("copies", "price"),
           ("loans", "due_on"), ("activity_photos", "caption"), ("accounts", "role"), ("room_settings", "value"))
REVISIONS = ("0001", "0004", "0006", "9999", "", "0006'; --")
BAD_PHOTOS = ("/tmp/x/id_rsa.jpg", "../../x.png", "C:\\Windows\\win.ini", "photos/1/../../../etc/passwd.jpg",
              "photos/1/CON.jpg", "\\\\server\\share\\a.jpg")

MUTATION = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0, 1, exclude_max=True)),
    st.tuples(st.just("flip"), st.floats(0, 1, exclude_max=True), st.integers(1, 255)),
    st.tuples(st.just("drop_table"), st.sampled_from(TABLES)),
    st.tuples(st.just("revision"), st.sampled_from(REVISIONS)),
    st.tuples(st.just("no_revision"), st.just(None)),
    st.tuples(st.just("drop_column"), st.sampled_from(COLUMNS)),
    st.tuples(st.just("photo_row"), st.sampled_from(BAD_PHOTOS)),
    st.tuples(st.just("page_size"), st.sampled_from((512, 1024, 2048, 8192, 65535, 3))),
    st.tuples(st.just("wal_cut"), st.floats(0, 1, exclude_max=True)),
    st.tuples(st.just("wal_flip"), st.floats(0, 1, exclude_max=True), st.integers(1, 255)),
    st.tuples(st.just("wal_uncommitted"), st.integers(1, 400)),
)


def _mutate(plain: Path, mutation: tuple) -> None:
    """Change the SQLite file ``plain`` (and perhaps give it a -wal) as ``mutation`` says."""
    kind, *args = mutation
    raw = plain.read_bytes()
    if kind == "truncate":
        plain.write_bytes(raw[: int(args[0] * len(raw))])
    elif kind == "flip":
        at = int(args[0] * len(raw))
        plain.write_bytes(raw[:at] + bytes([raw[at] ^ args[1]]) + raw[at + 1:])
    elif kind == "page_size":
        plain.write_bytes(raw[:16] + (args[0] % 65536).to_bytes(2, "big") + raw[18:])
    elif kind == "drop_table":
        edit(plain, f"DROP TABLE IF EXISTS {args[0]}")
    elif kind == "revision":
        edit(plain, "UPDATE alembic_version SET version_num = ?".replace("?", "'" + args[0].replace("'", "''") + "'"))
    elif kind == "no_revision":
        edit(plain, "DELETE FROM alembic_version")
    elif kind == "drop_column":
        table, column = args[0]
        try:
            edit(plain, f"ALTER TABLE {table} DROP COLUMN {column}")
        except sqlite3.OperationalError:  # a column SQLite will not drop (indexed, a key): another example
            assume(False)
    elif kind == "photo_row":
        name = args[0].replace("'", "''")
        edit(plain, "INSERT INTO activity_photos (activity_id, path, caption, added_at)"
                    f" SELECT id, '{name}', '', '2026-01-01 00:00:00' FROM activities LIMIT 1")
    else:
        _with_wal(plain, kind, args)


def _with_wal(plain: Path, kind: str, args: list) -> None:
    """Give ``plain`` a -wal as a database in use has: 300 more titles committed, then the log cut, flipped or
    followed by frames of a transaction never committed."""
    connection = sqlite3.connect(plain)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.executemany(
        "INSERT INTO titles (title, author, publisher, clc, call_number, topic, material, pinyin, notes,"
        " search_text, created_at) VALUES (?, '', '', 'I247', '', 'culture', 'book', '', '', '', '2026-01-01 09:00')",
        [(f"日志里的书{n}",) for n in range(300)])
    connection.commit()
    if kind == "wal_uncommitted":
        connection.execute("PRAGMA cache_size = 2")  # a big transaction spills its pages into the log uncommitted
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO titles (title, author, publisher, clc, call_number, topic, material,"
                               " pinyin, notes, search_text, created_at) VALUES (?, 'x', '', 'I247', '', 'culture',"
                               " 'book', '', '', '', '2026-01-01 09:00')", [("未提交" * 40,)] * args[0] * 5)
    keep = plain.with_name("taken")
    keep.mkdir(exist_ok=True)
    for suffix in ("", "-wal"):  # as a file copy of a database in use sees it
        shutil.copyfile(f"{plain}{suffix}", keep / f"{plain.name}{suffix}")
    connection.close()
    for suffix in ("", "-wal"):
        shutil.copyfile(keep / f"{plain.name}{suffix}", f"{plain}{suffix}")
    shutil.rmtree(keep)
    wal = Path(f"{plain}-wal")
    raw = wal.read_bytes()
    if kind == "wal_cut":
        wal.write_bytes(raw[: int(args[0] * len(raw))])
    elif kind == "wal_flip":
        at = int(args[0] * len(raw))
        wal.write_bytes(raw[:at] + bytes([raw[at] ^ args[1]]) + raw[at + 1:])


def _candidate(good_zip: Path, folder: Path, container: str, mutation: tuple) -> Path:
    """A mangled backup in a folder of its own: the database alone, or a zip of it with the photos."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    plain = folder / "bookroom.db"
    with zipfile.ZipFile(good_zip) as archive:
        plain.write_bytes(archive.read("bookroom.db"))
        others = {name: archive.read(name) for name in archive.namelist() if name != "bookroom.db"}
    _mutate(plain, mutation)
    if container == "db" or Path(f"{plain}-wal").exists():
        return plain  # a zip never carries a -wal
    packed = folder / "backup.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        archive.write(plain, "bookroom.db")
        for name, content in others.items():
            archive.writestr(name, content)
    return packed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(container=st.sampled_from(["db", "zip"]), mutation=MUTATION)
def test_a_mangled_backup_restores_into_a_sound_room_or_changes_nothing(db, tmp_path_factory, container, mutation):
    usb = tmp_path_factory.getbasetemp() / "fuzz-usb"
    good = usb / "good" / "backup.zip"
    if not good.exists():
        usb.mkdir(parents=True, exist_ok=True)
        demo_room(db, usb)
        backup_of(db, good)
    source = _candidate(good, usb / "candidate", container, mutation)
    db.dispose()
    before = room_state(db.path)
    try:
        backups.restore(db.path, source, actor=OPERATOR)
    except BookroomError as refused:
        assert "未作任何改动" in refused.message or "找不到" in refused.message, refused.message
        assert room_state(db.path) == before
        return
    restored = open_database(db.url)
    try:
        with restored.read() as session:
            assert consistency.violations(session) == []
            key_figures(session)
    finally:
        restored.dispose()
    assert not [p for p in db.path.parent.iterdir() if p.name.endswith(".restoring")]
