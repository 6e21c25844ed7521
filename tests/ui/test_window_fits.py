"""Every page of the main window fits a 1024x700 screen, and the window never grows past the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QTabWidget

from bookroom_desk.i18n import install_app_translators
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.main_window import MainWindow
from bookroom_desk.ui.pages import PAGES

SMALL = (1024, 700)


@pytest.fixture(params=["zh_CN", "en"])
def lang_ctx(request, db, qapp):
    install_app_translators(qapp, request.param)
    yield AppContext(db, request.param)
    install_app_translators(qapp, "zh_CN")


def _tabs_visited(page):
    """The page, then each tab of each of its tab widgets in turn."""
    yield "", page
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield f"{tabs.objectName()}[{index}]", page


class SmallScreen:
    """A 1024x700 laptop screen's free area, for the window to fit into (the offscreen screen is 800x800)."""

    def availableGeometry(self) -> QRect:
        return QRect(0, 0, *SMALL)


def test_every_page_fits_1024x700_and_the_window_stays_on_screen(lang_ctx, qtbot, monkeypatch):
    monkeypatch.setattr(MainWindow, "screen", lambda self: SmallScreen())
    window = MainWindow(lang_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert window.width() <= SMALL[0] and window.height() <= SMALL[1]  # 1180x760 by default, made to fit
    chrome_height = window.statusBar().sizeHint().height()
    room = (SMALL[0] - window.nav.width(), SMALL[1] - chrome_height)
    too_big = []
    for spec in PAGES:
        window.show_page(spec.key)
        for where, page in _tabs_visited(window.page(spec.key)):
            qtbot.wait(1)
            hint = page.minimumSizeHint()
            if hint.width() > room[0] or hint.height() > room[1]:
                too_big.append(f"{spec.key}{where}: {hint.width()}x{hint.height()}")
            size = window.size()
            assert size.width() <= available.width() and size.height() <= available.height(), (
                f"{spec.key}{where}: window {size.width()}x{size.height()} on {available.width()}x{available.height()}")
            hint = window.minimumSizeHint()
            assert hint.width() <= SMALL[0] and hint.height() <= SMALL[1], f"{spec.key}{where}: window needs {hint}"
    assert not too_big, f"pages larger than {room}: {too_big}"
