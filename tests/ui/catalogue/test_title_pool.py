"""A new title's form filled from the record pool (书目库): an ISBN typed then Enter fills it from the one record,
picks among several, or offers the publisher its registrant prefix is most often seen with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from stdnum import ean

from bookroom_desk.services.catalogue import record_pool, titles
from bookroom_desk.services.catalogue.record_pool import PoolEntry
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.ui.catalogue.pool_picker import PoolPicker
from bookroom_desk.ui.catalogue.title_dialog import TitleDialog

ONE = "9787544270878"  # 解忧杂货店, 978-7-5442
TWO = "9787020002207"  # 红楼梦, 978-7-02
NONE = "978754420" + "001" + ean.calc_check_digit("978754420001")  # 978-7-5442 too, in neither


def new_title(ctx, qtbot) -> TitleDialog:
    with ctx.write() as session:
        titles.create_title(session, TitleData(title="白夜行", clc="I313.45", publisher="南海出版公司",
                                               isbn="978754425" + "001" + ean.calc_check_digit("978754425001")),
                            actor=OPERATOR)
        record_pool.add_records(session, [
            PoolEntry(title="解忧杂货店", isbn=ONE, author="东野圭吾", publisher="南海出版公司", pub_year=2014,
                      price="39.50", clc="I313.45"),
            PoolEntry(title="红楼梦", isbn=TWO, author="曹雪芹", publisher="人民文学出版社", pub_year=1996,
                      price="59.70", clc="I242.4"),
            PoolEntry(title="红楼梦（校注本）", isbn=TWO, author="曹雪芹", publisher="人民文学出版社", pub_year=2008,
                      price="98.00", clc="I242.47")], source="市总工会书目.xlsx", actor=OPERATOR)
    dialog = TitleDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def enter_isbn(qtbot, dialog: TitleDialog, isbn: str) -> None:
    dialog.form.isbn.setFocus()
    qtbot.keyClicks(dialog.form.isbn, isbn)
    qtbot.keyClick(dialog.form.isbn, Qt.Key.Key_Return)


def shown(dialog: TitleDialog) -> tuple:
    form = dialog.form
    return (form.title.text(), form.author.text(), form.publisher.text(), form.pub_year.text(), form.price.text(),
            form.clc_text(), form.call_number.text(), form.call_number.placeholderText())


def test_an_isbn_the_pool_has_once_fills_the_form(ctx, qtbot):
    dialog = new_title(ctx, qtbot)
    enter_isbn(qtbot, dialog, ONE)
    assert shown(dialog) == ("解忧杂货店", "东野圭吾", "南海出版公司", "2014", "39.50", "I313.45", "",
                             "保存时自动给出，如 I313.45/2")  # 白夜行 is I313.45/1
    assert "已从书目库填入《解忧杂货店》（市总工会书目.xlsx）" in dialog.message.text()
    assert dialog.picker is None
    assert dialog.save()
    assert dialog.form.call_number.text() == "I313.45/2"


def test_several_records_are_picked_from_over_the_dialog(ctx, qtbot):
    dialog = new_title(ctx, qtbot)
    enter_isbn(qtbot, dialog, TWO)
    picker = dialog.picker
    assert isinstance(picker, PoolPicker) and picker.parent() is dialog
    qtbot.waitExposed(picker)
    assert picker.table.rowCount() == 2 and shown(dialog)[0] == ""
    assert picker.table.item(1, 0).text() == "红楼梦（校注本）"
    picker.table.selectRow(1)
    QTest.keyClick(picker.windowHandle(), Qt.Key.Key_Return)  # as the window system sends it
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert shown(dialog)[:6] == ("红楼梦（校注本）", "曹雪芹", "人民文学出版社", "2008", "98.00", "I242.47")
    assert dialog.form.call_number.placeholderText() == "保存时自动给出，如 I242.47/1"


def test_a_cancelled_pick_fills_nothing(ctx, qtbot):
    dialog = new_title(ctx, qtbot)
    enter_isbn(qtbot, dialog, TWO)
    qtbot.waitExposed(dialog.picker)
    dialog.picker.reject()
    assert shown(dialog)[0] == ""


def test_an_isbn_nobody_has_offers_the_prefixs_publisher(ctx, qtbot):
    dialog = new_title(ctx, qtbot)
    enter_isbn(qtbot, dialog, NONE)
    assert dialog.form.publisher.text() == "南海出版公司" and dialog.form.title.text() == ""
    assert "出版社可能是“南海出版公司”" in dialog.message.text()
    assert dialog.focusWidget() is dialog.form.title


def test_the_publisher_typed_is_kept(ctx, qtbot):
    dialog = new_title(ctx, qtbot)
    dialog.form.publisher.setText("新星出版社")
    enter_isbn(qtbot, dialog, NONE)
    assert dialog.form.publisher.text() == "新星出版社" and "南海出版公司" in dialog.message.text()


def test_a_bad_isbn_is_shown_beside_its_field(ctx, qtbot):
    dialog = new_title(ctx, qtbot)
    enter_isbn(qtbot, dialog, "9787544270870")
    assert "校验位不对" in dialog.form.errors["isbn"].text()
    assert shown(dialog)[0] == ""


def test_an_isbn_scanned_on_the_page_fills_or_picks_once_the_dialog_shows(ctx, qtbot, page):
    with ctx.write() as session:
        record_pool.add_records(session, [
            PoolEntry(title="解忧杂货店", isbn=ONE, publisher="南海出版公司", clc="I313.45"),
            PoolEntry(title="红楼梦", isbn=TWO, clc="I242.4"), PoolEntry(title="红楼梦（校注本）", isbn=TWO, clc="I242.4")],
            source="共享", actor=OPERATOR)
    qtbot.keyClicks(page.search, ONE)
    qtbot.waitUntil(lambda: not page.timer.isActive())
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.dialog.form.title.text() == "解忧杂货店" and page.dialog.picker is None
    page.search.clear()
    qtbot.keyClicks(page.search, TWO)
    qtbot.waitUntil(lambda: not page.timer.isActive())
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.picker is not None and dialog.picker.isVisible())
    assert dialog.picker.parent() is dialog
    dialog.picker.table.selectRow(0)
    dialog.picker.ok_button.click()
    assert dialog.form.title.text() == "红楼梦" and dialog.form.clc_text() == "I242.4"
