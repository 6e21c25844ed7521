"""The PyInstaller bundle builds, starts, and opens the main window on a demo room (offscreen)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bookroom_desk import __version__

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None,
                       reason="needs PyInstaller (pip install -e '.[test]'); scripts/test.sh installs it"),
]

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "bookroom-desk.spec"
PROGRAM = "bookroom-desk.exe" if sys.platform == "win32" else "bookroom-desk"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """dist/bookroom-desk/ built once for this module (about two minutes on two cores)."""
    out = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-6000:]
    return out / "dist" / "bookroom-desk"


@pytest.fixture
def run(bundle, tmp_path):
    """Run the bundled program offscreen, with its data folder in tmp_path."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("BOOKROOM_", "PYTHON"))}
    env.update(QT_QPA_PLATFORM="offscreen", BOOKROOM_DATA_DIR=str(tmp_path / "data"))

    def run_program(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([str(bundle / PROGRAM), *args], env=env, capture_output=True, text=True,
                              encoding="utf-8", timeout=timeout)

    return run_program


def test_the_bundle_tells_its_version(run):
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"bookroom-desk {__version__}"


def test_the_bundle_opens_the_main_window_on_a_demo_room(run, tmp_path):
    db = str(tmp_path / "room.db")
    demo = run("--db", db, "demo", "--volumes", "300", "--readers", "20", "--json")
    assert demo.returncode == 0, demo.stderr  # migrations (Alembic files) and data (demo titles) are there
    assert json.loads(demo.stdout)["readers"] == 20

    chinese = run("--db", db, "gui", "--quit-when-ready")
    assert chinese.returncode == 0, chinese.stderr
    # Ready to scan, then (once the room is open: its migrations and services are in the bundle) the quit.
    assert chinese.stdout.split() == ["ready", "scanInput", "职工书屋管理台", __version__, "quit"]
    assert "qtbase_zh_CN.qm not found" not in chinese.stderr  # Qt's own dialogs are in Chinese too

    english = run("--db", db, "--lang", "en", "gui", "--quit-when-ready")
    assert english.returncode == 0, english.stderr
    assert english.stdout.splitlines() == [f"ready scanInput Bookroom Desk {__version__}", "quit"]  # bookroom_en.qm

    stats = run("--db", db, "--lang", "en", "stats", "--json")
    assert stats.returncode == 0, stats.stderr


def test_the_bundles_key_worker_process_works_out_a_big_lists_search_keys(run, tmp_path):
    import sqlite3

    import openpyxl

    from bookroom_desk.services.catalogue import search

    rows = search.KEYS_INLINE_MAX + 1  # keyed after the import, by the key worker's second process
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("配送清单")
    sheet.append(["正题名", "责任者", "复本数", "中图分类号"])
    for n in range(rows):
        sheet.append([f"平凡的世界{n}", "路遥", 1, "I247"])
    book.save(tmp_path / "big.xlsx")
    db = tmp_path / "room.db"
    assert run("--db", str(db), "init").returncode == 0
    result = run("--db", str(db), "import-books", str(tmp_path / "big.xlsx"), timeout=300)
    assert result.returncode == 0, result.stderr
    # A bundle whose entry point lacks freeze_support() starts the program again as the "worker": the worker
    # breaks, and the keys are worked out in the program's own process, which says so.
    assert "key worker" not in result.stderr, result.stderr
    assert f"{rows:,}" in result.stdout or str(rows) in result.stdout
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM titles WHERE search_text = ''").fetchone() == (0,)
        assert con.execute("SELECT pinyin FROM titles WHERE title = '平凡的世界7'").fetchone()[0].startswith(
            "pingfandeshijie7")


def test_the_bundle_holds_what_the_program_needs_and_not_what_it_does_not(bundle):
    internal = bundle / "_internal"
    files = {path.relative_to(internal).as_posix() for path in internal.rglob("*") if path.is_file()}
    assert [name for name in files if name.endswith("/translations/qtbase_zh_CN.qm")]  # Qt's dialogs in Chinese
    for needed in ("bookroom_desk/resources/i18n/bookroom_en.qm", "bookroom_desk/resources/i18n/qtbase_extra_zh_CN.qm",
                   "bookroom_desk/store/migrations/env.py", "bookroom_desk/store/migrations/versions/0001_initial.py",
                   "bookroom_desk/data/clc.csv", "bookroom_desk/data/demo_titles.csv",
                   "bookroom_desk/resources/icons/bookroom-desk-256.png",
                   "bookroom_desk/resources/sounds/success.wav", "bookroom_desk/resources/sounds/warning.wav",
                   "bookroom_desk/resources/sounds/refusal.wav"):
        assert needed in files
    plugins = {"/".join(name.split("/")[-2:]) for name in files if "/plugins/" in name}
    assert any(name.startswith("platforms/") and "offscreen" in name for name in plugins)
    assert any(name.startswith("imageformats/") and "qjpeg" in name for name in plugins)  # activity photos
    assert [name for name in files if "QtMultimedia." in name]  # the desk's sounds (QSoundEffect)
    unwanted = ("WebEngine", "Qml", "Quick", "Pdf", "Svg", "MultimediaWidgets", "SpatialAudio", "VirtualKeyboard", "3D")
    assert not [name for name in files if any(word in name for word in unwanted)]
    assert not [name for name in files if name.endswith(".ts") or name.startswith("bookroom_desk/resources/i18n/en/")]
