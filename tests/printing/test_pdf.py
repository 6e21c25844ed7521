"""Label PDFs read back: every barcode decodes to its number, in the label cell it was meant for."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from bookroom_desk.printing.label_painting import LabelSheets, label_families, write_pdf
from bookroom_desk.printing.layouts import PRESETS
from bookroom_desk.services.catalogue.label_items import (
    BOOKS,
    READERS,
    SHELVES,
    SPINE,
    BookLabel,
    LabelSet,
    Selection,
    gather,
)
from tests.support.decode import decoded_cells, needs_pdftoppm, read_page, render_pages
from tests.support.label_room import ROOM, build_room

pytestmark = needs_pdftoppm


def expected_cells(sheets: LabelSheets, codes: list[str]) -> list[dict[int, str]]:
    pages: list[dict[int, str]] = [{} for _ in range(sheets.page_count)]
    for index, code in enumerate(codes):
        page, cell = sheets.place(index)
        pages[page][cell] = code
    return pages


@pytest.mark.parametrize("layout_key", ["3x8", "3x10", "4x10", "2x7", "5x13", "card"])
def test_book_labels_decode_to_their_numbers_in_their_cells(qapp, tmp_path, layout_key):
    layout = PRESETS[layout_key]
    codes = [f"{n:08d}" for n in range(1, layout.cells + 4)]  # one full sheet and three on the next
    labels = LabelSet(BOOKS, ROOM, [BookLabel(code, "劳动合同法释义", "D922.5/12") for code in codes])
    sheets = LabelSheets(labels, layout)
    pdf = tmp_path / "books.pdf"
    assert write_pdf(sheets, pdf) == 2
    assert decoded_cells(pdf, layout) == expected_cells(sheets, codes)


def test_printing_starts_at_the_chosen_position_of_a_used_sheet(qapp, tmp_path):
    layout = PRESETS["3x8"]
    codes = [f"{n:08d}" for n in range(41, 51)]
    sheets = LabelSheets(LabelSet(BOOKS, ROOM, [BookLabel(code) for code in codes]), layout, start=20)
    pdf = tmp_path / "used.pdf"
    write_pdf(sheets, pdf)
    pages = decoded_cells(pdf, layout)
    assert pages == [{19 + i: codes[i] for i in range(5)}, {i: codes[5 + i] for i in range(5)}]


def test_each_kind_from_the_database_reads_back(qapp, db, tmp_path):
    with db.write() as session:
        room = build_room(session)
    with db.read() as session:
        readers = gather(session, READERS, Selection(ids=tuple(room.reader_ids[:2])))
        shelves = gather(session, SHELVES, Selection())
        books = gather(session, BOOKS, Selection(batch_id=room.batch_id))
    for labels, layout, expected in (
            (readers, PRESETS["card"], ["R000001", "R000002"]),
            (shelves, PRESETS["2x7"], ["SJ-A01", "SJ-D02", "SJ-T01"]),
            (books, PRESETS["3x8"], room.batch_barcodes)):
        pdf = tmp_path / f"{labels.kind}.pdf"
        sheets = LabelSheets(labels, layout, start=2)
        write_pdf(sheets, pdf)
        assert decoded_cells(pdf, layout) == expected_cells(sheets, expected)


def test_spine_labels_carry_no_barcode_and_fill_only_their_cells(qapp, db, tmp_path):
    with db.write() as session:
        room = build_room(session)
    with db.read() as session:
        spine = gather(session, SPINE, Selection(batch_id=room.batch_id))
    layout = PRESETS["spine"]
    pdf = tmp_path / "spine.pdf"
    write_pdf(LabelSheets(spine, layout, start=3), pdf)
    assert decoded_cells(pdf, layout) == [{}]
    page = render_pages(pdf, 100)[0]
    inked = set()
    for cell in range(layout.cells):
        left, top, width, height = (round(v * 100 / 25.4) for v in layout.cell_rect(cell))
        if page.convert("L").crop((left, top, left + width, top + height)).getextrema()[0] < 128:
            inked.add(cell)
    assert inked == {2, 3, 4, 5, 6}


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed")
def test_chinese_text_is_set_in_simplified_chinese_shapes(qapp, tmp_path):
    if "Noto Sans CJK SC" not in label_families():
        pytest.skip("Noto Sans CJK SC is not installed here")
    pdf = tmp_path / "room.pdf"
    write_pdf(LabelSheets(LabelSet(BOOKS, ROOM, [BookLabel("00000001", "劳动合同法释义")]), PRESETS["3x8"]), pdf)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansCJKsc" in fonts.replace(" ", "") or "NotoSansCJKSC" in fonts.replace(" ", "")


def test_a_shift_moves_everything_printed_by_that_much(qapp, tmp_path):
    layout = PRESETS["2x7"]
    labels = LabelSet(BOOKS, ROOM, [BookLabel("00000001"), BookLabel("00000002")])
    plain, shifted = tmp_path / "plain.pdf", tmp_path / "shifted.pdf"
    write_pdf(LabelSheets(labels, layout), plain)
    write_pdf(LabelSheets(labels, layout, shift=(3.0, -1.5)), shifted)
    before = {text: (x, y) for text, x, y in read_page(render_pages(plain)[0])}
    after = {text: (x, y) for text, x, y in read_page(render_pages(shifted)[0])}
    assert set(before) == set(after) == {"00000001", "00000002"}
    for code in before:
        assert after[code][0] - before[code][0] == pytest.approx(3.0, abs=0.2)
        assert after[code][1] - before[code][1] == pytest.approx(-1.5, abs=0.2)


def test_outlines_print_the_edges_of_every_label_for_a_trial_on_plain_paper(qapp, tmp_path):
    layout = PRESETS["3x8"]
    labels = LabelSet(BOOKS, ROOM, [BookLabel("00000001")])
    pdf = tmp_path / "trial.pdf"
    write_pdf(LabelSheets(labels, layout, outlines=True), pdf)
    page = render_pages(pdf, 100)[0].convert("L")
    x, y, w, h = layout.cell_rect(23)  # the last label, left empty
    middle_of_top_edge = (round((x + w / 2) * 100 / 25.4), round(y * 100 / 25.4))
    middle = (round((x + w / 2) * 100 / 25.4), round((y + h / 2) * 100 / 25.4))
    window = page.crop((middle_of_top_edge[0] - 2, middle_of_top_edge[1] - 2,
                        middle_of_top_edge[0] + 3, middle_of_top_edge[1] + 3))
    assert window.getextrema()[0] < 160
    assert page.getpixel(middle) > 240
    assert decoded_cells(pdf, layout) == [{0: "00000001"}]


def test_a_printer_prints_from_the_paper_edge_and_only_the_pages_asked_for(qapp, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from bookroom_desk.printing.label_painting import print_sheets

    layout = PRESETS["3x8"]
    codes = [f"{n:08d}" for n in range(1, 51)]  # three sheets: 24, 24 and 2
    sheets = LabelSheets(LabelSet(BOOKS, ROOM, [BookLabel(code) for code in codes]), layout)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    progress = []
    print_sheets(sheets, printer, lambda done, total: progress.append((done, total)))
    assert decoded_cells(tmp_path / "printed.pdf", layout) == [{i: codes[24 + i] for i in range(24)},
                                                              {0: codes[48], 1: codes[49]}]
    assert progress == [(24, 26), (26, 26)]


def test_a_code_no_barcode_can_hold_is_refused_before_the_file_is_begun(qapp, tmp_path):
    from bookroom_desk.errors import InvalidInput
    from bookroom_desk.services.catalogue.label_items import ShelfLabel

    labels = LabelSet(SHELVES, ROOM, [ShelfLabel("A01", "SJ-A01"), ShelfLabel("社科", "SJ-社科", "社会科学")])
    pdf = tmp_path / "shelves.pdf"
    with pytest.raises(InvalidInput, match="SJ-社科"):
        write_pdf(LabelSheets(labels, PRESETS["2x7"]), pdf)
    assert not pdf.exists()


def test_sheets_too_narrow_for_a_cheap_scanner_are_told(qapp):
    from bookroom_desk.printing.layouts import custom_from

    narrow = custom_from({**PRESETS["5x13"].numbers(), "label_width": 24.0})
    labels = LabelSet(BOOKS, ROOM, [BookLabel("00000001"), BookLabel("00000002")])
    assert LabelSheets(labels, narrow).narrow_barcodes() == ["00000001", "00000002"]
    assert LabelSheets(labels, PRESETS["5x13"]).narrow_barcodes() == []
    assert LabelSheets(LabelSet(SPINE, ROOM, []), narrow).narrow_barcodes() == []
