"""Faults: a killed process leaves whole transactions, a full disk is a clear message that loses nothing committed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import event, func, select

from bookroom_desk.cli import main
from bookroom_desk.errors import DatabaseError
from bookroom_desk.services.upkeep import consistency
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Copy, Title
from tests.support.helpers import add_title

pytestmark = pytest.mark.sqlite_only("faults of a SQLite file")

CHILD = textwrap.dedent('''
    import sys, time
    from bookroom_desk.services.circulation import desk as circulation
    from bookroom_desk.services.stocktake import counting as stocktake
    from bookroom_desk.services.catalogue.book_import import import_books
    from bookroom_desk.services.upkeep.demo import build_demo
    from bookroom_desk.store.migrate import open_database
    from bookroom_desk.store.models import Copy, Loan, Reader, Shelf
    from sqlalchemy import func, select

    path, mode = sys.argv[1], sys.argv[2]
    db = open_database(f"sqlite:///{path}")
    with db.write() as session:
        build_demo(session, volumes=200, readers=20)
    print("ready", flush=True)
    if mode == "import":
        rows = "\\n".join(f"书{n},作者{n},2,I247" for n in range(1500))
        data = ("书名,作者,册数,分类号\\n" + rows + "\\n").encode("utf-8")
        def progress(done, total):
            print("progress", done, total, flush=True)
            time.sleep(0.3)
        with db.write() as session:
            import_books(session, data, file_name="list.csv", progress=progress)
    else:
        with db.read() as session:
            codes = [code for pair in session.execute(
                select(Shelf.code, Copy.barcode).join(Copy.shelf).where(Copy.status == "available")
                .order_by(Shelf.code, Copy.id)) for code in pair]
            readers = session.scalars(select(Reader.id).order_by(Reader.id)).all()
        if mode == "stocktake":
            with db.write() as session:
                current = stocktake.start(session, None).id
        for n, code in enumerate(codes):
            with db.write() as session:
                if mode == "stocktake":
                    stocktake.scan(session, current, code)
                    count = stocktake.scans_count(session, current)
                else:
                    circulation.scan(session, code, readers[n % len(readers)])
                    count = session.scalar(select(func.count(Loan.id)).where(Loan.returned_at.is_(None)))
            print("committed", count, flush=True)  # what this commit leaves
    print("done", flush=True)
''')


def _run_and_kill(tmp_path, mode, after_lines):
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    path = tmp_path / "room.db"
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    child = subprocess.Popen([sys.executable, str(script), str(path), mode], stdout=subprocess.PIPE, text=True, env=env)
    seen = []
    try:
        while len(seen) < after_lines:
            line = child.stdout.readline()
            assert line, "the child ended early"
            seen.append(line.strip())
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(30)
        child.stdout.close()
    assert seen[-1] != "done"
    return path, seen


def _passes_check(path, capsys):
    capsys.readouterr()
    code = main(["--db", str(path), "check"])
    assert code == 0, capsys.readouterr().err


def test_killed_in_the_middle_of_an_import_leaves_none_of_it(tmp_path, capsys):
    path, seen = _run_and_kill(tmp_path, "import", after_lines=3)
    assert seen[-1].startswith("progress")
    _passes_check(path, capsys)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM titles WHERE title LIKE '书%' AND author LIKE '作者%'").fetchone() == (0,)
    assert connection.execute("SELECT count(*) FROM import_batches").fetchone() == (0,)
    connection.close()


@pytest.mark.parametrize("mode", ["desk", "stocktake"])
def test_killed_among_scans_keeps_every_committed_scan_whole(tmp_path, capsys, mode):
    path, seen = _run_and_kill(tmp_path, mode, after_lines=40)
    committed = int(seen[-1].split()[1])
    _passes_check(path, capsys)
    connection = sqlite3.connect(path)
    table = "stocktake_scans" if mode == "stocktake" else "loans WHERE returned_at IS NULL"
    (count,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
    connection.close()
    # Every committed scan is there, and the one in flight too if it reached its commit.
    assert committed <= count <= committed + 1


def _fill_the_disk(db):
    """Every new connection may not grow the file: the next write that needs a page fails with SQLITE_FULL."""
    db.dispose()

    @event.listens_for(db.engine, "connect")
    def cap(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_is_a_clear_message_and_loses_nothing_committed(tmp_path, capsys):
    db = open_database(f"sqlite:///{tmp_path / 'room.db'}")
    with db.write() as session:
        add_title(session, "已保存")
    _fill_the_disk(db)
    with pytest.raises(DatabaseError) as caught:
        with db.write() as session:
            for n in range(3000):
                add_title(session, f"新书{n}", clc="")
    assert "磁盘已满" in caught.value.message and "之前保存的数据都在" in caught.value.message
    with db.read() as session:
        assert session.scalars(select(Title.title)).all() == ["已保存"]
        assert session.scalar(select(func.count(Copy.id))) == 0
        assert consistency.violations(session) == []
    db.dispose()
    _passes_check(tmp_path / "room.db", capsys)

