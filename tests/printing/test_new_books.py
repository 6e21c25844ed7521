"""新书通报 on paper and for a phone: shelf order with call numbers, titles wrapped and never cut, page numbers and
the header on every page; the PNG 1080 px wide, split when too tall; an empty period says so."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QImage

from bookroom_desk.printing import new_books as printed
from bookroom_desk.services.publishing import notice_text
from bookroom_desk.services.publishing.new_books import NewBook, new_books
from tests.printing.test_slip import media_box, pdf_text
from tests.support.notice_room import LONG_TITLE, SHELF_ORDER, notice_room

RADICALS = str.maketrans({"⻚": "页", "⺠": "民", "⻓": "长", "⻋": "车", "⻔": "门", "⻅": "见", "⻆": "角", "⻢": "马"})
MM = 72 / 25.4  # PDF points per millimetre
MARGIN = 15 * MM


def _plain(text: str) -> str:
    """As pdftotext gives text back: NFKC, no spaces, the radicals Noto maps some characters to (⻚ for 页) undone."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", html.unescape(text)))
    return text.translate(RADICALS)


def words_with_boxes(path) -> list[tuple[int, float, float, float, float, str, float]]:
    """Every word pdftotext -bbox finds: (page, xMin, yMin, xMax, yMax, text, page width)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    raw = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout
    page_html = raw.decode("utf-8", "replace")  # pdftotext writes some characters beyond the BMP as bad UTF-8
    found = []
    for number, page in enumerate(re.findall(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', page_html, re.S), 1):
        width, body = float(page[0]), page[1]
        for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body):
            found.append((number, float(x0), float(y0), float(x1), float(y1), word, width))
    return found


def assert_inside_margins(path) -> None:
    outside = [(p, w, x0, x1) for p, x0, _y0, x1, _y1, w, width in words_with_boxes(path)
               if x0 < MARGIN - 1 or x1 > width - MARGIN + 1]
    assert outside == [], f"words outside the margins: {outside[:5]}"


@pytest.fixture
def room(db):
    with db.write() as session:
        return notice_room(session)


def _notice(db, scope):
    with db.read() as session:
        books = new_books(session, start=scope.start, end=scope.end, batch_id=scope.batch_id)
        words = notice_text.notice_words(session, scope, len(books), sum(b.arrived for b in books))
    return books, words


NOVEMBER = notice_text.period_scope(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def test_the_pdf_lists_the_books_in_shelf_order_with_call_numbers_on_a4(db, room, tmp_path, qapp):
    books, words = _notice(db, NOVEMBER)
    path = tmp_path / "通报.pdf"
    assert printed.write_notice_pdf(books, words, path) == 1
    assert media_box(path) == pytest.approx((210, 297), abs=1)
    text = pdf_text(path)
    flat = _plain(text)
    assert "新书通报" in flat and "郑州机务段职工书屋" in flat and "2026-11-01至2026-11-30" in flat
    assert "新到图书5种10册" in flat and "第1页共1页" in flat
    for header in ("索书号", "书名", "著者", "出版社", "年", "在架/新到", "书架"):
        assert header in text
    positions = [text.index(call) for call in SHELF_ORDER]
    assert positions == sorted(positions)
    assert "旧书" not in text and "剔除的书" not in text
    assert re.search(r"I247\.5/12\s+平凡的世界\s+路遥\s+北京十月文艺出\s+2024\s+1/2\s+文学", text)  # 出版社 wraps


def test_a_long_title_is_wrapped_whole_inside_its_column_and_the_margins(db, room, tmp_path, qapp):
    books, words = _notice(db, NOVEMBER)
    path = tmp_path / "通报.pdf"
    printed.write_notice_pdf(books, words, path)
    assert_inside_margins(path)
    boxes = words_with_boxes(path)
    width = boxes[0][6]
    area = width - 2 * MARGIN
    left, right = MARGIN + area * sum(printed.SHARES[:1]), MARGIN + area * sum(printed.SHARES[:2])
    in_column = sorted((y0, x0, w) for _p, x0, y0, _x1, _y1, w, _width in boxes if left - 1 <= x0 < right)
    column_text = _plain("".join(w for _y, _x, w in in_column))
    assert _plain(LONG_TITLE) in column_text  # every character, in order: wrapped, not cut
    lines = {round(y0) for y0, _x, w in in_column if _plain(w) and _plain(w) in _plain(LONG_TITLE)}
    assert len(lines) >= 3  # it took several lines


def test_many_books_run_over_pages_with_the_header_and_page_numbers_on_each(tmp_path, qapp):
    books = [NewBook(title_id=n, title=f"第{n:03d}种书 " + "很长的书名" * (n % 4), author="著者", publisher="出版社",
                     year=2025, isbn=None, call_number=f"I247/{n}", topic="culture", shelf="文学", arrived=1, on_shelf=1,
                     acquired_on=dt.date(2026, 11, 1)) for n in range(1, 121)]
    words = notice_text.NoticeWords("新书通报", "书屋", "新到图书 120 种 120 册", "说明", False, [])
    path = tmp_path / "long.pdf"
    pages = printed.write_notice_pdf(books, words, path)
    assert pages >= 3
    texts = pdf_text(path).split("\f")[:pages]
    for number, page in enumerate(texts, 1):
        assert "索书号" in page and "书名" in page and f"第{number}页共{pages}页" in _plain(page)
    assert "新书通报" not in "".join(texts[1:])  # the heading opens the first page only
    order = [int(m) for m in re.findall(r"第(\d{3})种书", "".join(texts))]
    assert order == list(range(1, 121))
    assert_inside_margins(path)


def test_a_long_call_number_stays_whole_on_one_line(tmp_path, qapp):
    numbers = ["D922.591/13", "TP312.8-62/1024:2", "I247.5/3"]
    books = [NewBook(title_id=n, title="书名", author="著者", publisher="出版社", year=2025, isbn=None,
                     call_number=number, topic="culture", shelf="文学", arrived=1, on_shelf=1,
                     acquired_on=dt.date(2026, 11, 1)) for n, number in enumerate(numbers, 1)]
    words = notice_text.NoticeWords("新书通报", "书屋", "新到图书 3 种 3 册", "说明", False, [])
    path = tmp_path / "numbers.pdf"
    printed.write_notice_pdf(books, words, path)
    lines = pdf_text(path).splitlines()
    for number in numbers:
        assert any(number in line for line in lines), number  # not broken over two lines
    assert_inside_margins(path)


def test_no_new_books_says_so_on_the_pdf_and_the_png(db, room, tmp_path, qapp):
    scope = notice_text.period_scope(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    books, words = _notice(db, scope)
    assert books == [] and words.empty
    pdf = tmp_path / "none.pdf"
    assert printed.write_notice_pdf(books, words, pdf) == 1
    assert "这段时间没有新到的图书" in _plain(pdf_text(pdf)) and "索书号" not in pdf_text(pdf)
    (png,) = printed.write_notice_png(books, words, tmp_path / "none.png")
    image = QImage(str(png))
    assert image.width() == 1080 and 300 < image.height() < 2000


def test_the_png_is_1080_wide_with_big_type_and_one_image_when_short(db, room, tmp_path, qapp):
    books, words = _notice(db, NOVEMBER)
    written = printed.write_notice_png(books, words, tmp_path / "通报.png")
    assert written == [tmp_path / "通报.png"]
    image = QImage(str(written[0]))
    assert image.width() == printed.PNG_WIDTH and 1500 < image.height() < printed.MOST_PNG_HEIGHT
    phone = printed._Phone()
    assert phone.detail.pixelSize() * 360 / printed.PNG_WIDTH >= 13  # at 360 px wide the smallest text is 13 px


def test_a_long_png_is_split_into_images_none_taller_than_the_limit(tmp_path, qapp):
    books = [NewBook(title_id=n, title=f"书名{n}", author="著者", publisher="出版社", year=2025, isbn=None,
                     call_number=f"I247/{n}", topic="culture", shelf="文学", arrived=1, on_shelf=1,
                     acquired_on=dt.date(2026, 11, 1)) for n in range(1, 151)]
    words = notice_text.NoticeWords("新书通报", "书屋", "新到图书 150 种 150 册", "说明", False, ["书屋　开放时间"])
    written = printed.write_notice_png(books, words, tmp_path / "通报.png")
    assert len(written) >= 2 and written[0].name == "通报-1.png" and written[-1].name == f"通报-{len(written)}.png"
    assert not (tmp_path / "通报.png").exists()
    for path in written:
        image = QImage(str(path))
        assert image.width() == 1080 and image.height() <= printed.MOST_PNG_HEIGHT


def test_a_shorter_notice_at_the_same_name_removes_the_images_left_by_a_longer_one(tmp_path, qapp):
    def notice(count):
        books = [NewBook(title_id=n, title=f"书名{n}", author="著者", publisher="出版社", year=2025, isbn=None,
                         call_number=f"I247/{n}", topic="culture", shelf="文学", arrived=1, on_shelf=1,
                         acquired_on=dt.date(2026, 11, 1)) for n in range(1, count + 1)]
        words = notice_text.NoticeWords("新书通报", "书屋", f"新到图书 {count} 种", "说明", False, [])
        return printed.write_notice_png(books, words, tmp_path / "通报.png")

    long = notice(150)
    assert len(long) >= 3
    (tmp_path / "通报-other.png").write_bytes(b"not ours")
    assert [p.name for p in notice(3)] == ["通报.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["通报-other.png", "通报.png"]
    assert len(notice(150)) == len(long) and not (tmp_path / "通报.png").exists()


titles = st.text(st.characters(categories=("Lo", "Lu", "Ll", "Nd", "Po", "Ps", "Pe", "Sm", "So", "Zs", "Mn", "Cf"),
                               exclude_characters="\x00"), min_size=1, max_size=400)


@settings(max_examples=60, deadline=None)
@given(title=titles, width=st.floats(min_value=20, max_value=600))
def test_a_wrapped_cell_keeps_every_character_and_no_line_is_wider_than_its_cell(qapp, title, width):
    from PySide6.QtGui import QFontMetricsF

    metrics = QFontMetricsF(printed._font(9.5))
    width = max(width, metrics.horizontalAdvance("Ｗ") * 1.2)
    lines = printed.fit(title, metrics, width)
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", title)
    assert all(metrics.horizontalAdvance(line) <= width + 0.5 for line in lines)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(titles, min_size=1, max_size=6))
def test_any_titles_stay_inside_the_margins_of_the_pdf(tmp_path_factory, qapp, names):
    books = [NewBook(title_id=n, title=name, author=name[:30], publisher="出版社", year=None, isbn=None,
                     call_number=f"I247/{n}", topic="culture", shelf=name[:8], arrived=1, on_shelf=0,
                     acquired_on=dt.date(2026, 11, 1)) for n, name in enumerate(names)]
    words = notice_text.NoticeWords("新书通报", names[0][:100], "", "说明", False, [])
    folder = tmp_path_factory.mktemp("notice")
    printed.write_notice_pdf(books, words, folder / "n.pdf")
    assert_inside_margins(folder / "n.pdf")
    (png,) = printed.write_notice_png(books, words, folder / "n.png")[:1]
    assert QImage(str(png)).width() == 1080
