"""The 开放日历 tab: open days and hours, closed dates on the month, a list imported, the desk's due dates on it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton
from sqlalchemy import select

from bookroom_desk.i18n import install_app_translators
from bookroom_desk.services.common import calendar as cal
from bookroom_desk.services.common import closures, opening_week, permissions
from bookroom_desk.services.roomwork import profile as room
from bookroom_desk.store.models import Copy, Loan
from tests.support.desk_room import small_room

D = dt.date.fromisoformat


@pytest.fixture
def tab(main_window, qtbot):
    main_window.resize(1024, 700)
    main_window.show_page("activities")
    page = main_window.page("activities")
    page.show_tab(page.calendar)
    return page.calendar


def _click(qtbot, tab, name):
    qtbot.mouseClick(tab.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _set_range(tab, first: str, last: str, reason: str = "") -> None:
    tab.first_date.setDate(QDate.fromString(first, "yyyy-MM-dd"))
    tab.last_date.setDate(QDate.fromString(last, "yyyy-MM-dd"))
    tab.reason.setText(reason)


def test_days_and_hours_are_set_and_make_the_profiles_opening_hours(tab, qtbot, db, main_window):
    for day in (6, 7):
        tab.findChild(QCheckBox, f"openDay{day}").setChecked(False)
    for day in range(1, 6):
        edit = tab.findChild(QLineEdit, f"hoursEdit{day}")
        edit.clear()
        qtbot.keyClicks(edit, "11:30-13:30,17:00-19:00")
    _click(qtbot, tab, "saveWeekButton")
    assert tab.findChild(QLabel, "weekMessage").text() == "已保存。"
    with db.read() as session:
        assert opening_week.week(session).open_days == frozenset(range(1, 6))
        assert [str(h) for h in opening_week.week(session).hours_of(3)] == ["11:30-13:30", "17:00-19:00"]
        assert room.get_profile(session).opening_hours == "周一至周五 11:30–13:30、17:00–19:00"
    # the profile shows it, read-only, with its note
    main_window.show_page("settings")
    form = main_window.page("settings").profile
    field = form.fields["opening_hours"]
    assert field.text() == "周一至周五 11:30–13:30、17:00–19:00" and field.isReadOnly()
    assert form.findChild(QLabel, "openingHoursNote").isVisibleTo(form)
    assert not form.fields["name"].isReadOnly()


def test_a_bad_hours_field_is_refused_and_nothing_stored(tab, qtbot, db):
    edit = tab.findChild(QLineEdit, "hoursEdit1")
    qtbot.keyClicks(edit, "13:00-11:00")
    _click(qtbot, tab, "saveWeekButton")
    assert "开放时间“13:00-11:00”写得不对" in tab.findChild(QLabel, "weekMessage").text()
    with db.read() as session:
        assert opening_week.profile_text(session) == ""
    edit.clear()
    for day in range(1, 8):
        tab.findChild(QCheckBox, f"openDay{day}").setChecked(False)
    _click(qtbot, tab, "saveWeekButton")
    assert tab.findChild(QLabel, "weekMessage").text().startswith("一周每一天都不开放")
    with db.read() as session:
        assert opening_week.profile_text(session) == ""


def test_the_profile_keeps_free_text_while_no_week_is_set(main_window):
    main_window.show_page("settings")
    form = main_window.page("settings").profile
    assert not form.fields["opening_hours"].isReadOnly()
    assert not form.findChild(QLabel, "openingHoursNote").isVisibleTo(form)


def test_a_closed_range_shows_on_the_calendar_and_the_desk_lends_past_it(tab, qtbot, db, main_window, beeps):
    with db.write() as session:
        small_room(session)
    tab.refresh()
    assert tab.preview.text() == "今天借出的书（职工，30 天）应还日期：2026/12/24"
    _set_range(tab, "2026-12-24", "2026-12-27", "盘点")
    _click(qtbot, tab, "closeDaysButton")
    assert tab.message.text() == "已设为停馆。"
    assert tab.model.rows == [["盘点", "2026/12/24", "2026/12/27", "4"]]
    tab.calendar.setCurrentPage(2026, 12)
    assert tab.closed_tooltip(D("2026-12-25")) == "停馆：盘点"
    assert tab.closed_tooltip(D("2026-12-28")) == ""
    assert tab.calendar.dateTextFormat(QDate(2026, 12, 24)).background().color() == tab.calendar.dateTextFormat(
        QDate(2026, 12, 27)).background().color() != tab.calendar.dateTextFormat(QDate(2026, 12, 28)).background().color()
    assert tab.preview.text() == "今天借出的书（职工，30 天）应还日期：2026/12/28"
    main_window.show_page("desk")
    desk = main_window.page("desk")
    for code in ("R000001", "00000001"):
        qtbot.keyClicks(desk.scan_input, code)
        qtbot.keyClick(desk.scan_input, Qt.Key.Key_Return)
    loans = desk.reader_panel.loans
    qtbot.waitUntil(lambda: loans.rowCount() == 1)
    assert loans.item(0, 0).text() == "00000001" and loans.item(0, 3).text() == "2026/12/28"  # on the screen
    with db.read() as session:
        due = session.scalar(select(Loan.due_on).join(Copy, Loan.copy_id == Copy.id).where(Copy.barcode == "00000001"))
    assert due == D("2026-12-28")
    # reopened, and the closure removed from the list
    main_window.show_page("activities")
    _set_range(tab, "2026-12-26", "2026-12-27")
    _click(qtbot, tab, "reopenDaysButton")
    assert tab.model.rows == [["盘点", "2026/12/24", "2026/12/25", "2"]]
    tab.table.selectRow(0)
    _click(qtbot, tab, "deleteClosureButton")
    assert tab.model.rows == [] and tab.closed_tooltip(D("2026-12-25")) == ""


def test_clicking_days_on_the_calendar_picks_a_range(tab, qtbot):
    tab.calendar.clicked.emit(QDate(2026, 12, 24))
    assert tab.first_date.date() == tab.last_date.date() == QDate(2026, 12, 24)
    tab.first_date.setDate(QDate(2026, 12, 30))
    assert tab.last_date.date() == QDate(2026, 12, 30)  # never before the first day


def test_a_list_with_a_bad_line_stores_nothing_then_a_good_one_is_stored(tab, qtbot, db, tmp_path):
    bad = tmp_path / "closed.txt"
    bad.write_text("2026-10-01:2026-10-07,国庆节\n2026-02-30\n下周一\n", encoding="utf-8")
    tab.import_list(bad)
    assert tab.message.text() == "文件中有 2 处问题，未导入任何数据。"
    assert [tab.problems.item(i).text() for i in range(tab.problems.count())] == [
        "第 2 行，日期：日期“2026-02-30”的日 30 不对：2026 年 2 月只有 28 天。",
        "第 3 行，日期：“下周一”不是日期或日期范围：请写成 2026-10-01 或 2026-10-01:2026-10-07。"]
    assert tab.problems.isVisible()
    with db.read() as session:
        assert closures.closures(session) == []
    good = tmp_path / "closed.csv"
    good.write_text("日期,原因\n2026-10-01:2026-10-07,国庆节\n2026-12-31,盘点\n", encoding="utf-8")
    tab.import_list(good)
    assert tab.message.text() == "已导入 2 段停馆日期。" and not tab.problems.isVisible()
    with db.read() as session:
        assert [(c.first, c.last, c.reason) for c in closures.closures(session)] == [
            (D("2026-10-01"), D("2026-10-07"), "国庆节"), (D("2026-12-31"), D("2026-12-31"), "盘点")]
    assert len(tab.model.rows) == 2


def test_the_bad_lines_are_listed_in_english(db, qapp, qtbot, tmp_path):
    from bookroom_desk.ui.activities.calendar_tab import CalendarTab
    from bookroom_desk.ui.context import AppContext

    install_app_translators(qapp, "en")
    try:
        widget = CalendarTab(AppContext(db, "en"))
        qtbot.addWidget(widget)
        bad = tmp_path / "closed.txt"
        bad.write_text("2026-10-01\nsoon\n", encoding="utf-8")
        widget.import_list(bad)
        assert widget.problems.item(0).text() == (
            'Row 2, Date: "soon" is not a date or a date range: write it 2026-10-01 or 2026-10-01:2026-10-07.')
    finally:
        install_app_translators(qapp, "zh_CN")


def test_the_demo_rooms_week_is_shown(db, qapp, qtbot):
    from bookroom_desk.services.upkeep.demo import build_demo
    from bookroom_desk.ui.activities.calendar_tab import CalendarTab
    from bookroom_desk.ui.context import AppContext

    with db.write() as session:
        build_demo(session, volumes=60, readers=5, seed=3)
    install_app_translators(qapp, "zh_CN")
    widget = CalendarTab(AppContext(db, "zh_CN"))
    qtbot.addWidget(widget)
    widget.refresh()
    assert [day for day in range(1, 8) if widget.findChild(QCheckBox, f"openDay{day}").isChecked()] == [1, 2, 3, 4, 5]
    assert widget.findChild(QLineEdit, "hoursEdit2").text() == "11:30-13:30,17:00-19:00"
    assert widget.profile_text.text() == "书屋信息中的开放时间：周一至周五 11:30–13:30、17:00–19:00"


def test_a_volunteer_sees_it_read_only(tab, ctx, db):
    with db.write() as session:
        closures.close(session, D("2026-12-24"), D("2026-12-27"), "盘点", actor="管理员")
    ctx.role = permissions.VOLUNTEER
    tab.refresh()
    assert tab.model.rows == [["盘点", "2026/12/24", "2026/12/27", "4"]]
    assert not tab.findChild(QCheckBox, "openDay1").isEnabled()
    assert tab.findChild(QLineEdit, "hoursEdit1").isReadOnly() and tab.reason.isReadOnly()
    assert tab.first_date.isReadOnly()
    for name in ("saveWeekButton", "closeDaysButton", "reopenDaysButton", "deleteClosureButton",
                 "importClosuresButton"):
        assert not tab.findChild(QPushButton, name).isVisible(), name


def test_a_category_counts_its_loan_days_in_open_days(main_window, qtbot, db):
    from bookroom_desk.ui.readers.dialogs import CategoryDialog

    main_window.show_page("readers")
    categories = main_window.page("readers").findChild(QPushButton, "editCategoryButton").parent()
    categories.refresh()
    categories.table.selectRow(0)
    categories.edit()
    dialog = categories.dialog
    assert isinstance(dialog, CategoryDialog)
    check = dialog.findChild(QCheckBox, "loanDaysOpenCheck")
    assert not check.isChecked()
    check.setChecked(True)
    dialog.submit()
    with db.read() as session:
        assert cal.loan_rule(session).count_open_days is True
    assert categories.model.rows[0][1] == "30（开放日）"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_at_1024x700_nothing_is_cut_in_either_language(lang, db, qapp, qtbot, monkeypatch, tmp_path):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QTabBar

    from bookroom_desk.ui.context import AppContext
    from bookroom_desk.ui.main_window import MainWindow

    class SmallScreen:
        def availableGeometry(self) -> QRect:
            return QRect(0, 0, 1024, 700)

    monkeypatch.setattr(MainWindow, "screen", lambda self: SmallScreen())
    with db.write() as session:
        hours = opening_week.parse_hours("11:30-13:30,17:00-19:00")
        opening_week.set_week(session, opening_week.Week.of(range(1, 6), hours), actor="管理员")
        closures.close(session, D("2026-11-30"), D("2026-12-02"), "盘点", actor="管理员")
    install_app_translators(qapp, lang)
    try:
        window = MainWindow(AppContext(db, lang))
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        qtbot.waitExposed(window)
        window.show_page("activities")
        page = window.page("activities")
        page.show_tab(page.calendar)
        bad = tmp_path / "closed.txt"
        bad.write_text("2026-10-01\nsoon\n2026-10-09:2026-10-01\n", encoding="utf-8")
        page.calendar.import_list(bad)
        qtbot.wait(10)
        assert not window.grab().isNull()
        tab = page.calendar
        widgets = [*tab.findChildren(QPushButton), *tab.findChildren(QCheckBox)]
        cut = [f"{w.objectName()}: {w.width()} < {w.sizeHint().width()}" for w in widgets
               if w.isVisible() and w.width() < w.sizeHint().width()]
        assert not cut
        bar = page.tabs.findChild(QTabBar)
        assert sum(bar.tabRect(i).width() for i in range(bar.count())) <= bar.width()  # no scroll arrows
        problems = tab.problems
        assert all(problems.visualItemRect(problems.item(i)).width() <= problems.viewport().width()
                   for i in range(problems.count()))
    finally:
        install_app_translators(qapp, "zh_CN")
