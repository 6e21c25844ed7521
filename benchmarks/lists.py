"""Long lists scrolled: the catalogue's title list and the reader list, a screenful at a time.

Each step moves the scroll bar one page down and lets the view fetch what it needs (the table
models page by key, fetchMore) and repaint; the figure is the time of one step.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import Figure, qt_app, timed

TARGET_MS = 50.0


def _scroll(app, view, steps: int) -> list[float]:
    bar = view.verticalScrollBar()

    def step() -> None:
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()  # the fetch, if one is due, and the repaint the scroll asked for

    timings = []
    for _ in range(steps):
        if bar.value() >= bar.maximum() and not view.model().canFetchMore(view.rootIndex()):
            break  # the end of the list (the reader list shows at most 500; searching narrows it)
        timings.append(timed(step))
    return timings[1:]


def bench(path: Path, runs: int) -> list[Figure]:
    from bookroom_desk.services.catalogue import search
    from bookroom_desk.store.database import Database
    from bookroom_desk.ui.catalogue.page import CataloguePage
    from bookroom_desk.ui.context import AppContext
    from bookroom_desk.ui.readers.page import ReadersPage

    app = qt_app()
    db = Database(f"sqlite:///{path}")
    ctx = AppContext(db, "zh_CN")
    steps = max(20, runs * 20)
    figures = []
    for name, page_class, attribute, order in (
            ("title list (50,000 titles)", CataloguePage, "view", None),
            ("title list in shelf order (50,000 titles)", CataloguePage, "view", search.SHELF_ORDER),
            ("reader list (20,000 readers)", ReadersPage, None, None)):
        page = page_class(ctx)
        page.resize(1200, 800)
        page.show()
        page.activated()
        if order is not None:  # 按索书号: keyset pages on (shelf_key, id)
            page.order.setCurrentIndex(page.order.findData(order))
        app.processEvents()
        view = getattr(page, attribute) if attribute else _readers_table(page)
        figures.append(Figure.of(f"scroll a screenful: {name}", "ms", _scroll(app, view, steps), TARGET_MS,
                                 note=f"{view.model().rowCount()} rows in the view after the last step"))
        page.close()
        page.deleteLater()
        app.processEvents()
    db.dispose()
    return figures


def _readers_table(page):
    from PySide6.QtWidgets import QTableView

    return page.findChild(QTableView, "readersTable")
