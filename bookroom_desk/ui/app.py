"""Start the GUI: application, language, fonts, database (migrated), main window."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from bookroom_desk import APP_NAME, __version__
from bookroom_desk.config import ENV_DATA_DIR, ENV_DB, RESOURCES_DIR, resolve_database_url, user_data_dir
from bookroom_desk.i18n import LANGUAGE_KEY, install_app_translators
from bookroom_desk.ui.main_window import MainWindow
from bookroom_desk.ui.style import apply_style

if TYPE_CHECKING:
    from bookroom_desk.store.database import Database

#: How long after the window is shown the heap is settled and pypinyin loaded (ui/warmup.py).
WARMUP_DELAY_MS = 2000


def configure_settings() -> None:
    """Keep this PC's settings in the data folder when BOOKROOM_DATA_DIR overrides it (tests, dev)."""
    if os.environ.get(ENV_DATA_DIR):
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(user_data_dir() / "settings"))


def window_icon() -> QIcon:
    """The program's icon (packaging/make_icons.py) in every size it ships."""
    icon = QIcon()
    for path in sorted((RESOURCES_DIR / "icons").glob("bookroom-desk-*.png")):
        icon.addFile(str(path))
    return icon


def application() -> QApplication:
    configure_settings()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(window_icon())
    app.setDesktopFileName("bookroom-desk")  # Linux: the shell matches the window to bookroom-desk.desktop
    return app


def create_main_window(db: Database, lang: str) -> MainWindow:
    from bookroom_desk.ui.context import AppContext

    return MainWindow(AppContext(db, lang))


def _report_when_ready(app: QApplication, window: MainWindow) -> None:
    """Print 'ready' once the scan field (or, in a room with accounts, the log-in field) has the keyboard; then,
    once the room is open in the window, print 'quit' and quit, as closing the window does.

    For benchmarks and smoke tests of a built bundle. The scan field may be the one that takes scans while the
    room opens (ui/opening.py): ready to scan, what is scanned there is processed once the room is open.
    """

    def check() -> None:
        focus = window.focusWidget()  # the window's own focus: without a window manager the app is never active
        if focus is not None and focus.objectName() in ("scanInput", "loginWho") and window.isVisible():
            print(f"ready {focus.objectName()} {window.windowTitle()}", flush=True)
            if window.ctx is None:
                window.opened.connect(leave)
            else:
                leave()
        else:
            QTimer.singleShot(5, check)

    def leave() -> None:
        print("quit", flush=True)
        app.quit()

    QTimer.singleShot(0, check)


def run_gui(db_arg: str | None = None, lang: str | None = None, quit_when_ready: bool = False) -> int:
    app = application()
    from bookroom_desk.ui.termination import quit_on_terminate

    with quit_on_terminate() as termination:  # a SIGTERM closes the window as a normal quit does
        return _run(app, termination, db_arg, lang, quit_when_ready)


def _run(app: QApplication, termination, db_arg: str | None, lang: str | None, quit_when_ready: bool) -> int:
    lang = install_app_translators(app, lang or QSettings().value(LANGUAGE_KEY))
    apply_style(app)
    from bookroom_desk.ui import startup

    chosen = bool(db_arg or os.environ.get(ENV_DB))  # a path the user named: its folder only once confirmed
    url = resolve_database_url(db_arg, create_folder=not chosen)
    if not startup.confirm_new_room(url, chosen=chosen):
        return termination.code or 1
    refused, guard = startup.claim(url)  # one window per database; a second start raises the first
    if refused is not None:
        return refused
    try:  # the lock and the local socket go however this ends (a SIGTERM while the room opens: SystemExit)
        return _show(app, termination, url, lang, guard, quit_when_ready)
    finally:
        if guard is not None:
            guard.release()


class _Opening:
    """Opens the room in the shown window, a step at a time with the event loop running between them, so that
    the scan field takes what is scanned meanwhile (ui/opening.py)."""

    def __init__(self, app: QApplication, window: MainWindow, url: str, lang: str, guard) -> None:
        self.app, self.window, self.url, self.lang, self.guard = app, window, url, lang, guard
        self.db: Database | None = None
        self.error: BaseException | None = None
        self.daily = None

    def start(self) -> None:
        QTimer.singleShot(0, lambda: self._step(self._open_room))

    def _step(self, step) -> None:
        try:
            step()
        except BaseException as exc:  # raised again once the event loop has returned (ui/app.py's _show)
            self.error = exc
            self.app.exit(1)

    def _open_room(self) -> None:
        from bookroom_desk.ui.widgets.wheel import install_wheel_guard

        install_wheel_guard(self.app)  # here: it brings in Qt's namespace (see main_window.py)
        self.window.keep_nav_off_keyboard()
        if self.guard is not None:
            self.guard.serve(self.window)  # a later start on this room brings this window forward (QtNetwork)
        QApplication.processEvents()  # the window drawn before the room's imports hold the GUI thread
        from bookroom_desk.ui import startup

        self.db = startup.open_room(self.url)
        if self.db is None:
            self.app.exit(1)  # the volunteer gave up (a damaged room not restored, a refusal said)
            return
        QTimer.singleShot(0, lambda: self._step(self._open_window))

    def _open_window(self) -> None:
        from bookroom_desk.ui import warmup
        from bookroom_desk.ui.context import AppContext
        from bookroom_desk.ui.daily_backup import DailyBackup

        assert self.db is not None
        self.window.open_room(AppContext(self.db, self.lang))
        self.daily = self.window.daily_backup = DailyBackup(self.window)  # a restore waits for it (backup_box.py)
        self.daily.start_later()  # the day's first backup, off the GUI thread once the window is ready
        # After the window is ready to scan (about 1.2 s on a large room), while the volunteer looks at it:
        # earlier, loading pypinyin holds the interpreter and delays the scan field's readiness.
        QTimer.singleShot(WARMUP_DELAY_MS, warmup.after_start)
        self.window.search_keys.start_later(WARMUP_DELAY_MS + 500)  # titles left unkeyed when the program last closed


def _show(app: QApplication, termination, url: str, lang: str, guard, quit_when_ready: bool) -> int:
    from bookroom_desk.store.peek import has_accounts, sqlite_file

    path = sqlite_file(url)
    # Scans taken while the room opens, unless it will ask for a log-in first (or it cannot tell cheaply).
    window = MainWindow(scan=path is not None and has_accounts(path) is False)
    opening = _Opening(app, window, url, lang, guard)
    try:
        window.show()
        from bookroom_desk.store import precheck

        # A full check that is due (the day's first start) overlaps the room's imports, not the window's: on a
        # busy PC its reading of every page slowed the scan field's coming (0.3 s to 0.45 s, two cores shared).
        precheck.begin(url)
        if quit_when_ready:
            _report_when_ready(app, window)
        opening.start()
        # A stop asked for while the window was being made: its quit may already have run, in no event loop.
        code = termination.code if termination.requested else app.exec()
        if opening.error is not None:
            raise opening.error
        return termination.code if termination.requested else code
    finally:
        search_keys = getattr(window, "search_keys", None)
        if search_keys is not None:
            search_keys.stop_soon()  # after the batch under way
        if window.ctx is not None:
            window.ctx.tasks.finish()  # reads under way cut short; writes and a backup under way finish
        db = window.ctx.db if window.ctx is not None else opening.db  # a restore may have replaced it
        if db is not None:
            from bookroom_desk.store.migrate import close_database

            close_database(db)
