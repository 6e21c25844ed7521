"""Start the GUI: application, language, fonts, database (migrated), main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from bookroom_desk import APP_NAME, __version__
from bookroom_desk.config import ENV_DATA_DIR, resolve_database_url, user_data_dir
from bookroom_desk.errors import BookroomError
from bookroom_desk.i18n import install_app_translators
from bookroom_desk.store.database import Database
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.main_window import MainWindow
from bookroom_desk.ui.settings.page import LANGUAGE_KEY
from bookroom_desk.ui.style import apply_style


def configure_settings() -> None:
    """Keep this PC's settings in the data folder when BOOKROOM_DATA_DIR overrides it (tests, dev)."""
    if os.environ.get(ENV_DATA_DIR):
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(user_data_dir() / "settings"))


def application() -> QApplication:
    configure_settings()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def create_main_window(db: Database, lang: str) -> MainWindow:
    return MainWindow(AppContext(db, lang))


def _report_when_ready(app: QApplication, window: MainWindow) -> None:
    """Print 'ready' once the scan field has the keyboard focus, then quit (benchmarks, smoke tests)."""

    def check() -> None:
        focus = app.focusWidget()
        if focus is not None and focus.objectName() == "scanInput" and window.isVisible():
            print(f"ready scanInput {window.windowTitle()}", flush=True)
            app.quit()
        else:
            QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)


def run_gui(db_arg: str | None = None, lang: str | None = None, quit_when_ready: bool = False) -> int:
    app = application()
    lang = install_app_translators(app, lang or QSettings().value(LANGUAGE_KEY))
    apply_style(app)
    from bookroom_desk.store.migrate import open_database

    try:
        db = open_database(resolve_database_url(db_arg))
    except BookroomError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "无法打开数据库"), exc.message)
        return 1
    window = create_main_window(db, lang)
    window.show()
    if quit_when_ready:
        _report_when_ready(app, window)
    code = app.exec()
    db.optimize()
    db.dispose()
    return code
