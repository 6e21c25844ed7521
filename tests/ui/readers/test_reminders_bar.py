"""催还 on the 读者 page's 逾期 tab: this stage's letters or workbook, recorded as given; the stages set there."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from sqlalchemy import select

from bookroom_desk.services.circulation import reminders
from bookroom_desk.store.models_notices import NoticeGiven
from tests.printing.test_slip import pdf_text
from tests.support.reminder_room import reminder_room


@pytest.fixture
def bar(db, main_window, qtbot):
    with db.write() as session:
        reminder_room(session)
    main_window.show_page("readers")
    page = main_window.page("readers")
    page.tabs.setCurrentWidget(page.overdue_tab)
    page.overdue_tab.refresh()
    return page.overdue_tab.reminders


def given(db):
    with db.read() as session:
        return sorted(session.execute(select(NoticeGiven.stage, NoticeGiven.how)).all())


def choose_file(monkeypatch, target, seen):
    def fake(parent, *args, **kwargs):
        seen.append(parent)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def test_letters_for_every_stage_are_saved_and_recorded(bar, db, qtbot, tmp_path, monkeypatch, sync_tasks):
    assert bar.stage.count() == 5 and bar.stage.currentText() == "所有阶段"
    assert bar.due.text() == "今天要催还 3 位读者，4 册" and bar.letters_button.isEnabled()
    seen = []
    choose_file(monkeypatch, tmp_path / "催还", seen)
    qtbot.mouseClick(bar.letters_button, Qt.MouseButton.LeftButton)
    assert seen == [bar]  # the chooser is parented to the page, not a window of its own
    assert "李娜同志" in pdf_text(tmp_path / "催还.pdf")
    assert "记录催还 4 册" in bar.parent().message.text()
    assert given(db) == [(-3, "letter"), (0, "letter"), (7, "letter"), (30, "letter")]
    assert bar.due.text() == "今天要催还 0 位读者，0 册" and not bar.letters_button.isEnabled()


def test_one_stage_as_a_workbook(bar, db, qtbot, tmp_path, monkeypatch, sync_tasks):
    bar.stage.setCurrentIndex(bar.stage.findData(30))
    assert bar.due.text() == "今天要催还 1 位读者，1 册"
    choose_file(monkeypatch, tmp_path / "催还.xlsx", [])
    qtbot.mouseClick(bar.workbook_button, Qt.MouseButton.LeftButton)
    assert load_workbook(tmp_path / "催还.xlsx").sheetnames == ["催还消息", "财务科"]
    assert given(db) == [(30, "workbook")]


def test_stages_are_set_and_a_list_out_of_order_is_refused(bar, db, qtbot, monkeypatch):
    answers = iter([("0,-3,7", True), ("-2,0,14:第一次催还", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    qtbot.mouseClick(bar.stages_button, Qt.MouseButton.LeftButton)
    message = bar.parent().message
    assert "催还阶段应从早到晚排列" in message.text()
    with db.read() as session:
        assert [s.days for s in reminders.get_stages(session)] == [-3, 0, 7, 30]
    qtbot.mouseClick(bar.stages_button, Qt.MouseButton.LeftButton)
    assert "催还阶段已设为 -2,0,14:第一次催还" in message.text()
    assert [bar.stage.itemText(i) for i in range(bar.stage.count())] == ["所有阶段", "到期前 2 天", "到期当日",
                                                                          "第一次催还"]


def test_the_departments_lists(bar, db, qtbot, tmp_path, monkeypatch, sync_tasks):
    choose_file(monkeypatch, tmp_path / "清单.pdf", [])
    qtbot.mouseClick(bar.lists_button, Qt.MouseButton.LeftButton)
    text = pdf_text(tmp_path / "清单.pdf")
    assert "催还清单:财务科" in text and "13800000001" in text
    assert {how for _stage, how in given(db)} == {"list"}


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_stage_chooser_shows_its_longest_stage_whole_on_the_smallest_screen(bar, main_window, qapp, qtbot, lang):
    from bookroom_desk.i18n import install_app_translators

    install_app_translators(qapp, lang)
    try:
        bar.refresh()
        main_window.resize(main_window.minimumSizeHint().width(), 700)  # as narrow as the window goes (≤ 1024)
        qtbot.waitUntil(lambda: main_window.width() <= 1024)
        qapp.processEvents()
        longest = max(bar.stage.fontMetrics().horizontalAdvance(bar.stage.itemText(i)) for i in range(bar.stage.count()))
        assert bar.stage.width() > longest
    finally:
        install_app_translators(qapp, "zh_CN")
