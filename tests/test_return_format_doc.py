"""docs/return-format.md states the format the code writes: every sheet, indicator and property is named there."""

from __future__ import annotations

from pathlib import Path

from bookroom_desk.services.reporting import filing_format
from bookroom_desk.services.reporting.indicators import INDICATORS

DOC = (Path(__file__).resolve().parent.parent / "docs" / "return-format.md").read_text(encoding="utf-8")


def test_the_document_names_every_sheet_in_order():
    places = [DOC.index(f"**{name}**") for name in filing_format.SHEETS]
    assert places == sorted(places)


def test_the_document_gives_every_indicator_with_its_label_and_meaning_as_the_code_writes_them():
    for indicator in INDICATORS:
        assert f"| {indicator.label} | `{indicator.key}` | {indicator.note} |" in DOC, indicator.key


def test_the_document_names_every_property_and_the_format_version():
    for name in ("PROP_FORMAT", "PROP_PROGRAM", "PROP_VERSION", "PROP_START", "PROP_END", "PROP_ROOM", "PROP_LENT_COPIES"):
        assert f"`{getattr(filing_format, name)}`" in DOC, name
    assert f"format version {filing_format.FORMAT_VERSION}" in DOC
