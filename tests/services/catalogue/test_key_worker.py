"""The key worker: search keys worked out in a second process are the keys worked out here, and keying never
depends on it (a worker that cannot start, or fails on the way, leaves the work to this process)."""

from __future__ import annotations

from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.services.catalogue import book_import, key_worker, search
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Title
from tests.services.catalogue.test_book_import import isbn, workbook


@pytest.fixture(scope="module")
def worker():
    """One real worker process for the module (it takes about half a second to start)."""
    started = key_worker.KeyWorker()
    yield started
    started.close()


@pytest.fixture
def shared(monkeypatch):
    """A fresh shared worker for the test, its process ended afterwards."""
    fresh = key_worker.KeyWorker()
    monkeypatch.setattr(key_worker, "_shared", fresh)
    yield fresh
    fresh.close()


TEXT = st.text(st.sampled_from("红楼梦平凡的世界劳动工会重庆银行长乐ＡＢab12 -·〈〉é\u200b\u3000"), max_size=20)
ROW = st.tuples(st.integers(1, 10**6), TEXT | st.none(), TEXT | st.none(), TEXT | st.none(),
                st.sampled_from(["", "9787020002207", "9797020002207"]) | st.none(),
                st.sampled_from(["I242", "", "D922.5"]) | st.none(), st.sampled_from(["I242/1", ""]) | st.none(),
                TEXT | st.none(), TEXT | st.none())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(ROW, max_size=12), ahead=st.booleans())
def test_the_workers_keys_are_the_keys_worked_out_here(worker, rows, ahead):
    if ahead:  # the pinyin learnt ahead (as the import sends it) gives the same keys
        worker.learn(text for row in rows for text in (row[1], row[2]) if text)
    assert worker.result(worker.keys(search.keys_of, rows)) == search.keys_of(rows)
    assert not worker.failed


def test_texts_sent_ahead_are_learnt_empty_ones_left_out(worker):
    before = worker.known_count()
    worker.learn(["职工书屋学习读本", "", "路遥", "路遥"])
    assert worker.known_count() == before + 2
    assert worker.learnt >= 4 - 1


class Refusing(Executor):
    """An executor that runs ``good`` calls here, then its futures fail as a broken process pool's do."""

    def __init__(self, good: int) -> None:
        self.good, self.calls = good, 0

    def submit(self, fn, /, *args, **kwargs):
        self.calls += 1
        future: Future = Future()
        if self.calls <= self.good:
            future.set_result(fn(*args, **kwargs))
        else:
            future.set_exception(BrokenProcessPool("the worker died"))
        return future


def _big_room(db, monkeypatch, count: int = 7) -> None:
    monkeypatch.setattr(search, "KEYS_INLINE_MAX", 3)  # keyed after the import, as a list of 10,001 titles is
    with db.write() as session:
        book_import.import_books(session, workbook([
            (i, isbn(300 + i), f"平凡的世界{i}", "路遥" if i % 2 else "", "北京十月文艺出版社", "2024", 40, 1, "I247")
            for i in range(count)]), file_name="big.xlsx", actor=OPERATOR)


def _stored(db) -> list[tuple]:
    with db.read() as session:
        return [tuple(row) for row in session.execute(select(Title.id, Title.pinyin, Title.search_text)
                                                      .order_by(Title.id))]


def _expected(db) -> list[tuple]:
    with db.read() as session:
        rows = [tuple(row) for row in session.execute(select(*search._KEY_FIELDS).order_by(Title.id))]
    return [(k["key_id"], k["key_pinyin"], k["key_text"]) for k in search.keys_of(rows)]


def test_a_big_import_sends_its_titles_ahead_and_the_keying_uses_the_worker_then_ends_it(db, monkeypatch, shared):
    _big_room(db, monkeypatch)
    assert shared.learnt == 7 + 3  # seven titles, three authors (four rows have none)
    expected = _expected(db)
    sent = []
    keys = shared.keys
    monkeypatch.setattr(shared, "keys", lambda work, rows: sent.append(len(rows)) or keys(work, rows))
    assert search.key_titles(db.read, db.write, batch=3) == 7
    assert sent == [3, 3, 1]  # every batch worked out by the worker
    assert _stored(db) == expected
    with db.read() as session:
        assert [r.title for r in search.find_titles(session, "pfdsj6")] == ["平凡的世界6"]
    assert shared._pool is None and shared.learnt == 0  # its process ended, what it learnt let go
    assert not shared.failed


