"""Every visible string has English, and the committed translation file is up to date."""

from __future__ import annotations

from bookroom_desk import i18n_tools


def test_every_string_has_english_and_the_ts_file_is_current(tmp_path):
    fresh = tmp_path / "bookroom_en.ts"
    missing = i18n_tools.update(fresh)
    assert missing == [], "strings without English (add them to resources/i18n/en/*.json):\n" + "\n".join(
        f"  {context}: {source}" for context, source in missing)
    assert fresh.read_text(encoding="utf-8") == i18n_tools.TS.read_text(encoding="utf-8"), (
        "resources/i18n/bookroom_en.ts is out of date: run `python scripts/i18n.py update` and commit it")


def test_english_compiles_and_loads(qapp, tmp_path):
    from PySide6.QtCore import QTranslator

    qm = i18n_tools.compile_qm(i18n_tools.TS, tmp_path / "en.qm")
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "扫码台") == "Desk"


def test_every_marked_string_names_its_context_literally():
    """The extractor reads source text: QT_TRANSLATE_NOOP(CONTEXT, ...) is never collected, so never translated."""
    import ast
    from pathlib import Path

    import bookroom_desk

    hidden = []
    for path in Path(bookroom_desk.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == \
                    "QT_TRANSLATE_NOOP" and node.args and not isinstance(node.args[0], ast.Constant):
                hidden.append(f"{path.name}:{node.lineno}")
    assert hidden == []
