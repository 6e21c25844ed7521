"""Slow work off the GUI thread: results come back by signal, and work that outlives its page ends quietly."""

from __future__ import annotations

import logging

import shiboken6

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
