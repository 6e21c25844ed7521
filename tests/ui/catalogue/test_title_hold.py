"""The 预约 button of a title's dialog: a reader's card typed beside it holds the title; a refusal says why."""

from __future__ import annotations

from sqlalchemy import select

from bookroom_desk.store.models import Title
from bookroom_desk.store.models_holds import Hold
from bookroom_desk.ui.catalogue.title_dialog import TitleDialog
from tests.support.desk_room import ISBN, small_room


def test_a_hold_from_the_title_dialog(ctx, db, qtbot):
    with db.write() as session:
        small_room(session)
        title_id = session.scalar(select(Title.id).where(Title.isbn == ISBN))
    dialog = TitleDialog(ctx, title_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.hold_button.isVisible()
    dialog.hold_card.setText("R000004")
    dialog.hold_button.click()
    assert "赵强已离职，不能预约" in dialog.message.text()
    dialog.hold_card.setText("r000001")
    dialog.hold_button.click()
    assert "已为张伟预约，排第 1 位" in dialog.message.text() and dialog.hold_card.text() == ""
    with db.read() as session:
        assert [(h.title_id, h.state) for h in session.scalars(select(Hold))] == [(title_id, "waiting")]


def test_a_new_title_has_no_hold_button(ctx, qtbot):
    dialog = TitleDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.hold_button.isVisible()
