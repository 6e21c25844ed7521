"""One program per database: the room's lock (room_lock.py), and a local socket that brings the open window forward."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtWidgets import QWidget

from bookroom_desk.room_lock import RoomLock

if TYPE_CHECKING:  # QtNetwork (15 ms) is loaded once the window is shown (serve), or to knock at another's
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise\n"
WAIT_MS = 1000


def server_name(database: Path) -> str:
    """A local socket name (same on every start, short enough for every platform) from the database's path."""
    digest = hashlib.sha256(str(Path(database).resolve()).casefold().encode("utf-8")).hexdigest()[:20]
    return f"bookroom-desk-{digest}"


def raise_running(database: Path) -> bool:
    """Ask the window already open on ``database`` to come forward; whether one answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(database))
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(QByteArray(RAISE))
    socket.waitForBytesWritten(WAIT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Holds the database's lock while the window is open and answers later starts by raising the window."""

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = Path(database)
        self.lock = RoomLock(self.database)
        self.server: QLocalServer | None = None
        self.window: QWidget | None = None
        self._connections: list[QLocalSocket] = []

    def acquire(self) -> bool:
        """Take the lock; False when another live program holds it."""
        return self.lock.acquire()

    def holder(self) -> str:
        """"pid on host" of the program holding the lock, for the message."""
        return self.lock.holder()

    def serve(self, window: QWidget) -> None:
        """Bring ``window`` forward whenever a later start knocks."""
        from PySide6.QtNetwork import QLocalServer

        self.window = window
        QLocalServer.removeServer(server_name(self.database))  # a stale socket left by a crash
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._knock)
        self.server.listen(server_name(self.database))

    def _knock(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            # Kept, not deleteLater()'d: a deferred delete racing the server's own deletion of its
            # child sockets crashed Qt (seen in the tests). The server frees them when it goes.
            self._connections.append(connection)
            connection.readyRead.connect(lambda c=connection: self._read(c))

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll()).startswith(RAISE.strip()) and self.window is not None:
            window = self.window
            window.setWindowState(window.windowState() & ~window.windowState().WindowMinimized)
            window.show()
            window.raise_()
            window.activateWindow()

    def release(self) -> None:
        for connection in self._connections:
            connection.abort()
        self._connections.clear()
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.release()
