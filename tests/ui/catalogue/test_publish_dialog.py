"""发布与通报: the catalogue page opens it; its poster, new-book notice and publishing parts write their files,
say what they wrote, and remember the URL."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from bookroom_desk.services.common import settings
from bookroom_desk.ui.catalogue.publish_dialog import PublishDialog
from tests.printing.test_poster import qr_texts
from tests.printing.test_slip import media_box, pdf_text
from tests.support.decode import needs_pdftoppm
from tests.support.notice_room import SHELF_ORDER, URL, notice_room


@pytest.fixture
def room(ctx):
    with ctx.write() as session:
        return notice_room(session)


@pytest.fixture
def dialog(ctx, room, qtbot, sync_tasks):
    widget = PublishDialog(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def save_as(monkeypatch):
    """Answer the save dialog with the next path, noting who asked."""
    asked = []

    def answer(target):
        def fake(parent, *args, **kwargs):
            asked.append(parent)
            return str(target), ""
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    answer.asked = asked
    return answer


def test_the_catalogue_page_opens_it_over_itself(ctx, room, qtbot, sync_tasks):
    from bookroom_desk.ui.catalogue.page import CataloguePage

    page = CataloguePage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.buttons["publishing"], Qt.MouseButton.LeftButton)
    dialog = page.findChild(PublishDialog, "publishDialog")
    assert dialog is not None and dialog.isVisible() and dialog.parent() is page
    assert dialog.by_batch.isEnabled() and dialog.batch.count() == 1


@needs_pdftoppm
def test_the_poster_on_a3_with_the_url_typed_and_the_url_remembered(ctx, dialog, save_as, tmp_path, qtbot):
    target = tmp_path / "海报"
    save_as(target)
    dialog.url.setText(f"  {URL} ")
    dialog.poster_size.setCurrentIndex(dialog.poster_size.findData("a3"))
    qtbot.mouseClick(dialog.poster_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "海报.pdf"  # the suffix added
    assert save_as.asked == [dialog]  # the file dialog is parented to this dialog
    assert dialog.written == [written] and media_box(written) == pytest.approx((297, 420), abs=1)
    assert qr_texts(written) == [URL]
    assert f"二维码指向 {URL}" in dialog.message.text()
    with ctx.read() as session:
        assert settings.get(session, settings.PUBLISHED_URL) == URL
    again = PublishDialog(ctx)
    qtbot.addWidget(again)
    assert again.url.text() == URL


@needs_pdftoppm
def test_the_poster_without_a_url_prints_and_says_it_has_no_qr_code(ctx, dialog, save_as, tmp_path, qtbot):
    save_as(tmp_path / "p.pdf")
    qtbot.mouseClick(dialog.poster_button, Qt.MouseButton.LeftButton)
    assert qr_texts(tmp_path / "p.pdf") == []
    assert "没有填书目网址，海报上没有二维码" in dialog.message.text()
    with ctx.read() as session:
        assert settings.get(session, settings.PUBLISHED_URL) == ""


def test_a_bad_url_is_said_and_nothing_written(ctx, dialog, save_as, tmp_path, qtbot):
    save_as(tmp_path / "p.pdf")
    dialog.url.setText("www.example.org")
    qtbot.mouseClick(dialog.poster_button, Qt.MouseButton.LeftButton)
    assert "应以 http:// 或 https:// 开头" in dialog.message.text() and not (tmp_path / "p.pdf").exists()


def test_a_notice_for_a_period_as_a_pdf(dialog, save_as, tmp_path, qtbot):
    save_as(tmp_path / "通报.pdf")
    dialog.by_period.setChecked(True)
    dialog.start.setDate(QDate(2026, 11, 1))
    dialog.end.setDate(QDate(2026, 11, 30))
    qtbot.mouseClick(dialog.notice_button, Qt.MouseButton.LeftButton)
    text = pdf_text(tmp_path / "通报.pdf")
    assert [text.index(call) for call in SHELF_ORDER] == sorted(text.index(call) for call in SHELF_ORDER)
    assert dialog.message.text() == f"2026-11-01 至 2026-11-30：新到图书 5 种 10 册。已保存：{tmp_path / '通报.pdf'}"


def test_a_notice_of_a_batch_as_a_png(dialog, room, save_as, tmp_path, qtbot):
    save_as(tmp_path / "群")
    dialog.by_batch.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData(".png"))
    qtbot.mouseClick(dialog.notice_button, Qt.MouseButton.LeftButton)
    assert dialog.written == [tmp_path / "群.png"]
    image = QImage(str(tmp_path / "群.png"))
    assert image.width() == 1080 and image.height() > 1000
    assert f"第 {room.batch_id} 批" in dialog.message.text() and "新到图书 3 种 6 册" in dialog.message.text()


def test_a_notice_of_days_with_nothing_new_says_so(ctx, dialog, save_as, tmp_path, qtbot):
    from bookroom_desk.services.common import clock

    clock.set_clock(clock.fixed(dt.datetime(2027, 6, 1, 9)))
    save_as(tmp_path / "n.pdf")
    dialog.days.setValue(7)
    qtbot.mouseClick(dialog.notice_button, Qt.MouseButton.LeftButton)
    assert "没有新到的图书，通报上写明了没有新书" in dialog.message.text()
    assert "这段时间没有新到的图书" in pdf_text(tmp_path / "n.pdf").replace(" ", "")


def test_a_reversed_period_is_said_and_nothing_written(dialog, save_as, tmp_path, qtbot):
    save_as(tmp_path / "n.pdf")
    dialog.by_period.setChecked(True)
    dialog.start.setDate(QDate(2026, 12, 1))
    dialog.end.setDate(QDate(2026, 11, 1))
    qtbot.mouseClick(dialog.notice_button, Qt.MouseButton.LeftButton)
    assert "晚于结束日期" in dialog.message.text() and not (tmp_path / "n.pdf").exists()


def test_publishing_writes_the_site_into_the_folder_and_remembers_the_url(ctx, dialog, tmp_path, qtbot):
    """Needs services.publishing.catalogue_site (its own branch): passes once that is merged."""
    folder = tmp_path / "site"
    folder.mkdir()
    dialog.url.setText(URL)
    dialog.folder.setText(str(folder))
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    (index,) = dialog.written
    assert index.exists() and folder in index.parents
    assert dialog.message.text().startswith("已发布 ")
    assert not dialog.progress.isVisible() and dialog.publish_button.isEnabled()
    with ctx.read() as session:
        assert settings.get(session, settings.PUBLISHED_URL) == URL


def test_a_notice_that_cannot_be_written_is_said_and_the_dialog_stays_usable(dialog, save_as, tmp_path, qtbot):
    save_as(tmp_path / "gone" / "通报.pdf")  # its folder is not there
    qtbot.mouseClick(dialog.notice_button, Qt.MouseButton.LeftButton)
    assert "gone" in dialog.message.text() and not (tmp_path / "gone").exists()
    assert dialog.notice_button.isEnabled()
