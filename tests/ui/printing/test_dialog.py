"""The label dialog: what to print, the sheet and the start position, the preview, PDF and printer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from bookroom_desk.printing import layouts
from bookroom_desk.services.catalogue import label_items as label_service
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.ui.printing import dialog as dialog_module
from bookroom_desk.ui.printing.dialog import LabelDialog, open_label_dialog
from tests.support.decode import decoded_cells, needs_pdftoppm
from tests.support.label_room import build_room


@pytest.fixture(autouse=True)
def scratch_pc_settings(tmp_path, monkeypatch):
    """This PC's settings in a scratch file, so tests neither read nor leave the user's."""
    path = str(tmp_path / "pc.ini")
    monkeypatch.setattr(dialog_module, "pc_settings", lambda: QSettings(path, QSettings.Format.IniFormat))


@pytest.fixture
def room(db):
    with db.write() as session:
        return build_room(session)


@pytest.fixture
def dialog_for(ctx, qtbot, sync_tasks):
    def make(**kwargs) -> LabelDialog:
        dialog = open_label_dialog(None, ctx, **kwargs)
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        return dialog
    return make


def test_a_batch_opens_with_its_labels_in_the_preview(dialog_for, room):
    dialog = dialog_for(kind="books", batch_id=room.batch_id)
    assert dialog.source_combo.currentData() == "batch"
    assert dialog.batch_combo.currentData() == room.batch_id and dialog.batch_combo.isVisible()
    assert not dialog.codes_edit.isVisible()
    assert [item.barcode for item in dialog.labels.items] == room.batch_barcodes
    assert dialog.summary.text() == "共 5 个标签，1 页。"
    assert dialog.preview.page_label.text() == "第 1 / 1 页"
    assert not dialog.preview.view.image.isNull()
    assert dialog.layout_combo.currentData() == "3x8"
    assert dialog.print_button.isEnabled() and dialog.pdf_button.isEnabled()


def test_a_catalogue_selection_is_offered_first(dialog_for, room):
    dialog = dialog_for(kind="books", barcodes=["00000003", "00000001"])
    assert dialog.source_combo.currentText() == "所选图书（2 册）"
    assert [item.barcode for item in dialog.labels.items] == ["00000003", "00000001"]


def test_a_typed_range_prints_ahead_and_a_bad_one_is_explained(dialog_for, room, qtbot):
    dialog = dialog_for(kind="books")
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("typed"))
    assert dialog.codes_edit.isVisible()
    qtbot.keyClicks(dialog.codes_edit, "00000020 - 00000049")
    qtbot.keyClick(dialog.codes_edit, Qt.Key.Key_Return)
    assert len(dialog.labels.items) == 30 and dialog.summary.text() == "共 30 个标签，2 页。"
    dialog.codes_edit.clear()
    qtbot.keyClicks(dialog.codes_edit, "00000020-0049")
    qtbot.keyClick(dialog.codes_edit, Qt.Key.Key_Return)
    assert dialog.labels is None
    assert "00000001-00000100" in dialog.message.text()
    assert not dialog.print_button.isEnabled() and not dialog.pdf_button.isEnabled()
    dialog.codes_edit.clear()
    qtbot.keyClicks(dialog.codes_edit, "00000001 00007777")
    qtbot.keyClick(dialog.codes_edit, Qt.Key.Key_Return)
    assert "00007777" in dialog.message.text()


def test_the_start_position_is_picked_on_the_sheet_picture(dialog_for, room, qtbot):
    dialog = dialog_for(kind="books", batch_id=room.batch_id)
    picker = dialog.start_picker
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=picker.cell_box(22).center().toPoint())
    assert dialog.start_spin.value() == 23
    assert dialog.start_where.text() == "第 8 行第 2 列"
    assert dialog.summary.text() == "共 5 个标签，2 页。"
    assert dialog.sheets().place(0) == (0, 22) and dialog.sheets().place(2) == (1, 0)
    qtbot.mouseClick(dialog.preview.next_button, Qt.MouseButton.LeftButton)
    assert dialog.preview.page_label.text() == "第 2 / 2 页"


def test_spine_labels_say_which_copies_need_a_call_number_first(dialog_for, room):
    dialog = dialog_for(kind="spine", barcodes=[room.uncatalogued_barcode, "00000001"])
    assert dialog.layout_combo.currentData() == "spine"
    assert len(dialog.labels.items) == 1
    assert room.uncatalogued_barcode in dialog.message.text() and "索书号" in dialog.message.text()


def test_readers_and_shelves(dialog_for, room):
    dialog = dialog_for(kind="readers", reader_ids=room.reader_ids[:2])
    assert dialog.source_combo.currentText() == "所选读者（2 人）"
    assert dialog.layout_combo.currentData() == "card"
    assert [card.card for card in dialog.labels.items] == ["R000001", "R000002"]
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("shelves"))
    assert dialog.source_combo.currentData() == "all"
    assert [shelf.barcode for shelf in dialog.labels.items] == ["SJ-A01", "SJ-D02", "SJ-T01"]


@needs_pdftoppm
def test_save_as_pdf_writes_the_labels_where_the_preview_shows_them(dialog_for, room, qtbot, tmp_path, monkeypatch,
                                                                    db):
    target = tmp_path / "批次标签"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF (*.pdf)"))
    dialog = dialog_for(kind="books", batch_id=room.batch_id)
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("4x10"))
    dialog.start_spin.setValue(7)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "批次标签.pdf"
    assert pdf.exists()
    assert "已保存 5 个标签（1 页）" in dialog.message.text()
    assert decoded_cells(pdf, layouts.PRESETS["4x10"]) == [{6 + i: code for i, code in enumerate(room.batch_barcodes)}]
    with db.read() as session:
        assert label_service.chosen_layout(session, "books") == "4x10"


@needs_pdftoppm
def test_printing_goes_through_the_system_dialog_onto_the_paper_edges(dialog_for, room, qtbot, tmp_path,
                                                                      monkeypatch):
    target = tmp_path / "printed.pdf"

    def accept(self):  # the user picks a printer: here, Qt's PDF printer
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog = dialog_for(kind="readers", reader_ids=room.reader_ids[:2])
    dialog.start_spin.setValue(4)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert "已送往打印机：2 个标签" in dialog.message.text()
    assert decoded_cells(target, layouts.PRESETS["card"]) == [{3: "R000001", 4: "R000002"}]


def test_a_custom_sheet_is_checked_previewed_and_kept_for_the_room(dialog_for, room, qtbot, db):
    dialog = dialog_for(kind="books", batch_id=room.batch_id)
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("custom"))
    editor = dialog.custom_editor
    assert editor.isVisible()
    editor.fields["columns"].setValue(4)
    assert "排不下" in editor.problem.text()
    assert dialog.layout_.columns == 3  # the preview keeps the last sheet that fits
    editor.fields["label_width"].setValue(50.0)
    assert editor.problem.text() == "" and dialog.layout_.columns == 4
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    with db.read() as session:
        stored = layouts.load_custom(session)
    assert (stored.columns, stored.label_width) == (4, 50.0)
    assert "已保存" in editor.problem.text()


def test_the_room_s_last_sheet_comes_up_first(dialog_for, room, db):
    with db.write() as session:
        label_service.remember_layout(session, "books", "5x13", actor=OPERATOR)
    dialog = dialog_for(kind="books", batch_id=room.batch_id)
    assert dialog.layout_combo.currentData() == "5x13"
    assert dialog.start_spin.maximum() == 65


def test_the_printer_shift_is_kept_for_this_pc_and_outlines_are_offered(dialog_for, room):
    dialog = dialog_for(kind="books", batch_id=room.batch_id)
    assert dialog.sheets().shift == (0.0, 0.0) and not dialog.sheets().outlines
    dialog.shift_x.setValue(2.5)
    dialog.shift_y.setValue(-1.0)
    dialog.outlines_check.setChecked(True)
    assert dialog.sheets().shift == (2.5, -1.0) and dialog.sheets().outlines
    again = dialog_for(kind="spine", batch_id=room.batch_id)
    assert (again.shift_x.value(), again.shift_y.value()) == (2.5, -1.0)
    assert not again.outlines_check.isChecked()  # a trial print is chosen each time


def test_a_code_no_barcode_can_hold_is_explained_not_painted(dialog_for, room, db):
    with db.write() as session:
        from bookroom_desk.store.models import Shelf

        session.add(Shelf(code="社科", name="社会科学"))
    dialog = dialog_for(kind="shelves")
    assert dialog.labels is None and "Code 128" in dialog.message.text()
    assert not dialog.pdf_button.isEnabled()


def test_a_sheet_too_narrow_for_the_scanner_is_warned_about(dialog_for, room):
    dialog = dialog_for(kind="books", batch_id=room.batch_id)
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("custom"))
    dialog.custom_editor.fields["columns"].setValue(8)
    dialog.custom_editor.fields["label_width"].setValue(24.0)
    assert dialog.layout_.columns == 8
    assert "0.25 毫米" in dialog.summary.text() and "00000001" in dialog.summary.text()


def test_labels_are_gathered_and_written_off_the_gui_thread_and_closing_waits(ctx, qtbot, room, tmp_path,
                                                                              monkeypatch):
    target = tmp_path / "async.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    dialog = LabelDialog(ctx, "books", batch_id=room.batch_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.labels is not None)  # gathered on a worker thread
    assert len(dialog.labels.items) == 5
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    dialog.reject()  # at once, while the PDF may still be written
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes().rstrip().endswith(b"%%EOF")


def test_the_preview_is_painted_again_at_the_new_size(dialog_for, room, qtbot):
    dialog = dialog_for(kind="books", batch_id=room.batch_id)
    before = dialog.preview.view.image.height()
    dialog.resize(dialog.width() + 300, dialog.height() + 300)
    qtbot.waitUntil(lambda: dialog.preview.view.image.height() > before)
    page = dialog.preview.view.page_rect()
    assert page.height() <= dialog.preview.view.height()
