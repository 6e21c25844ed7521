"""Fixtures shared by the whole suite: offscreen Qt, a fresh room database, a fixed clock."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import signal
import tempfile

# Before Qt is imported anywhere: no display needed, and nothing touches the user's data.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BOOKROOM_DATA_DIR"] = tempfile.mkdtemp(prefix="bookroom-test-")
os.environ.pop("BOOKROOM_DB", None)

import pytest

from bookroom_desk import text
from bookroom_desk.services.common import clock
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import open_database

# The session's data folder goes when the session does.
atexit.register(shutil.rmtree, os.environ["BOOKROOM_DATA_DIR"], ignore_errors=True)


def _interrupted(_signum, _frame):
    raise KeyboardInterrupt


# A test run stopped by SIGTERM (a timeout, a CI cancel) ends as Ctrl+C does: the session's fixtures are
# torn down and atexit runs, so a private PostgreSQL server (tests/support/pg.py) is stopped, not orphaned.
if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
    signal.signal(signal.SIGTERM, _interrupted)

#: The moment every test lives in unless it moves the clock itself.
NOW = dt.datetime(2026, 11, 24, 10, 30, 0)


@pytest.fixture(scope="session", autouse=True)
def private_pc_settings():
    """QSettings (window size, language) go to the test data folder, never the user's own."""
    from bookroom_desk.ui.app import configure_settings

    configure_settings()


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashes():
    """Hash passwords at N=2**10 rather than OWASP's 2**17 (0.3 s a hash); tests/services/access checks the real one."""
    from bookroom_desk.services.access import passwords

    real = passwords.SCRYPT_N
    passwords.SCRYPT_N = 2**10
    yield
    passwords.SCRYPT_N = real


@pytest.fixture(autouse=True)
def fixed_clock():
    """Every test sees 2026-11-24 10:30 and Chinese service texts; restored afterwards."""
    clock.set_clock(clock.fixed(NOW))
    text.install(None)
    yield NOW
    clock.set_clock(None)
    text.install(None)


@pytest.fixture(autouse=True)
def no_window_outlives_its_test():
    """Close whatever windows a test left open (a dialog opened with open() outlives its page)."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    app.processEvents()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "room.db"


@pytest.fixture
def db(db_path) -> Database:
    """A migrated, empty room database in a temporary SQLite file."""
    database = open_database(f"sqlite:///{db_path}")
    yield database
    database.dispose()


@pytest.fixture
def session(db):
    """A write session on ``db``, committed at the end of the test if nothing failed."""
    with db.write() as s:
        yield s


@pytest.fixture
def ctx(db, qapp):
    """The GUI's shared context on ``db``, in Chinese as the program starts by default."""
    from bookroom_desk.i18n import install_app_translators
    from bookroom_desk.ui.context import AppContext

    install_app_translators(qapp, "zh_CN")
    return AppContext(db, "zh_CN")


@pytest.fixture
def main_window(ctx, qtbot):
    from bookroom_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def beeps(monkeypatch):
    """The beeps the program makes (QApplication.beep), counted instead of sounded."""
    from PySide6.QtWidgets import QApplication

    calls = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: calls.append(1)))
    return calls


@pytest.fixture
def sync_tasks(monkeypatch):
    """Run TaskRunner tasks inline so tests see their results at once."""
    from bookroom_desk.ui.tasks import TaskRunner

    monkeypatch.setattr(TaskRunner, "synchronous", True)
