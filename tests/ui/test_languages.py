"""Both languages reach Qt's own widgets, dates and numbers; the pseudo-translation stretches English."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from bookroom_desk import i18n_tools
from bookroom_desk.i18n import install_app_translators
from bookroom_desk.ui.widgets.format import fmt_date, fmt_int


@pytest.fixture
def language(qapp):
    """Switch the application's language; Chinese again afterwards."""
    yield lambda lang: install_app_translators(qapp, lang)
    install_app_translators(qapp, "zh_CN")


def qt_texts(qtbot) -> dict[str, str]:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = {
        "ok": buttons.button(QDialogButtonBox.StandardButton.Ok).text(),
        "cancel": buttons.button(QDialogButtonBox.StandardButton.Cancel).text(),
        "yes": box.button(QMessageBox.StandardButton.Yes).text(),
        "menu": " ".join(action.text() for action in menu.actions()),
    }
    menu.deleteLater()
    return texts


def test_qts_own_buttons_and_menus_are_chinese_by_default(language, qtbot):
    language("zh_CN")
    texts = qt_texts(qtbot)
    assert (texts["ok"], texts["cancel"], texts["yes"]) == ("确定", "取消", "是(&Y)")
    assert "复制" in texts["menu"] and "粘贴" in texts["menu"]


def test_qts_own_buttons_and_menus_in_english(language, qtbot):
    language("en")
    texts = qt_texts(qtbot)
    assert (texts["ok"], texts["cancel"]) == ("OK", "Cancel")
    assert "&Copy" in texts["menu"]


@pytest.mark.parametrize(("lang", "date", "number"), [("zh_CN", "2026/1/5", "12,345"), ("en", "1/5/2026", "12,345")])
def test_dates_and_numbers_in_the_languages_format_with_four_digit_years(language, lang, date, number):
    language(lang)
    assert fmt_date(dt.date(2026, 1, 5)) == date
    assert fmt_int(12345) == number
    assert fmt_date(None) == ""


def test_pseudo_translation_stretches_english_and_keeps_fields_and_tags():
    stretched = i18n_tools.stretch("Lend {count} copies to <b>{name}</b>")
    assert stretched.startswith("[Ĺéñd {count} çöpîéš tö <b>{name}</b>") and stretched.endswith("]")
    sentence = "Scan a reader card to lend; a book scanned with no reader open is returned."
    assert 1.35 * len(sentence) <= len(i18n_tools.stretch(sentence)) <= 1.5 * len(sentence)
    assert i18n_tools.stretch("%n copies").startswith("[%n çöpîéš")
    assert i18n_tools.stretch("") == ""


def test_pseudo_translation_compiles_and_loads(qapp, tmp_path):
    qm = i18n_tools.pseudo(tmp_path / "pseudo.qm")
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "扫码台").startswith("[Déšk")
