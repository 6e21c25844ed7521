"""Translations: extract, fill and compile (the build step for .qm files).

    python scripts/i18n.py update    # lupdate all sources -> resources/i18n/bookroom_en.ts,
                                     # then fill English from resources/i18n/en/*.json
    python scripts/i18n.py check     # exit 1 listing strings with no English
    python scripts/i18n.py compile   # lrelease -> resources/i18n/bookroom_en.qm
    python scripts/i18n.py missing   # print a JSON skeleton of untranslated strings

The program's source strings are Simplified Chinese. English lives in small JSON files, one
per area of the program ({"Context": {"中文": "English"}}), so that people working on different
pages never edit the same file; the .ts file stays what Qt Linguist and lrelease read.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bookroom_desk"
I18N = PACKAGE / "resources" / "i18n"
TS = I18N / "bookroom_en.ts"
QM = I18N / "bookroom_en.qm"


def _tool(name: str) -> str:
    import PySide6

    path = Path(PySide6.__file__).resolve().parent / (name + (".exe" if sys.platform == "win32" else ""))
    return str(path)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def load_json() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((I18N / "en").glob("*.json")):
        for context, pairs in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(context, {}).update(pairs)
    return merged


def unfinished(tree: ET.ElementTree) -> list[tuple[str, str]]:
    result = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished",) or not (translation.text or ""):
                if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                    continue
                result.append((name, message.findtext("source")))
    return result


def update() -> int:
    subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-source-language", "zh_CN", "-target-language", "en", *sources(), "-ts", str(TS)],
                   check=True, cwd=ROOT)
    tree = ET.parse(TS)
    english = load_json()
    for context in tree.getroot().iter("context"):
        pairs = english.get(context.findtext("name"), {})
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source in pairs and translation is not None:
                translation.text = pairs[source]
                translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    missing = unfinished(ET.parse(TS))
    print(f"{TS.relative_to(ROOT)}: {len(missing)} string(s) without English")
    return 0


def check() -> int:
    missing = unfinished(ET.parse(TS))
    for context, source in missing:
        print(f"{context}: {source}")
    return 1 if missing else 0


def missing_skeleton() -> int:
    skeleton: dict[str, dict[str, str]] = {}
    for context, source in unfinished(ET.parse(TS)):
        skeleton.setdefault(context, {})[source] = ""
    print(json.dumps(skeleton, ensure_ascii=False, indent=2))
    return 0


def compile_qm() -> int:
    subprocess.run([_tool("lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)
    print(f"compiled {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    commands = {"update": update, "check": check, "compile": compile_qm, "missing": missing_skeleton}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    sys.exit(commands[sys.argv[1]]())
