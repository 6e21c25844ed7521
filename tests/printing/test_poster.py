"""The poster: A4 and A3 portrait, the room's name, hours and digital service, a QR code that reads back the URL."""

from __future__ import annotations

import unicodedata

import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookroom_desk.printing.poster import write_poster_pdf
from bookroom_desk.services.publishing import notice_text
from bookroom_desk.services.publishing.notice_text import PosterFacts
from tests.printing.test_slip import media_box, pdf_text
from tests.support.decode import needs_pdftoppm, render_pages
from tests.support.notice_room import URL, notice_room


def _plain(text: str) -> str:
    """Text as pdftotext gives it back: NFKC, no spaces, every dash one hyphen."""
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("‒", "-").replace("–", "-")


def qr_texts(pdf, dpi=150) -> list[str]:
    (page,) = render_pages(pdf, dpi)
    return [code.text for code in zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.fixture
def facts(db):
    with db.write() as session:
        notice_room(session)
    with db.read() as session:
        return notice_text.poster_facts(session)


@needs_pdftoppm
@pytest.mark.parametrize(("paper", "size"), [("a4", (210, 297)), ("a3", (297, 420))])
def test_the_poster_carries_the_room_and_a_qr_code_that_reads_back_the_url(facts, tmp_path, qapp, paper, size):
    path = tmp_path / f"poster-{paper}.pdf"
    assert write_poster_pdf(facts, path, paper=paper, url=URL) is True
    assert media_box(path) == pytest.approx(size, abs=1)
    assert qr_texts(path) == [URL]
    words = _plain(pdf_text(path))
    for needed in ("郑州机务段职工书屋", "郑州机务段工会", "开放时间", "周一至周五11:30–13:30、17:00–19:00", "周六9:00–12:00",
                   "数字阅读服务", "电子职工书屋", "扫码查看馆藏书目", "李秀英", "0371-68881234", URL):
        assert _plain(needed) in words, needed


@needs_pdftoppm
def test_without_a_url_the_poster_prints_with_no_qr_code(facts, tmp_path, qapp):
    path = tmp_path / "poster.pdf"
    assert write_poster_pdf(facts, path, url="  ") is False
    assert qr_texts(path) == []
    assert "扫码查看馆藏书目" not in pdf_text(path) and "开放时间" in pdf_text(path)


def test_a_bad_url_is_refused_and_no_file_is_written(facts, tmp_path, qapp):
    path = tmp_path / "poster.pdf"
    with pytest.raises(Exception, match="应以 http:// 或 https:// 开头"):
        write_poster_pdf(facts, path, url="www.example.org")
    assert not path.exists()


@needs_pdftoppm
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(st.characters(categories=("Lo", "Ll", "Lu", "Nd", "Po", "Zs")), min_size=1, max_size=60),
       service=st.text(st.characters(categories=("Lo", "Ll", "Po", "Zs")), max_size=300),
       tail=st.text(st.characters(categories=("Ll", "Nd")), min_size=1, max_size=150))
def test_any_name_service_and_long_url_keep_the_code_readable(tmp_path_factory, qapp, name, service, tail):
    """A long name shrinks, a long service text shrinks the text rather than the code: the code still reads back."""
    facts = PosterFacts(name=name.strip() or "书屋", belongs_to="工会", hours=["周一至周五 9:00–17:00"] * 3,
                        digital_service=service, address="地址" * 20, contact="李秀英", phone="0371-6888 1234")
    url = f"https://example.org/{tail}"
    path = tmp_path_factory.mktemp("poster") / "p.pdf"
    write_poster_pdf(facts, path, url=url)
    assert qr_texts(path, dpi=200) == [url]
