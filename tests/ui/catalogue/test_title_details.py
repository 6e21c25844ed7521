"""The title form's 更多著录项 tab: a title's edition, pages, series, subjects and summary shown, edited and saved;
filled from the record pool; a problem shown on its tab; the dialog still fits a 1024x700 screen."""

from __future__ import annotations

from sqlalchemy import select

from bookroom_desk.services.catalogue import record_pool, titles
from bookroom_desk.services.catalogue.record_pool import PoolEntry
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Title
from bookroom_desk.ui.catalogue.title_dialog import TitleDialog

ISBN = "9787544270878"


def _dialog(ctx, qtbot, title_id: int | None = None) -> TitleDialog:
    dialog = TitleDialog(ctx, title_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _details(form) -> tuple:
    return (form.edition.text(), form.pages.text(), form.series.text(), form.subjects.text(),
            form.summary.toPlainText())


def test_a_titles_details_are_shown_edited_and_saved(ctx, db, qtbot):
    with ctx.write() as session:
        title_id = titles.create_title(session, TitleData(
            title="红楼梦", clc="I242.4", edition="第3版", pages="1606页", series="中国古典文学读本丛书",
            subjects="章回小说；清代", summary="四大名著之一。"), actor=OPERATOR).id
    dialog = _dialog(ctx, qtbot, title_id)
    form = dialog.form
    assert _details(form) == ("第3版", "1606页", "中国古典文学读本丛书", "章回小说；清代", "四大名著之一。")
    assert form.tabs.tabText(1) == "更多著录项（已填）" and form.tabs.currentIndex() == 0
    form.series.setText("古典名著普及文库")
    form.subjects.setText("章回小说; 清代 ;长篇")
    form.summary.setPlainText("四大名著之一，\n人民文学出版社校注本。")
    assert dialog.save()
    with db.read() as session:
        title = session.get(Title, title_id)
        assert (title.series, title.subjects, title.summary) == (
            "古典名著普及文库", "章回小说；清代；长篇", "四大名著之一， 人民文学出版社校注本。")
        assert title.edition == "第3版" and "古典名著普及文库" in title.search_text


def test_a_pool_record_fills_the_details_and_a_problem_shows_its_tab(ctx, db, qtbot):
    with ctx.write() as session:
        record_pool.add_records(session, [PoolEntry(
            title="解忧杂货店", isbn=ISBN, author="东野圭吾", pages="291页", series="东野圭吾作品",
            summary="一家杂货店。", subjects="长篇小说；日本", clc="I313.45")], source="union", actor=OPERATOR)
    dialog = _dialog(ctx, qtbot)
    dialog.form.isbn.setText(ISBN)
    dialog.look_up_isbn(ISBN)
    form = dialog.form
    assert _details(form) == ("", "291页", "东野圭吾作品", "长篇小说；日本", "一家杂货店。")
    form.edition.setText("第" + "9" * 120 + "版")
    assert not dialog.save()
    assert form.tabs.currentWidget() is form.more and form.errors["edition"].isVisibleTo(form)
    form.edition.setText("第2版")
    assert dialog.save()
    with db.read() as session:
        saved = session.scalar(select(Title).where(Title.isbn == ISBN))
        assert (saved.edition, saved.pages, saved.series, saved.subjects, saved.summary) == (
            "第2版", "291页", "东野圭吾作品", "长篇小说；日本", "一家杂货店。")


def test_the_dialog_with_its_details_fits_a_1024x700_screen(ctx, qtbot):
    dialog = _dialog(ctx, qtbot)
    for index in range(dialog.form.tabs.count()):
        dialog.form.tabs.setCurrentIndex(index)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700 - 30, hint  # a window title bar above it
