"""The import preview's 书目 column: a book the room has is said, an unclear one is chosen in a combo, then imported."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from sqlalchemy import func, select

from bookroom_desk.services.catalogue import copies, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Copy, Title
from bookroom_desk.ui.catalogue.import_preview import MATCH, UNDECIDED
from tests.support.delivery import write_list as write


def _stored(db, **fields) -> int:
    with db.write() as session:
        title = titles.create_title(session, TitleData(title="红楼梦", author="曹雪芹", **fields), actor=OPERATOR)
        copies.add_copies(session, title.id, 1, actor=OPERATOR)
        return title.id


def _copies_by_title(db) -> dict[int, int]:
    with db.read() as session:
        return dict(session.execute(select(Title.id, func.count(Copy.id)).outerjoin(Copy).group_by(Title.id)).all())


def test_an_unclear_row_is_decided_in_its_combo_and_the_copies_go_there(page, db, qtbot, tmp_path):
    clear = _stored(db, publisher="人民文学出版社", pub_year=2020)
    other = _stored(db, publisher="中华书局", pub_year=2018)
    path = write(tmp_path / "list.xlsx", ("书名", "著者", "出版社", "出版年", "册数"), [
        ("《红楼梦》", "曹雪芹 著", "人民文学出版社有限公司", 2020, 2),
        ("红楼梦", "曹雪芹", "岳麓书社", 2021, 3),
        ("西游记", "吴承恩", "", "", 1)])
    dialog = page.open_import(path)
    model = dialog.preview_model
    assert [model.index(r, MATCH).data() for r in range(3)] == [
        "加到已有书目《红楼梦》", "可能重复，请选择（2 个候选）", "新书目"]
    assert model.index(1, MATCH).data(Qt.ItemDataRole.BackgroundRole).color() == UNDECIDED
    assert "1 种书可能与已有书目重复" in dialog.summary.text() and not dialog.import_button.isEnabled()
    assert not model.flags(model.index(0, MATCH)) & Qt.ItemFlag.ItemIsEditable  # clear: nothing to choose
    dialog.only_problems.setChecked(True)
    assert model.rowCount() == 1  # the row to decide is among the rows to look at
    dialog.only_problems.setChecked(False)

    view, index = dialog.preview, model.index(1, MATCH)
    view.setCurrentIndex(index)
    view.edit(index)
    combo = view.viewport().findChild(QComboBox, "matchCombo")
    assert combo is not None
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "请选择…", "新书目", f"《红楼梦》曹雪芹 人民文学出版社 2020（ID {clear}）",
        f"《红楼梦》曹雪芹 中华书局 2018（ID {other}）"]
    assert combo.currentIndex() == 0  # nothing chosen for it yet
    view.itemDelegateForColumn(MATCH).setModelData(combo, model, index)  # the editor left on 请选择…
    assert model.decisions == {} and not dialog.import_button.isEnabled()
    combo.setCurrentIndex(3)
    combo.activated.emit(3)
    qtbot.waitUntil(lambda: model.decisions == {4: other})
    assert model.index(1, MATCH).data() == "加到已有书目《红楼梦》"
    assert "检查通过：将导入 3 种（其中新书目 1 种）、6 册" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert "已导入 3 种、6 册（新书目 1 种）" in dialog.summary.text()
    counted = _copies_by_title(db)
    assert len(counted) == 3 and counted[clear] == 3 and counted[other] == 4  # no second 红楼梦


def test_a_new_title_chosen_for_an_unclear_row(page, db, tmp_path):
    _stored(db)
    dialog = page.open_import(write(tmp_path / "list.xlsx", ("书名", "著者"), [("红楼梦", "高鹗")]))
    model = dialog.preview_model
    assert not dialog.import_button.isEnabled()
    assert model.setData(model.index(0, MATCH), -1)
    assert model.index(0, MATCH).data() == "新书目" and dialog.import_button.isEnabled()
    dialog.run_import()
    assert sorted(_copies_by_title(db).values()) == [1, 1]
