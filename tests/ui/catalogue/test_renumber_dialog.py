"""The 重编种次号 dialog driven by hand: type a range, see old → new, 应用, then the new spine labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.store.models import Title
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.ui.catalogue.renumber_dialog import RenumberDialog
from tests.support.helpers import add_copy, add_title


def _dialog(ctx, qtbot) -> RenumberDialog:
    with ctx.write() as session:
        for number, call_number in enumerate(("I247/12", "I247/30", "I247/7"), start=1):
            title = add_title(session, f"书{number}", clc="I247")
            title.call_number, title.shelf_key = call_number, shelf_key(call_number)
            add_copy(session, f"{number:08d}", title)
    dialog = RenumberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _table(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_preview_then_apply_then_print_the_new_spine_labels(ctx, qtbot, monkeypatch):
    dialog = _dialog(ctx, qtbot)
    assert not dialog.apply_button.isEnabled()
    qtbot.keyClicks(dialog.from_class, "i247")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert _table(dialog) == [["I247/7", "I247/1", "书3", "1"], ["I247/12", "I247/2", "书1", "1"],
                              ["I247/30", "I247/3", "书2", "1"]]
    assert "将改 3 种书（3 册）" in dialog.message.text()
    with ctx.read() as session:  # a preview changes nothing
        assert session.scalar(select(Title.call_number).where(Title.title == "书1")) == "I247/12"
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "已改 3 种书" in dialog.message.text() and not dialog.apply_button.isEnabled()
    with ctx.read() as session:
        assert list(session.scalars(select(Title.call_number).order_by(Title.id))) == ["I247/2", "I247/3", "I247/1"]
        assert session.scalars(select(AuditEntry).where(AuditEntry.kind == "renumber")).one()
    from bookroom_desk.ui.printing import dialog as dialog_module

    calls = []
    monkeypatch.setattr(dialog_module, "open_label_dialog", lambda *a, **kw: calls.append(kw))
    assert dialog.labels_button.isEnabled()
    qtbot.mouseClick(dialog.labels_button, Qt.MouseButton.LeftButton)
    assert calls == [{"kind": "spine", "barcodes": ["00000003", "00000001", "00000002"]}]


def test_a_bad_range_says_why_and_offers_nothing_to_apply(ctx, qtbot):
    dialog = _dialog(ctx, qtbot)
    dialog.from_class.setText("中文")
    dialog.preview()
    assert "分类号" in dialog.message.text() and dialog.table.rowCount() == 0
    assert not dialog.apply_button.isEnabled()


def test_editing_the_range_after_a_preview_withdraws_it(ctx, qtbot):
    dialog = _dialog(ctx, qtbot)
    qtbot.keyClicks(dialog.from_class, "I247")
    dialog.preview()
    assert dialog.apply_button.isEnabled()
    qtbot.keyClicks(dialog.to_class, "I3")
    assert not dialog.apply_button.isEnabled()


def test_the_catalogue_page_opens_it(ctx, qtbot, sync_tasks):
    from bookroom_desk.ui.catalogue.page import CataloguePage

    page = CataloguePage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activated()
    qtbot.mouseClick(page.buttons["renumber"], Qt.MouseButton.LeftButton)
    dialogs = page.findChildren(RenumberDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].close()
