"""Slow work off the GUI thread: results come back by signal, and work that outlives its page ends quietly."""

from __future__ import annotations

import logging

import shiboken6

from bookroom_desk.errors import Refused
from bookroom_desk.ui.tasks import TaskRunner, _Job, _Signals


def test_a_task_runs_on_a_worker_and_its_result_and_progress_come_back(qtbot):
    runner = TaskRunner()
    done, steps = [], []

    def work(progress):
        progress(1, 2)
        return "完成"

    runner.run(work, on_done=done.append, on_progress=lambda d, t: steps.append((d, t)), write=True)
    qtbot.waitUntil(lambda: done == ["完成"])
    assert steps == [(1, 2)]
    runner.wait()


def test_a_task_whose_page_closed_meanwhile_drops_its_result_without_an_error(caplog):
    caplog.set_level(logging.INFO, logger="bookroom_desk.ui.tasks")
    signals = _Signals()
    ran = []

    def work(progress):
        shiboken6.delete(signals)  # the window closes while the work runs
        progress(1, 1)
        ran.append(True)
        return 42

    _Job(work, signals).run()  # before the fix: RuntimeError "Signal source has been deleted"
    assert ran == [True]
    assert "outlived its page" in caplog.text


def test_a_result_for_a_page_deleted_meanwhile_is_not_handed_to_it(qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    runner = TaskRunner(label)
    shown = []
    runner.run(lambda progress: "完成", on_done=lambda text: shown.append(label.setText(text)), write=True)
    runner.wait()
    shiboken6.delete(label)  # the page goes before the result is delivered on the GUI thread
    qtbot.wait(50)
    assert shown == []


def test_the_windows_runner_drops_the_outcome_for_a_page_closed_meanwhile(qtbot):
    from PySide6.QtWidgets import QLabel

    runner = TaskRunner()  # the window's, outliving the page
    page = QLabel()
    shown = []
    runner.run(lambda progress: "完成", on_done=shown.append, owner=page, write=True)
    runner.run(_refuse, on_error=shown.append, owner=page, write=True)
    runner.wait()
    shiboken6.delete(page)
    qtbot.wait(50)
    assert shown == []


def _refuse(_progress):
    raise Refused("这一册已借出，不能删除。")


def test_a_refusal_is_shown_to_the_volunteer_by_default(qtbot):
    from PySide6.QtWidgets import QMessageBox, QWidget

    page = QWidget()
    qtbot.addWidget(page)
    runner = TaskRunner(page)
    runner.run(_refuse, owner=page)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "taskRefusal") is not None)
    box = page.findChild(QMessageBox, "taskRefusal")
    assert box.text() == "这一册已借出，不能删除。"
    assert box.icon() == QMessageBox.Icon.Warning
    box.close()


def test_a_page_that_shows_a_refusal_its_own_way_gets_it_and_no_box(qtbot):
    from PySide6.QtWidgets import QLabel, QMessageBox

    page = QLabel()
    qtbot.addWidget(page)
    runner = TaskRunner(page)
    put_back = []
    runner.run(_refuse, on_error=lambda exc: page.setText(exc.message), owner=page,
               on_failure=lambda: put_back.append(True))
    qtbot.waitUntil(lambda: page.text() == "这一册已借出，不能删除。")
    qtbot.wait(20)
    assert put_back == [True]
    assert page.findChild(QMessageBox) is None


def test_a_bug_in_a_task_is_raised_again_not_handed_to_the_page(qtbot, caplog):
    from PySide6.QtWidgets import QLabel

    page = QLabel()
    qtbot.addWidget(page)
    runner = TaskRunner(page)
    refused, put_back = [], []

    def broken(_progress):
        raise ZeroDivisionError("division by zero")

    with qtbot.capture_exceptions() as raised:
        runner.run(broken, on_error=refused.append, owner=page, on_failure=lambda: put_back.append(True))
        qtbot.waitUntil(lambda: put_back == [True])
    assert [kind for kind, _value, _tb in raised] == [ZeroDivisionError]
    assert refused == []
    assert "task failed" in caplog.text


LONG_COUNT = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) SELECT count(*) FROM c"


def test_closing_cuts_a_read_that_may_stop_short_and_lets_every_write_finish(db, qtbot, caplog):
    import threading

    from sqlalchemy import select, text

    from bookroom_desk.store.database import cut_short, reads_that_may_stop
    from bookroom_desk.store.models import ReaderCategory

    caplog.set_level(logging.INFO, logger="bookroom_desk.ui.tasks")
    runner = TaskRunner(reads_that_may_stop=reads_that_may_stop, cut_short=cut_short)  # as ui.context makes it
    counting, outcome, counted = threading.Event(), [], []

    def count(_progress):  # a status bar's count over a huge room, still running when the window closes
        with db.read() as session:
            counting.set()
            try:
                return session.execute(text(LONG_COUNT)).scalar_one()
            finally:
                outcome.append("read ended")

    def write(_progress):
        counting.wait(30)
        with db.write() as session:
            session.add(ReaderCategory(name="退休职工"))
        outcome.append("written")

    runner.run(count, on_done=counted.append, may_stop=True)
    runner.run(write, write=True)
    assert counting.wait(30)
    runner.finish()  # before: waited the whole count out (minutes on this query)
    assert sorted(outcome) == ["read ended", "written"]
    assert runner.pool.activeThreadCount() == 0 and runner.writer.activeThreadCount() == 0
    qtbot.wait(50)
    assert counted == []  # cut short: no figure, no error box, no traceback
    assert "cut short at exit" in caplog.text and "task failed" not in caplog.text
    with db.read() as session:
        assert "退休职工" in session.scalars(select(ReaderCategory.name)).all()
    with db.read() as session:  # a read not marked is never stopped, nor is one after the close
        assert session.execute(text("SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 2)")).scalar_one() == 2


def test_the_windows_runner_stops_marked_reads_through_the_store(ctx):
    from bookroom_desk.store.database import cut_short, reads_that_may_stop

    assert ctx.tasks.cut_short is cut_short and ctx.tasks.reads_that_may_stop is reads_that_may_stop
