"""The translation build step: extract with lupdate, fill English from JSON, compile with lrelease.

Used by scripts/i18n.py (by hand and when packaging) and by the test that fails on any string
without English. The program's source strings are Simplified Chinese; English lives in small JSON
files, one per area ({"Context": {"中文": "English"}}), so that people working on different pages
never edit the same file; the .ts file stays what Qt Linguist and lrelease read.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
I18N = PACKAGE / "resources" / "i18n"
TS = I18N / "bookroom_en.ts"
QM = I18N / "bookroom_en.qm"


def qt_tool(name: str) -> str:
    import PySide6

    return str(Path(PySide6.__file__).resolve().parent / (name + (".exe" if sys.platform == "win32" else "")))


def sources() -> list[str]:
    return sorted(str(p) for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def english() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((I18N / "en").glob("*.json")):
        for context, pairs in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(context, {}).update(pairs)
    return merged


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message with no English."""
    result = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or ""):
                result.append((name, message.findtext("source")))
    return result


def update(ts: Path = TS) -> list[tuple[str, str]]:
    """Extract every string into ``ts``, fill English from the JSON files; return what lacks English."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    # lupdate merges into an existing file; start from the committed one so the result is stable.
    if ts != TS and TS.exists() and not ts.exists():
        ts.write_bytes(TS.read_bytes())
    subprocess.run([qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-source-language",
                    "zh_CN", "-target-language", "en", *sources(), "-ts", str(ts)], check=True, cwd=ROOT)
    tree = ET.parse(ts)
    pairs_by_context = english()
    for context in tree.getroot().iter("context"):
        pairs = pairs_by_context.get(context.findtext("name"), {})
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if translation is not None and source in pairs and pairs[source]:
                translation.text = pairs[source]
                translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return unfinished(ts)


def compile_qm(ts: Path = TS, qm: Path = QM) -> Path:
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


#: Letters swapped for accented look-alikes in the pseudo-translation (width and height both grow).
_ACCENTS = str.maketrans("AaCcEeGgIiLlNnOoSsUuYyZz", "ÀâÇçÉéĜĝÎîĹĺÑñÖöŠšÛûÝýŽž")
_KEEP = re.compile(r"(\{[^{}]*\}|%n|%L?\d+|<[^<>]*>|&[a-z]+;|\\n|\n)")  # fields, tags, line breaks


def stretch(text: str) -> str:
    """English made ~40% longer with accents, fields and tags untouched: '[Šéttîñĝš ·]'."""
    parts = _KEEP.split(text)
    body = "".join(part if _KEEP.fullmatch(part) else part.translate(_ACCENTS) for part in parts)
    visible = sum(len(part) for part in parts if not _KEEP.fullmatch(part))
    padding = max(1, round(visible * 0.4) - 3)  # in short words, so word-wrapped labels still wrap
    return f"[{body} {' '.join(['··'] * (padding // 3) + ['·' * (padding % 3)]).strip()}]" if visible else body


def pseudo(qm: Path, ts: Path = TS) -> Path:
    """Compile a pseudo-translation of ``ts``'s English into ``qm``, to see layouts with longer text."""
    tree = ET.parse(ts)
    for translation in tree.getroot().iter("translation"):
        forms = translation.findall("numerusform") or [translation]
        for form in forms:
            if form.text:
                form.text = stretch(form.text)
    qm.parent.mkdir(parents=True, exist_ok=True)
    stretched = qm.with_suffix(".ts")
    tree.write(stretched, encoding="utf-8", xml_declaration=True)
    return compile_qm(stretched, qm)
