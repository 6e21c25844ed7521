"""The spec leaves out only Qt modules the program never imports (a page may import one late)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "bookroom-desk.spec"


def excluded_qt_modules() -> set[str]:
    text = SPEC.read_text(encoding="utf-8")
    block = text[text.index("excludes = ["):text.index("a = Analysis(")]
    return set(re.findall(r'"(Qt\w+)"', block))


def imported_qt_modules() -> dict[str, str]:
    found = {}
    for path in (ROOT / "bookroom_desk").rglob("*.py"):
        for name in re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")):
            found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_no_qt_module_the_program_imports_is_left_out_of_the_bundle():
    excluded = excluded_qt_modules()
    assert {"QtWebEngineCore", "QtQml", "QtMultimediaWidgets"} <= excluded  # the list was read
    imported = imported_qt_modules()
    assert {"QtCore", "QtWidgets"} <= set(imported)
    wrongly = {name: where for name, where in imported.items() if name in excluded}
    assert not wrongly, f"remove these from the excludes in packaging/bookroom-desk.spec: {wrongly}"
