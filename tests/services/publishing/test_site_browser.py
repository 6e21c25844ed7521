"""The published demo room in a real browser (headless Chromium from the system's packages, through selenium).

The page is loaded from the file, a pinyin query and a 2-character query are typed, and the titles and
availability it shows are checked against the desk's own search, at 360 px (a phone) and 1280 px wide, in
Chinese and English. Screenshots go to tmp_path, or to $BOOKROOM_SCREENSHOTS when set (to look at them).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from bookroom_desk.services.catalogue.search import matching_ids
from bookroom_desk.services.publishing.catalogue_site import publish_catalogue
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Title
from tests.support import chromium
from tests.support.helpers import add_copy, add_title

pytestmark = pytest.mark.skipif(not chromium.available(), reason="needs chromium and chromium-driver (Debian packages)")

WIDTHS = ((360, 740), (1280, 900))


@pytest.fixture(scope="module")
def browser():
    with chromium.chromium() as driver:
        yield driver


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("BOOKROOM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open(driver, folder: Path, width: int, height: int, lang: str = "zh") -> None:
    chromium.set_viewport(driver, width, height)
    driver.get((folder / "index.html").as_uri() + ("?lang=en" if lang == "en" else ""))
    _wait(driver, "return document.documentElement.getAttribute('data-ready') === '1'")


def _wait(driver, script: str, timeout: float = 20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(script))


def _type(driver, query: str) -> str:
    box = driver.find_element("id", "q")
    box.clear()
    driver.execute_script("document.getElementById('status').textContent = ''")
    box.send_keys(query)
    return _wait(driver, "var s = document.getElementById('status').textContent;"
                         "return /找到|没有找到|found|No book/.test(s) && !/载入|Loading/.test(s) && s")


def _cards(driver) -> list[tuple[str, int, str]]:
    return [tuple(card) for card in driver.execute_script(
        "return Array.from(document.querySelectorAll('#results .book')).map(function (li) {"
        "  var a = li.querySelector('.avail');"
        "  return [li.querySelector('h2').textContent, +a.getAttribute('data-on-shelf'), a.textContent]; })")]


def _expected(demo_site, query: str) -> list[tuple[str, int]]:
    """The desk's matches, as the page lists them: published titles (held copies), in shelf order."""
    db = open_database(demo_site.db_url)
    try:
        with db.read() as session:
            ids = set(matching_ids(session, query, limit=None))
            found = {(t.title, t.call_number) for t in session.scalars(select(Title).where(Title.id.in_(ids)))}
    finally:
        db.dispose()
    return [(row[0], row[9]) for row in demo_site.site.rows if (row[0], row[5]) in found]


