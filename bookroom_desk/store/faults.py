"""Storage faults (disk full, I/O error, damaged file, read-only, locked) turned into messages a volunteer can read.

SQLite undoes the failed transaction itself, so what was committed before stays; the message says
so and what to do. Installed on the engine by ``migrate.open_database``.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine

from bookroom_desk.errors import DatabaseError
from bookroom_desk.text import QT_TRANSLATE_NOOP

# SQLite primary result codes (the low byte of an extended code).
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_BUSY, SQLITE_NOTADB = 8, 10, 11, 13, 5, 26

MESSAGES = {
    SQLITE_FULL: QT_TRANSLATE_NOOP(
        "BookroomError", "磁盘已满，这次操作没有保存（之前保存的数据都在）。请清理磁盘空间后再试。"),
    SQLITE_IOERR: QT_TRANSLATE_NOOP(
        "BookroomError", "读写磁盘时出错，这次操作没有保存（之前保存的数据都在）。请检查磁盘或U盘后再试。"),
    SQLITE_CORRUPT: QT_TRANSLATE_NOOP(
        "BookroomError", "数据库文件已损坏，这次操作没有保存。请关闭程序，重新启动后按提示从备份恢复。"),
    SQLITE_NOTADB: QT_TRANSLATE_NOOP(
        "BookroomError", "数据库文件已损坏，这次操作没有保存。请关闭程序，重新启动后按提示从备份恢复。"),
    SQLITE_READONLY: QT_TRANSLATE_NOOP(
        "BookroomError", "数据库文件只能读、不能写，这次操作没有保存。请检查文件夹的权限。"),
    SQLITE_BUSY: QT_TRANSLATE_NOOP(
        "BookroomError", "数据库正被另一个程序占用，这次操作没有保存。请稍后再试。"),
}


def storage_error(exc: BaseException) -> DatabaseError | None:
    """The readable error for a SQLite storage fault, or None for anything else (a bug stays a bug)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None or not isinstance(exc, sqlite3.Error):
        return None
    text = MESSAGES.get(code & 0xFF)
    return DatabaseError(text) if text else None


def _handle_error(context) -> BaseException | None:
    return storage_error(context.original_exception)


def install(engine: Engine) -> None:
    """Make the engine raise a readable :class:`DatabaseError` for storage faults."""
    if engine.dialect.name == "sqlite" and not event.contains(engine, "handle_error", _handle_error):
        event.listen(engine, "handle_error", _handle_error)
