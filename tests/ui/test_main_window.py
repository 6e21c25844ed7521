"""The main window: opens on the desk ready to scan, navigates, shows the room's figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QScrollArea

from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.ui.pages import PAGES


def test_opens_on_the_desk_with_focus_in_the_scan_field(main_window, qtbot):
    scan = main_window.findChild(QLineEdit, "scanInput")
    assert main_window.stack.currentWidget().objectName() == "page_desk"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scan)
    qtbot.keyClicks(QApplication.focusWidget(), "00000001")  # a scanner types into whatever has focus
    assert scan.text() == "00000001"


def test_every_page_opens_and_says_what_it_holds(main_window, qtbot):
    titles = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert titles == ["扫码台", "藏书", "读者", "盘点", "统计报表", "书屋工作", "设置"]
    for index, spec in enumerate(PAGES):
        main_window.nav.setCurrentRow(index)
        page = main_window.stack.currentWidget()
        assert page.objectName() == f"page_{spec.key}"
        texts = " ".join(label.text() for label in page.findChildren(QLabel))
        assert texts.strip(), f"page {spec.key} is blank"


def test_keyboard_shortcuts_switch_pages(main_window, qtbot):
    qtbot.keyClick(main_window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert main_window.stack.currentWidget().objectName() == "page_settings"
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.stack.currentWidget().objectName() == "page_desk"


def test_status_bar_shows_shortfall_in_red_then_the_demo_room(main_window, ctx, qtbot):
    status = main_window.room_status
    qtbot.waitUntil(lambda: status.holdings.text() == "藏书 0 / 3,000 册")
    assert status.holdings.property("short") is True
    assert status.room.text() == "（未填写书屋名称）"
    with ctx.write() as session:
        build_demo(session, volumes=3050, readers=20)
    qtbot.waitUntil(lambda: status.holdings.text() == "藏书 3,050 / 3,000 册")
    assert status.holdings.property("short") is False
    assert status.room.text() == "机务段职工书屋"
    assert status.loans.text().startswith("今日借出")
    assert "已达到" in status.holdings.toolTip()


def test_status_bar_counts_a_burst_of_changes_once(main_window, ctx, qtbot, monkeypatch):
    from bookroom_desk.ui.widgets import status as status_module

    status = main_window.room_status
    qtbot.waitUntil(lambda: not status._running)
    calls = []
    real = status_module.status_figures
    monkeypatch.setattr(status_module, "status_figures", lambda session: calls.append(1) or real(session))
    for _ in range(10):
        ctx.dataChanged.emit()
    qtbot.waitUntil(lambda: bool(calls) and not status._running)
    qtbot.wait(status_module.REFRESH_DELAY_MS + 100)
    assert len(calls) == 1


def test_empty_profile_banner_invites_without_blocking(main_window, qtbot):
    desk = main_window.page("desk")
    banner = desk.banner
    assert desk.checklist.isVisible() and not banner.isVisible()  # a new room: the checklist has the profile step
    qtbot.mouseClick(desk.checklist.put_away_button, Qt.MouseButton.LeftButton)
    assert banner.isVisible()
    assert "书屋信息尚未填写完整" in banner.label.text()
    assert QApplication.activeModalWidget() is None
    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    assert main_window.stack.currentWidget().objectName() == "page_settings"


def test_filling_the_profile_hides_the_banner(main_window, qtbot, ctx):
    from bookroom_desk.services.roomwork.profile import get_profile

    main_window.show_page("settings")
    form = main_window.page("settings").profile
    texts = {"name": "机务段职工书屋", "union_name": "机务段工会", "workplace": "机务段", "address": "铁路新村8号",
             "contact": "李秀英", "phone": "0371-68881234", "opening_hours": "周一至周五", "digital_service": "电子职工书屋"}
    for key, value in texts.items():  # Chinese arrives through an input method, not key events
        form.fields[key].setText(value)
    form.fields["phone"].clear()
    qtbot.keyClicks(form.fields["phone"], "0371-68881234")
    form.fields["rules_text"].setPlainText("凭证借阅，每人限借5册。")
    form.fields["area_m2"].setValue(120)
    form.fields["seats"].setValue(40)
    form.fields["workers_served"].setValue(1200)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "已保存。"
    with ctx.read() as session:
        profile = get_profile(session)
        assert (profile.name, profile.seats, profile.workers_served, int(profile.area_m2)) == (
            "机务段职工书屋", 40, 1200, 120)
    main_window.show_page("desk")
    assert not main_window.page("desk").banner.isVisible()
    qtbot.waitUntil(lambda: main_window.room_status.room.text() == "机务段职工书屋")


def test_with_every_page_built_the_window_fits_a_1280_by_800_screen(main_window, qtbot):
    for spec in PAGES:
        main_window.page(spec.key)
    main_window.show_page("settings")  # the tallest page's boxes scroll inside it
    qtbot.waitUntil(lambda: main_window.stack.minimumSizeHint().height() > 400)
    assert main_window.minimumSizeHint().height() <= 760
    assert main_window.minimumSizeHint().width() <= 1280
    main_window.resize(1280, 770)
    settings_page = main_window.page("settings")
    scroll = settings_page.findChild(QScrollArea, "settingsScroll")
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)  # taller than the screen, so it scrolls
    assert main_window.height() <= 770
