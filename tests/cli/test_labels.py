"""`bookroom-desk labels`: label sheets as PDF from the command line, and clear refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bookroom_desk.cli import main
from bookroom_desk.printing.layouts import PRESETS
from bookroom_desk.store.migrate import open_database
from tests.support.decode import decoded_cells, needs_pdftoppm
from tests.support.label_room import build_room


@pytest.fixture
def room_db(tmp_path, qapp):
    """A room database file; ``qapp`` stands for the GUI application the command would start."""
    path = tmp_path / "room.db"
    database = open_database(f"sqlite:///{path}")
    with database.write() as session:
        room = build_room(session)
    database.dispose()
    return str(path), room


def test_a_batch_of_book_labels_as_json(room_db, tmp_path, capsys):
    db, room = room_db
    out = tmp_path / "batch.pdf"
    assert main(["--db", db, "labels", "books", "--batch", str(room.batch_id), "--start", "23", "-o", str(out),
                 "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert (result["labels"], result["pages"], result["layout"], result["start"]) == (5, 2, "3x8", 23)
    assert result["placements"][:3] == [{"code": "00000001", "page": 1, "position": 23},
                                        {"code": "00000002", "page": 1, "position": 24},
                                        {"code": "00000003", "page": 2, "position": 1}]


@needs_pdftoppm
def test_a_range_prints_every_number_and_reads_back(room_db, tmp_path, capsys):
    db, _ = room_db
    out = tmp_path / "range.pdf"
    assert main(["--db", db, "labels", "books", "--range", "00000095-00000104", "--layout", "5x13", "-o",
                 str(out)]) == 0
    assert "已生成 10 个标签，1 页" in capsys.readouterr().out
    assert decoded_cells(out, PRESETS["5x13"]) == [{i: f"{95 + i:08d}" for i in range(10)}]


@needs_pdftoppm
def test_readers_by_card_and_shelves_by_code(room_db, tmp_path, capsys):
    db, _ = room_db
    cards, shelves = tmp_path / "cards.pdf", tmp_path / "shelves.pdf"
    assert main(["--db", db, "labels", "readers", "--barcodes", "R000002", "r000001", "-o", str(cards)]) == 0
    assert main(["--db", db, "labels", "shelves", "--barcodes", "T01", "SJ-A01", "-o", str(shelves)]) == 0
    assert decoded_cells(cards, PRESETS["card"]) == [{0: "R000002", 1: "R000001"}]
    assert decoded_cells(shelves, PRESETS["2x7"]) == [{0: "SJ-T01", 1: "SJ-A01"}]


def test_shelves_default_to_all_and_spine_warns_about_missing_call_numbers(room_db, tmp_path, capsys):
    db, room = room_db
    assert main(["--db", db, "labels", "shelves", "-o", str(tmp_path / "s.pdf"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["labels"] == 3
    assert main(["--db", db, "labels", "spine", "--all", "-o", str(tmp_path / "spine.pdf"), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["skipped"] == [room.uncatalogued_barcode]
    assert room.uncatalogued_barcode in captured.err and "索书号" in captured.err


@pytest.mark.parametrize("args, message", [
    (["books"], "--batch、--barcodes、--range 或 --all"),
    (["readers", "--batch", "1"], "--batch 只用于"),
    (["shelves", "--range", "A01-A09"], "不能按范围"),
    (["books", "--range", "1-100"], "00000001-00000100"),
    (["books", "--barcodes", "00000001", "00004040"], "00004040"),
    (["books", "--all", "--start", "25"], "1 到 24"),
    (["books", "--batch", "77"], "77"),
    (["readers", "--barcodes", "R999999"], "R999999"),
])
def test_bad_input_exits_1_with_a_clear_message(room_db, tmp_path, capsys, args, message):
    db, _ = room_db
    out = tmp_path / "x.pdf"
    assert main(["--db", db, "labels", *args, "-o", str(out)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("option", [["--layout", "9x9"], ["--shift", "12,0"], ["--shift", "1"], ["--start", "x"]])
def test_bad_options_are_refused_by_the_parser(room_db, tmp_path, capsys, option):
    db, _ = room_db
    with pytest.raises(SystemExit) as caught:
        main(["--db", db, "labels", "books", "--all", *option, "-o", str(tmp_path / "x.pdf")])
    assert caught.value.code == 2
    assert option[0] in capsys.readouterr().err


@needs_pdftoppm
def test_a_trial_sheet_with_outlines_and_a_shift(room_db, tmp_path, capsys):
    db, _ = room_db
    out = tmp_path / "trial.pdf"
    assert main(["--db", db, "labels", "shelves", "--outlines", "--shift", "1,-0.5", "-o", str(out)]) == 0
    assert decoded_cells(out, PRESETS["2x7"]) == [{0: "SJ-A01", 1: "SJ-D02", 2: "SJ-T01"}]


def test_an_unwritable_file_is_said(room_db, tmp_path, capsys):
    db, _ = room_db
    assert main(["--db", db, "labels", "books", "--all", "-o", str(tmp_path / "no" / "such" / "x.pdf")]) == 1
    assert f"文件夹“{tmp_path / 'no' / 'such'}”不存在" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_help_explains_the_choices(capsys):
    with pytest.raises(SystemExit):
        main(["labels", "--help"])
    help_text = capsys.readouterr().out
    for word in ("--range", "--start", "3x8", "spine", "card", "custom", "读者证号", "书架代码"):
        assert word in help_text


def test_the_command_starts_its_own_gui_application(room_db, tmp_path):
    db, _ = room_db
    out = tmp_path / "own.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, "-m", "bookroom_desk", "--db", db, "--lang", "en", "labels", "shelves",
                           "-o", str(out)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout and out.read_bytes().startswith(b"%PDF")
