"""English text uses English punctuation: no full-width marks in any translation, nor in composed messages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from bookroom_desk import i18n_tools, text
from bookroom_desk.i18n import install_cli_translator
from bookroom_desk.services.xlsx.problems import RowProblem

FULL_WIDTH = re.compile("[（）：；，。“”！？、]")


@pytest.fixture
def english():
    install_cli_translator("en")
    yield
    text.install(None)


def test_no_english_translation_has_full_width_punctuation():
    offenders = []
    for path in sorted((i18n_tools.I18N / "en").glob("*.json")):
        for context, pairs in json.loads(path.read_text(encoding="utf-8")).items():
            offenders += [f"{path.name} {context}: {e}" for e in pairs.values() if FULL_WIDTH.search(e)]
    for message in ET.parse(i18n_tools.TS).getroot().iter("message"):
        for form in [message.find("translation"), *message.iter("numerusform")]:
            if form is not None and form.text and FULL_WIDTH.search(form.text):
                offenders.append(f"bookroom_en.ts: {form.text}")
    assert offenders == [], "full-width punctuation in English:\n" + "\n".join(offenders)


def test_composed_messages_use_english_separators(english):
    problems = [RowProblem(2, "ISBN", "ISBN“{value}”的校验位不对，请核对。", {"value": "9787111000008"}),
                RowProblem(3, "册数", "数量“{value}”不是 1 到 {most} 之间的整数。", {"value": "-1", "most": 999})]
    joined = text.join_phrases(text.labelled(p.column, p.message) for p in problems)
    assert joined.startswith('ISBN: The check digit of ISBN "9787111000008"')
    assert "; " in joined
    assert text.join_list(["a", "b"]) == "a, b"
    assert not FULL_WIDTH.search(str(problems[0])), str(problems[0])
    assert not FULL_WIDTH.search(joined), joined


def test_import_preview_problems_in_english(english):
    from bookroom_desk.services.catalogue.book_import import RowPreview
    from bookroom_desk.ui.catalogue.import_preview import ImportPreviewModel

    assert RowPreview  # the model joins a row's problems
    quantity = RowProblem(2, "册数", "数量“{value}”不是 1 到 {most} 之间的整数。", {"value": "-1", "most": 999})
    row = type("Row", (), {"problems": [RowProblem(2, "ISBN", "ISBN“{value}”的校验位不对，请核对。", {"value": "1"}),
                                        quantity]})()
    shown = ImportPreviewModel.problems_text(None, row)
    assert shown.startswith("ISBN: ") and "; " in shown
    assert not FULL_WIDTH.search(shown), shown


def test_chinese_keeps_chinese_separators():
    assert text.join_phrases([text.labelled("书号", "不对"), "乙"]) == "书号：不对；乙"
    assert text.join_list(["甲", "乙"]) == "甲、乙"
