"""Search keys of a big list's titles, worked out in the background after the import (and after a start).

An import of more than ``search.KEYS_INLINE_MAX`` new titles leaves their pinyin and index keys
out, so the list is in the catalogue in seconds; this works them out a batch at a time on a
worker thread (the keys themselves in the key worker's second process, which the import has set
working on their pinyin already), each batch's write taking the lock for a few tens of
milliseconds, so scans and other writes go on meanwhile. Until then the new titles are found by their title, author,
publisher, ISBN and call number; the status bar says how far the keys have got.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from bookroom_desk.errors import BookroomError
from bookroom_desk.ui.widgets.format import fmt_int

log = logging.getLogger(__name__)


class SearchKeys(QObject):
    """Keys the titles that have none, when asked (``ctx.titlesToKey``) or at start; shows progress."""

    # After each batch, rest a while (REST times as long as it took): a scan at the desk meanwhile then
    # seldom waits for a batch's write. A batch's write is one statement now (search.store_keys), so a
    # short rest does: measured on 100,000 titles (load 1.5–2), keyed in 19.1 s with a scan's write p95
    # 33 ms resting 0.1 (batches of 150), 19.6 s and 23 ms resting 0.15 (of 100), 23.8 s and 19 ms
    # resting 0.3; on 30,000 titles, not resting, 49 ms. Working the next batch out on a second thread
    # while one is written gained nothing and held the GUI thread up to 96 ms (the interpreter's lock);
    # in a second process it does (services/catalogue/key_worker.py): this thread then only reads and writes.
    REST = 0.1

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.running = False
        self._again = False
        self._stopping = False
        self.label = QLabel(window)
        self.label.setObjectName("searchKeysProgress")
        self.label.setStyleSheet("color: #6d4c00;")
        self.label.hide()
        window.statusBar().insertPermanentWidget(0, self.label)  # left of the room's figures
        self.ctx.titlesToKey.connect(self.start)

    def start_later(self, delay_ms: int) -> None:
        QTimer.singleShot(delay_ms, self, self.start)

    def start(self) -> None:
        """Key every unkeyed title on a worker thread (at once if already running: once more after it)."""
        if self.running:
            self._again = True
            return
        from bookroom_desk.services.catalogue import search

        self.running, self._again = True, False
        db = self.ctx.db

        # Not the single writer pool: each batch writes briefly, and an import or a stocktake
        # started meanwhile must not wait for all of them (Database.write lets writers take turns).
        def work(progress) -> int:
            # A restore meanwhile replaces the room: what is left is keyed by the next start.
            return search.key_titles(db.read, db.write, progress, stop=lambda: self._stopping or self.ctx.db is not db,
                                     rest=self.REST)

        self.ctx.tasks.run(work, on_done=self._done, on_error=self._refused, on_progress=self._progress, owner=self,
                           on_failure=self._stopped)

    def stop(self) -> None:
        """Stop after the batch under way and wait for it (before a restore replaces the room)."""
        self.stop_soon()
        self.ctx.tasks.wait()

    def stop_soon(self) -> None:
        """Stop after the batch under way (at exit: the window's tasks are waited for there)."""
        self._stopping = True

    def resume(self) -> None:
        """Key again after :meth:`stop` (a restore is done: the room it brought back may have titles to key)."""
        self._stopping = False
        self.start()

    def _progress(self, done: int, total: int) -> None:
        self.label.setText(self.tr("正在建立检索：{done} / {total} 种").format(done=fmt_int(done),
                                                                         total=fmt_int(total)))
        self.label.setToolTip(self.tr("新导入的书目在建立检索后才能用拼音或两个字查到；借还书不受影响。"))
        self.label.show()

    def _done(self, keyed: int) -> None:
        self.running = False
        self.label.hide()
        if keyed:
            log.info("search keys worked out for %d titles", keyed)
            self.ctx.dataChanged.emit()
        if self._again and not self._stopping:
            self.start()

    def _stopped(self) -> None:  # by a failure: tried again at the next start
        self.running = False
        self.label.hide()

    def _refused(self, exc: BookroomError) -> None:
        log.error("search keys not worked out: %s", exc)
