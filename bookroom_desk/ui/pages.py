"""The main window's pages, in navigation order; each is built the first time it is opened."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # source text in context "MainWindow"
    target: str  # "module:Class"

    def load(self):
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("desk", QT_TRANSLATE_NOOP("MainWindow", "扫码台"), "bookroom_desk.ui.desk.page:DeskPage"),
    PageSpec("catalogue", QT_TRANSLATE_NOOP("MainWindow", "藏书"), "bookroom_desk.ui.catalogue.page:CataloguePage"),
    PageSpec("readers", QT_TRANSLATE_NOOP("MainWindow", "读者"), "bookroom_desk.ui.readers.page:ReadersPage"),
    PageSpec("stocktake", QT_TRANSLATE_NOOP("MainWindow", "盘点"), "bookroom_desk.ui.stocktake.page:StocktakePage"),
    PageSpec("reports", QT_TRANSLATE_NOOP("MainWindow", "统计报表"), "bookroom_desk.ui.reports.page:ReportsPage"),
    PageSpec("activities", QT_TRANSLATE_NOOP("MainWindow", "书屋工作"),
             "bookroom_desk.ui.activities.page:RoomWorkPage"),
    PageSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "设置"), "bookroom_desk.ui.settings.page:SettingsPage"),
)
