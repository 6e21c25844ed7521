"""The icon in every size Windows and Linux ask for, and a Linux .desktop entry that uses it."""

from __future__ import annotations

import configparser
from pathlib import Path

from PIL import Image

from bookroom_desk.config import RESOURCES_DIR

ICONS = RESOURCES_DIR / "icons"
DESKTOP = Path(__file__).resolve().parents[2] / "packaging" / "bookroom-desk.desktop"


def test_the_windows_icon_holds_every_size_from_16_to_256():
    with Image.open(ICONS / "bookroom-desk.ico") as ico:
        sizes = {width for width, _height in ico.info["sizes"]}
    assert {16, 24, 32, 48, 64, 128, 256} <= sizes


def test_a_png_for_each_hicolor_size():
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ICONS / f"bookroom-desk-{size}.png") as png:
            assert png.size == (size, size) and png.mode == "RGBA"


def test_the_desktop_entry_starts_the_program_with_its_icon_in_both_languages():
    entry = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Exec"] == "bookroom-desk"
    assert section["Icon"] == "bookroom-desk"  # installed as hicolor/<size>/apps/bookroom-desk.png
    assert section["Name[zh_CN]"] == "职工书屋管理台" and section["Name"] == "Bookroom Desk"
    assert section["Categories"].endswith(";") and section["Terminal"] == "false"


def test_the_window_carries_the_icon(qapp):
    from bookroom_desk.ui.app import window_icon

    assert {size.width() for size in window_icon().availableSizes()} >= {16, 32, 48, 256}
