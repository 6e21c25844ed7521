"""The 盘点 page driven like a scanner: shelf labels and copies typed into stocktakeScanInput, then Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.stocktake import collector
from bookroom_desk.services.stocktake import counting as service
from bookroom_desk.store.models_stocktake import StocktakeScan
from tests.support.stocktake_page import scan, start_with
from tests.support.stocktake_room import SCANS, status_of


def progress_lines(page) -> list[tuple[str, ...]]:
    model = page.counting.model
    return [tuple(model.index(r, c).data() for c in (0, 2, 3, 4)) for r in range(model.rowCount())]


def test_start_scan_shelves_and_copies_and_see_progress(page, db, qtbot, beeps):
    assert page.stack.currentWidget() is page.start_view
    start_with(page, qtbot, "A01", "A02")
    assert page.stack.currentWidget() is page.counting
    assert progress_lines(page) == [("A01", "3", "0", "3"), ("A02", "4", "0", "4")]
    assert "请先扫描书架标签" in page.counting.shelf.text()

    scan(qtbot, page, "00000001")  # before any shelf label: refused with the hint, two beeps
    assert page.counting.feedback.property("tone") == "error" and "SJ-A01" in page.counting.feedback.text()
    qtbot.waitUntil(lambda: len(beeps) == 2)

    scan(qtbot, page, "sj-a01")
    assert page.counting.shelf.text() == "当前书架：A01 A01架"
    scan(qtbot, page, "00000001")
    assert page.counting.feedback.property("tone") == "ok" and "核对无误" in page.counting.feedback.text()
    assert len(beeps) == 2  # silent when all is well
    assert progress_lines(page)[0] == ("A01", "3", "1", "2")
    scan(qtbot, page, "SJ-A02")
    scan(qtbot, page, "00000003")
    assert "错架" in page.counting.feedback.text() and page.counting.feedback.property("tone") == "warn"
    assert progress_lines(page) == [("A01", "3", "1", "1"), ("A02", "4", "1", "4")]
    scan(qtbot, page, "00000003")
    assert "已经扫过" in page.counting.feedback.text()
    scan(qtbot, page, "R000001")
    assert "读者证" in page.counting.feedback.text()
    assert page.counting.overall.text() == "应在架 7 册，已扫描 2 个条码，尚未找到 5 册"
    assert page.counting.bar.value() == 2 and page.counting.recent.count() == 5
    with db.read() as session:
        stored = [(s.barcode, s.source) for s in session.scalars(select(StocktakeScan).order_by(StocktakeScan.seq))]
    assert stored == [("SJ-A01", "scanner"), ("00000001", "scanner"), ("SJ-A02", "scanner"),
                      ("00000003", "scanner"), ("00000003", "scanner")]


def test_fast_scans_are_queued_in_order(page, db, qtbot):
    start_with(page, qtbot, "A01", "A02")
    scanner = page.counting.scanner
    scanner.pause()  # as while a file loads: scans wait in the queue
    for code in SCANS:
        scan(qtbot, page, code)
    assert scanner.pending == len(SCANS)
    scanner.resume()
    assert scanner.pending == 0
    with db.read() as session:
        assert list(session.scalars(select(StocktakeScan.barcode).order_by(StocktakeScan.seq))) == list(SCANS)
    assert progress_lines(page) == [("A01", "3", "4", "1"), ("A02", "4", "7", "2")]


def test_review_shows_every_result_then_finish_applies_them(page, db, qtbot, monkeypatch):
    start_with(page, qtbot, "A01", "A02")
    for code in SCANS:
        scan(qtbot, page, code)
    assert status_of_copy(db, "00000002") == "available"
    qtbot.mouseClick(page.counting.review_button, Qt.MouseButton.LeftButton)
    results = page.results
    assert page.stack.currentWidget() is results
    shown = [results.categories.item(i).text() for i in range(results.categories.count())]
    assert shown == ["缺失\u30003", "错架\u30002", "记录借出却在架\u30001", "记录剔除或遗失却在架\u30002",
                     "未知条码\u30002", "重复扫描\u30002", "核对无误\u30004"]
    table = results.model
    assert [table.index(r, 0).data() for r in range(table.rowCount())] == ["00000002", "00000009", "00000015"]
    results.categories.setCurrentRow(1)
    assert [(table.index(r, 0).data(), table.index(r, 3).data(), table.index(r, 4).data())
            for r in range(table.rowCount())] == [("00000003", "A01", "A02"), ("00000012", "B01", "A02")]
    assert "若核销本次盘点尚未找到的 3 册" in results.standard.after.text()
    assert "图书 2，报刊 1" in results.standard.after.text()

    results.misplaced.setCurrentIndex(1)  # move misplaced copies to the shelf they were found on
    results.check_in.setChecked(False)
    qtbot.keyClicks(results.notes, "=A1 two volunteers")
    monkeypatch.setattr(results, "confirm", lambda text: True)
    qtbot.mouseClick(results.finish_button, Qt.MouseButton.LeftButton)
    assert status_of_copy(db, "00000002") == "missing" and status_of_copy(db, "00000004") == "on_loan"
    assert status_of_copy(db, "00000006") == "available"
    assert not results.actions.isVisible() and "移架 2 册" in results.applied.text()
    assert "盘点 #1 已结束" in page.status.text()
    with db.read() as session:
        assert service.get_stocktake(session, 1).notes == "=A1 two volunteers"
    assert "若核销标记为缺失的 3 册" in page.standard.after.text()
    qtbot.mouseClick(results.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.start_view
    history = page.start_view.model
    assert history.rowCount() == 1
    assert [history.index(0, c).data() for c in (0, 3, 4, 5, 6, 7, 8)] == ["#1", "A01、A02", "7", "4", "3", "2", "5"]


def status_of_copy(db, barcode: str) -> str:
    with db.read() as session:
        return status_of(session, barcode)


def test_an_open_stocktake_resumes_on_its_shelf_when_the_page_is_built_again(db, room, ctx, qtbot, sync_tasks):
    from bookroom_desk.ui.stocktake.page import StocktakePage

    with db.write() as session:
        stocktake_id = service.start(session, actor=OPERATOR).id
    for code in SCANS[:8]:
        with db.write() as session:
            service.scan(session, stocktake_id, code, actor=OPERATOR)
    page = StocktakePage(ctx)
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.counting
    assert page.counting.shelf.text() == "当前书架：A02 A02架"
    assert progress_lines(page)[:2] == [("A01", "3", "4", "1"), ("A02", "4", "1", "4")]
    scan(qtbot, page, "00000008")
    assert progress_lines(page)[1] == ("A02", "4", "2", "3")


def test_a_data_collector_file_is_loaded_into_the_open_stocktake(page, db, qtbot, tmp_path):
    start_with(page, qtbot, "A01", "A02")
    path = tmp_path / "pdc.txt"
    path.write_text("\n".join(SCANS), encoding="utf-8")
    page.counting.load_file(str(path))
    assert "载入 16 条" in page.counting.feedback.text()
    assert progress_lines(page) == [("A01", "3", "4", "1"), ("A02", "4", "7", "2")]
    bad = tmp_path / "bad.txt"
    bad.write_text("00000001\n", encoding="utf-8")
    page.counting.load_file(str(bad))
    assert page.counting.feedback.property("tone") == "error" and "第 1 行" in page.counting.feedback.text()


def test_status_bar_says_what_would_remain_if_missing_copies_were_written_off(main_window, page, db, qtbot):
    status = main_window.room_status.stocktake
    page.ctx.dataChanged.emit()  # the window was built before the room was
    assert status.objectName() == "statusStocktake"
    # 00000008 and 00000009 were 缺失 before the stocktake.
    qtbot.waitUntil(lambda: status.text() == "缺失 2 册，核销后 11 / 3,000 册" and not status.isHidden())
    start_with(page, qtbot, "A01", "A02")
    for code in SCANS:
        scan(qtbot, page, code)
    page.counting.review_button.click()
    page.results.confirm = lambda text: True
    page.results.finish_button.click()
    # 00000008 was found; 00000002 and 00000015 were not: 3 缺失 of 15 counted volumes.
    qtbot.waitUntil(lambda: status.text() == "缺失 3 册，核销后 12 / 3,000 册")
    assert "图书 2，报刊 1" in status.toolTip()


def test_write_off_dialog_writes_off_in_one_confirmed_step(main_window, page, db, qtbot, monkeypatch):
    from bookroom_desk.ui.stocktake.writeoff import WriteOffDialog

    shown = []

    def run(dialog):
        shown.append([dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())])
        dialog.confirm.click()
        return dialog.result()

    monkeypatch.setattr(WriteOffDialog, "exec", run)
    page.ctx.dataChanged.emit()
    qtbot.waitUntil(lambda: not main_window.room_status.stocktake.isHidden())
    qtbot.mouseClick(page.start_view.write_off_button, Qt.MouseButton.LeftButton)
    # 00000008 and 00000009 were 缺失 with no date recorded: both may be written off now.
    assert shown == [["00000008", "00000009"]]
    assert page.status.text() == "已核销 2 册缺失图书（剔除，原因“盘点缺失”）。"
    assert status_of_copy(db, "00000009") == "withdrawn" and status_of_copy(db, "00000008") == "withdrawn"
    qtbot.waitUntil(lambda: main_window.room_status.stocktake.isHidden())  # nothing 缺失 any more


def test_history_shows_a_finished_stocktakes_results_and_exports_its_report(page, db, qtbot, tmp_path):
    from openpyxl import load_workbook

    from bookroom_desk.services.stocktake.finish import finish

    with db.write() as session:
        stocktake_id = service.start(session, actor=OPERATOR).id
        collector.load_codes(session, stocktake_id, "\n".join(SCANS), actor=OPERATOR)
        finish(session, stocktake_id, actor=OPERATOR)
    page.activated()
    assert page.stack.currentWidget() is page.start_view
    page.start_view.table.selectRow(0)
    qtbot.mouseClick(page.start_view.results_button, Qt.MouseButton.LeftButton)
    results = page.results
    assert page.stack.currentWidget() is results and results.actions.isHidden() and results.finish_button.isHidden()
    assert results.categories.item(0).text() == "缺失\u30004"  # all shelves: B01's 00000014 is missing too
    page.export_report(stocktake_id, str(tmp_path / "report"))
    assert page.status.text() == "盘点报告已保存：{}".format(tmp_path / "report.xlsx")
    book = load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames[0] == "汇总" and book["缺失"].max_row == 2 + 4
