"""`bookroom-desk poster` and `bookroom-desk new-books`: the files written, what is said, refusals in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from bookroom_desk.cli import main
from bookroom_desk.store.migrate import open_database
from tests.printing.test_new_books import _plain
from tests.printing.test_poster import qr_texts
from tests.printing.test_slip import media_box, pdf_text
from tests.support.decode import needs_pdftoppm
from tests.support.notice_room import SHELF_ORDER, URL, notice_room


@pytest.fixture
def room_db(tmp_path, qapp):  # qapp: the QApplication the PDF writer would otherwise start as a QGuiApplication
    path = tmp_path / "room.db"
    database = open_database(f"sqlite:///{path}")
    with database.write() as session:
        batch = notice_room(session).batch_id
    database.dispose()
    return str(path), batch


@needs_pdftoppm
def test_poster_on_a3_with_a_url(room_db, tmp_path, capsys):
    db, _batch = room_db
    out = tmp_path / "海报.pdf"
    assert main(["--db", db, "poster", "--size", "a3", "--url", URL, "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"已保存海报（A3）：{out}" in said and f"二维码指向 {URL}" in said
    assert media_box(out) == pytest.approx((297, 420), abs=1) and qr_texts(out) == [URL]


def test_poster_without_a_url_prints_and_says_it_has_no_qr_code(room_db, tmp_path, capsys):
    db, _batch = room_db
    out = tmp_path / "poster.pdf"
    assert main(["--db", db, "--lang", "en", "poster", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "The poster has no QR code: no --url" in said
    assert media_box(out) == pytest.approx((210, 297), abs=1) and "Opening hours" in pdf_text(out)


@needs_pdftoppm
def test_publishing_with_a_url_remembers_it_for_the_poster(room_db, tmp_path, capsys):
    db, _batch = room_db
    assert main(["--db", db, "publish-catalogue", str(tmp_path / "site"), "--url", URL]) == 0
    out = tmp_path / "poster.pdf"
    assert main(["--db", db, "poster", "-o", str(out)]) == 0
    assert f"二维码指向 {URL}" in capsys.readouterr().out and qr_texts(out) == [URL]
    assert main(["--db", db, "publish-catalogue", str(tmp_path / "site")]) == 0  # again, no --url: the same one
    assert f"发布地址：{URL}" in capsys.readouterr().out


@pytest.mark.parametrize(("lang", "expected"), [("zh_CN", "应以 http:// 或 https:// 开头"), ("en", "should begin with http://")])
def test_a_bad_url_or_suffix_is_refused_and_nothing_written(room_db, tmp_path, capsys, lang, expected):
    db, _batch = room_db
    assert main(["--db", db, "--lang", lang, "poster", "--url", "www.example.org", "-o", str(tmp_path / "p.pdf")]) == 1
    assert expected in capsys.readouterr().err and not (tmp_path / "p.pdf").exists()
    assert main(["--db", db, "poster", "-o", str(tmp_path / "p.png")]) == 1
    assert not (tmp_path / "p.png").exists()


def test_new_books_for_a_period_as_a_pdf_in_shelf_order(room_db, tmp_path, capsys):
    db, _batch = room_db
    out = tmp_path / "新书通报.pdf"
    assert main(["--db", db, "new-books", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "2026-11-01 至 2026-11-30：新到图书 5 种 10 册。" in said and f"已保存新书通报（1 页）：{out}" in said
    text = pdf_text(out)
    assert [text.index(call) for call in SHELF_ORDER] == sorted(text.index(call) for call in SHELF_ORDER)


def test_new_books_of_a_batch_and_of_the_last_days(room_db, tmp_path, capsys):
    db, batch = room_db
    assert main(["--db", db, "new-books", "--batch", str(batch), "-o", str(tmp_path / "b.pdf")]) == 0
    text = pdf_text(tmp_path / "b.pdf")
    assert "D922.5/1" in text and "I247.5/12" in text and "B84/1" not in text and "TG659/2" not in text
    assert f"第{batch}批" in _plain(text)
    assert main(["--db", db, "new-books", "--days", "4", "-o", str(tmp_path / "d.png")]) == 0  # 11-21 … 11-24
    said = capsys.readouterr().out
    assert "2026-11-21 至 2026-11-24：新到图书 1 种 2 册。" in said
    image = QImage(str(tmp_path / "d.png"))
    assert image.width() == 1080 and image.height() > 600


def test_new_books_with_nothing_new_still_writes_and_says_so(room_db, tmp_path, capsys):
    db, _batch = room_db
    assert main(["--db", db, "--lang", "en", "new-books", "--from", "2025-01-01", "--to", "2025-01-31",
                 "-o", str(tmp_path / "n.pdf")]) == 0
    assert "2025-01-01 to 2025-01-31: no new books" in capsys.readouterr().out
    assert "No new books came in this period." in pdf_text(tmp_path / "n.pdf")


@pytest.mark.parametrize(("args", "expected"), [
    (["--batch", "99"], "没有第 99 批导入"),
    (["--days", "0"], "天数应在 1 到 3660 之间"),
    (["--from", "2026-05-01", "--to", "2026-04-01"], "晚于结束日期"),
    (["--batch", "1", "--to", "2026-04-01"], "--to 要与 --from 同用"),
])
def test_new_books_refusals_write_nothing(room_db, tmp_path, capsys, args, expected):
    db, _batch = room_db
    assert main(["--db", db, "new-books", *args, "-o", str(tmp_path / "n.pdf")]) == 1
    assert expected in capsys.readouterr().err and not (tmp_path / "n.pdf").exists()


def test_new_books_needs_one_scope(room_db, tmp_path, capsys):
    db, _batch = room_db
    with pytest.raises(SystemExit):
        main(["--db", db, "new-books", "-o", str(tmp_path / "n.pdf")])
    assert "参数 --from --batch --days 必须给出其中一个" in capsys.readouterr().err
