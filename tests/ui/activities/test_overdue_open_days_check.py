"""The 开放日历 tab's checkbox 逾期天数只计开放日: an administrator turns the room setting on and off, a volunteer reads it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from bookroom_desk.i18n import install_app_translators
from bookroom_desk.services.common import calendar as cal
from bookroom_desk.services.common import permissions, settings
from bookroom_desk.store.models_access import AuditEntry


@pytest.fixture
def tab(main_window, qtbot):
    main_window.resize(1024, 700)
    main_window.show_page("activities")
    page = main_window.page("activities")
    page.show_tab(page.calendar)
    return page.calendar


def test_an_administrator_turns_it_on_and_off(tab, qtbot, db):
    check = tab.findChild(QCheckBox, "overdueOpenDaysCheck")
    assert check.text() == "逾期天数只计开放日" and not check.isChecked() and check.isEnabled()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))  # on the box
    assert check.isChecked()
    assert tab.findChild(QLabel, "overdueMessage").text() == "已保存：逾期天数只计开放日。"
    with db.read() as session:
        assert settings.get(session, cal.OVERDUE_OPEN_DAYS) is True
        assert session.query(AuditEntry).filter(AuditEntry.detail.contains("overdue_open_days")).count() == 1
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))  # on the box
    assert not check.isChecked()
    assert tab.findChild(QLabel, "overdueMessage").text() == "已保存：逾期天数按日历天数计算。"
    with db.read() as session:
        assert settings.get(session, cal.OVERDUE_OPEN_DAYS) is False


def test_refresh_shows_the_stored_setting_without_writing(tab, db):
    with db.write() as session:
        settings.set_value(session, cal.OVERDUE_OPEN_DAYS, True, actor="管理员")
    tab.refresh()
    assert tab.findChild(QCheckBox, "overdueOpenDaysCheck").isChecked()
    with db.read() as session:
        assert session.query(AuditEntry).filter(AuditEntry.detail.contains("overdue_open_days")).count() == 1


def test_a_volunteer_sees_it_read_only(tab, ctx, db):
    ctx.role = permissions.VOLUNTEER
    tab.refresh()
    check = tab.findChild(QCheckBox, "overdueOpenDaysCheck")
    assert check.isVisible() and not check.isEnabled()


def test_in_english(db, qapp, qtbot):
    from bookroom_desk.ui.activities.calendar_tab import CalendarTab
    from bookroom_desk.ui.context import AppContext

    install_app_translators(qapp, "en")
    try:
        widget = CalendarTab(AppContext(db, "en"))
        qtbot.addWidget(widget)
        widget.refresh()
        check = widget.findChild(QCheckBox, "overdueOpenDaysCheck")
        assert check.text() == "Count overdue days in open days only"
        assert check.toolTip().startswith("On: a loan due on Friday")
    finally:
        install_app_translators(qapp, "zh_CN")
