"""The lock beside a room's SQLite file that says a program has the room open (QtCore's QLockFile, no widgets).

The window holds it while open (ui/instance.py) and `bookroom-desk restore` while it replaces the
file. It is QLockFile's own format and stale-lock rules (the holder's pid, process name and host),
so the command and the window recognise each other's lock on every platform.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_file(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class RoomLock:
    """The lock of one database file: taken, asked who holds it, released."""

    def __init__(self, database: Path) -> None:
        self.lock = QLockFile(str(lock_file(Path(database))))
        self.lock.setStaleLockTime(0)  # a lock is stale only when its process is gone

    def acquire(self) -> bool:
        """Take the lock; False when another live program holds it."""
        if self.lock.tryLock(0):
            return True
        self.lock.removeStaleLockFile()
        return self.lock.tryLock(0)

    def holder(self) -> str:
        """"pid on host" of the program holding the lock, for the message."""
        ok, pid, host, _app = self.lock.getLockInfo()
        return f"{pid} @ {host}" if ok else "?"

    def release(self) -> None:
        self.lock.unlock()
