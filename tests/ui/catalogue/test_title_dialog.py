"""Saving a new title the room has already: copies offered to the existing one (clear), or the candidates shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from bookroom_desk.services.catalogue import titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Title
from bookroom_desk.ui.catalogue.match_choice import MatchChoiceDialog
from bookroom_desk.ui.catalogue.title_dialog import TitleDialog
from tests.support.delivery import isbn


def _stored(db, **fields) -> int:
    with db.write() as session:
        return titles.create_title(session, TitleData(title="红楼梦", author="曹雪芹", **fields), actor=OPERATOR).id


def _count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Title.id)))


def _new(ctx, qtbot, title="《红楼梦》", author="曹雪芹 著", publisher="", year="", isbn_text="") -> TitleDialog:
    dialog = TitleDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    for edit, text in ((dialog.form.title, title), (dialog.form.author, author), (dialog.form.publisher, publisher),
                       (dialog.form.pub_year, year), (dialog.form.isbn, isbn_text)):
        edit.setText(text)
    return dialog


@pytest.mark.parametrize("answer", ["Yes", "No", "Cancel"])
def test_a_clear_match_offers_its_copies_instead(ctx, db, qtbot, monkeypatch, answer):
    known = _stored(db, publisher="人民文学出版社", pub_year=2020)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *rest: asked.append((parent, text)) or getattr(QMessageBox.StandardButton, answer)))
    dialog = _new(ctx, qtbot, publisher="北京：人民文学出版社", year="2020")
    saved = dialog.save()
    assert len(asked) == 1 and asked[0][0] is dialog  # over the dialog, not beside it
    assert f"《红楼梦》曹雪芹 人民文学出版社 2020（ID {known}）" in asked[0][1]
    if answer == "Yes":
        assert not saved and dialog.title_id == known and dialog.copies_box.isEnabled()
        assert dialog.form.publisher.text() == "人民文学出版社" and _count(db) == 1
    elif answer == "No":
        assert saved and dialog.title_id != known and _count(db) == 2
    else:
        assert not saved and dialog.title_id is None and _count(db) == 1


def test_the_same_isbn_is_offered_too(ctx, db, qtbot, monkeypatch):
    known = _stored(db, isbn=isbn(5))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: QMessageBox.StandardButton.Yes))
    dialog = _new(ctx, qtbot, title="石头记", author="", isbn_text=isbn(5))
    dialog.save()
    assert dialog.title_id == known and _count(db) == 1


def _choose(row: int | None, seen: list) -> None:
    """While the choice is up: note it, pick ``row`` (None: cancel)."""
    def act() -> None:
        chooser = QApplication.activeModalWidget()
        seen.append((type(chooser), chooser.parent(), [chooser.choices.item(i).text()
                                                       for i in range(chooser.choices.count())]))
        if row is None:
            chooser.reject()
        else:
            chooser.choices.setCurrentRow(row)
            chooser.accept()
    QTimer.singleShot(0, act)


@pytest.mark.parametrize(("row", "titles_after"), [(1, 1), (0, 2), (None, 1)])
def test_an_unclear_match_shows_the_candidates_to_choose(ctx, db, qtbot, row, titles_after):
    known = _stored(db, publisher="中华书局", pub_year=2018)
    dialog = _new(ctx, qtbot, publisher="人民文学出版社", year="2020")
    seen: list = []
    _choose(row, seen)
    saved = dialog.save()
    assert seen == [(MatchChoiceDialog, dialog, ["另建新书目", f"《红楼梦》曹雪芹 中华书局 2018（ID {known}）"])]
    assert _count(db) == titles_after
    assert saved == (row == 0)
    assert dialog.title_id == {1: known, 0: dialog.title_id, None: None}[row]
    if row == 1:
        assert dialog.form.publisher.text() == "中华书局"


def test_an_edited_title_is_not_asked_about(ctx, db, qtbot, monkeypatch):
    _stored(db)
    other = _stored(db, publisher="中华书局")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: pytest.fail("asked")))
    dialog = TitleDialog(ctx, other)
    qtbot.addWidget(dialog)
    dialog.form.notes.setText("旧版")
    assert dialog.save()