@pytest.mark.parametrize(("width", "height"), WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pinyin_and_two_character_queries_show_the_desks_titles_and_copies_on_the_shelf(
        browser, demo_site, shots, width, height, lang):
    folder = demo_site.site.folder
    _open(browser, folder, width, height, lang)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width  # nothing sideways
    assert browser.find_elements("css selector", "#results .book")  # new arrivals on the first screen
    stamp = browser.find_element("id", "stamp").text
    assert demo_site.site.front["date"] in stamp and ("发布" in stamp if lang == "zh" else "Published" in stamp)
    browser.save_screenshot(str(shots / f"site-{width}-{lang}-new.png"))
    for query, name in (("hlm", "pinyin"), ("管理", "pair")):
        expected = _expected(demo_site, query)
        assert expected, query
        status = _type(browser, query)
        count = f"{len(expected):,}"
        assert status == (f"找到 {count} 种" if lang == "zh" else f"{count} titles found"), status
        cards = _cards(browser)
        assert [(title, on) for title, on, _ in cards] == expected[:50]
        for _, on, text in cards:
            if lang == "zh":
                assert (f"在架 {on} 册" if on else "暂无在架") in text
            else:
                assert text.startswith(f"{on} of " if on else "None of ") and text.endswith(" on the shelf")
        browser.save_screenshot(str(shots / f"site-{width}-{lang}-{name}.png"))
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width


def test_browsing_a_class_and_a_kind_lists_their_titles(browser, demo_site, shots):
    rows = demo_site.site.rows
    _open(browser, demo_site.site.folder, 360, 740)
    browser.find_element("css selector", "[data-view=classes]").click()
    browser.save_screenshot(str(shots / "site-360-zh-classes.png"))
    button = next(b for b in browser.find_elements("css selector", "#browse button") if b.text.startswith("I"))
    button.click()
    status = _wait(browser, "var s = document.getElementById('status').textContent; return /：/.test(s) && s")
    literature = [row[0] for row in rows if row[6] == "I"]
    assert status == f"文学：{len(literature)} 种"
    assert [card[0] for card in _cards(browser)] == literature[:50]
    browser.find_element("css selector", "[data-view=topics]").click()
    kinds = browser.find_elements("css selector", "#browse button")
    assert [k.text.split("\n")[0] for k in kinds][:5] == ["职工思想政治教育", "素质技能提升", "劳动关系及法律维权",
                                                         "职工文化建设", "社科文化"]
    kinds[2].click()
    status = _wait(browser, "var s = document.getElementById('status').textContent; return /：/.test(s) && s")
    law = [row[0] for row in rows if demo_site.site.front["topics"][row[7]] == "labour_law"]
    assert status == f"劳动关系及法律维权：{len(law)} 种"
    browser.save_screenshot(str(shots / "site-360-zh-topic.png"))


def test_an_empty_room_says_so_and_a_title_with_markup_shows_as_text(browser, tmp_path, shots):
    db = open_database(f"sqlite:///{tmp_path / 'room.db'}")
    try:
        publish_catalogue(db, tmp_path / "empty")
        with db.write() as session:
            add_copy(session, "00000001", add_title(session, "</script><b id=x>粗体</b>\u2028\"'\\"))
        publish_catalogue(db, tmp_path / "nasty")
    finally:
        db.dispose()
    _open(browser, tmp_path / "empty", 360, 740)
    assert browser.find_element("id", "status").text == "这个书屋还没有可公开的藏书。"
    browser.save_screenshot(str(shots / "site-360-zh-empty.png"))
    _open(browser, tmp_path / "nasty", 360, 740)
    _type(browser, "粗体")
    assert [card[0] for card in _cards(browser)] == ["</script><b id=x>粗体</b>\u2028\"'\\"]
    assert not browser.find_elements("id", "x")


def test_the_page_works_without_its_data_saying_so(browser, tmp_path, demo_site):
    import shutil

    shutil.copytree(demo_site.site.folder, tmp_path / "copy")
    shutil.rmtree(tmp_path / "copy" / "data")
    chromium.set_viewport(browser, 360, 740)
    browser.get((tmp_path / "copy" / "index.html").as_uri())
    assert _wait(browser, "return document.getElementById('status').textContent").startswith("书目数据没有找到")


def test_the_page_finds_what_the_desk_finds_for_any_kind_of_query(browser, demo_site):
    _open(browser, demo_site.site.folder, 1280, 900)
    browser.execute_async_script("var done = arguments[0]; bookroomLoadAll().then(function () { done(); })")
    rows = demo_site.site.rows
    isbn = next(row[4] for row in rows if row[4])
    hyphenated = f"{isbn[:3]}-{isbn[3]}-{isbn[4:8]}-{isbn[8:12]}-{isbn[12]}"
    author = rows[len(rows) // 2][1][:2]
    for query in ("hlm", "HLM", "管理", "ｇｌ", isbn, hyphenated, isbn[3:12], author, "职工 手册", "d412", "zgr",
                  "中国工人出版社", "  ", "\u200bhlm", "x"):
        found = browser.execute_script("return bookroomSearch(arguments[0])", query)
        expected = _expected(demo_site, query) if query.strip() else []
        assert found["count"] == len(expected), query
        assert found["titles"] == [title for title, _ in expected[:200]], query


from hypothesis import strategies as st  # noqa: E402

_QUERY_CHARS = st.sampled_from(list("abcXYZ019-|／ＡＢｃ１２　 \t\u00a0\u200b\u202e\ufeff\x00\x07红楼梦管理①ﬁＩ²"))


def test_the_page_splits_a_query_into_the_desks_words(browser, demo_site):
    from hypothesis import given, settings
    from hypothesis import strategies as st_

    from bookroom_desk.services.catalogue.search import words

    _open(browser, demo_site.site.folder, 360, 740)

    @settings(max_examples=150, deadline=None)
    @given(query=st_.text(_QUERY_CHARS, max_size=20))
    def same_words(query):
        assert browser.execute_script("return bookroomWords(arguments[0])", query) == words(query), repr(query)

    same_words()


def test_the_language_button_switches_the_page_to_english_and_back(browser, demo_site):
    _open(browser, demo_site.site.folder, 360, 740)
    assert browser.find_element("css selector", "[data-view=classes]").text == "分类"
    browser.find_element("id", "lang").click()
    assert browser.find_element("css selector", "[data-view=classes]").text == "Classes"
    assert browser.find_element("id", "q").get_attribute("placeholder") == "Title, author, ISBN, pinyin initials"
    assert browser.execute_script("return document.documentElement.lang") == "en"
    browser.find_element("id", "lang").click()
    assert browser.find_element("id", "status").text.startswith("最近 90 天的新书")
