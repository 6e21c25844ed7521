"""What every page shares: the database, the volunteer on duty, and change notifications."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.database import Database, cut_short, reads_that_may_stop
from bookroom_desk.ui.tasks import TaskRunner


class AppContext(QObject):
    """Handed to every page of a window: ``dataChanged`` fires after any write, ``tasks`` runs slow work."""

    dataChanged = Signal()
    navigateRequested = Signal(str)  # a page key from ui.pages
    actorChanged = Signal()  # someone logged in, or the window was locked (ui.access.guard)
    accountsChanged = Signal()  # an account was added, changed or removed, or a backup restored (ui.access.guard)
    firstAdminCreated = Signal(str)  # the room's first account was just created: that administrator is logged in
    titlesToKey = Signal()  # a big list was imported without search keys (ui.search_keys works them out)

    def __init__(self, db: Database, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        # The account logged in (set by ui.access.guard): None in a room without accounts, "" while a
        # room with accounts waits for the first log-in (services then refuse with ValueError).
        self.account: str | None = None
        self.role = "admin"  # services.accounts role of ``actor``; admin in a room without accounts
        # The window's one runner (its pages pass ``owner=self``); at the close the reads marked may stop do.
        self.tasks = TaskRunner(self, reads_that_may_stop=reads_that_may_stop, cut_short=cut_short)

    @property
    def actor(self) -> str:
        """Who the window acts as, for every service call: the account logged in, or OPERATOR without accounts."""
        return OPERATOR if self.account is None else self.account

    def replace_database(self, db: Database) -> None:
        """Work on ``db`` from now on (after a restore); the old one is closed and every view refreshes."""
        old, self.db = self.db, db
        if old is not db:
            old.dispose()
        self.dataChanged.emit()
        self.accountsChanged.emit()  # the restored room may have other accounts, or none

    def read(self):
        return self.db.read()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work on the GUI thread (short writes only); views refresh afterwards."""
        with self.db.write() as session:
            yield session
        self.dataChanged.emit()
