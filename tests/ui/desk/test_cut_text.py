"""Text is never cut without a way to read it: long titles and overdue notes in the reader's tables."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from bookroom_desk.ui.readers.detail import ReaderDetail
from tests.support.desk_room import past_loan
from tests.support.helpers import add_copy, add_reader, add_title

LONG = "中华人民共和国劳动合同法及其实施条例释义与典型案例评析（最新修订版）"


def _reader_with_long_overdue_loans(db):
    with db.write() as session:
        reader = add_reader(session, "R000001")
        for n in range(1, 4):
            add_copy(session, f"{n:08d}", add_title(session, f"{LONG}{n}"))
            past_loan(session, f"{n:08d}", reader.id, dt.date(2026, 9, 1), dt.date(2026, 10, 1) + dt.timedelta(days=n))
        add_copy(session, "00000009", add_title(session, f"{LONG}（已还）"))
        returned = past_loan(session, "00000009", reader.id, dt.date(2026, 8, 1), dt.date(2026, 8, 31))
        returned.returned_at = dt.datetime(2026, 9, 20, 10)
        returned.copy.status = "available"
        return reader.id


def test_the_desk_shows_whole_overdue_notes_and_long_titles_in_tooltips(main_window, db, qtbot, beeps):
    _reader_with_long_overdue_loans(db)
    desk = main_window.page("desk")
    qtbot.keyClicks(desk.scan_input, "R000001")
    qtbot.keyClick(desk.scan_input, Qt.Key.Key_Return)
    table = desk.reader_panel.loans
    assert table.rowCount() == 3
    for row in range(3):
        title, due = table.item(row, 1), table.item(row, 3)
        assert title.toolTip() == title.text() and title.text().startswith(LONG)
        assert "逾期" in due.text()
        needed = table.fontMetrics().horizontalAdvance(due.text())
        assert table.columnWidth(3) >= needed, (due.text(), table.columnWidth(3), needed)


def test_the_readers_history_never_scrolls_sideways_and_tooltips_the_title(ctx, db, qtbot):
    reader_id = _reader_with_long_overdue_loans(db)
    detail = ReaderDetail(ctx)
    qtbot.addWidget(detail)
    detail.resize(460, 500)
    detail.show()
    detail.show_reader(reader_id)
    for view in (detail.loans_view, detail.history_view):
        detail.tabs.setCurrentWidget(view)
        qtbot.wait(10)
        assert view.horizontalScrollBar().maximum() == 0, view.objectName()
        index = view.model().index(0, 1)
        assert view.model().data(index, Qt.ItemDataRole.ToolTipRole).startswith(LONG)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_column_of_the_desks_list_is_on_screen_at_1024(db, qapp, qtbot, beeps, lang):
    """At 1024×700 the reader and result columns were off the list's right edge, with no scroll bar."""
    from bookroom_desk.i18n import install_app_translators
    from bookroom_desk.ui.context import AppContext
    from bookroom_desk.ui.main_window import MainWindow

    _reader_with_long_overdue_loans(db)
    install_app_translators(qapp, lang)
    try:
        window = MainWindow(AppContext(db, lang))
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        qtbot.waitExposed(window)
        desk = window.page("desk")
        qtbot.keyClicks(desk.scan_input, "00000001")
        qtbot.keyClick(desk.scan_input, Qt.Key.Key_Return)
        qtbot.wait(10)
        table = desk.transactions
        header = table.horizontalHeader()
        assert header.length() <= table.viewport().width()
        for column in range(table.columnCount()):
            text = table.horizontalHeaderItem(column).text()
            assert header.sectionSize(column) >= table.fontMetrics().horizontalAdvance(text), text
            assert table.item(0, column).toolTip() == table.item(0, column).text()
        assert min(table.columnWidth(3), table.columnWidth(5)) >= 48  # title and result show their first words
    finally:
        install_app_translators(qapp, "zh_CN")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_column_of_the_readers_loans_and_history_is_on_screen(db, qapp, qtbot, lang):
    """At 1024 px the detail is about 380 px wide: its last columns were off the edge, with no scroll bar."""
    from bookroom_desk.i18n import install_app_translators
    from bookroom_desk.ui.context import AppContext

    reader_id = _reader_with_long_overdue_loans(db)
    install_app_translators(qapp, lang)
    try:
        detail = ReaderDetail(AppContext(db, lang))
        qtbot.addWidget(detail)
        detail.resize(380, 500)
        detail.show()
        detail.show_reader(reader_id)
        for view in (detail.loans_view, detail.history_view):
            detail.tabs.setCurrentWidget(view)
            qtbot.wait(10)
            header = view.horizontalHeader()
            assert header.length() <= view.viewport().width(), (view.objectName(), header.length())
            for column in range(view.model().columnCount()):
                if column != 1:  # the title is cut with "…" and read in its tooltip
                    text = view.model().headerData(column, Qt.Orientation.Horizontal)
                    assert header.sectionSize(column) >= view.fontMetrics().horizontalAdvance(text), text
    finally:
        install_app_translators(qapp, "zh_CN")


def test_the_desks_list_narrower_than_its_columns_keeps_every_column_on_screen(qapp, qtbot):
    """A long translation or a small screen: the fixed columns give way rather than push the rest off."""
    from bookroom_desk.ui.desk.transactions import TransactionList

    table = TransactionList()
    qtbot.addWidget(table)
    table.resize(260, 300)
    table.show()
    qtbot.waitExposed(table)
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    assert min(header.sectionSize(3), header.sectionSize(5)) >= table.fontMetrics().horizontalAdvance("0") * 8
    table.resize(900, 300)
    qtbot.wait(10)
    assert header.sectionSize(0) >= table.fontMetrics().horizontalAdvance("00:00:00")  # whole again with room
