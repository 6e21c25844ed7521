"""The published catalogue at 100,000 titles: publishing it, its first screen's bytes, a search in headless Chromium.

The bench room holds 50,000 titles; its copy here is doubled to 100,000 (each title again under a new id, ISBN
and call number, with its copies), straight through sqlite3. The search is timed in the page itself
(``bookroomSearch``: performance.now() around the search over every title, the data loaded), for pinyin
initials, a 2-character word, an author, an ISBN and two words.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure

PUBLISH_TARGET_S = 10.0
FIRST_SCREEN_TARGET_KB = 500.0
SEARCH_TARGET_MS = 200.0
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


def double_titles(path: Path) -> int:
    """Every title again (new id, ISBN, call number, keys) with as many copies; returns the titles now held."""
    from benchmarks.catalogue import isbn
    from bookroom_desk.services.catalogue.search import search_text
    from bookroom_desk.services.catalogue.shelf_order import shelf_key

    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("DROP TRIGGER IF EXISTS titles_search_insert")  # the page does not use the FTS index
        offset = con.execute("SELECT max(id) FROM titles").fetchone()[0]
        copy_offset = con.execute("SELECT max(id) FROM copies").fetchone()[0]
        rows = []
        for (n, title, author, publisher, year, price, clc, order, topic, material, pinyin, created) in con.execute(
                "SELECT id, title, author, publisher, pub_year, price, clc, order_no, topic, material, pinyin,"
                " created_at FROM titles ORDER BY id"):
            code, call = isbn(n + offset), f"{clc}/{(order or 0) + 100_000}"
            rows.append((n + offset, code, title, author, publisher, year, price, clc, call, topic, material,
                         pinyin, created, search_text(title, author, publisher, code, clc, call, pinyin),
                         shelf_key(call)))
        con.executemany("INSERT INTO titles (id, isbn, title, author, publisher, pub_year, price, clc, call_number,"
                        " topic, material, pinyin, notes, created_at, search_text, shelf_key)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'',?,?,?)", rows)
        con.execute("INSERT INTO copies (id, barcode, title_id, shelf_id, status, volume_mark, acquired_on, source,"
                    " removed_on, removed_reason, notes) SELECT id + ?, printf('%08d', id + ?), title_id + ?, shelf_id,"
                    " status, volume_mark, acquired_on, source, removed_on, removed_reason, notes FROM copies",
                    (copy_offset, copy_offset, offset))
        con.commit()
        return con.execute("SELECT count(*) FROM titles").fetchone()[0]
    finally:
        con.close()


def _driver(profile: str):
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_script_timeout(300)
    return driver


def _browser_figures(site: Path, runs: int) -> list[Figure]:
    profile = tempfile.mkdtemp(prefix="bookroom-bench-chromium-")
    driver = _driver(profile)
    try:
        driver.get((site / "index.html").as_uri())
        started = time.perf_counter()
        while not driver.execute_script("return document.documentElement.getAttribute('data-ready') === '1'"):
            if time.perf_counter() - started > 60:
                raise RuntimeError("the page did not get ready")
            time.sleep(0.01)
        first = time.perf_counter() - started
        load = driver.execute_async_script(
            "var done = arguments[0], t = performance.now();"
            "bookroomLoadAll().then(function () { done(performance.now() - t); });")
        pair = driver.execute_script("return bookroomSample(2)")  # a 2-character word of a title in the room
        queries = ["hlm", pair, "zg", "9787", "人民 出版", "xx"]
        times, counts = [], {}
        for _ in range(max(3, runs)):
            for query in queries:
                found = driver.execute_script("return bookroomSearch(arguments[0])", query)
                times.append(found["ms"])
                counts[query] = found["count"]
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    found = ", ".join(f"{q}: {c:,}" for q, c in counts.items())
    return [Figure.of("catalogue page: a search over 100,000 titles (headless Chromium)", "ms", times,
                      SEARCH_TARGET_MS, note=f"matches {found}"),
            Figure.of("catalogue page: first screen ready from file (headless Chromium)", "ms", [first * 1000]),
            Figure.of("catalogue page: loading every data file for the first search", "ms", [load])]


def bench(db: Path, runs: int) -> list[Figure]:
    from bookroom_desk.services.publishing.catalogue_site import publish_catalogue
    from bookroom_desk.store.database import Database

    titles = double_titles(db)
    database = Database(f"sqlite:///{db}")
    folder = Path(tempfile.mkdtemp(prefix="bookroom-bench-site-"))
    try:
        site = folder / "site"
        times, result = [], None
        for _ in range(max(1, min(runs, 3))):
            started = time.perf_counter()
            result = publish_catalogue(database, site)
            times.append(time.perf_counter() - started)
        assert result is not None
        figures = [
            Figure.of(f"publish the catalogue ({titles:,} titles)", "s", times, PUBLISH_TARGET_S,
                      note=f"{result.titles:,} published, {result.files} files, {result.bytes_total / 2**20:.1f} MB"),
            Figure.of("catalogue page: first screen's files (html, js, css, front data)", "KB",
                      [result.bytes_first_screen / 1024], FIRST_SCREEN_TARGET_KB)]
        if CHROMIUM.exists() and CHROMEDRIVER.exists():
            figures += _browser_figures(site, runs)
        else:
            figures.append(Figure("catalogue page: search in Chromium (not measured: no chromium here)", "ms",
                                  0.0, 0.0, 0))
        return figures
    finally:
        database.dispose()
        shutil.rmtree(folder, ignore_errors=True)