def test_a_keying_leaves_the_worker_running_when_another_list_was_sent_meanwhile(db, monkeypatch, shared):
    _big_room(db, monkeypatch, count=4)
    progress_calls = []

    def progress(done, total):
        if not progress_calls:  # another big import sends its texts while this keying is under way
            shared.learn(["另一份清单的书"])
        progress_calls.append(done)

    assert search.key_titles(db.read, db.write, progress, batch=2) == 4
    assert shared._pool is not None and shared.learnt == 4 + 2 + 1


def test_keys_are_worked_out_here_when_no_worker_can_start(db, monkeypatch):
    def cannot_start():
        raise OSError("no second process here")

    refused = key_worker.KeyWorker(start=cannot_start)
    monkeypatch.setattr(key_worker, "_shared", refused)
    _big_room(db, monkeypatch)
    expected = _expected(db)
    assert search.key_titles(db.read, db.write, batch=3) == 7
    assert refused.failed
    assert _stored(db) == expected


@pytest.mark.parametrize("good", [0, 1, 3])
def test_a_worker_failing_on_the_way_leaves_the_rest_to_this_process_and_nothing_is_lost(db, monkeypatch, good):
    failing = key_worker.KeyWorker(start=lambda: Refusing(good))
    monkeypatch.setattr(key_worker, "_shared", failing)
    _big_room(db, monkeypatch)
    expected = _expected(db)
    assert search.key_titles(db.read, db.write, batch=2) == 7
    assert failing.failed
    assert _stored(db) == expected
    with db.read() as session:
        assert search.unkeyed_count(session) == 0


def test_few_titles_and_refresh_keys_never_start_a_worker(db, monkeypatch):
    started = []
    lazy = key_worker.KeyWorker(start=lambda: started.append(1) or Refusing(10**6))
    monkeypatch.setattr(key_worker, "_shared", lazy)
    monkeypatch.setattr(search, "KEYS_INLINE_MAX", 3)
    monkeypatch.setattr(key_worker, "learn", lambda texts: None)  # nothing sent ahead: a start with titles unkeyed
    _big_room(db, monkeypatch)
    assert search.key_titles(db.read, db.write, batch=3) == 7  # 7 < MIN_TITLES
    assert started == []
    monkeypatch.setattr(key_worker, "MIN_TITLES", 1)
    with db.write() as session:
        session.execute(Title.__table__.update().values(search_text="", pinyin=""))
    with db.write() as session:
        assert search.refresh_keys(session) == 7  # within one session, as a restore or a migration keys
    assert started == []
    with db.write() as session:
        session.execute(Title.__table__.update().values(search_text="", pinyin=""))
    assert search.key_titles(db.read, db.write, batch=3) == 7
    assert started == [1]


def test_at_the_programs_end_the_worker_is_ended_not_waited_for():
    import signal
    import time

    ending = key_worker.KeyWorker()
    busy = ending._submit(time.sleep, 60)  # a task far longer than any batch
    assert busy is not None
    for _ in range(100):  # the process is started by the pool's own thread
        if ending._pool._processes:
            break
        time.sleep(0.05)
    processes = list(ending._pool._processes.values())
    assert processes
    ending.close(wait=False)
    for process in processes:
        process.join(10)
        assert process.exitcode == -signal.SIGTERM  # ended, not left to finish its minute


@pytest.mark.skipif(not hasattr(__import__("os"), "nice"), reason="POSIX niceness (Windows: a lower priority class)")
def test_the_worker_runs_below_the_programs_priority(worker):
    import os

    own = os.nice(0)
    assert worker._wait(worker._submit(os.nice, 0)) == min(own + key_worker.NICENESS, 19)
